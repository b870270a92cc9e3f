package crypto

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
)

const carol = "Carol"

// addSetup makes a setup code for carol and checks its shape.
func addSetup(t *testing.T, v *Vault, key MasterKey) string {
	t.Helper()
	code, expires, err := v.AddSetupSlot(key, carol, Practitioner)
	if err != nil {
		t.Fatalf("AddSetupSlot: %v", err)
	}
	if got, err := ParseSetupCode(code); err != nil || got != code {
		t.Fatalf("code %q does not read back as itself: %q, %v", code, got, err)
	}
	if life := time.Until(expires); life < SetupCodeLife-time.Minute || life > SetupCodeLife {
		t.Fatalf("code expires in %v, want %v", life, SetupCodeLife)
	}
	return code
}

// TestSetupCodeClaim adds a colleague by setup code: they are waiting, not
// a user, until the code and their passphrase make them one.
func TestSetupCodeClaim(t *testing.T) {
	v, key, _ := newTestVault(t)
	code := addSetup(t, v, key)
	wantUsers(t, v, alice)
	wantWaiting(t, v, carol)
	wantUnlock(t, v, key, carol, code, ErrNoSuchUser) // the code is not a passphrase

	got, err := v.ClaimSetupCode("carol", strings.ToLower(code), bobPass)
	wantErr(t, err, nil)
	if got.Key != key {
		t.Fatal("the claim returned another key")
	}
	wantUsers(t, v, alice, carol)
	wantWaiting(t, v)
	wantUnlock(t, v, key, carol, bobPass, nil)
	_, err = v.ClaimSetupCode(carol, code, "another passphrase")
	wantErr(t, err, ErrSetupCodeUsed)
	wantUnlock(t, v, key, carol, bobPass, nil)
	for _, s := range mustSlots(t, v) {
		if s.Kind == Setup {
			t.Errorf("setup slot left after the claim: %+v", s)
		}
	}
}

func TestSetupCodeWrong(t *testing.T) {
	v, key, _ := newTestVault(t)
	code := addSetup(t, v, key)
	other, err := newSetupCode()
	wantErr(t, err, nil)
	if other == code {
		t.Fatal("two fresh codes are the same")
	}
	for _, tc := range []struct{ label, code string }{
		{carol, other}, {carol, "not a code"}, {carol, ""}, {carol, code + "0"},
	} {
		_, err := v.ClaimSetupCode(tc.label, tc.code, bobPass)
		wantErr(t, err, ErrWrongSetupCode)
	}
	_, err = v.ClaimSetupCode("Dave", code, bobPass)
	wantErr(t, err, ErrNoSuchUser)
	_, err = v.ClaimSetupCode(carol, code, "")
	wantErr(t, err, ErrEmptyPassphrase)
	wantWaiting(t, v, carol) // nothing lost: the right code still works
	_, err = v.ClaimSetupCode(carol, code, bobPass)
	wantErr(t, err, nil)
}

// TestSetupCodeExpired writes a setup slot that expired an hour ago, as
// AddSetupSlot would have eight days ago.
func TestSetupCodeExpired(t *testing.T) {
	v, key, _ := newTestVault(t)
	code, err := newSetupCode()
	wantErr(t, err, nil)
	created := now().Add(-SetupCodeLife - time.Hour)
	wantErr(t, v.writeNewSetupSlot(key, slotFile{Kind: Setup, Label: carol, Created: created, Expires: created.Add(SetupCodeLife), Role: Practitioner}, code), nil)
	waiting, err := v.WaitingSetups()
	if err != nil || len(waiting) != 1 || !waiting[0].Expired() {
		t.Fatalf("WaitingSetups = %+v, %v; want carol, expired", waiting, err)
	}
	_, err = v.ClaimSetupCode(carol, code, bobPass)
	wantErr(t, err, ErrSetupCodeExpired)
	wantUsers(t, v, alice)

	// A new code for the same name replaces the expired one.
	fresh := addSetup(t, v, key)
	if n := len(setupsOf(t, v)); n != 1 {
		t.Fatalf("%d setup slots after a new code, want 1", n)
	}
	_, err = v.ClaimSetupCode(carol, fresh, bobPass)
	wantErr(t, err, nil)
}

// TestSetupCodeExpiryIsSealed moves the expiry in clear a week on: the
// sealed copy disagrees, so the slot is refused as damaged.
func TestSetupCodeExpiryIsSealed(t *testing.T) {
	v, key, _ := newTestVault(t)
	code, err := newSetupCode()
	wantErr(t, err, nil)
	created := now().Add(-SetupCodeLife - time.Hour)
	wantErr(t, v.writeNewSetupSlot(key, slotFile{Kind: Setup, Label: carol, Created: created, Expires: created.Add(SetupCodeLife), Role: Practitioner}, code), nil)
	f := setupsOf(t, v)[0]
	f.Expires = f.Expires.Add(SetupCodeLife)
	data, err := encodeSlotFile(f)
	wantErr(t, err, nil)
	writeFile(t, v.slotPath(f.ID), data)
	_, err = v.ClaimSetupCode(carol, code, bobPass)
	wantErr(t, err, ErrDamagedSlot)
}

