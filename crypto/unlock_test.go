package crypto

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"filippo.io/age"
	"filippo.io/age/armor"
)

func TestUnlock(t *testing.T) {
	v, key, _ := newTestVault(t)
	if err := v.AddSlot(key, "Bob", "bob's passphrase", Practitioner); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, label, pass string
		wantLabel         string
		want              error
	}{
		{"by label", alice, alicePass, alice, nil},
		{"any slot", "", alicePass, alice, nil},
		{"any slot, second user", "", "bob's passphrase", "Bob", nil},
		{"label in other case", "alice", alicePass, alice, nil},
		{"label with spaces", "  Alice ", alicePass, alice, nil},
		{"wrong passphrase", alice, "wrong", "", ErrWrongPassphrase},
		{"another user's passphrase", alice, "bob's passphrase", "", ErrWrongPassphrase},
		{"wrong passphrase, any slot", "", "wrong", "", ErrWrongPassphrase},
		{"empty passphrase", alice, "", "", ErrWrongPassphrase},
		{"empty passphrase, any slot", "", "", "", ErrWrongPassphrase},
		{"no such user", "Carol", alicePass, "", ErrNoSuchUser},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := v.Unlock(tt.label, tt.pass)
			got, label := u.Key, u.Label
			wantErr(t, err, tt.want)
			if tt.want != nil {
				if !got.isZero() || label != "" {
					t.Errorf("failed Unlock returned a key or label %q", label)
				}
				return
			}
			if got != key || label != tt.wantLabel {
				t.Errorf("Unlock = (key ok %v, %q), want %q", got == key, label, tt.wantLabel)
			}
		})
	}
}

// TestForeignSlot copies slots from vault B into vault A: they decrypt, but
// must not open A.
func TestForeignSlot(t *testing.T) {
	a, _, _ := newTestVault(t)
	b, keyB, recoveryB := newTestVault(t)
	if err := b.AddSlot(keyB, "Mallory", "mallory's passphrase", Practitioner); err != nil {
		t.Fatal(err)
	}
	for _, src := range []string{slotFileOf(t, b, "Mallory"), recoverySlotFile(t, b)} {
		writeFile(t, filepath.Join(a.slotsDir(), filepath.Base(src)), readFile(t, src))
	}
	t.Run("by label", func(t *testing.T) {
		_, err := a.Unlock("Mallory", "mallory's passphrase")
		wantErr(t, err, ErrForeignSlot)
	})
	t.Run("any slot", func(t *testing.T) {
		_, err := a.Unlock("", "mallory's passphrase")
		wantErr(t, err, ErrForeignSlot)
	})
	t.Run("recovery", func(t *testing.T) {
		_, err := a.UnlockWithRecoveryKey(recoveryB)
		wantErr(t, err, ErrForeignSlot)
	})
	t.Run("own slots still open", func(t *testing.T) {
		_, err := a.Unlock("", alicePass)
		wantErr(t, err, nil)
	})
}

// slotDamages are ways to damage alice's slot file. Each must give
// ErrDamagedSlot when unlocking with label (alice if ""), never a panic,
// and must not hide the other slots. FuzzSlotDecode starts from them too.
var slotDamages = []struct {
	name   string
	damage func(t testing.TB, data []byte) []byte
	label  string
}{
	{"truncated", func(_ testing.TB, d []byte) []byte { return d[:len(d)/2] }, ""},
	{"empty", func(testing.TB, []byte) []byte { return nil }, ""},
	{"garbage", func(testing.TB, []byte) []byte { return []byte("\x00\x01garbage\xff") }, ""},
	{"json array", func(testing.TB, []byte) []byte { return []byte("[1,2,3]") }, ""},
	{"no format", editSlot(func(m map[string]any) { delete(m, "format") }), ""},
	{"empty age", editSlot(func(m map[string]any) { m["age"] = "" }), ""},
	{"age not armored", editSlot(func(m map[string]any) { m["age"] = "age-encryption.org/v1\n" }), ""},
	{"age armor truncated", editSlot(func(m map[string]any) { s := m["age"].(string); m["age"] = s[:len(s)/2] }), ""},
	{"age armor garbage", editSlot(func(m map[string]any) { m["age"] = armor.Header + "\n!!!!\n" + armor.Footer + "\n" }), ""},
	{"unknown kind", editSlot(func(m map[string]any) { m["kind"] = "fingerprint" }), ""},
	{"id not the file name", editSlot(func(m map[string]any) { m["id"] = strings.Repeat("ab", idBytes) }), ""},
	{"bad id", editSlot(func(m map[string]any) { m["id"] = "../../vault" }), ""},
	{"no created", editSlot(func(m map[string]any) { delete(m, "created") }), ""},
	{"label swapped", editSlot(func(m map[string]any) { m["label"] = "Bob" }), "Bob"},
	{"hostile work factor", editAgeHeader("10\n", "25\n"), ""},
	{"header MAC", editAgeHeader("\n--- ", "\n--- AAAA"), ""},
	{"huge", func(testing.TB, []byte) []byte { return bytes.Repeat([]byte(" "), maxSmallFile+1) }, ""},
}

