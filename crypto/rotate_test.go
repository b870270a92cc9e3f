package crypto

import (
	"strings"
	"testing"
)

// A change of the master key in its two steps: while under way, every
// prepared slot opens both keys; once finished, only the new one, and the
// slots that could not take it (a waiting setup code) are gone and named.
func TestKeyChange(t *testing.T) {
	v, old, recovery := newTestVault(t)
	wantErr(t, v.AddSlot(old, bob, "bob pass", Practitioner), nil)
	if _, _, err := v.AddSetupSlot(old, "Carol", Lead); err != nil {
		t.Fatal(err)
	}
	next, err := NewMasterKey()
	wantErr(t, err, nil)

	wantErr(t, v.PrepareKeyChange(old, next), nil)
	wantErr(t, v.PrepareKeyChange(old, next), nil) // a resumed change does it again
	for _, u := range unlockAll(t, v, recovery) {
		if u.Key != old || u.Next != next || !u.Changing() {
			t.Errorf("%q under way: key old %v, next new %v", u.Label, u.Key == old, u.Next == next)
		}
	}
	if pending, isNext := v.KeyChangeState(old); !pending || isNext {
		t.Errorf("old key: pending %v, is next %v", pending, isNext)
	}
	if pending, isNext := v.KeyChangeState(next); !pending || !isNext {
		t.Errorf("new key: pending %v, is next %v", pending, isNext)
	}

	left, err := v.FinishKeyChange(next)
	wantErr(t, err, nil)
	if len(left) != 1 || left[0].Label != "Carol" || left[0].Role != Lead {
		t.Errorf("left behind %+v, want Carol, a lead", left)
	}
	for _, u := range unlockAll(t, v, recovery) {
		if u.Key != next || u.Changing() {
			t.Errorf("%q after: key new %v, still changing %v", u.Label, u.Key == next, u.Changing())
		}
	}
	if pending, _ := v.KeyChangeState(next); pending {
		t.Error("still pending after the change finished")
	}
	again, err := v.FinishKeyChange(next)
	if err != nil || len(again) != 0 {
		t.Errorf("finishing again: %v, %v", again, err)
	}
	checks, err := v.VerifySlots(next, alice)
	wantErr(t, err, nil)
	for _, c := range checks {
		if c.State != SlotVerified {
			t.Errorf("slot %q after the change: state %d, %v", c.Slot.Label, c.State, c.Err)
		}
	}
}

// A passphrase changed after a key change seals the new key in the
// payload itself, and the stale copy beside it goes.
func TestPassphraseChangeAfterKeyChange(t *testing.T) {
	v, old, _ := newTestVault(t)
	next, _ := NewMasterKey()
	wantErr(t, v.PrepareKeyChange(old, next), nil)
	if _, err := v.FinishKeyChange(next); err != nil {
		t.Fatal(err)
	}
	u, err := v.Unlock(alice, alicePass)
	wantErr(t, err, nil)
	wantErr(t, v.ChangePassphrase(u.Key, alice, "a new passphrase", u.Identity), nil)
	u, err = v.Unlock(alice, "a new passphrase")
	wantErr(t, err, nil)
	if u.Key != next {
		t.Error("the new passphrase does not open the new key")
	}
	if raw := string(readFile(t, slotFileOf(t, v, alice))); strings.Contains(raw, `"current"`) {
		t.Error("a stale key copy stayed beside the new payload")
	}
}

// A key copy sealed to another key pair is damage, not a wrong passphrase.
func TestKeyCopyOfAnotherPairRefused(t *testing.T) {
	v, old, _ := newTestVault(t)
	wantErr(t, v.AddSlot(old, bob, "bob pass", Practitioner), nil)
	next, _ := NewMasterKey()
	wantErr(t, v.PrepareKeyChange(old, next), nil)
	files, _ := v.readSlots()
	a, b := passphraseSlots(files, alice)[0], passphraseSlots(files, bob)[0]
	a.Next = b.Next
	wantErr(t, v.rewriteClear(a, old), nil)
	_, err := v.Unlock(alice, alicePass)
	wantErr(t, err, ErrDamagedSlot)
}

func unlockAll(t *testing.T, v *Vault, recovery string) []Unlocked {
	t.Helper()
	a, err := v.Unlock(alice, alicePass)
	wantErr(t, err, nil)
	b, err := v.Unlock(bob, "bob pass")
	wantErr(t, err, nil)
	r, err := v.UnlockWithRecoveryKey(recovery)
	wantErr(t, err, nil)
	return []Unlocked{a, b, r}
}
