package crypto

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

const (
	bob     = "Bob"
	bobRole = Practitioner
)

// A new vault's maker is its lead, with a key pair whose public half is in
// clear in the slot and whose secret half opens only with the passphrase.
func TestCreatorIsALeadWithAKeyPair(t *testing.T) {
	dir := t.TempDir() + "/vault"
	v, created, recovery, err := Create(dir, alice, alicePass, testWorkFactor)
	wantErr(t, err, nil)
	if created.Role != Lead || created.Identity == nil {
		t.Fatalf("created as %q with key pair %v", created.Role, created.Identity)
	}
	u, err := v.Unlock(alice, alicePass)
	wantErr(t, err, nil)
	if u.Role != Lead || u.Identity.String() != created.Identity.String() {
		t.Errorf("unlocked as %q; same key pair %v", u.Role, u.Identity.String() == created.Identity.String())
	}
	raw, _ := os.ReadFile(slotFileOf(t, v, alice))
	if bytes.Contains(raw, []byte(created.Identity.String())) || bytes.Contains(raw, []byte("AGE-SECRET-KEY")) {
		t.Error("the slot file holds the secret key in clear")
	}
	if !bytes.Contains(raw, []byte(created.Identity.Recipient().String())) {
		t.Error("the slot file does not hold the public key in clear")
	}
	r, err := v.UnlockWithRecoveryKey(recovery)
	wantErr(t, err, nil)
	for _, sl := range mustSlots(t, v) {
		if sl.Kind == Recovery && sl.Recipient != r.Identity.Recipient().String() {
			t.Errorf("the recovery slot's public key %q is not the recovery key's", sl.Recipient)
		}
	}
	if v.NeedsUpgrade() {
		t.Error("a new vault needs an upgrade")
	}
}

func TestRolesOfUsers(t *testing.T) {
	v, key, _ := newTestVault(t)
	wantErr(t, v.AddSlot(key, bob, "bob's passphrase", bobRole), nil)
	u, err := v.Unlock(bob, "bob's passphrase")
	wantErr(t, err, nil)
	if u.Role != Practitioner || u.Identity == nil {
		t.Errorf("Bob unlocked as %q with key pair %v", u.Role, u.Identity)
	}
	if err := v.SetRole(key, alice, Practitioner); err != ErrLastLead {
		t.Errorf("demoting the only lead: %v, want ErrLastLead", err)
	}
	wantErr(t, v.SetRole(key, bob, Lead), nil)
	wantErr(t, v.SetRole(key, alice, Practitioner), nil)
	if r, _ := v.RoleOf("alice"); r != Practitioner {
		t.Errorf("Alice is %q after the change", r)
	}
	leads, _ := v.Leads()
	if len(leads) != 1 || leads[0] != bob {
		t.Errorf("leads %v, want [Bob]", leads)
	}
	// The role changed in clear only: Bob's key pair and passphrase are as
	// they were, and the check value is new.
	again, err := v.Unlock(bob, "bob's passphrase")
	wantErr(t, err, nil)
	if again.Role != Lead || again.Identity.String() != u.Identity.String() {
		t.Errorf("after the change Bob is %q; same key pair %v", again.Role, again.Identity.String() == u.Identity.String())
	}
	checks, err := v.VerifySlots(key, bob)
	wantErr(t, err, nil)
	for _, c := range checks {
		if c.State != SlotVerified {
			t.Errorf("slot %s of %q: %v", c.Slot.ID, c.Slot.Label, c.State)
		}
	}
	if _, err := ParseRole("manager"); err == nil {
		t.Error("ParseRole took 'manager'")
	}
	if r, _ := ParseRole(" Safeguarding Lead "); r != Lead {
		t.Errorf("ParseRole(safeguarding lead) = %q", r)
	}
}

// A role edited in clear in the slot file, without the master key to make
// a new check value, is found by verify.
func TestRoleEditedInClearIsFound(t *testing.T) {
	v, key, _ := newTestVault(t)
	wantErr(t, v.AddSlot(key, bob, "bob's passphrase", Practitioner), nil)
	path := slotFileOf(t, v, bob)
	raw, _ := os.ReadFile(path)
	edited := strings.Replace(string(raw), `"role": "practitioner"`, `"role": "lead"`, 1)
	if edited == string(raw) {
		t.Fatal("the slot file has no role to edit")
	}
	wantErr(t, os.WriteFile(path, []byte(edited), 0o600), nil)
	checks, _ := v.VerifySlots(key, alice)
	for _, c := range checks {
		if c.Slot.Label == bob && c.State == SlotVerified {
			t.Error("verify passed a role edited in clear")
		}
	}
}

// The public key in clear must match the key pair sealed: swapped for
// another user's, the slot is refused.
func TestSwappedPublicKeyRefused(t *testing.T) {
	v, key, _ := newTestVault(t)
	wantErr(t, v.AddSlot(key, bob, "bob's passphrase", Practitioner), nil)
	var alicePub string
	for _, sl := range mustSlots(t, v) {
		if sl.Label == alice {
			alicePub = sl.Recipient
		}
	}
	files, _ := v.readSlots()
	f := passphraseSlots(files, bob)[0]
	f.Recipient = alicePub
	wantErr(t, v.rewriteClear(f, key), nil)
	_, err := v.Unlock(bob, "bob's passphrase")
	wantErr(t, err, ErrDamagedSlot)
}

// Changing a passphrase keeps the key pair given; with none (a forgotten
// passphrase set again with the recovery key) the user gets a new one.
func TestPassphraseChangeAndKeyPair(t *testing.T) {
	v, key, _ := newTestVault(t)
	u, _ := v.Unlock(alice, alicePass)
	wantErr(t, v.ChangePassphrase(key, alice, "new one", u.Identity), nil)
	kept, err := v.Unlock(alice, "new one")
	wantErr(t, err, nil)
	if kept.Identity.String() != u.Identity.String() || kept.Role != Lead {
		t.Error("a passphrase change lost the key pair or the role")
	}
	wantErr(t, v.ChangePassphrase(key, alice, "third", nil), nil)
	fresh, _ := v.Unlock(alice, "third")
	if fresh.Identity == nil || fresh.Identity.String() == u.Identity.String() || fresh.Role != Lead {
		t.Error("a passphrase set without the old key pair did not get a new one, or lost the role")
	}
}

// A setup code carries the role the lead chose to the colleague's slot.
func TestSetupCodeCarriesTheRole(t *testing.T) {
	v, key, _ := newTestVault(t)
	code, _, err := v.AddSetupSlot(key, bob, Lead)
	wantErr(t, err, nil)
	u, err := v.ClaimSetupCode(bob, code, "bob's passphrase")
	wantErr(t, err, nil)
	if u.Role != Lead || u.Identity == nil {
		t.Errorf("claimed as %q with key pair %v", u.Role, u.Identity)
	}
	if r, _ := v.RoleOf(bob); r != Lead {
		t.Errorf("Bob's slot says %q", r)
	}
}
