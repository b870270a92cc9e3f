package backup

import (
	"errors"
	"os"
	"path/filepath"

	"msprecords/crypto"
	"msprecords/practice"
	"msprecords/store"
)

// writeVaultFiles writes the slot files, then vault.json, so that the
// folder is a vault only once its slots are there.
func writeVaultFiles(dir string, head []byte, slots map[string][]byte) error {
	slotsDir := filepath.Join(dir, "slots")
	if err := os.Mkdir(slotsDir, 0o700); err != nil {
		return err
	}
	for name, data := range slots {
		if err := crypto.WriteFileAtomic(filepath.Join(slotsDir, name), data, 0o600); err != nil {
			return err
		}
	}
	return crypto.WriteFileAtomic(filepath.Join(dir, headerName), head, 0o600)
}

// loadDatabase opens the vault just written, holding its lock as any
// program that opens a vault does, unlocks it and loads the database
// stream into it, encrypted with the vault's key. It returns the number of
// cases restored.
func loadDatabase(dir string, unlock UnlockFunc, db *chunkReader) (n int, err error) {
	v, err := crypto.Open(dir)
	if err != nil {
		return 0, err
	}
	lock, err := crypto.Lock(dir)
	if err != nil {
		return 0, err
	}
	defer func() { err = errors.Join(err, lock.Release()) }()
	key, user, err := unlock(v)
	if err != nil {
		return 0, err
	}
	defer func() { key = crypto.MasterKey{} }()
	if err := store.Restore(v.DBDir(), key, user, db); err != nil {
		return 0, storeFailure(err, db)
	}
	if err := db.finish(); err != nil {
		return 0, err
	}
	return countCases(v.DBDir(), key, user)
}

// storeFailure words a failed load: damage found in the archive first, then
// a stream the database cannot read, which is a damaged backup too (not a
// damaged vault, as store.ErrDamagedStore would say).
func storeFailure(err error, db *chunkReader) error {
	switch {
	case db.err != nil:
		return db.err
	case errors.Is(err, store.ErrDamagedStore):
		return damagedf("%v", err)
	}
	return err
}

// countCases opens the restored database, which also proves that it opens.
func countCases(dir string, key crypto.MasterKey, user string) (int, error) {
	s, err := store.Open(dir, key, user, practice.DefaultOptions())
	if err != nil {
		return 0, err
	}
	n := len(s.Summaries())
	return n, s.Close()
}

// undo removes what a failed restore wrote: the whole folder if it was
// missing, otherwise what a vault holds, leaving the folder empty as it
// was found.
func undo(dir string, missing bool) {
	if missing {
		os.RemoveAll(dir)
		return
	}
	v := &crypto.Vault{Dir: dir}
	for _, path := range []string{v.DBDir(), filepath.Join(dir, "slots"), filepath.Join(dir, headerName), filepath.Join(dir, "lock")} {
		os.RemoveAll(path)
	}
}
