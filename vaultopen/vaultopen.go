// Package vaultopen opens an MSP Records vault: the one way the window and the
// command line alike take the vault's lock, unlock a key slot, open the
// case database and let the master key go.
//
// The steps, in the order they must happen:
//
//  1. Lock (or LockVault, for a header already read) takes the vault's lock,
//     so that "already open elsewhere" is said before any passphrase is
//     asked for or any scrypt work is done.
//  2. Locked.Open unlocks the user's passphrase slot (scrypt: about a
//     second on purpose) and opens the store; the caller's copy of the
//     master key is zeroed as soon as the store has its own.
//  3. Session.Close closes the store and releases the lock.
//
// Open does all three at once, for a caller with nothing to do in between.
// Create makes a new vault and opens it; Locked.SetPassphraseWithRecoveryKey
// is the forgotten-passphrase path. Key changes that never touch the
// database (a new passphrase, a user added or removed) use Locked.Unlock or
// Locked.UnlockWithRecoveryKey and the crypto.Vault methods directly.
//
// This package joins crypto and store, as restic's repository layer joins
// its crypto and its storage; neither of them imports it.
package vaultopen

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"filippo.io/age"

	"msprecords/crypto"
	"msprecords/practice"
	"msprecords/store"
)

// Locked is a vault whose lock this program holds, not yet unlocked.
type Locked struct {
	Vault *crypto.Vault
	lock  *crypto.VaultLock
}

// Session is an unlocked vault: its open store, the lock held until Close,
// and the user (the label of the slot that opened it, "" for the recovery
// key) with their role and key pair. The master key is not kept here: the
// store took its copy when it opened.
type Session struct {
	Vault    *crypto.Vault
	Store    *store.Store
	Lock     *crypto.VaultLock
	User     string
	Role     crypto.Role
	Identity *age.X25519Identity
}

// IsLead reports whether the session's user may do what only a
// safeguarding lead does.
func (s *Session) IsLead() bool { return s.Role == crypto.Lead }

// Lock reads the header of the vault in dir and takes its lock, in that
// order, so that a missing vault is reported as such (crypto.ErrNoVault)
// rather than as a lock failure. A vault open elsewhere gives
// crypto.ErrVaultInUse.
func Lock(dir string) (*Locked, error) {
	v, err := crypto.Open(dir)
	if err != nil {
		return nil, err
	}
	return LockVault(v)
}

// LockVault takes the lock of a vault whose header is already read.
func LockVault(v *crypto.Vault) (*Locked, error) {
	lock, err := crypto.Lock(v.Dir)
	if err != nil {
		return nil, err
	}
	return &Locked{Vault: v, lock: lock}, nil
}

// Release lets go of the lock. Calling it again does nothing.
func (l *Locked) Release() error { return l.lock.Release() }

// Unlock opens user's passphrase slot (any user's when user is "") and
// returns the master key, the slot's label, the user's role and key pair.
// A vault made before roles is brought up to date when its lead unlocks it
// (crypto.Vault.Upgrade); a practitioner is refused until then with
// crypto.ErrUpgradeByLead. A user without a key pair gets one
// (crypto.Vault.CompleteKeys). The caller
// must zero the key (ZeroKey) when done with it, or give it to OpenStore.
func (l *Locked) Unlock(user, passphrase string) (crypto.Unlocked, error) {
	u, err := l.Vault.Unlock(user, passphrase)
	if err == nil {
		err = l.complete(&u, passphrase)
	}
	if err != nil {
		u.Zero()
		return crypto.Unlocked{}, err
	}
	return u, nil
}

// UnlockWithRecoveryKey opens the recovery slot with the recovery key,
// bringing a vault made before roles up to date as Unlock does. The caller
// must zero the key when done with it.
func (l *Locked) UnlockWithRecoveryKey(recoveryKey string) (crypto.Unlocked, error) {
	u, err := l.Vault.UnlockWithRecoveryKey(recoveryKey)
	if err == nil {
		err = l.complete(&u, "")
	}
	if err != nil {
		u.Zero()
		return crypto.Unlocked{}, err
	}
	return u, nil
}

// complete upgrades the vault if it needs it, gives u a key pair, and
// finishes a change of the master key that a crash interrupted.
func (l *Locked) complete(u *crypto.Unlocked, passphrase string) error {
	var err error
	if l.Vault.NeedsUpgrade() {
		err = l.Vault.Upgrade(u, passphrase)
	} else {
		err = l.Vault.CompleteKeys(u, passphrase)
	}
	if err != nil {
		return err
	}
	return l.resumeKeyChange(u)
}