func TestDamagedSlot(t *testing.T) {
	for _, tt := range slotDamages {
		t.Run(tt.name, func(t *testing.T) {
			v, _, recovery := newTestVault(t)
			path := slotFileOf(t, v, alice)
			writeFile(t, path, tt.damage(t, readFile(t, path)))
			label := tt.label
			if label == "" {
				label = alice
			}
			_, err := v.Unlock(label, alicePass)
			wantErr(t, err, ErrDamagedSlot)
			if _, err := v.UnlockWithRecoveryKey(recovery); err != nil {
				t.Errorf("recovery key no longer works: %v", err)
			}
		})
	}
}

// editSlot returns a damage function that edits the slot file's JSON.
func editSlot(edit func(map[string]any)) func(testing.TB, []byte) []byte {
	return func(t testing.TB, data []byte) []byte {
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatal(err)
		}
		edit(m)
		out, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
}

// editAgeHeader returns a damage function that replaces old with new, once,
// in the binary age file inside the slot's armor.
func editAgeHeader(old, new string) func(testing.TB, []byte) []byte {
	return editSlot(func(m map[string]any) {
		bin, err := dearmor(m["age"].(string))
		if err != nil || !bytes.Contains(bin, []byte(old)) {
			panic("test slot is not as expected") // only in tests, on our own slots
		}
		m["age"] = rearmor(bytes.Replace(bin, []byte(old), []byte(new), 1))
	})
}

func dearmor(s string) ([]byte, error) {
	var buf bytes.Buffer
	_, err := buf.ReadFrom(armor.NewReader(strings.NewReader(s)))
	return buf.Bytes(), err
}

func rearmor(bin []byte) string {
	var buf bytes.Buffer
	w := armor.NewWriter(&buf)
	w.Write(bin)
	w.Close()
	return buf.String()
}

func TestUnknownSlotFormat(t *testing.T) {
	t.Run("slot file", func(t *testing.T) {
		v, _, _ := newTestVault(t)
		path := slotFileOf(t, v, alice)
		writeFile(t, path, editSlot(func(m map[string]any) { m["format"] = 2 })(t, readFile(t, path)))
		_, err := v.Unlock(alice, alicePass)
		wantErr(t, err, ErrUnknownFormat)
		if !strings.Contains(err.Error(), "format 2") {
			t.Errorf("error %q does not name the version", err)
		}
		if slots, err := v.Slots(); !errors.Is(err, ErrUnknownFormat) || len(slots) != 1 {
			t.Errorf("Slots = %d slots, %v; want the recovery slot and ErrUnknownFormat", len(slots), err)
		}
	})
	t.Run("sealed payload", func(t *testing.T) {
		v, _, _ := newTestVault(t)
		path := slotFileOf(t, v, alice)
		payload := `{"format":3,"vault_id":"` + v.Header.VaultID + `","label":"Alice","key":"AAAA"}`
		writeFile(t, path, editSlot(func(m map[string]any) { m["age"] = sealForTest(t, payload, alicePass) })(t, readFile(t, path)))
		_, err := v.Unlock("", alicePass)
		wantErr(t, err, ErrUnknownFormat)
		if !strings.Contains(err.Error(), "format 3") {
			t.Errorf("error %q does not name the version", err)
		}
	})
}

// sealForTest armors an age file of plaintext sealed with passphrase.
func sealForTest(t *testing.T, plaintext, passphrase string) string {
	r, err := newScryptRecipient(passphrase, testWorkFactor)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	aw := armor.NewWriter(&buf)
	w, err := age.Encrypt(aw, r)
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(plaintext))
	w.Close()
	aw.Close()
	return buf.String()
}

func TestRecoveryKey(t *testing.T) {
	v, key, recovery := newTestVault(t)
	_, _, otherRecovery := newTestVault(t)
	spaced := strings.ToLower(recovery[:20]) + " \n" + strings.ToLower(recovery[20:]) + "\n"
	tests := []struct {
		name, key string
		want      error
	}{
		{"as given", recovery, nil},
		{"typed back in lower case, with spaces", spaced, nil},
		{"another vault's key", otherRecovery, ErrWrongRecoveryKey},
		{"not a key", "hello", ErrWrongRecoveryKey},
		{"empty", "", ErrWrongRecoveryKey},
		{"one character wrong", recovery[:len(recovery)-1] + flip(recovery[len(recovery)-1]), ErrWrongRecoveryKey},
		{"passphrase", alicePass, ErrWrongRecoveryKey},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := v.UnlockWithRecoveryKey(tt.key)
			wantErr(t, err, tt.want)
			if err == nil && got.Key != key {
				t.Error("recovery key opened a different key")
			}
			if err != nil && strings.Contains(err.Error(), strings.TrimSpace(tt.key)) && tt.key != "" {
				t.Errorf("error %q quotes the key", err)
			}
		})
	}
}

func flip(c byte) string {
	if c == 'Q' {
		return "P"
	}
	return "Q"
}

func TestNoRecoverySlot(t *testing.T) {
	v, _, recovery := newTestVault(t)
	if err := os.Remove(recoverySlotFile(t, v)); err != nil {
		t.Fatal(err)
	}
	_, err := v.UnlockWithRecoveryKey(recovery)
	wantErr(t, err, ErrDamagedSlot)
}
