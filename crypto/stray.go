package crypto

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// StrayKind says what a stray file in the vault folder probably is.
type StrayKind int

const (
	// StrayTemp is a temporary file left by a program that was stopped
	// while saving: an unfinished vault header or key slot, which never
	// took effect, or an unfinished file of the database's.
	StrayTemp StrayKind = iota + 1
	// StrayOther is a file or folder this program never writes there,
	// perhaps copied in by hand or by another program.
	StrayOther
)

// Stray is a file or folder in the vault folder that belongs to none of
// its parts: not the header, a key slot, the lock or the database's own.
type Stray struct {
	Rel    string // the path from the vault folder, with the system's separators
	Kind   StrayKind
	Folder bool
}

// StrayFiles lists what in the vault folder is none of its known files:
// vault.json, lock, slots/<id>.json (a slot file that cannot be read is a
// damaged slot, reported by Slots, not a stray), and in db/ whatever dbOwn
// accepts (the database's own files, which only the store knows). Only the
// holder of the vault lock should act on the list.
func (v *Vault) StrayFiles(dbOwn func(name string) bool) ([]Stray, error) {
	var out []Stray
	top, err := os.ReadDir(v.Dir)
	if err != nil {
		return nil, fmt.Errorf("reading the vault folder: %w", err)
	}
	for _, e := range top {
		switch name := e.Name(); {
		case name == headerName || name == lockName:
			if !e.Type().IsRegular() {
				out = append(out, strayOf(name, e))
			}
		case name == slotsName && e.IsDir():
			out = append(out, v.straysIn(slotsName, isSlotFileName)...)
		case name == dbName && e.IsDir():
			out = append(out, v.straysIn(dbName, dbOwn)...)
		default:
			out = append(out, strayOf(name, e))
		}
	}
	slices.SortFunc(out, func(a, b Stray) int { return strings.Compare(a.Rel, b.Rel) })
	return out, nil
}

// straysIn lists the entries of the vault's folder sub that known rejects.
// Folders are always stray: neither slots/ nor Badger makes any.
func (v *Vault) straysIn(sub string, known func(string) bool) []Stray {
	entries, err := os.ReadDir(filepath.Join(v.Dir, sub))
	if err != nil {
		return nil // reported by the slot or database checks
	}
	var out []Stray
	for _, e := range entries {
		if e.Type().IsRegular() && known(e.Name()) {
			continue
		}
		out = append(out, strayOf(filepath.Join(sub, e.Name()), e))
	}
	return out
}

func strayOf(rel string, e fs.DirEntry) Stray {
	kind := StrayOther
	if e.Type().IsRegular() && IsTempName(filepath.Base(rel)) {
		kind = StrayTemp
	}
	return Stray{Rel: rel, Kind: kind, Folder: e.IsDir()}
}

// RemoveStray removes s from the vault folder: a file, or a folder only if
// it is empty (what is inside a folder someone put there is theirs to look
// at first). Only the holder of the vault lock may call it.
func (v *Vault) RemoveStray(s Stray) error {
	if !filepath.IsLocal(s.Rel) || s.Rel == headerName || s.Rel == lockName || s.Rel == slotsName || s.Rel == dbName {
		return fmt.Errorf("%s is not a stray file of the vault", s.Rel)
	}
	return os.Remove(filepath.Join(v.Dir, s.Rel))
}
