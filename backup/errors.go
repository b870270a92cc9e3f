package backup

import (
	"errors"
	"fmt"

	"msprecords/crypto"
)

// ErrWrongPassphrase is returned by Restore when the passphrase does not
// open the backup. It also matches crypto.ErrWrongPassphrase, but a wrong
// passphrase for the restored vault itself (from the UnlockFunc) matches
// only crypto.ErrWrongPassphrase, so callers can tell the two apart.
var ErrWrongPassphrase = errors.New("the passphrase does not open this backup")

// damaged marks err as a sign of a damaged, truncated or foreign backup,
// unless it is marked already (crypto reports damage to the age stream).
func damaged(err error) error {
	if errors.Is(err, crypto.ErrDamagedBackup) {
		return err
	}
	return fmt.Errorf("%w: %w", crypto.ErrDamagedBackup, err)
}

// damagedf is damaged with a message of its own.
func damagedf(format string, args ...any) error {
	return damaged(fmt.Errorf(format, args...))
}
