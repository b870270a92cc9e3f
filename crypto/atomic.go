package crypto

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

// WriteFileAtomic replaces path with data so that, whatever happens (a
// crash, a power cut), path afterwards holds either its old content or the
// new one, never a mix or a truncated file.
//
// It writes a temporary file in the same folder (a rename is atomic only
// within one file system), syncs it, renames it over path, and syncs the
// folder so that the rename itself is durable. Windows cannot sync a
// folder; there NTFS journals the rename instead.
//
// The file gets mode perm as given (the umask is not applied). The
// temporary file is removed if anything fails. Its name starts with a
// dot and ends in ".tmp", so listings can skip one left by a crash.
func WriteFileAtomic(path string, data []byte, perm os.FileMode) error {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return fmt.Errorf("writing %s: %w", base, err)
	}
	tmp := f.Name()
	if err := writeSyncClose(f, data, perm); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("writing %s: %w", base, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("writing %s: %w", base, err)
	}
	return syncDir(dir)
}

// writeSyncClose writes data to f, sets perm, and flushes it to disk before
// closing, so that the rename that follows never exposes unwritten bytes.
func writeSyncClose(f *os.File, data []byte, perm os.FileMode) error {
	_, err := f.Write(data)
	if err == nil {
		err = setPerm(f, perm)
	}
	if err == nil {
		err = f.Sync()
	}
	return errors.Join(err, f.Close())
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
