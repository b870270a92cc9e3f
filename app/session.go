package app

import (
	"context"
	"sync"

	"msprecords/crypto"
	"msprecords/practice"
	"msprecords/records"
	"msprecords/store"
	"msprecords/vaultopen"
)

// session is an unlocked vault: the open store, the vault lock held from
// unlock until lock or quit, and the user whose passphrase opened it. The
// master key is not kept here: the store took its copy when it opened, and
// the caller's copy was zeroed.
type session struct {
	store *store.Store
	lock  *crypto.VaultLock
	user  string
	role  crypto.Role        // what the user may do (see crypto.Role): the program enforces it
	vault *vaultopen.Session // for what joins the vault's keys and the store (restricting a case)

	ctx    context.Context // done when the session ends: long work stops
	cancel context.CancelFunc

	// changingKey is held while the vault's key changes (removeUser), with
	// the store closed and opened again: close waits for it, so that a lock
	// or quit never lets go of the vault half way.
	changingKey sync.Mutex
}

// removeUser removes name and gives the vault a new key
// (vaultopen.Session.RemoveUser), on a worker goroutine: the store the
// session uses changes, and is taken up on the UI goroutine (takeStore).
func (s *session) removeUser(u *crypto.Unlocked, name string, rules practice.Options) (vaultopen.Removal, error) {
	s.changingKey.Lock()
	defer s.changingKey.Unlock()
	return s.vault.RemoveUser(u, name, rules)
}

// takeStore makes the session use the store its vault session holds now,
// after a change of key; nil if the change failed with the store closed.
func (s *session) takeStore() {
	s.changingKey.Lock()
	defer s.changingKey.Unlock()
	if s.vault != nil {
		s.store = s.vault.Store
	}
}

// newSession is the window's hold on a vault that package vaultopen
// opened, or nil for none.
func newSession(v *vaultopen.Session) *session {
	if v == nil {
		return nil
	}
	return &session{store: v.Store, lock: v.Lock, user: v.User, role: v.Role, vault: v}
}

// isLead reports whether the user may do what only a safeguarding lead
// does: add, remove and change the role of users, see the audit trail.
func (s *session) isLead() bool { return s != nil && s.role == crypto.Lead }

// context is done once the session ends (lock, quit): long work such as a
// backup takes it, so that locking cancels the work rather than waiting for
// it. It is made on first use, on the UI goroutine.
func (s *session) context() context.Context {
	if s.ctx == nil {
		s.ctx, s.cancel = context.WithCancel(context.Background())
	}
	return s.ctx
}

// stop cancels the session's long work.
func (s *session) stop() {
	if s.cancel != nil {
		s.cancel()
	}
}

// close cancels the session's long work, closes the store (which forgets
// the key, once work still reading it has stopped) and lets go of the
// vault, as vaultopen.Session.Close does.
func (s *session) close() error {
	s.stop()
	s.takeStore()
	return (&vaultopen.Session{Store: s.store, Lock: s.lock}).Close()
}

// stashedCase is a case whose latest edits could not all be saved when the
// vault locked (they did not pass validation, the case was changed
// elsewhere, or a field showed text the case cannot hold yet, such as
// 31/02/1938). It stays in memory only, never on disk, and is shown again,
// at the part that was open and with that text back in its field, after
// the same user unlocks, so that nothing typed is lost to a lock.
type stashedCase struct {
	c       *records.Case
	user    string
	part    string                  // the part of the record that was shown
	unsaved map[string]*unsavedText // text the case could not hold yet
	failed  bool                    // the case itself could not be saved
}

// resumePoint is the case, and the part of it, that was open when the
// vault locked with everything saved: the same user's unlock goes back to
// it. It holds the case's opaque ID, never its contents.
type resumePoint struct {
	id, part, user string
}

// takeStash returns the stashed case if user is the one who typed it, and
// forgets it either way: another user's unsaved edits are not theirs to see
// or to save in their name.
func (u *UI) takeStash(user string) *stashedCase {
	st := u.stash
	u.stash = nil
	if st == nil || st.user != user {
		return nil
	}
	return st
}

// takeResume returns where user was when the vault locked, and forgets it
// either way: another user starts at the case list.
func (u *UI) takeResume(user string) *resumePoint {
	r := u.resume
	u.resume = nil
	if r == nil || r.user != user {
		return nil
	}
	return r
}

// zeroKey overwrites a master key once the store has its own copy.
func zeroKey(k *crypto.MasterKey) { vaultopen.ZeroKey(k) }
