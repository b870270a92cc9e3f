package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// recoverySlotPath returns the path of v's only recovery slot file.
func recoverySlotPath(t *testing.T, v testVault) string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(v.dir, "slots", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(data, []byte(`"kind": "recovery"`)) {
			found = append(found, p)
		}
	}
	if len(found) != 1 {
		t.Fatalf("%d recovery slot files, want 1", len(found))
	}
	return found[0]
}

func TestVerifyCleanVault(t *testing.T) {
	v := newVault(t, "Alice", "alice's passphrase")
	got := ok(t, v.args("verify")...)
	if !strings.Contains(got, "Everything checked is in order.\n") || strings.Contains(got, "Problem") || strings.Contains(got, "Note") {
		t.Errorf("verify of a new vault said %q", got)
	}
}

// TestVerifyDamagedRecoverySlot flips bytes spread over the recovery slot
// file, the first and last among them: verify must fail every time, and
// say it is the recovery key's slot.
func TestVerifyDamagedRecoverySlot(t *testing.T) {
	v := newVault(t, "Alice", "alice's passphrase")
	path := recoverySlotPath(t, v)
	orig, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const spread = 40
	positions := map[int]bool{len(orig) - 1: true}
	for k := range spread {
		positions[k*len(orig)/spread] = true
	}
	for i := range positions {
		flipped := bytes.Clone(orig)
		flipped[i] ^= 0xff
		if err := os.WriteFile(path, flipped, 0o600); err != nil {
			t.Fatal(err)
		}
		r := msp(t, "", v.args("verify")...)
		if r.code == 0 {
			t.Errorf("byte %d of %d (%q) flipped: verify passed: %q", i, len(orig), orig[i], r.stdout)
			continue
		}
		if !strings.Contains(r.stdout, "the recovery key's slot is damaged") &&
			!strings.Contains(r.stdout, "there is no readable recovery key slot") {
			t.Errorf("byte %d flipped: verify did not name the recovery slot: %q", i, r.stdout)
		}
		if strings.Contains(r.stdout, "in order") {
			t.Errorf("byte %d flipped: verify said %q", i, r.stdout)
		}
	}
	if err := os.WriteFile(path, orig, 0o600); err != nil {
		t.Fatal(err)
	}
	ok(t, v.args("verify")...)
}

// TestVerifyRecoverySlotWithoutCheckValue: a recovery slot from before
// check values is said plainly to be unchecked, not passed in silence.
func TestVerifyRecoverySlotWithoutCheckValue(t *testing.T) {
	v := newVault(t, "Alice", "alice's passphrase")
	path := recoverySlotPath(t, v)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	old := regexp.MustCompile(`,\n  "check": "[0-9a-f]{64}"`).ReplaceAll(data, nil)
	if len(old) == len(data) {
		t.Fatalf("no check field in %s", data)
	}
	if err := os.WriteFile(path, old, 0o600); err != nil {
		t.Fatal(err)
	}
	got := ok(t, v.args("verify")...)
	if !strings.Contains(got, "the recovery key's slot could not be checked") ||
		!strings.Contains(got, "but 1 key slot could not be checked") || strings.Contains(got, "Everything checked is in order.\n") {
		t.Errorf("verify of a vault with an old recovery slot said %q", got)
	}
}
