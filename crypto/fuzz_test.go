package crypto

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"filippo.io/age"
)

// FuzzSlotDecode feeds arbitrary bytes to the slot-file decoder and, when
// they decode, to the payload opener, with the right passphrase and the
// right recovery key. Nothing may panic, and every failure must be one that
// callers handle. The seeds are real slots and the damaged ones of
// slotDamages; under plain go test only the seeds run.
func FuzzSlotDecode(f *testing.F) {
	v, created, recovery, err := Create(filepath.Join(f.TempDir(), "vault"), alice, alicePass, testWorkFactor)
	key := created.Key
	if err != nil {
		f.Fatal(err)
	}
	if _, _, err := v.AddSetupSlot(key, carol, Practitioner); err != nil { // a format 2 seed
		f.Fatal(err)
	}
	entries, err := os.ReadDir(v.slotsDir())
	if err != nil {
		f.Fatal(err)
	}
	var passSlot []byte
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(v.slotsDir(), e.Name()))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
		if s, _ := decodeSlotFile(data); s.Kind == Passphrase {
			passSlot = data
		}
	}
	for _, d := range slotDamages {
		f.Add(d.damage(f, passSlot))
	}
	f.Add([]byte(`{"format":2}`))
	f.Add([]byte(`{"format":1,"id":"00112233445566778899aabbccddeeff","kind":"recovery","label":"","created":"2025-06-04T10:00:00Z","age":"-----BEGIN AGE ENCRYPTED FILE-----"}`))

	ids := fuzzIdentities(f, recovery)
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := decodeSlotFile(data)
		if err != nil {
			if !errors.Is(err, ErrDamagedSlot) && !errors.Is(err, ErrUnknownFormat) {
				t.Fatalf("decode error of an unexpected kind: %v", err)
			}
			return
		}
		checkReencode(t, s)
		for _, id := range ids {
			_, err := v.openSlot(s, id)
			if err != nil && !handled(err) {
				t.Fatalf("open error of an unexpected kind: %v", err)
			}
		}
	})
}

// fuzzIdentities returns alice's passphrase, capped at the test work factor
// so that a mutated stanza cannot make one run take a second, and the
// recovery key.
func fuzzIdentities(f *testing.F, recovery string) []age.Identity {
	pass, err := age.NewScryptIdentity(alicePass)
	if err != nil {
		f.Fatal(err)
	}
	pass.SetMaxWorkFactor(testWorkFactor)
	rec, err := parseRecoveryKey(recovery)
	if err != nil {
		f.Fatal(err)
	}
	return []age.Identity{pass, rec}
}

// checkReencode checks that a decoded slot file survives encoding and
// decoding unchanged.
func checkReencode(t *testing.T, s slotFile) {
	data, err := encodeSlotFile(s)
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	again, err := decodeSlotFile(data)
	if err != nil {
		t.Fatalf("decoding an encoded slot: %v", err)
	}
	if again.ID != s.ID || again.Kind != s.Kind || again.Label != s.Label ||
		!again.Created.Equal(s.Created) || !again.Expires.Equal(s.Expires) || again.Age != s.Age {
		t.Fatalf("round trip changed the slot: %+v, then %+v", s, again)
	}
}

// handled reports whether err is a failure that Unlock knows how to report.
func handled(err error) bool {
	for _, known := range []error{errNoMatch, ErrDamagedSlot, ErrUnknownFormat, ErrForeignSlot} {
		if errors.Is(err, known) {
			return true
		}
	}
	return false
}
