package cli

import (
	"archive/tar"
	"fmt"
	"io"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// A backup is an age file, encrypted with a passphrase, holding a tar
// stream of the whole vault, in this order:
//
//	vault.json        the vault's header, byte for byte
//	slots/<id>.json   every key slot file, byte for byte
//	db.backup         the database, as records.Store.Backup writes it
//
// The key slots go with the backup, so a restored vault opens with the
// passphrases (and the recovery key) it had when the backup was made.
const (
	archiveHeader = "vault.json"
	archiveSlots  = "slots/"
	archiveDB     = "db.backup"
)

// maxArchiveSmallFile bounds vault.json and each slot file in a backup;
// both are well under a kilobyte.
const maxArchiveSmallFile = 64 << 10

// writeArchive writes the tar stream of a backup: the vault's header and
// slot files from dir, then the database stream.
func writeArchive(w io.Writer, dir string, db []byte) error {
	tw := tar.NewWriter(w)
	header, err := os.ReadFile(filepath.Join(dir, archiveHeader))
	if err != nil {
		return err
	}
	if err := addToArchive(tw, archiveHeader, header); err != nil {
		return err
	}
	slots, err := readSlotFiles(filepath.Join(dir, "slots"))
	if err != nil {
		return err
	}
	for _, name := range slices.Sorted(maps.Keys(slots)) {
		if err := addToArchive(tw, archiveSlots+name, slots[name]); err != nil {
			return err
		}
	}
	if err := addToArchive(tw, archiveDB, db); err != nil {
		return err
	}
	return tw.Close()
}

func addToArchive(tw *tar.Writer, name string, data []byte) error {
	h := &tar.Header{Name: name, Mode: 0o600, Size: int64(len(data)), ModTime: time.Now().UTC().Truncate(time.Second), Typeflag: tar.TypeReg}
	if err := tw.WriteHeader(h); err != nil {
		return err
	}
	_, err := tw.Write(data)
	return err
}

// readSlotFiles reads the slot files of a vault (not the temporary files a
// crash may leave), by name.
func readSlotFiles(dir string) (map[string][]byte, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	for _, e := range entries {
		if !validSlotName(e.Name()) || !e.Type().IsRegular() {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		out[e.Name()] = data
	}
	return out, nil
}

// validSlotName accepts the name of a slot file and nothing that could
// climb out of the slots folder when a backup is restored.
func validSlotName(name string) bool {
	return strings.HasSuffix(name, ".json") && !strings.HasPrefix(name, ".") &&
		len(name) < 100 && path.Base(name) == name && !strings.ContainsAny(name, `/\:`)
}

// archiveEntry is one file of a backup as it is read.
type archiveEntry struct {
	kind string // archiveHeader, archiveSlots or archiveDB
	name string // the slot file's name, for slots
	r    io.Reader
}

// nextEntry reads the next file of a backup, refusing anything a backup
// never holds.
func nextEntry(tr *tar.Reader) (*archiveEntry, error) {
	h, err := tr.Next()
	if err != nil {
		return nil, err
	}
	if h.Typeflag != tar.TypeReg {
		return nil, fmt.Errorf("unexpected entry %q in the backup", h.Name)
	}
	switch {
	case h.Name == archiveHeader:
		return &archiveEntry{kind: archiveHeader, r: tr}, nil
	case h.Name == archiveDB:
		return &archiveEntry{kind: archiveDB, r: tr}, nil
	case strings.HasPrefix(h.Name, archiveSlots) && validSlotName(strings.TrimPrefix(h.Name, archiveSlots)):
		return &archiveEntry{kind: archiveSlots, name: strings.TrimPrefix(h.Name, archiveSlots), r: tr}, nil
	}
	return nil, fmt.Errorf("unexpected entry %q in the backup", h.Name)
}

// readSmall reads a small file of a backup.
func readSmall(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxArchiveSmallFile+1))
	if err == nil && len(data) > maxArchiveSmallFile {
		err = fmt.Errorf("a file in the backup is too large")
	}
	return data, err
}
