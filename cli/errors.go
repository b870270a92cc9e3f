package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"msprecords/backup"
	"msprecords/crypto"
	"msprecords/records"
	"msprecords/store"
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

// plainMessages words the sentinel errors of the packages below. The first
// that matches wins, so the more telling ones come first. {vault} stands for
// the vault folder.
var plainMessages = []struct {
	err  error
	text string
}{
	{crypto.ErrVaultInUse, "the vault is already open in another window or program. Close it there and try again."},
	{store.ErrStoreInUse, "the vault is already open in another window or program. Close it there and try again."},
	{backup.ErrWrongPassphrase, "the passphrase does not open this backup. Check Caps Lock, and that it is the passphrase the backup was made with."},
	{crypto.ErrWrongPassphrase, "the passphrase is not right for this vault. Check Caps Lock and try again."},
	{crypto.ErrWrongRecoveryKey, "the recovery key is not right for this vault. Check it against the copy you stored."},
	{crypto.ErrNoVault, "there is no vault in {vault}. Create one with 'msprecords init', or name the right folder with --vault."},
	{crypto.ErrUnknownFormat, "this vault was made by a newer version of MSP Records. Install the latest version to open it."},
	{store.ErrUnknownSchema, "the records were written by a newer version of MSP Records. Install the latest version to open them."},
	{crypto.ErrDamagedHeader, "the vault's header file (vault.json in {vault}) is damaged: restore from a backup (see README)."},
	{crypto.ErrForeignSlot, "a key slot in this vault belongs to another vault (was it copied from elsewhere?). Remove it, or restore from a backup (see README)."},
	{store.ErrWrongKey, "the passphrase opened a key slot, but its key does not open this vault's database: the slot may come from another vault. Restore from a backup (see README)."},
	{crypto.ErrDamagedSlot, "a key slot of this vault is damaged: unlock as another user, or use your recovery key, or restore from a backup (see README)."},
	{store.ErrDamagedStore, "the database is missing or damaged: restore from a backup (see README)."},
	{crypto.ErrDamagedBackup, "the backup file is damaged, incomplete or not an MSP Records backup."},
	{crypto.ErrNoSuchUser, "there is no user of that name in this vault. 'msprecords slots list' shows the users."},
	{crypto.ErrSlotExists, "there is already a user of that name in this vault."},
	{crypto.ErrLastSlot, "that is the only user who can unlock the vault: add another user before removing this one."},
	{crypto.ErrVaultExists, "the folder {vault} is not empty: choose a new or empty folder for the vault with --vault."},
	{crypto.ErrInvalidLabel, "a user name must be 1 to 100 characters long, with no control characters."},
	{crypto.ErrEmptyPassphrase, "the passphrase must not be empty."},
	{crypto.ErrWorkFactor, "the scrypt work factor is out of range (check " + testWorkFactorEnv + ", which is for tests only)."},
	{store.ErrNotFound, "there is no case with that reference. 'msprecords list' shows the cases."},
	{store.ErrDuplicateReference, "another case already has that reference."},
	{store.ErrConflict, "the case was changed elsewhere since it was opened: try again."},
	{store.ErrStoreClosed, "the vault was closed before the command finished: try again."},
	{syscall.ENOSPC, "the disk is full: nothing was saved or changed. Free some space and try again."},
}

// message returns the one line a failure prints, in plain English.
func message(err error, vaultDir string) string {
	var ue *userError
	if errors.As(err, &ue) {
		return ue.msg
	}
	var ie *store.ImportError
	if errors.As(err, &ie) || errors.Is(err, store.ErrImport) {
		return err.Error()
	}
	var ve *records.ValidationError
	if errors.As(err, &ve) {
		return err.Error()
	}
	for _, m := range plainMessages {
		if errors.Is(err, m.err) {
			return strings.ReplaceAll(m.text, "{vault}", vaultDir)
		}
	}
	return "something went wrong: " + err.Error()
}

// restoreFailure words the errors of backup.Restore that need more than
// plainMessages gives: the folder restored into, and what is wrong with
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