// OpenStore opens the case database with a key already unlocked, in the
// name of u's user, and zeroes u.Key whether or not it opens. The lock is
// kept either way: on failure the caller still holds it and must Release
// it.
func (l *Locked) OpenStore(u *crypto.Unlocked, rules practice.Options) (*Session, error) {
	defer u.Zero()
	st, err := store.Open(l.Vault.DBDir(), u.Key, u.Label, rules)
	if errors.Is(err, store.ErrWrongKey) {
		// A slot opened, so its key was the vault's once: the key changed
		// and the slot was left behind (crypto/rotate.go).
		err = fmt.Errorf("%w: %w", crypto.ErrKeyChanged, err)
	}
	if err != nil {
		return nil, err
	}
	if err := st.UseIdentity(u.Identity); err != nil {
		return nil, errors.Join(err, st.Close())
	}
	s := &Session{Vault: l.Vault, Store: st, Lock: l.lock, User: u.Label, Role: u.Role, Identity: u.Identity}
	// Not a reason to refuse the vault: what failed is tried again at the
	// next unlock.
	_ = s.rekeyForLeavers()
	return s, nil
}

// Open unlocks user's slot with the passphrase and opens the store with
// rules (the practice options the case list's gaps are worked out with).
// On failure it releases the lock: the caller has nothing left to close.
func (l *Locked) Open(user, passphrase string, rules practice.Options) (*Session, error) {
	u, err := l.Unlock(user, passphrase)
	if err == nil {
		var s *Session
		if s, err = l.OpenStore(&u, rules); err == nil {
			return s, nil
		}
	}
	return nil, errors.Join(err, l.Release())
}

// Open locks the vault in dir and opens it with user's passphrase: Lock
// then Locked.Open. The caller must Close the session.
func Open(dir, user, passphrase string, rules practice.Options) (*Session, error) {
	l, err := Lock(dir)
	if err != nil {
		return nil, err
	}
	return l.Open(user, passphrase, rules)
}

// SetPassphraseWithRecoveryKey is the way back in for someone who has
// forgotten their passphrase: the recovery key opens the master key, which
// is then sealed with the new passphrase in user's slot, or in a new slot
// when no user of that name (ignoring case) is there. The vault stays
// locked by this program and not unlocked: Open it with the new passphrase.
func (l *Locked) SetPassphraseWithRecoveryKey(recoveryKey, user, passphrase string) error {
	u, err := l.UnlockWithRecoveryKey(recoveryKey)
	if err != nil {
		return err
	}
	defer ZeroKey(&u.Key)
	err = l.Vault.ChangePassphrase(u.Key, user, passphrase, nil)
	if errors.Is(err, crypto.ErrNoSuchUser) {
		return l.Vault.AddSlot(u.Key, user, passphrase, crypto.Practitioner)
	}
	return err
}

// Close closes the store (which forgets its key) and lets go of the vault,
// reporting a failure to close, which could mean the last write did not
// reach the disk.
func (s *Session) Close() error {
	var err error
	if s.Store != nil {
		err = s.Store.Close()
	}
	return errors.Join(err, s.Lock.Release())
}

// ZeroKey overwrites a master key once it is no longer needed.
func ZeroKey(k *crypto.MasterKey) { clear(k[:]) }

// Create makes a new vault in dir (which must not exist, or be empty) with
// label as its first user, takes its lock and creates its empty database.
// workFactor is the scrypt work factor (0: crypto.DefaultWorkFactor). It
// returns the open session and the recovery key, to be shown once and
// stored nowhere. On failure nothing is left behind in dir.
func Create(dir, label, passphrase string, workFactor int, rules practice.Options) (*Session, string, error) {
	v, u, recovery, err := crypto.Create(dir, label, passphrase, workFactor)
	if err != nil {
		return nil, "", err
	}
	defer ZeroKey(&u.Key)
	s, err := createStore(v, u, rules)
	if err != nil {
		undoCreate(v)
		return nil, "", err
	}
	return s, recovery, nil
}

// createStore takes the new vault's lock and creates its database.
func createStore(v *crypto.Vault, u crypto.Unlocked, rules practice.Options) (*Session, error) {
	l, err := LockVault(v)
	if err != nil {
		return nil, err
	}
	st, err := store.Create(v.DBDir(), u.Key, u.Label, rules)
	if err != nil {
		return nil, errors.Join(err, l.Release())
	}
	if err := st.UseIdentity(u.Identity); err != nil {
		return nil, errors.Join(err, st.Close(), l.Release())
	}
	return &Session{Vault: v, Store: st, Lock: l.lock, User: u.Label, Role: u.Role, Identity: u.Identity}, nil
}

// undoCreate removes what Create wrote into a folder that crypto.Create
// found empty (or made), leaving the folder itself.
func undoCreate(v *crypto.Vault) {
	for _, path := range []string{v.DBDir(), filepath.Join(v.Dir, "slots"), filepath.Join(v.Dir, "vault.json"), filepath.Join(v.Dir, "lock")} {
		os.RemoveAll(path)
	}
}
