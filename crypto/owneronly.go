package crypto

import (
	"fmt"
	"path/filepath"
)

// WriteOwnerOnly replaces path with data, as WriteFileAtomic does, in a
// file that only the person running the program may read: mode 0600 on
// Unix, and on Windows a protected access list granting only the current
// user (see RestrictToOwner). It is for the files that hold a secret in
// clear, such as a saved recovery key or a printed recovery sheet.
//
// On Windows the temporary file is restricted before the secret is written
// into it, so there is no moment when another user could open it; the
// file's access list moves with it when it is renamed.
func WriteOwnerOnly(path string, data []byte) error {
	f, err := CreateAtomic(path, 0o600)
	if err != nil {
		return err
	}
	defer f.Abandon()
	if err := RestrictToOwner(f.Name()); err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		return fmt.Errorf("writing %s: %w", filepath.Base(path), err)
	}
	if err := f.Commit(); err != nil {
		return err
	}
	return RestrictToOwner(path)
}
