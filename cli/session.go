package cli

import (
	"errors"

	"msprecords/crypto"
	"msprecords/practice"
	"msprecords/store"
)

// session is an unlocked vault: held against other programs, its master
// key known, and (for the commands that need cases) its database open.
type session struct {
	vault *crypto.Vault
	lock  *crypto.VaultLock
	key   crypto.MasterKey
	user  string // the label of the slot that opened
	pass  string // the passphrase that opened it: a backup is sealed with it by default
	store *store.Store
}

// openVault reads the vault's header and takes its lock.
func openVault(env *Env, g globalOptions) (*session, error) {
	env.vaultDir = g.vault
	return lockVault(g.vault)
}

// lockVault reads the header of the vault in dir and takes its lock, in
// that order, so that a missing vault is reported as such rather than as a
// lock failure.
func lockVault(dir string) (*session, error) {
	v, err := crypto.Open(dir)
	if err != nil {
		return nil, err
	}
	if v.WorkFactor, err = workFactor(); err != nil {
		return nil, err
	}
	lock, err := crypto.Lock(dir)
	if err != nil {
		return nil, err
	}
	return &session{vault: v, lock: lock}, nil
}

// unlock opens the user's passphrase slot (any user's when --user is not
// given).
func (s *session) unlock(env *Env, g globalOptions) error {
	prompt := "Passphrase: "
	if g.user != "" {
		prompt = "Passphrase for " + g.user + ": "
	}
	pass, err := env.passphrase(g.passphraseFile, prompt)
	if err != nil {
		return err
	}
	s.key, s.user, err = s.vault.Unlock(g.user, pass)
	if err == nil {
		s.pass = pass
	}
	return err
}

// openStore opens the case database with the unlocked key.
func (s *session) openStore() (err error) {
	s.store, err = store.Open(s.vault.DBDir(), s.key, s.user, practice.DefaultOptions())
	return err
}

// close closes the database, forgets the key and releases the lock.
func (s *session) close() error {
	var err error
	if s.store != nil {
		err = s.store.Close()
	}
	s.key, s.pass = crypto.MasterKey{}, ""
	return errors.Join(err, s.lock.Release())
}

// openSession does all of it for a command that works on cases: open,
// lock, unlock, open the database. The caller must close the session.
func openSession(env *Env, g globalOptions) (*session, error) {
	s, err := openVault(env, g)
	if err != nil {
		return nil, err
	}
	if err := s.unlock(env, g); err != nil {
		s.close()
		return nil, err
	}
	if err := s.openStore(); err != nil {
		s.close()
		return nil, err
	}
	return s, nil
}

// withSession runs f on an open session and closes it, reporting a failure
// to close (which could mean the last write did not reach the disk).
func withSession(env *Env, g globalOptions, f func(s *session) error) error {
	s, err := openSession(env, g)
	if err != nil {
		return err
	}
	err = f(s)
	return errors.Join(err, s.close())
}