func TestSetupCodeReplaced(t *testing.T) {
	v, key, _ := newTestVault(t)
	first := addSetup(t, v, key)
	second := addSetup(t, v, key)
	wantWaiting(t, v, carol)
	_, err := v.ClaimSetupCode(carol, first, bobPass)
	wantErr(t, err, ErrWrongSetupCode)
	_, err = v.ClaimSetupCode(carol, second, bobPass)
	wantErr(t, err, nil)
}

func TestSetupCodeRefusedForAUser(t *testing.T) {
	v, key, _ := newTestVault(t)
	_, _, err := v.AddSetupSlot(key, "alice", Practitioner)
	wantErr(t, err, ErrSlotExists)
	_, _, err = v.AddSetupSlot(MasterKey{}, carol, Practitioner)
	wantErr(t, err, errZeroKey)
	_, _, err = v.AddSetupSlot(key, " ", Practitioner)
	wantErr(t, err, ErrInvalidLabel)
}

// TestSetupCodeRemoved takes a code back before it is used.
func TestSetupCodeRemoved(t *testing.T) {
	v, key, _ := newTestVault(t)
	code := addSetup(t, v, key)
	wantErr(t, v.RemoveSlot("carol"), nil)
	wantWaiting(t, v)
	_, err := v.ClaimSetupCode(carol, code, bobPass)
	wantErr(t, err, ErrNoSuchUser)
	wantErr(t, v.RemoveSlot(carol), ErrNoSuchUser)
}

// TestAddSlotEndsSetupCode: a colleague who typed their passphrase at the
// lead's keyboard after all needs their code no more.
func TestAddSlotEndsSetupCode(t *testing.T) {
	v, key, _ := newTestVault(t)
	code := addSetup(t, v, key)
	wantErr(t, v.AddSlot(key, carol, bobPass, Practitioner), nil)
	wantWaiting(t, v)
	if n := len(setupsOf(t, v)); n != 0 {
		t.Fatalf("%d setup slots after AddSlot, want 0", n)
	}
	_, err := v.ClaimSetupCode(carol, code, "another passphrase")
	wantErr(t, err, ErrSetupCodeUsed)
}

// TestSetupClaimInterrupted runs the claim's first two steps, as if the
// computer stopped before the setup slot was removed: the colleague's new
// passphrase works, they are not listed as waiting, and the next claim or
// RemoveSpareSetups removes the spare.
func TestSetupClaimInterrupted(t *testing.T) {
	for _, finish := range []string{"claim", "verify"} {
		t.Run(finish, func(t *testing.T) {
			v, key, _ := newTestVault(t)
			code := addSetup(t, v, key)
			parsed, err := ParseSetupCode(code)
			wantErr(t, err, nil)
			files, problem := v.readSlots()
			f, opened, err := v.openSetupSlot(files, problem, carol, parsed)
			wantErr(t, err, nil)
			_, err = v.writeNewPassphraseSlot(opened, f.Label, bobPass, Practitioner)
			wantErr(t, err, nil)

			wantUsers(t, v, alice, carol)
			wantWaiting(t, v)
			wantUnlock(t, v, key, carol, bobPass, nil)
			if finish == "claim" {
				_, err = v.ClaimSetupCode(carol, code, "another passphrase")
				wantErr(t, err, ErrSetupCodeUsed)
			} else {
				names, err := v.RemoveSpareSetups(key)
				if err != nil || len(names) != 1 || names[0] != carol {
					t.Fatalf("RemoveSpareSetups = %q, %v", names, err)
				}
			}
			if n := len(setupsOf(t, v)); n != 0 {
				t.Fatalf("%d setup slots left, want 0", n)
			}
			wantUnlock(t, v, key, carol, bobPass, nil)
		})
	}
}

func TestParseSetupCode(t *testing.T) {
	const want = "7K3Q-M9XD-21T0"
	for _, typed := range []string{
		want, "7k3q-m9xd-21t0", "7K3QM9XD21T0", "7K3Q M9XD 21T0", " 7k3q m9xd-2lto\n", "7K3Q-M9XD-2IT0", "7k3q--m9xd--21to",
	} {
		got, err := ParseSetupCode(typed)
		if err != nil || got != want {
			t.Errorf("ParseSetupCode(%q) = %q, %v; want %q", typed, got, err, want)
		}
	}
	for _, typed := range []string{"", "7K3Q-M9XD-21T", "7K3Q-M9XD-21T00", "7K3Q-M9XD-21TU", "7K3Q-M9XD-21T!", "7K3Q-M9XD-21TÖ"} {
		if _, err := ParseSetupCode(typed); !errors.Is(err, ErrWrongSetupCode) {
			t.Errorf("ParseSetupCode(%q) = %v, want ErrWrongSetupCode", typed, err)
		} else if typed != "" && strings.Contains(err.Error(), typed) {
			t.Errorf("the error quotes the code: %v", err)
		}
	}
}

