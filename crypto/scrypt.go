package crypto

import (
	"filippo.io/age"
)

// newScryptRecipient returns an age scrypt recipient for passphrase at the
// given work factor (0 for the default). age panics on a work factor it
// cannot use, so the range is checked here first.
func newScryptRecipient(passphrase string, workFactor int) (*age.ScryptRecipient, error) {
	if passphrase == "" {
		return nil, ErrEmptyPassphrase
	}
	logN, err := resolveWorkFactor(workFactor)
	if err != nil {
		return nil, err
	}
	r, err := age.NewScryptRecipient(passphrase)
	if err != nil {
		return nil, err
	}
	r.SetWorkFactor(logN)
	return r, nil
}

// newScryptIdentity returns an age scrypt identity for passphrase that
// refuses files asking for more than MaxWorkFactor, so that a hostile slot
// or backup cannot make an unlock take minutes and gigabytes. ok is false
// for the empty passphrase, which opens nothing.
func newScryptIdentity(passphrase string) (id *age.ScryptIdentity, ok bool) {
	id, err := age.NewScryptIdentity(passphrase)
	if err != nil {
		return nil, false
	}
	id.SetMaxWorkFactor(MaxWorkFactor)
	return id, true
}
