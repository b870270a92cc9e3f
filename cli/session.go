package cli

import (
	"errors"

	"filippo.io/age"

	"msprecords/crypto"
	"msprecords/practice"
	"msprecords/store"
	"msprecords/vaultopen"
)

// session is a vault held by a command: locked against other programs
// (package vault does the locking, unlocking and opening, as it does for the
// window), and once unlocked its user, and for key changes its master key
// or for case commands its open database.
type session struct {
	vault  *crypto.Vault
	locked *vaultopen.Locked
	opened *vaultopen.Session // once the database is open
	store  *store.Store       // opened.Store
	key    crypto.MasterKey
	user   string      // the label of the slot that opened; "" for the recovery key
	role   crypto.Role // the user's role (Lead for the recovery key)
	pair   *age.X25519Identity
	pass   string // the passphrase that opened it: a backup is sealed with it by default
}

// unlocked keeps what opening a slot gave.
func (s *session) unlocked(u crypto.Unlocked) {
	s.key, s.user, s.role, s.pair = u.Key, u.Label, u.Role, u.Identity
}

// isLead reports whether the user unlocked may do what only a
// safeguarding lead does.
func (s *session) isLead() bool { return s.role == crypto.Lead }

// openVault reads the vault's header and takes its lock.
func openVault(env *Env, g globalOptions) (*session, error) {
	env.vaultDir = g.vault
	return lockVault(g.vault)
}

// lockVault reads the header of the vault in dir and takes its lock (see
// vaultopen.Lock), then sets the work factor for any slot the command writes.
func lockVault(dir string) (*session, error) {
	l, err := vaultopen.Lock(dir)
	if err != nil {
		return nil, err
	}
	if l.Vault.WorkFactor, err = workFactor(); err != nil {
		return nil, errors.Join(err, l.Release())
	}
	return &session{vault: l.Vault, locked: l}, nil
}

// askPassphrase reads the passphrase from --passphrase-file or a prompt.
func askPassphrase(env *Env, g globalOptions) (string, error) {
	prompt := "Passphrase: "
	if g.user != "" {
		prompt = "Passphrase for " + g.user + ": "
	}
	return env.passphrase(g.passphraseFile, prompt)
}

// unlock opens the user's passphrase slot (any user's when --user is not
// given), keeping the master key for a change to the key slots.
func (s *session) unlock(env *Env, g globalOptions) error {
	pass, err := askPassphrase(env, g)
	if err != nil {
		return err
	}
	u, err := s.locked.Unlock(g.user, pass)
	if err != nil {
		return err
	}
	s.unlocked(u)
	s.pass = pass
	return nil
}

// openStore opens the case database with the unlocked key, which it then
// forgets (the store keeps its own copy).
func (s *session) openStore() (err error) {
	u := crypto.Unlocked{Key: s.key, Label: s.user, Role: s.role, Identity: s.pair}
	defer vaultopen.ZeroKey(&s.key)
	s.opened, err = s.locked.OpenStore(&u, practice.DefaultOptions())
	if err == nil {
		s.store = s.opened.Store
	}
	return err
}

// warnLoss says on stderr, once, what the store found lost when it opened
// (see store.LostChanges), so that no command goes on as if nothing had
// happened.
func (s *session) warnLoss(env *Env) {
	loss := s.store.LostChanges()
	if loss == nil {
		return
	}
	env.printErrLine("msprecords: warning: " + oneLine(loss.Message()) + " " + acknowledgeNote)
}

// acknowledgeNote says how verify stops reporting a loss.
const acknowledgeNote = "'msprecords verify' reports this until you run 'msprecords verify --acknowledge-loss' to record that it has been dealt with."

// close closes the database, forgets the key and releases the lock.
func (s *session) close() error {
	vaultopen.ZeroKey(&s.key)
	s.pass = ""
	if s.opened != nil {
		return s.opened.Close()
	}
	return s.locked.Release()
}

// openSession does all of it for a command that works on cases: lock,
// ask for the passphrase, then unlock and open the database with
// vaultopen.Locked.Open, as the window does. The caller must close the session.
func openSession(env *Env, g globalOptions) (*session, error) {
	s, err := openVault(env, g)
	if err != nil {
		return nil, err
	}
	pass, err := askPassphrase(env, g)
	if err != nil {
		s.close()
		return nil, err
	}
	if s.opened, err = s.locked.Open(g.user, pass, practice.DefaultOptions()); err != nil {
		return nil, err // Open let go of the lock
	}
	s.store, s.user, s.pass = s.opened.Store, s.opened.User, pass
	s.role, s.pair = s.opened.Role, s.opened.Identity
	s.warnLoss(env)
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
