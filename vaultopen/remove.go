package vaultopen

import (
	"errors"
	"fmt"
	"time"

	"filippo.io/age"

	"msprecords/crypto"
	"msprecords/practice"
	"msprecords/store"
)

// Removing a user. Their slot goes first, so their passphrase stops
// working at once; then the restricted cases they could read get new case
// keys, and the vault a new master key (crypto/rotate.go says how, and why
// a crash at any point leaves a vault that opens). A copy of the vault
// taken before, a backup included, still opens with their old passphrase:
// nothing can change a copy.

// ErrRemoveSelf means a lead asked to remove themselves.
var ErrRemoveSelf = errors.New("you cannot remove yourself: ask another safeguarding lead to do it")

// IssuedCode is a setup code given to a colleague whose slot could not
// take the vault's new key (crypto.LeftBehind), for the lead to pass on.
type IssuedCode struct {
	crypto.LeftBehind
	Code    string
	Expires time.Time
}

// Removal is what removing a user did, for the lead to act on.
type Removal struct {
	User string
	// CodeOnly says that User had only a setup code, not yet used, which
	// was taken back: the vault keeps its key.
	CodeOnly bool
	// Rekeyed counts the restricted cases given a new key; Unreadable those
	// the user could read that this lead cannot, which get theirs the next
	// time one of their readers unlocks.
	Rekeyed, Unreadable int
	// Codes are new setup codes for colleagues whose slots could not take
	// the new key: they set their passphrase again with them.
	Codes []IssuedCode
	// RecoveryKey is a new recovery key, when the old one's public half
	// was not known and the new master key could not be sealed to it.
	RecoveryKey string
}

// RemoveUser removes name from the vault and gives it a new master key.
// u is the lead's own unlock (for the master key: the session does not
// keep it), rules the practice options the store reopens with. The store
// is closed and opened again under the new key, so s.Store changes; if
// that fails the session is left without a store and the caller must
// Close it: the change is finished at the next unlock. u.Key is zeroed.
func (s *Session) RemoveUser(u *crypto.Unlocked, name string, rules practice.Options) (Removal, error) {
	defer u.Zero()
	r := Removal{User: name}
	switch {
	case !s.IsLead():
		return r, crypto.ErrNotLead
	case s.User != "" && crypto.SameUser(name, s.User):
		return r, ErrRemoveSelf
	}
	if _, err := s.Vault.Slots(); err != nil {
		// Every slot must take the new key: refuse before anything changes.
		return r, fmt.Errorf("a user cannot be removed while a key slot is unreadable: %w", err)
	}
	users, _ := s.Vault.Users()
	if r.CodeOnly = !crypto.HasUser(users, name); r.CodeOnly {
		// A setup code not yet used: its colleague never opened the vault.
		return r, s.Vault.RemoveSlot(name)
	}
	if err := s.Vault.RemoveSlot(name); err != nil {
		return r, err
	}
	if err := s.replaceUnknownRecoveryKey(u.Key, &r); err != nil {
		return r, err
	}
	rekeyed, unreadable, err := s.Store.RekeyWithout(func(n string) bool { return crypto.SameUser(n, name) }, s.sealTo)
	r.Rekeyed, r.Unreadable = len(rekeyed), len(unreadable)
	if err != nil {
		return r, err
	}
	next, err := crypto.NewMasterKey()
	if err != nil {
		return r, err
	}
	defer ZeroKey(&next)
	if err := s.Vault.PrepareKeyChange(u.Key, next); err != nil {
		return r, err
	}
	if err := s.changeStoreKey(u.Key, next, rules, &r); err != nil {
		return r, err
	}
	return r, nil
}

// replaceUnknownRecoveryKey makes a new recovery key if the vault does not
// know the public half of the old one.
func (s *Session) replaceUnknownRecoveryKey(key crypto.MasterKey, r *Removal) error {
	if !s.Vault.NeedsNewRecoveryKey() {
		return nil
	}
	recovery, err := s.Vault.ReplaceRecoveryKey(key)
	r.RecoveryKey = recovery
	return err
}

// changeStoreKey closes the store, re-encrypts its key registry under
// next, finishes the slots' change, gives new setup codes to those left
// behind and opens the store again.
func (s *Session) changeStoreKey(old, next crypto.MasterKey, rules practice.Options, r *Removal) error {
	err := s.Store.Close()
	s.Store = nil
	if err != nil {
		return err
	}
	db := s.Vault.DBDir()
	if err := store.RotateKey(db, old, next); err != nil {
		return err
	}
	left, err := s.Vault.FinishKeyChange(next)
	if err != nil {
		return err
	}
	if r.Codes, err = s.issueCodes(next, left); err != nil {
		return err
	}
	st, err := store.Open(db, next, s.User, rules)
	if err != nil {
		return err
	}
	if err := st.UseIdentity(s.Identity); err != nil {
		return errors.Join(err, st.Close())
	}
	s.Store = st
	return nil
}

// issueCodes gives each colleague left behind a new setup code.
func (s *Session) issueCodes(key crypto.MasterKey, left []crypto.LeftBehind) ([]IssuedCode, error) {
	var codes []IssuedCode
	for _, l := range left {
		code, expires, err := s.Vault.AddSetupSlot(key, l.Label, l.Role)
		if err != nil {
			return codes, fmt.Errorf("a new setup code for %s: %w", l.Label, err)
		}
		codes = append(codes, IssuedCode{LeftBehind: l, Code: code, Expires: expires})
	}
	return codes, nil
}

// sealTo returns the recipients a restricted case read by readers is
// sealed to: theirs and the recovery key's.
func (s *Session) sealTo(readers []string) ([]age.Recipient, error) {
	_, to, err := s.recipients(readers)
	return to, err
}

// rekeyForLeavers gives a new case key to the restricted cases this user
// can read whose readers include someone no longer a user of the vault: a
// lead who removed them could not read these cases (RemoveUser's
// Unreadable). OpenStore calls it; it finds nothing almost always.
func (s *Session) rekeyForLeavers() error {
	users, err := s.Vault.Users()
	if err != nil {
		return nil // an unreadable slot: verify says so; the rekeying waits
	}
	gone := func(n string) bool { return !crypto.HasUser(users, n) }
	_, _, err = s.Store.RekeyWithout(gone, s.sealTo)
	return err
}

// resumeKeyChange finishes a change of the master key that a crash
// interrupted (see crypto/rotate.go), from whichever step it stopped at,
// and leaves u.Key the key the database opens with. The store is closed:
// the caller holds only the lock.
func (l *Locked) resumeKeyChange(u *crypto.Unlocked) error {
	pending, isNext := l.Vault.KeyChangeState(u.Key)
	db := l.Vault.DBDir()
	switch {
	case u.Changing():
		done, err := store.KeyOpens(db, u.Next)
		if err != nil {
			return err
		}
		if !done {
			if err := l.Vault.PrepareKeyChange(u.Key, u.Next); err != nil {
				return err
			}
		}
		// Again even when done: it finishes the commit mark too.
		if err := store.RotateKey(db, u.Key, u.Next); err != nil {
			return err
		}
		u.Key, u.Next = u.Next, crypto.MasterKey{}
	case !pending || !isNext:
		// No change under way, or one this user's slot was not prepared
		// for (it had no key pair): the old key opens the database until
		// someone prepared finishes it.
		return nil
	}
	_, err := l.Vault.FinishKeyChange(u.Key)
	return err
}