func TestNewSetupCodeShape(t *testing.T) {
	seen := map[rune]bool{}
	for range 200 {
		code, err := newSetupCode()
		wantErr(t, err, nil)
		if len(code) != 14 || code[4] != '-' || code[9] != '-' {
			t.Fatalf("code %q is not XXXX-XXXX-XXXX", code)
		}
		for _, r := range strings.ReplaceAll(code, "-", "") {
			if strings.ContainsRune("ILOU", r) {
				t.Fatalf("code %q holds %c", code, r)
			}
			seen[r] = true
		}
	}
	if len(seen) != len(setupAlphabet) {
		t.Errorf("2,400 symbols used %d of the %d in the alphabet", len(seen), len(setupAlphabet))
	}
}

// TestSetupSlotFormat: setup slots are format 2, other slots format 1, and
// a slot of another kind in format 2 is refused.
func TestSetupSlotFormat(t *testing.T) {
	v, key, _ := newTestVault(t)
	addSetup(t, v, key)
	setup := setupsOf(t, v)[0]
	if setup.Format != SetupSlotFormat || !bytes.Contains(setup.raw, []byte(`"expires"`)) {
		t.Fatalf("setup slot: format %d, expires in clear %v", setup.Format, bytes.Contains(setup.raw, []byte(`"expires"`)))
	}
	for _, path := range []string{slotFileOf(t, v, alice), recoverySlotFile(t, v)} {
		data := readFile(t, path)
		if !bytes.Contains(data, []byte(`"format": 1,`)) || bytes.Contains(data, []byte(`"expires"`)) {
			t.Errorf("%s is not a format 1 slot without expiry:\n%s", path, data)
		}
		if _, err := decodeSlotFile(bytes.Replace(data, []byte(`"format": 1,`), []byte(`"format": 2,`), 1)); !errors.Is(err, ErrUnknownFormat) {
			t.Errorf("a format 2 slot of another kind: %v, want ErrUnknownFormat", err)
		}
	}
	for name, change := range map[string]func(map[string]any){
		"format 1 setup":     func(m map[string]any) { m["format"] = 1 },
		"setup, no expiry":   func(m map[string]any) { delete(m, "expires") },
		"passphrase kind":    func(m map[string]any) { m["kind"] = "passphrase" },
		"format 3 (unknown)": func(m map[string]any) { m["format"] = 3 },
		"format 2, new kind": func(m map[string]any) { m["kind"] = "role" },
	} {
		var m map[string]any
		wantErr(t, json.Unmarshal(setup.raw, &m), nil)
		change(m)
		data, _ := json.Marshal(m)
		_, err := decodeSlotFile(data)
		want := ErrDamagedSlot
		if m["format"] != float64(2) || m["kind"] != "setup" {
			want = ErrUnknownFormat
		}
		if !errors.Is(err, want) {
			t.Errorf("%s: %v, want %v", name, err, want)
		}
	}
}

// TestVerifySlotsSetup: a waiting setup slot has a check value like any
// other, and VerifySlots proves it.
func TestVerifySlotsSetup(t *testing.T) {
	v, key, _ := newTestVault(t)
	addSetup(t, v, key)
	for _, c := range states(t, v, key, alice) {
		if c.State != SlotVerified {
			t.Errorf("%s slot %q: state %d, want verified", c.Slot.Kind, c.Slot.Label, c.State)
		}
		if c.Slot.Kind == Setup && c.Slot.Expires.IsZero() {
			t.Error("the setup slot's check shows no expiry")
		}
	}
	path := v.slotPath(setupsOf(t, v)[0].ID)
	writeFile(t, path, bytes.Replace(readFile(t, path), []byte(carol), []byte("Carl_"), 1))
	for _, c := range states(t, v, key, alice) {
		if c.Slot.Kind == Setup && c.State != SlotDamaged {
			t.Errorf("altered setup slot: state %d, want damaged", c.State)
		}
	}
}

func wantWaiting(t *testing.T, v *Vault, want ...string) {
	t.Helper()
	waiting, err := v.WaitingSetups()
	var got []string
	for _, w := range waiting {
		got = append(got, w.Label)
		if w.Expired() {
			t.Errorf("%s's code has expired already", w.Label)
		}
	}
	if err != nil || strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("WaitingSetups = %q, %v; want %q", got, err, want)
	}
}

func mustSlots(t *testing.T, v *Vault) []Slot {
	t.Helper()
	slots, err := v.Slots()
	if err != nil {
		t.Fatal(err)
	}
	return slots
}

func setupsOf(t *testing.T, v *Vault) []slotFile {
	t.Helper()
	files, err := v.readSlots()
	if err != nil {
		t.Fatal(err)
	}
	return setupSlots(files, "")
}
