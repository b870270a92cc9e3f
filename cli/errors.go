package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"msprecords/backup"
	"msprecords/crypto"
	"msprecords/store"
	"msprecords/userwords"
)

// userError is a failure already worded for the person at the keyboard.
// It keeps the error it explains, for errors.Is.
type userError struct {
	msg string
	err error
}

func (e *userError) Error() string { return e.msg }
func (e *userError) Unwrap() error { return e.err }

// failf returns a userError.
func failf(format string, args ...any) error {
	return &userError{msg: fmt.Sprintf(format, args...)}
}

// explain words err for the user with msg, keeping err underneath.
func explain(err error, format string, args ...any) error {
	return &userError{msg: fmt.Sprintf(format, args...), err: err}
}

// message returns the one line a failure prints, in plain English: a
// failure the command worded itself, an import file's problem as the store
// words it, else the words the window uses too (package userwords).
func message(err error, vaultDir string) string {
	var ue *userError
	if errors.As(err, &ue) {
		return ue.msg
	}
	var ie *store.ImportError
	if errors.As(err, &ie) || errors.Is(err, store.ErrImport) {
		return err.Error()
	}
	return userwords.CommandLine(vaultDir).Message(err)
}

// restoreFailure words the errors of backup.Restore that need more than
// the shared words give: the folder restored into, and what is wrong with
// the backup. Damage comes before the rest, as a damaged backup can also
// match store.ErrDamagedStore, which would blame the vault.
func restoreFailure(err error, dir string) error {
	var ue *userError
	var pe *os.PathError
	switch {
	case errors.As(err, &ue):
		return err
	case errors.Is(err, backup.ErrWrongPassphrase):
		return explain(err, "the passphrase does not open this backup. Check Caps Lock; if the backup was made with a passphrase of its own, give it with --backup-passphrase-file")
	case errors.Is(err, crypto.ErrDamagedBackup):
		return explain(err, "the backup file is damaged, incomplete or not an MSP Records backup (%s)", damageDetail(err))
	case errors.Is(err, crypto.ErrVaultExists):
		return explain(err, "restore needs a new or empty folder, and %s is not empty: choose a new folder", dir)
	case errors.As(err, &pe) && pe.Op == "mkdir" && !inside(pe.Path, dir):
		return failf("cannot make the folder %s: %v", dir, pe.Err)
	case errors.As(err, &pe):
		return failf("cannot write the vault in %s: %v", dir, pe.Err)
	}
	return err
}

// damageDetail is what a damaged-backup error says beyond its kind, which
// the message around it already says in plain words.
func damageDetail(err error) string {
	return strings.TrimPrefix(err.Error(), crypto.ErrDamagedBackup.Error()+": ")
}

// inside reports whether path lies within the folder dir: a folder that
// could not be made inside it is part of the vault, not the folder itself
// or one above it.
func inside(path, dir string) bool {
	return strings.HasPrefix(filepath.Clean(path), filepath.Clean(dir)+string(filepath.Separator))
}
