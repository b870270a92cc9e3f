package crypto

import (
	"errors"
	"regexp"
	"testing"
)

// states returns VerifySlots's findings by slot id, failing on an error.
func states(t *testing.T, v *Vault, key MasterKey, opened string) map[string]SlotCheck {
	t.Helper()
	checks, err := v.VerifySlots(key, opened)
	if err != nil {
		t.Fatalf("VerifySlots: %v", err)
	}
	out := map[string]SlotCheck{}
	for _, c := range checks {
		out[c.Slot.ID] = c
	}
	return out
}

// wantAllVerified fails unless every slot of v has a matching check value.
func wantAllVerified(t *testing.T, v *Vault, key MasterKey, wantSlots int) {
	t.Helper()
	got := states(t, v, key, "")
	if len(got) != wantSlots {
		t.Fatalf("%d findings, want %d", len(got), wantSlots)
	}
	for id, c := range got {
		if c.State != SlotVerified {
			t.Errorf("slot %s (%s): state %d, err %v; want verified", id, c.Slot.Kind, c.State, c.Err)
		}
	}
}

func TestVerifySlotsNewVault(t *testing.T) {
	v, key, recovery := newTestVault(t)
	wantAllVerified(t, v, key, 2)
	// The check value does not get in the way of the recovery key.
	if _, err := v.UnlockWithRecoveryKey(recovery); err != nil {
		t.Fatalf("UnlockWithRecoveryKey: %v", err)
	}
	if _, err := v.VerifySlots(MasterKey{}, ""); !errors.Is(err, errZeroKey) {
		t.Errorf("VerifySlots with the zero key: %v", err)
	}
}

func TestVerifySlotsWrongKey(t *testing.T) {
	v, _, _ := newTestVault(t)
	for _, c := range states(t, v, MasterKey{1}, "") {
		if c.State != SlotDamaged {
			t.Errorf("slot %s verified with another key: state %d", c.Slot.ID, c.State)
		}
	}
}

// TestVerifySlotsEveryRecoveryByte flips every byte of the recovery slot
// file, two ways, and wants each flip reported: either the file cannot be
// read at all (VerifySlots's error) or its finding is SlotDamaged.
func TestVerifySlotsEveryRecoveryByte(t *testing.T) {
	v, key, _ := newTestVault(t)
	path := recoverySlotFile(t, v)
	orig := readFile(t, path)
	for _, mask := range []byte{0x01, 0xff} {
		for i := range orig {
			flipped := append([]byte(nil), orig...)
			flipped[i] ^= mask
			writeFile(t, path, flipped)
			checks, problem := v.VerifySlots(key, alice)
			caught := problem != nil
			for _, c := range checks {
				if c.Slot.Kind != Recovery {
					if c.State != SlotVerified {
						t.Errorf("byte %d ^ %#x: passphrase slot state %d (%v)", i, mask, c.State, c.Err)
					}
					continue
				}
				if c.State == SlotDamaged && errors.Is(c.Err, ErrDamagedSlot) {
					caught = true
				} else {
					caught = false
					t.Errorf("byte %d ^ %#x (%q): recovery slot state %d", i, mask, orig[i], c.State)
				}
			}
			if !caught {
				t.Errorf("byte %d ^ %#x (%q) not reported", i, mask, orig[i])
			}
		}
	}
	writeFile(t, path, orig)
	wantAllVerified(t, v, key, 2)
}

func TestVerifySlotsRewritten(t *testing.T) {
	v, key, _ := newTestVault(t)
	oldRecovery := recoverySlotFile(t, v)
	if _, err := v.ReplaceRecoveryKey(key); err != nil {
		t.Fatal(err)
	}
	if recoverySlotFile(t, v) == oldRecovery {
		t.Fatal("ReplaceRecoveryKey kept the old slot")
	}
	if err := v.AddSlot(key, "Bob", "bob's passphrase", Practitioner); err != nil {
		t.Fatal(err)
	}
	if err := v.ChangePassphrase(key, alice, "a new passphrase", nil); err != nil {
		t.Fatal(err)
	}
	wantAllVerified(t, v, key, 3)
}

// checkLine matches the check field as encodeCheckedSlotFile writes it,
// with the separator before it, to make a slot as earlier releases wrote it.
var checkLine = regexp.MustCompile(`,\n  "check": "[0-9a-f]{64}"`)

func TestVerifySlotsWithoutCheckValue(t *testing.T) {
	v, key, recovery := newTestVault(t)
	for _, path := range []string{recoverySlotFile(t, v), slotFileOf(t, v, alice)} {
		data := readFile(t, path)
		old := checkLine.ReplaceAll(data, nil)
		if len(old) == len(data) {
			t.Fatalf("no check field in %s", data)
		}
		writeFile(t, path, old)
	}
	for _, c := range states(t, v, key, alice) {
		want := SlotUnchecked
		if c.Slot.Kind == Passphrase {
			want = SlotOpened
		}
		if c.State != want {
			t.Errorf("%s slot: state %d, want %d (%v)", c.Slot.Kind, c.State, want, c.Err)
		}
	}
	for _, c := range states(t, v, key, "") {
		if c.State != SlotUnchecked {
			t.Errorf("%s slot, vault opened otherwise: state %d, want unchecked", c.Slot.Kind, c.State)
		}
	}
	// Old slots still open.
	if _, err := v.UnlockWithRecoveryKey(recovery); err != nil {
		t.Fatal(err)
	}
	if _, err := v.Unlock(alice, alicePass); err != nil {
		t.Fatal(err)
	}
	// Rewriting a slot gives it a check value.
	if _, err := v.ReplaceRecoveryKey(key); err != nil {
		t.Fatal(err)
	}
	for _, c := range states(t, v, key, "") {
		if c.Slot.Kind == Recovery && c.State != SlotVerified {
			t.Errorf("rewritten recovery slot: state %d", c.State)
		}
	}
}

// TestVerifySlotsBadHeaderWithoutCheck: with no check value to go on, a
// recovery slot sealed the wrong way is still reported.
func TestVerifySlotsBadHeaderWithoutCheck(t *testing.T) {
	v, key, _ := newTestVault(t)
	path := recoverySlotFile(t, v)
	f, err := decodeSlotFile(readFile(t, path))
	if err != nil {
		t.Fatal(err)
	}
	r, err := newScryptRecipient("not a recovery key", testWorkFactor)
	if err != nil {
		t.Fatal(err)
	}
	if f.Age, err = sealPayload(slotPayload{Format: FormatVersion, VaultID: v.Header.VaultID, Key: key[:]}, r); err != nil {
		t.Fatal(err)
	}
	f.Check = ""
	data, err := encodeSlotFile(f)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, path, data)
	for _, c := range states(t, v, key, alice) {
		if c.Slot.Kind == Recovery && c.State != SlotDamaged {
			t.Errorf("recovery slot sealed with scrypt: state %d", c.State)
		}
	}
}
