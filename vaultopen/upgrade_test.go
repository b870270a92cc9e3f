package vaultopen_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"msprecords/crypto"
	"msprecords/practice"
	"msprecords/records"
	"msprecords/vaultopen"
)

// The vault in testdata/vault-v1 was made before roles (see its README).
const (
	oldLead        = "Alice Lead"
	oldLeadPass    = "alice passphrase one"
	oldWorker      = "Bob Worker"
	oldWorkerPass  = "bob passphrase two"
	oldRecoveryKey = "AGE-SECRET-KEY-14VPRJGGDTGJ27AYQ52ZT3GE90M5XK6FZ3G7A9GP0P5P83F74RXQQHXE60W"
)

// copyOldVault copies testdata/vault-v1 to a temporary folder.
func copyOldVault(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "vault")
	if err := os.CopyFS(dir, os.DirFS("testdata/vault-v1")); err != nil {
		t.Fatal(err)
	}
	return dir
}

func headerFormat(t *testing.T, dir string) int {
	t.Helper()
	v, err := crypto.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return v.Header.Format
}

// A practitioner cannot open a vault made before roles; its lead's first
// unlock brings it up to date, with its cases as they were; the
// practitioner then opens it and gets a key pair of their own.
func TestOldVaultUpgradedByItsLead(t *testing.T) {
	dir := copyOldVault(t)
	if _, err := vaultopen.Open(dir, oldWorker, oldWorkerPass, practice.DefaultOptions()); !errors.Is(err, crypto.ErrUpgradeByLead) {
		t.Fatalf("the practitioner opening the old vault: %v, want ErrUpgradeByLead", err)
	}
	if f := headerFormat(t, dir); f != 1 {
		t.Fatalf("the practitioner's refused open changed the vault to format %d", f)
	}

	s, err := vaultopen.Open(dir, oldLead, oldLeadPass, practice.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if !s.IsLead() || s.Identity == nil {
		t.Errorf("the first user opened as %q with key pair %v, want a lead with one", s.Role, s.Identity)
	}
	sameCasesAsExported(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if f := headerFormat(t, dir); f != crypto.HeaderFormat {
		t.Fatalf("after the lead's open the vault is format %d, want %d", f, crypto.HeaderFormat)
	}

	s, err = vaultopen.Open(dir, oldWorker, oldWorkerPass, practice.DefaultOptions())
	if err != nil {
		t.Fatalf("the practitioner after the upgrade: %v", err)
	}
	if s.IsLead() || s.Role != crypto.Practitioner || s.Identity == nil {
		t.Errorf("the second user opened as %q with key pair %v, want a practitioner with one", s.Role, s.Identity)
	}
	s.Close()
	wantRecipients(t, dir, map[string]crypto.Role{oldLead: crypto.Lead, oldWorker: crypto.Practitioner})

	// The recovery key still opens it, and its public half is learnt.
	l, err := vaultopen.Lock(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Release()
	u, err := l.UnlockWithRecoveryKey(oldRecoveryKey)
	if err != nil || u.Role != crypto.Lead {
		t.Fatalf("recovery key: %v, role %q", err, u.Role)
	}
	vaultopen.ZeroKey(&u.Key)
	slots, _ := l.Vault.Slots()
	for _, sl := range slots {
		if sl.Kind == crypto.Recovery && sl.Recipient != u.Identity.Recipient().String() {
			t.Errorf("the recovery slot's public key is %q after unlocking with the recovery key", sl.Recipient)
		}
	}
}

// The recovery key can bring an old vault up to date too: its first user
// is the lead, and each user gets their key pair at their next unlock.
func TestOldVaultUpgradedWithTheRecoveryKey(t *testing.T) {
	dir := copyOldVault(t)
	l, err := vaultopen.Lock(dir)
	if err != nil {
		t.Fatal(err)
	}
	u, err := l.UnlockWithRecoveryKey(oldRecoveryKey)
	if err != nil {
		t.Fatal(err)
	}
	vaultopen.ZeroKey(&u.Key)
	l.Release()
	if f := headerFormat(t, dir); f != crypto.HeaderFormat {
		t.Fatalf("format %d after the recovery key's unlock", f)
	}
	wantRecipients(t, dir, map[string]crypto.Role{oldLead: crypto.Lead, oldWorker: crypto.Practitioner})
	s, err := vaultopen.Open(dir, oldWorker, oldWorkerPass, practice.DefaultOptions())
	if err != nil || s.Identity == nil {
		t.Fatalf("the practitioner's first open: %v, key pair %v", err, s)
	}
	s.Close()
}

// wantRecipients checks each user's role, and that the users who have
// unlocked since the upgrade have a public key.
func wantRecipients(t *testing.T, dir string, roles map[string]crypto.Role) {
	t.Helper()
	v, err := crypto.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := v.Recipients()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if roles[r.Label] != r.Role {
			t.Errorf("%s is %q, want %q", r.Label, r.Role, roles[r.Label])
		}
	}
	if len(rs) != len(roles) {
		t.Errorf("%d users, want %d", len(rs), len(roles))
	}
}

// sameCasesAsExported compares every case of the open store with the JSON
// the old release exported from it, read as the store reads a document.
func sameCasesAsExported(t *testing.T, s *vaultopen.Session) {
	t.Helper()
	data, err := os.ReadFile("testdata/vault-v1-cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Cases []*records.Case `json:"cases"`
	}
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	if n := len(s.Store.Summaries()); n != len(file.Cases) {
		t.Fatalf("%d cases after the upgrade, %d exported before", n, len(file.Cases))
	}
	for _, want := range file.Cases {
		want.Upgrade()
		got, err := s.Store.Load(want.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("case %s differs after the upgrade", want.Reference)
		}
	}
}
