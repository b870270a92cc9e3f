package backup

import (
	"context"
	"os"
	"path/filepath"
	"runtime"

	"msprecords/store"
)

// WriteFile writes a backup (as Write) to the file at path, atomically: the
// backup goes to a temporary file beside path, which is synced and renamed
// over path only once the backup is complete. A backup that fails or is
// cancelled (ctx done) removes the temporary file, so that no half-written
// backup is left to be mistaken for a good one; path itself is then left
// as it was.
func WriteFile(ctx context.Context, path, vaultDir string, st *store.Store, passphrase string, workFactor int, progress Progress) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			_ = f.Close()
			_ = os.Remove(tmp)
		}
	}()
	if err = Write(ctx, f, vaultDir, st, passphrase, workFactor, progress); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = ctx.Err(); err != nil {
		return err // cancelled at the last moment: the old file stays
	}
	if err = os.Rename(tmp, path); err != nil {
		return err
	}
	return syncDir(filepath.Dir(path))
}

// syncDir makes the rename durable where folders can be synced (not on
// Windows, where NTFS journals the rename instead).
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}
