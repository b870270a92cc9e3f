package app

import (
	"errors"
	"strings"
	"syscall"

	"msprecords/crypto"
	"msprecords/records"
	"msprecords/store"
)

// messageFor gives the words a person reads for an error from the vault or
// the store. The error values say what went wrong for a developer; these say
// what it means and what to do, without jargon. Unknown errors get a general
// sentence with the error's own text, so nothing is hidden.
func messageFor(err error) string {
	if err == nil {
		return ""
	}
	for _, m := range errorMessages {
		if errors.Is(err, m.err) {
			return m.text
		}
	}
	var v *records.ValidationError
	if errors.As(err, &v) {
		return validationMessage(v)
	}
	return "Something went wrong: " + err.Error() + "."
}

var errorMessages = []struct {
	err  error
	text string
}{
	{crypto.ErrWrongPassphrase, "The passphrase is not right. Check it and try again (passphrases are case-sensitive)."},
	{crypto.ErrWrongRecoveryKey, "The recovery key is not right. Check it and try again: it starts with " + crypto.RecoveryKeyPrefix + ", and spaces and capital letters in it do not matter."},
	{crypto.ErrNoSuchUser, "There is no user of that name in this vault."},
	{crypto.ErrVaultInUse, "This vault is already open in another window or program. Close it there first."},
	{store.ErrStoreInUse, "This vault is already open in another window or program. Close it there first."},
	{crypto.ErrDamagedHeader, "The vault is damaged: its vault.json file cannot be read. Restore it from a backup."},
	{crypto.ErrDamagedSlot, "A key file of this vault is damaged, so it cannot be unlocked with this passphrase. Try another user, or restore the vault from a backup."},
	{crypto.ErrUnknownFormat, "This vault was made by a newer version of MSP Records. Install the newer version to open it."},
	{crypto.ErrForeignSlot, "A key file in this vault belongs to another vault: someone has copied files between vaults. Restore the vault from a backup."},
	{crypto.ErrNoVault, "There is no vault in this folder."},
	{crypto.ErrVaultExists, "The folder for the vault is not empty, so a new vault cannot be made there."},
	{crypto.ErrInvalidLabel, "Enter a user name of 100 characters or fewer."},
	{crypto.ErrSlotExists, "There is already a user of that name."},
	{crypto.ErrLastSlot, "This is the only user: add another user before removing this one."},
	{crypto.ErrEmptyPassphrase, "Enter a passphrase."},
	{crypto.ErrDamagedBackup, "The backup file is damaged, incomplete or not an MSP Records backup."},
	{syscall.ENOSPC, "The disk is full. Free some space: nothing you typed is lost, and it is saved as soon as there is room."},
	{store.ErrDamagedStore, "The case database of this vault is missing or damaged. Restore the vault from a backup."},
	{store.ErrWrongKey, "The case database does not belong to this vault's keys. Restore the vault from a backup."},
	{store.ErrStoreClosed, "The vault is locked. Unlock it and try again."},
	{store.ErrNotFound, "This case no longer exists: it may have been deleted."},
	{store.ErrConflict, "This case was changed elsewhere since you opened it."},
	{records.ErrChronologyRewritten, "Chronology entries cannot be changed or removed: add a correction instead."},
	{store.ErrDuplicateReference, "Another case already has this reference. Choose another, or leave it blank to number the case automatically."},
}

// recoveryKeyMessage is messageFor for using the recovery key, where a
// damaged key file is the recovery key's own, not a passphrase's.
func recoveryKeyMessage(err error) string {
	if errors.Is(err, crypto.ErrDamagedSlot) {
		return "The vault's recovery key file is missing or damaged, so the recovery key cannot open it. " +
			"Another user of this vault can add you again in Settings, or restore the vault from a backup."
	}
	return messageFor(err)
}

// validationMessage lists what stops a case being saved, each problem in the
// GOV.UK style the domain package already wrote.
func validationMessage(v *records.ValidationError) string {
	msgs := make([]string, len(v.Problems))
	for i, p := range v.Problems {
		msgs[i] = p.Message
	}
	return "Not saved yet: " + strings.Join(msgs, "; ") + "."
}
