package crypto

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// testWorkFactor keeps scrypt at about a millisecond in tests. It is also
// installed as the default through SetTestOnlyWorkFactor, so vaults that
// are opened (WorkFactor 0) stay fast too.
const testWorkFactor = MinWorkFactor

const (
	alice     = "Alice"
	alicePass = "correct horse battery staple"
)

func TestMain(m *testing.M) {
	if dir := os.Getenv(lockHelperEnv); dir != "" {
		os.Exit(lockHelper(dir))
	}
	restore := SetTestOnlyWorkFactor(testWorkFactor)
	code := m.Run()
	restore()
	os.Exit(code)
}

// newTestVault creates a vault for alice in a fresh temporary folder.
func newTestVault(t *testing.T) (*Vault, MasterKey, string) {
	t.Helper()
	v, created, recovery, err := Create(filepath.Join(t.TempDir(), "vault"), alice, alicePass, testWorkFactor)
	key := created.Key
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	return v, key, recovery
}

// wantErr fails the test unless err matches want (nil meaning no error).
func wantErr(t *testing.T, err, want error) {
	t.Helper()
	switch {
	case want == nil && err != nil:
		t.Fatalf("unexpected error: %v", err)
	case want != nil && !errors.Is(err, want):
		t.Fatalf("error = %v, want %v", err, want)
	}
}

// slotFileOf returns the path of the only passphrase slot of label.
func slotFileOf(t *testing.T, v *Vault, label string) string {
	t.Helper()
	slots, err := v.Slots()
	if err != nil {
		t.Fatalf("Slots: %v", err)
	}
	for _, s := range slots {
		if s.Kind == Passphrase && s.Label == label {
			return v.slotPath(s.ID)
		}
	}
	t.Fatalf("no slot for %q", label)
	return ""
}

// recoverySlotFile returns the path of the only recovery slot.
func recoverySlotFile(t *testing.T, v *Vault) string {
	t.Helper()
	slots, err := v.Slots()
	if err != nil {
		t.Fatalf("Slots: %v", err)
	}
	var paths []string
	for _, s := range slots {
		if s.Kind == Recovery {
			paths = append(paths, v.slotPath(s.ID))
		}
	}
	if len(paths) != 1 {
		t.Fatalf("%d recovery slots, want 1", len(paths))
	}
	return paths[0]
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}
