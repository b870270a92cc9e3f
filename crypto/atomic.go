package crypto

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
)

// AtomicFile is a file written under a temporary name in the folder of its
// final one, and given its real name only by Commit, once complete and on
// disk: whatever happens (a crash, a power cut, a full disk, an error), the
// path afterwards holds either its old content or the whole new one, never
// a mix or a truncated file. It is the one way this program writes a file
// that matters: key slots, the vault header, backups, packs, reports.
//
// The temporary file is in the same folder (a rename is atomic only within
// one file system) and is named by TempName: ".msprecords-<random>.tmp",
// nothing of the real name in it, so it says nothing about what it holds,
// and the program recognises its own leftovers (IsTempName). It starts as
// mode 0600.
//
// A kill can still leave the temporary file behind. Inside the vault folder
// the next Lock removes those (see removeVaultTemps); elsewhere, in a
// folder the user chose, the program cannot go looking, so a writer given a
// TempLedger records the temporary file's path there before creating it and
// forgets it once the file is committed or abandoned; whoever keeps the
// ledger removes what is still recorded the next time it may (the store
// does so at every open).
type AtomicFile struct {
	*os.File
	path   string
	perm   os.FileMode
	ledger TempLedger
	done   bool // committed or abandoned: the temporary name is gone
}

// TempLedger records the temporary files of AtomicFile writers, so that
// one a crash leaves behind can be found and removed later. Begin is
// called with the absolute path of a temporary file before it is created,
// and must have made the record durable when it returns; an error stops
// the write before anything is on disk. End is called once the file is
// committed or removed; it cannot fail the write, and a record it fails to
// delete only leads to a harmless check of a file that is no longer there.
type TempLedger interface {
	Begin(tempPath string) error
	End(tempPath string)
}

// CreateAtomic starts writing path; the file will get mode perm (the umask
// is not applied).
func CreateAtomic(path string, perm os.FileMode) (*AtomicFile, error) {
	return CreateAtomicWith(path, perm, nil)
}

// CreateAtomicWith is CreateAtomic whose temporary file is recorded in
// ledger (which may be nil) for as long as it exists.
func CreateAtomicWith(path string, perm os.FileMode, ledger TempLedger) (*AtomicFile, error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := createTemp(dir, ledger)
	if err != nil {
		return nil, fmt.Errorf("writing %s: %w", base, err)
	}
	return &AtomicFile{File: f, path: path, perm: perm, ledger: ledger}, nil
}

// createTemp creates a new temporary file in dir, named before it is made
// and recorded in ledger in between, so that no moment exists in which the
// file is on disk and unrecorded. O_EXCL: the name is random, but a file
// already there is never taken over.
func createTemp(dir string, ledger TempLedger) (*os.File, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	for range 3 {
		name, err := TempName()
		if err != nil {
			return nil, err
		}
		temp := filepath.Join(abs, name)
		if ledger != nil {
			if err := ledger.Begin(temp); err != nil {
				return nil, fmt.Errorf("%w: %w", ErrTempNotRecorded, err)
			}
		}
		liveTemps.add(temp)
		f, err := os.OpenFile(temp, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if err == nil {
			return f, nil
		}
		liveTemps.remove(temp)
		if ledger != nil {
			ledger.End(temp)
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, err
		}
	}
	return nil, errors.New("no free name for a temporary file")
}

// Commit flushes the file to disk, renames it over its real name and syncs
// the folder so that the rename itself is durable. Windows cannot sync a
// folder; there NTFS journals the rename instead. On failure the
// temporary file is removed.
func (a *AtomicFile) Commit() error {
	if a.done {
		return fmt.Errorf("writing %s: %w", filepath.Base(a.path), os.ErrClosed)
	}
	base := filepath.Base(a.path)
	err := setPerm(a.File, a.perm)
	if err == nil {
		err = a.Sync()
	}
	if cerr := a.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(a.Name(), a.path)
	}
	if err != nil {
		a.Abandon()
		return fmt.Errorf("writing %s: %w", base, err)
	}
	a.finish()
	return syncDir(filepath.Dir(a.path))
}

// Abandon removes the temporary file unless Commit succeeded; it is safe
// to defer, and to call more than once.
func (a *AtomicFile) Abandon() {
	if a.done {
		return
	}
	a.Close()
	os.Remove(a.Name())
	a.finish()
}

// finish forgets the temporary file: it is renamed or removed.
func (a *AtomicFile) finish() {
	a.done = true
	liveTemps.remove(a.Name())
	if a.ledger != nil {
		a.ledger.End(a.Name())
	}
}

// WriteFileAtomic replaces path with data through an AtomicFile.
func WriteFileAtomic(path string, data []byte, perm os.FileMode) error {
	return WriteFileAtomicWith(path, data, perm, nil)
}

// WriteFileAtomicWith is WriteFileAtomic with the temporary file recorded
// in ledger (which may be nil) while it exists.
func WriteFileAtomicWith(path string, data []byte, perm os.FileMode, ledger TempLedger) error {
	f, err := CreateAtomicWith(path, perm, ledger)
	if err != nil {
		return err
	}
	defer f.Abandon()
	if _, err := f.Write(data); err != nil {
		return fmt.Errorf("writing %s: %w", filepath.Base(path), err)
	}
	return f.Commit()
}

// setPerm gives f the mode perm (the umask is not applied). The temporary
// file starts as 0600, the strictest useful mode, so a failure to loosen it
// (FAT drives and some network shares refuse chmod) is harmless and ignored;
// a failure to tighten it is not.
func setPerm(f *os.File, perm os.FileMode) error {
	const start = 0o600
	if perm == start {
		return nil
	}
	if err := f.Chmod(perm); err != nil && perm&^start == 0 {
		return err
	}
	return nil
}

// syncDir makes a rename or a removal in dir durable. Windows has no way to
// open a folder for syncing, and NTFS journals metadata, so it is skipped
// there.
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("syncing folder: %w", err)
	}
	err = d.Sync()
	return errors.Join(err, d.Close())
}
