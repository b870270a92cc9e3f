package backup

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"

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

// loadDatabase opens the vault just written, whose lock Restore holds,
// unlocks it and loads the database stream into it, encrypted with the
// vault's key. It returns the number of cases restored.
func loadDatabase(dir string, unlock UnlockFunc, db *chunkReader) (n int, err error) {
	v, err := crypto.Open(dir)
	if err != nil {
		return 0, err
	}
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

// countCases opens the restored database, which also proves that it opens,
// and verifies it: every case reads and the audit chain is whole. The
// backup records no case count to check against, so this is the check
// that the database is all there before the vault is put in place.
func countCases(dir string, key crypto.MasterKey, user string) (n int, err error) {
	s, err := store.Open(dir, key, user, practice.DefaultOptions())
	if err != nil {
		return 0, err
	}
	defer func() { err = errors.Join(err, s.Close()) }()
	report, err := s.Verify()
	if err != nil {
		return 0, err
	}
	if !report.OK() {
		return 0, damagedf("the restored database does not verify: %s", strings.Join(report.Problems, "; "))
	}
	return len(s.Summaries()), nil
}

// workInfix and workPattern name the hidden folder a restore writes into,
// beside its target: ".<name>.restoring-<random>".
const (
	workInfix   = ".restoring-"
	workPattern = ".*" + workInfix + "*"
)

// makeWorkDir makes the hidden folder beside the target named name in
// parent, and takes the vault lock in it at once, so that another restore
// tidying the parent folder (removeStale) leaves it alone. Between the
// folder's creation and the lock there is a moment in which another
// restore could remove it; the lock then fails or the writes after it do,
// and this restore fails rather than leaving anything half done.
func makeWorkDir(parent, name string) (string, *crypto.VaultLock, error) {
	work, err := os.MkdirTemp(parent, "."+name+workInfix)
	if err != nil {
		return "", nil, err
	}
	lock, err := crypto.Lock(work)
	if err != nil {
		os.RemoveAll(work)
		return "", nil, err
	}
	return work, lock, nil
}

// discard removes the hidden folder of a failed restore.
func discard(work string, lock *crypto.VaultLock) {
	if runtime.GOOS == "windows" {
		lock.Release() // Windows cannot remove a file held open
	}
	os.RemoveAll(work)
	lock.Release()
}

// moveIntoPlace renames the complete vault in work to dir, which must be
// missing or empty, as Restore found it. An empty folder is removed first
// (os.Remove refuses one that has since gained anything) and made again
// if the rename then fails. Unix lets the lock be held across the rename;
// Windows cannot rename a folder with a file open in it.
func moveIntoPlace(work, dir string, lock *crypto.VaultLock) (err error) {
	missing, err := checkTarget(dir)
	if err != nil {
		return err
	}
	if !missing {
		if err := os.Remove(dir); err != nil {
			return fmt.Errorf("%w: %s could not be replaced: %w", crypto.ErrVaultExists, dir, err)
		}
		defer func() {
			if err != nil {
				os.Mkdir(dir, 0o700)
			}
		}()
	}
	if runtime.GOOS == "windows" {
		if err := lock.Release(); err != nil {
			return err
		}
	}
	if err := os.Rename(work, dir); err != nil {
		return err
	}
	lock.Release()
	syncDir(filepath.Dir(dir)) // best effort: the vault is in place either way
	return nil
}

// removeStale removes the hidden folders that killed restores left in
// parent. A folder whose vault lock is held belongs to a restore still
// running, in this process or another, and is left alone; the lock is the
// operating system's, so a killed process no longer holds it.
func removeStale(parent string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		if ok, _ := filepath.Match(workPattern, e.Name()); !ok || !e.IsDir() {
			continue
		}
		path := filepath.Join(parent, e.Name())
		lock, err := crypto.Lock(path)
		if err != nil {
			continue
		}
		discard(path, lock)
	}
}

// syncDir makes a rename in dir durable. Windows cannot open a folder to
// sync it, and NTFS journals metadata, so it is skipped there.
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	return errors.Join(d.Sync(), d.Close())
}
