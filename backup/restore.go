package backup

import (
	"archive/tar"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"msprecords/crypto"
)

// UnlockFunc unlocks a vault just restored, as the person restoring it
// chooses: with the backup's passphrase, their own, or the recovery key.
// It returns the master key and the user to record in the audit trail.
type UnlockFunc func(v *crypto.Vault) (crypto.MasterKey, string, error)

// Restore restores the backup read from r into dir, which must not exist
// or be empty (crypto.ErrVaultExists), and returns the number of cases
// restored. passphrase opens the backup; unlock then opens the restored
// vault, whose key slots are those in the backup.
//
// The vault is written into a hidden folder beside dir (see workPrefix),
// locked while Restore writes it, and renamed into place only once it is
// complete and its database opens and verifies. So a restore that fails or
// is killed part way never leaves a vault at dir that opens with some of
// the cases missing. On failure Restore removes the hidden folder; what a
// killed restore left is removed by the next restore into the same parent
// folder, which also removes any other such folder that no running
// restore holds locked.
//
// Errors: ErrWrongPassphrase, crypto.ErrDamagedBackup (which a damaged
// database stream also gives, rather than store.ErrDamagedStore),
// crypto.ErrVaultExists, *fs.PathError when the folder cannot be written,
// and whatever unlock returns.
func Restore(r io.Reader, dir, passphrase string, unlock UnlockFunc) (cases int, err error) {
	if _, err := checkTarget(dir); err != nil {
		return 0, err
	}
	dir = filepath.Clean(dir)
	parent := filepath.Dir(dir)
	removeStale(parent)
	plain, err := crypto.DecryptWithPassphrase(r, passphrase)
	if errors.Is(err, crypto.ErrWrongPassphrase) {
		return 0, fmt.Errorf("%w (%w)", ErrWrongPassphrase, err)
	}
	if err != nil {
		return 0, err
	}
	if err := os.MkdirAll(parent, 0o700); err != nil {
		return 0, err
	}
	work, lock, err := makeWorkDir(parent, filepath.Base(dir))
	if err != nil {
		return 0, err
	}
	defer func() {
		if err != nil {
			discard(work, lock)
		}
	}()
	rs := &restorer{dir: work, unlock: unlock, slots: map[string][]byte{}}
	if cases, err = rs.restore(tar.NewReader(plain)); err != nil {
		return 0, err
	}
	// Read the age stream to its end, so that a file cut short or added to
	// after the archive is refused too: age authenticates its end.
	if _, err := io.Copy(io.Discard, plain); err != nil {
		return 0, damaged(err)
	}
	if err := moveIntoPlace(work, dir, lock); err != nil {
		return 0, err
	}
	return cases, nil
}

// checkTarget refuses a folder that holds anything: restoring never
// overwrites or mixes with what is there. It reports whether the folder
// is missing.
func checkTarget(dir string) (missing bool, err error) {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return true, nil
	case err != nil:
		return false, err
	case len(entries) > 0:
		return false, fmt.Errorf("%w: %s is not empty", crypto.ErrVaultExists, dir)
	}
	return false, nil
}

// restorer reads a backup's archive into the new vault folder.
type restorer struct {
	dir    string
	unlock UnlockFunc
	head   []byte
	slots  map[string][]byte
}

// restore reads the vault's files, then the database, which runs to the
// end of the archive, and returns the number of cases.
func (r *restorer) restore(tr *tar.Reader) (int, error) {
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return 0, damagedf("it holds no database")
		}
		if err != nil {
			return 0, damaged(err)
		}
		if h.Typeflag != tar.TypeReg {
			return 0, damagedf("unexpected entry %q in the backup", h.Name)
		}
		if h.Name == legacyDB || strings.HasPrefix(h.Name, chunkPrefix) {
			return r.restoreDB(tr, h.Name)
		}
		if err := r.take(h.Name, tr); err != nil {
			return 0, err
		}
	}
}

// take keeps vault.json or a slot file, refusing anything a backup never
// holds.
func (r *restorer) take(name string, f io.Reader) error {
	slot, isSlot := strings.CutPrefix(name, slotsPrefix)
	if name != headerName && !(isSlot && validSlotName(slot)) {
		return damagedf("unexpected entry %q in the backup", name)
	}
	data, err := readSmall(f)
	if err != nil {
		return err
	}
	if isSlot {
		r.slots[slot] = data
	} else {
		r.head = data
	}
	return nil
}

// restoreDB writes the vault's files, then loads the database, whose first
// entry is named first, into it.
func (r *restorer) restoreDB(tr *tar.Reader, first string) (int, error) {
	if r.head == nil || len(r.slots) == 0 {
		return 0, damagedf("it holds no vault header or key slots")
	}
	db, err := newChunkReader(tr, first)
	if err != nil {
		return 0, err
	}
	if err := writeVaultFiles(r.dir, r.head, r.slots); err != nil {
		return 0, err
	}
	return loadDatabase(r.dir, r.unlock, db)
}

// readSmall reads a small file of a backup.
func readSmall(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxSmallFile+1))
	if err != nil {
		return nil, damaged(err)
	}
	if len(data) > maxSmallFile {
		return nil, damagedf("a file in the backup is too large")
	}
	return data, nil
}
