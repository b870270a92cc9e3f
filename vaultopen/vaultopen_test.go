package vaultopen_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"msprecords/crypto"
	"msprecords/practice"
	"msprecords/records"
	"msprecords/vaultopen"
)

// testWorkFactor keeps scrypt fast in tests; real vaults use the default.
const testWorkFactor = crypto.MinWorkFactor

// newVault makes a vault for Alice, with one case, and closes it.
func newVault(t *testing.T) (dir, recovery string) {
	t.Helper()
	dir = filepath.Join(t.TempDir(), "v")
	s, recovery, err := vaultopen.Create(dir, "Alice", "alice pass", testWorkFactor, practice.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	c := &records.Case{Person: records.Person{Name: "Zoë Example"}}
	if err := s.Store.Create(c); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return dir, recovery
}

func TestOpenAndClose(t *testing.T) {
	dir, _ := newVault(t)
	s, err := vaultopen.Open(dir, "", "alice pass", practice.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if s.User != "Alice" || len(s.Store.Summaries()) != 1 {
		t.Errorf("opened as %q with %d cases", s.User, len(s.Store.Summaries()))
	}
	if _, err := vaultopen.Open(dir, "", "alice pass", practice.DefaultOptions()); !errors.Is(err, crypto.ErrVaultInUse) {
		t.Errorf("a second open gave %v, want ErrVaultInUse", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("a second Close: %v", err)
	}
}

// TestFailedOpenLetsGo checks that a failed open releases the lock, so the
// right passphrase works at once after a wrong one.
func TestFailedOpenLetsGo(t *testing.T) {
	dir, _ := newVault(t)
	if _, err := vaultopen.Open(dir, "Alice", "wrong", practice.DefaultOptions()); !errors.Is(err, crypto.ErrWrongPassphrase) {
		t.Fatalf("wrong passphrase gave %v", err)
	}
	if _, err := vaultopen.Open(dir, "Nobody", "alice pass", practice.DefaultOptions()); !errors.Is(err, crypto.ErrNoSuchUser) {
		t.Fatalf("unknown user gave %v", err)
	}
	s, err := vaultopen.Open(dir, "Alice", "alice pass", practice.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
}

func TestNoVault(t *testing.T) {
	if _, err := vaultopen.Open(t.TempDir(), "", "x", practice.DefaultOptions()); !errors.Is(err, crypto.ErrNoVault) {
		t.Errorf("an empty folder gave %v, want ErrNoVault", err)
	}
}

// TestCreateLeavesNothingOnFailure makes the database folder impossible to
// create and checks that the half-made vault is removed.
func TestCreateLeavesNothingOnFailure(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "db"), []byte("in the way"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := vaultopen.Create(dir, "Alice", "alice pass", testWorkFactor, practice.DefaultOptions()); err == nil {
		t.Fatal("Create succeeded over a non-empty folder")
	}
	if _, err := os.Stat(filepath.Join(dir, "vault.json")); err == nil {
		t.Error("a failed Create left vault.json behind")
	}
}

func TestSetPassphraseWithRecoveryKey(t *testing.T) {
	dir, recovery := newVault(t)
	l, err := vaultopen.Lock(dir)
	if err != nil {
		t.Fatal(err)
	}
	l.Vault.WorkFactor = testWorkFactor
	if err := l.SetPassphraseWithRecoveryKey("AGE-SECRET-KEY-1WRONG", "Alice", "new"); !errors.Is(err, crypto.ErrWrongRecoveryKey) {
		t.Errorf("a wrong recovery key gave %v", err)
	}
	if err := l.SetPassphraseWithRecoveryKey(recovery, "alice", "alice new"); err != nil {
		t.Fatalf("existing user (another case): %v", err)
	}
	if err := l.SetPassphraseWithRecoveryKey(recovery, "Bob", "bob pass"); err != nil {
		t.Fatalf("new user: %v", err)
	}
	if users, _ := l.Vault.Users(); len(users) != 2 {
		t.Errorf("users %q, want Alice and Bob", users)
	}
	s, err := l.Open("Alice", "alice new", practice.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = vaultopen.Open(dir, "Bob", "bob pass", practice.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
}
