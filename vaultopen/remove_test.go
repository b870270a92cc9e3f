package vaultopen_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"msprecords/crypto"
	"msprecords/practice"
	"msprecords/records"
	"msprecords/store"
	"msprecords/vaultopen"
)

// removalFixture is a vault of Alice (lead), Bob and Carol (practitioners),
// with an open case and one restricted to Alice and Bob.
type removalFixture struct {
	dir, recovery    string
	open, restricted string // case ids
	oldKey           crypto.MasterKey
	bobCopy          string // a copy of the vault taken before Bob left
}

const restrictedName = "Persephone Quillfeather"

func newRemovalFixture(t *testing.T) *removalFixture {
	t.Helper()
	dir, recovery := newVault(t)
	f := &removalFixture{dir: dir, recovery: recovery}
	s, key := openWithKey(t, dir, "Alice", "alice pass")
	f.oldKey = key
	for _, name := range []string{"Bob", "Carol"} {
		if err := s.Vault.AddSlot(key, name, lower(name)+" pass", crypto.Practitioner); err != nil {
			t.Fatal(err)
		}
	}
	f.open = s.Store.Summaries()[0].ID
	c := &records.Case{Person: records.Person{Name: restrictedName}}
	if err := s.Store.Create(c); err != nil {
		t.Fatal(err)
	}
	f.restricted = c.ID
	if err := s.Restrict(c.ID, []string{"Alice", "Bob"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	f.bobCopy = filepath.Join(t.TempDir(), "copy")
	if err := os.CopyFS(f.bobCopy, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	return f
}

func lower(s string) string { return string(s[0]+'a'-'A') + s[1:] }

// openWithKey opens dir as user and returns the session with a copy of
// the master key, as a lead's own unlock gives it for a key change.
func openWithKey(t *testing.T, dir, user, pass string) (*vaultopen.Session, crypto.MasterKey) {
	t.Helper()
	l, err := vaultopen.Lock(dir)
	if err != nil {
		t.Fatal(err)
	}
	l.Vault.WorkFactor = testWorkFactor
	u, err := l.Unlock(user, pass)
	if err != nil {
		t.Fatal(err)
	}
	key := u.Key
	s, err := l.OpenStore(&u, practice.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	return s, key
}

func (f *removalFixture) removeBob(t *testing.T) vaultopen.Removal {
	t.Helper()
	s, key := openWithKey(t, f.dir, "Alice", "alice pass")
	defer s.Close()
	u := crypto.Unlocked{Key: key, Label: s.User, Role: s.Role, Identity: s.Identity}
	r, err := s.RemoveUser(&u, "Bob", practice.DefaultOptions())
	if err != nil {
		t.Fatalf("RemoveUser: %v", err)
	}
	if u.Key != (crypto.MasterKey{}) {
		t.Error("RemoveUser left the caller's key in memory")
	}
	if got := len(s.Store.Summaries()); got != 2 {
		t.Errorf("after the removal the reopened store lists %d cases, want 2", got)
	}
	return r
}

// After a user is removed their passphrase opens nothing, the old master
// key no longer opens the database, and everyone left (and the recovery
// key) reads what they read before; a copy taken before still opens with
// the old passphrase, as the README says.
func TestRemoveUserChangesTheKey(t *testing.T) {
	f := newRemovalFixture(t)
	r := f.removeBob(t)
	if r.Rekeyed != 1 || r.Unreadable != 0 || len(r.Codes) != 0 {
		t.Errorf("removal %+v, want 1 case rekeyed", r)
	}
	if _, err := vaultopen.Open(f.dir, "Bob", "bob pass", practice.DefaultOptions()); !errors.Is(err, crypto.ErrNoSuchUser) {
		t.Errorf("Bob's passphrase after removal: %v, want ErrNoSuchUser", err)
	}
	v, _ := crypto.Open(f.dir)
	if _, err := store.Open(v.DBDir(), f.oldKey, "Bob", practice.DefaultOptions()); !errors.Is(err, store.ErrWrongKey) {
		t.Errorf("the old master key on db/: %v, want ErrWrongKey", err)
	}
	f.reads(t, "Alice", "alice pass", true)
	f.reads(t, "Carol", "carol pass", false)
	l, err := vaultopen.Lock(f.dir)
	if err != nil {
		t.Fatal(err)
	}
	u, err := l.UnlockWithRecoveryKey(f.recovery)
	if err != nil {
		t.Fatal(err)
	}
	s, err := l.OpenStore(&u, practice.DefaultOptions())
	if err != nil {
		t.Fatalf("the recovery key after removal: %v", err)
	}
	readCase(t, s, f.restricted, true)
	s.Close()
	old, err := vaultopen.Open(f.bobCopy, "Bob", "bob pass", practice.DefaultOptions())
	if err != nil {
		t.Fatalf("a copy taken before removal no longer opens with Bob's passphrase: %v", err)
	}
	old.Close()
}

func (f *removalFixture) reads(t *testing.T, user, pass string, restricted bool) {
	t.Helper()
	s, err := vaultopen.Open(f.dir, user, pass, practice.DefaultOptions())
	if err != nil {
		t.Fatalf("%s after removal: %v", user, err)
	}
	defer s.Close()
	readCase(t, s, f.open, true)
	readCase(t, s, f.restricted, restricted)
}

func readCase(t *testing.T, s *vaultopen.Session, id string, can bool) {
	t.Helper()
	c, err := s.Store.Get(id)
	switch {
	case can && err != nil:
		t.Errorf("%s cannot read case %s: %v", s.User, id, err)
	case !can && !errors.Is(err, store.ErrRestricted):
		t.Errorf("%s reading case %s: %v, want ErrRestricted", s.User, id, err)
	case can && id != "" && c.ID != id:
		t.Errorf("%s read case %s as %s", s.User, id, c.ID)
	}
}

// Only a lead removes, never themselves, and never the last lead.
func TestRemoveUserRefusals(t *testing.T) {
	f := newRemovalFixture(t)
	s, key := openWithKey(t, f.dir, "Carol", "carol pass")
	u := crypto.Unlocked{Key: key, Label: s.User, Role: s.Role, Identity: s.Identity}
	if _, err := s.RemoveUser(&u, "Bob", practice.DefaultOptions()); !errors.Is(err, crypto.ErrNotLead) {
		t.Errorf("a practitioner removing: %v, want ErrNotLead", err)
	}
	s.Close()
	s, key = openWithKey(t, f.dir, "Alice", "alice pass")
	defer s.Close()
	u = crypto.Unlocked{Key: key, Label: s.User, Role: s.Role, Identity: s.Identity}
	if _, err := s.RemoveUser(&u, "alice", practice.DefaultOptions()); !errors.Is(err, vaultopen.ErrRemoveSelf) {
		t.Errorf("a lead removing themselves: %v, want ErrRemoveSelf", err)
	}
	users, _ := s.Vault.Users()
	if len(users) != 3 {
		t.Errorf("users after refusals: %v", users)
	}
}

// A colleague whose setup code was waiting cannot take the new key: the
// removal gives them a new code, which works.
func TestRemoveUserReissuesSetupCodes(t *testing.T) {
	f := newRemovalFixture(t)
	s, key := openWithKey(t, f.dir, "Alice", "alice pass")
	if _, _, err := s.Vault.AddSetupSlot(key, "Dana", crypto.Lead); err != nil {
		t.Fatal(err)
	}
	s.Close()
	r := f.removeBob(t)
	if len(r.Codes) != 1 || r.Codes[0].Label != "Dana" || r.Codes[0].Role != crypto.Lead {
		t.Fatalf("codes %+v, want one for Dana, a lead", r.Codes)
	}
	v, err := crypto.Open(f.dir)
	if err != nil {
		t.Fatal(err)
	}
	v.WorkFactor = testWorkFactor
	u, err := v.ClaimSetupCode("Dana", r.Codes[0].Code, "dana pass")
	if err != nil {
		t.Fatalf("claiming the new code: %v", err)
	}
	u.Zero()
	f.reads(t, "Dana", "dana pass", false)
}

// In a vault made before key pairs, a colleague who has not unlocked since
// it was brought up to date, and the recovery key whose public half is not
// known, cannot take the new key: the removal gives the colleague a new
// setup code and the vault a new recovery key, and both work.
func TestRemoveUserFromAnOldVault(t *testing.T) {
	dir := copyOldVault(t)
	s, key := openWithKey(t, dir, oldLead, oldLeadPass)
	if err := s.Vault.AddSlot(key, "Carol", "carol pass", crypto.Practitioner); err != nil {
		t.Fatal(err)
	}
	u := crypto.Unlocked{Key: key, Label: s.User, Role: s.Role, Identity: s.Identity}
	r, err := s.RemoveUser(&u, "Carol", practice.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	cases := len(s.Store.Summaries())
	s.Close()
	if len(r.Codes) != 1 || r.Codes[0].Label != oldWorker || r.Codes[0].Waiting || r.RecoveryKey == "" {
		t.Fatalf("removal %+v, want a code for %s and a new recovery key", r, oldWorker)
	}
	if _, err := vaultopen.Open(dir, oldWorker, oldWorkerPass, practice.DefaultOptions()); !errors.Is(err, crypto.ErrNoSuchUser) {
		t.Errorf("%s's old passphrase: %v, want ErrNoSuchUser", oldWorker, err)
	}
	v, _ := crypto.Open(dir)
	v.WorkFactor = testWorkFactor
	claimed, err := v.ClaimSetupCode(oldWorker, r.Codes[0].Code, "bob's new passphrase")
	if err != nil {
		t.Fatal(err)
	}
	claimed.Zero()
	b, err := vaultopen.Open(dir, oldWorker, "bob's new passphrase", practice.DefaultOptions())
	if err != nil {
		t.Fatalf("%s with the new code's passphrase: %v", oldWorker, err)
	}
	if got := len(b.Store.Summaries()); got != cases {
		t.Errorf("%s lists %d cases, want %d", oldWorker, got, cases)
	}
	b.Close()
	l, _ := vaultopen.Lock(dir)
	defer l.Release()
	if _, err := l.UnlockWithRecoveryKey(oldRecoveryKey); !errors.Is(err, crypto.ErrWrongRecoveryKey) {
		t.Errorf("the old recovery key: %v, want ErrWrongRecoveryKey", err)
	}
	n, err := l.UnlockWithRecoveryKey(r.RecoveryKey)
	if err != nil {
		t.Fatalf("the new recovery key: %v", err)
	}
	n.Zero()
}
