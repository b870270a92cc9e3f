package crypto

import (
	"errors"
	"fmt"
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
// one file system); its name starts with a dot and ends in ".tmp", so
// listings can skip one left by a crash. It starts as mode 0600.
type AtomicFile struct {
	*os.File
	path string
	perm os.FileMode
	done bool
}

// CreateAtomic starts writing path; the file will get mode perm (the umask
// is not applied).
func CreateAtomic(path string, perm os.FileMode) (*AtomicFile, error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return nil, fmt.Errorf("writing %s: %w", base, err)
	}
	return &AtomicFile{File: f, path: path, perm: perm}, nil
}

// Commit flushes the file to disk, renames it over its real name and syncs
// the folder so that the rename itself is durable. Windows cannot sync a
// folder; there NTFS journals the rename instead. On failure the
// temporary file is removed.
func (a *AtomicFile) Commit() error {
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
		os.Remove(a.Name())
		return fmt.Errorf("writing %s: %w", base, err)
	}
	a.done = true
	return syncDir(filepath.Dir(a.path))
}

// Abandon removes the temporary file unless Commit succeeded; it is safe
// to defer.
func (a *AtomicFile) Abandon() {
	if !a.done {
		a.Close()
		os.Remove(a.Name())
	}
}

// WriteFileAtomic replaces path with data through an AtomicFile.
func WriteFileAtomic(path string, data []byte, perm os.FileMode) error {
	f, err := CreateAtomic(path, perm)
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
