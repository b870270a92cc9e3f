package crypto

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"filippo.io/age"
)

func TestFindRecoveryKey(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "vault")
	v, created, recovery, err := Create(dir, "Alice", "a long enough passphrase", MinWorkFactor)
	key := created.Key
	if err != nil {
		t.Fatal(err)
	}
	lower := strings.ToLower(recovery)
	grouped := recovery[:20] + " " + recovery[20:40] + "\n" + recovery[40:]
	cases := []struct {
		name, text, want string
		ok               bool
	}{
		{"key alone", recovery + "\n", recovery, true},
		{"with a byte order mark and CRLF", "\ufeff" + recovery + "\r\n", recovery, true},
		{"in a note", "Recovery key for the vault:\n\n    " + recovery + "\nKeep it safe.\n", recovery, true},
		{"lower case", "key: " + lower, lower, true},
		{"in groups", "Recovery key: " + grouped + "\nkept on paper", strings.Join(strings.Fields(grouped), ""), true},
		{"cut short", "Key: " + recovery[:30] + " keep", recovery[:30], true},
		{"no key", "my passphrase is not here", "", false},
		{"empty", "", "", false},
	}
	for _, c := range cases {
		got, ok := FindRecoveryKey(c.text)
		if got != c.want || ok != c.ok {
			t.Errorf("%s: FindRecoveryKey = %q, %v; want %q, %v", c.name, got, ok, c.want, c.ok)
			continue
		}
		if !ok || c.name == "cut short" {
			continue
		}
		k, err := v.UnlockWithRecoveryKey(got)
		if err != nil || k.Key != key {
			t.Errorf("%s: the key found does not unlock: %v", c.name, err)
		}
	}
	if _, err := v.UnlockWithRecoveryKey(recovery[:30]); !errors.Is(err, ErrWrongRecoveryKey) {
		t.Errorf("a key cut short: %v, want ErrWrongRecoveryKey", err)
	}
}

// TestGroupRecoveryKeyReadsBack groups many random recovery keys and reads
// each back, as typed from paper (grouped, lower case, run together) and
// from a saved note with text around it.
func TestGroupRecoveryKeyReadsBack(t *testing.T) {
	for i := range 500 {
		id, err := age.GenerateX25519Identity()
		if err != nil {
			t.Fatal(err)
		}
		key := id.String()
		grouped := GroupRecoveryKey(key)
		if i == 0 {
			t.Logf("a key grouped:\n%s", grouped)
		}
		checkGroupShape(t, key, grouped)
		if again := GroupRecoveryKey(strings.ToLower(grouped)); again != grouped {
			t.Fatalf("grouping a grouped key changed it:\n%s\nthen\n%s", grouped, again)
		}
		for name, text := range map[string]string{
			"grouped":      grouped,
			"lower case":   strings.ToLower(grouped),
			"on one line":  strings.ReplaceAll(grouped, "\n", " "),
			"run together": strings.Join(strings.Fields(grouped), ""),
			"in a note":    "MSP Records recovery key\n\nVault id: 0123abcd\n\n" + grouped + "\n\nKeep it on paper in a locked drawer.\n",
		} {
			got, ok := FindRecoveryKey(text)
			if !ok || !strings.EqualFold(got, key) {
				t.Fatalf("%s: FindRecoveryKey(%q) = %q, %v; want %s", name, text, got, ok, key)
			}
		}
	}
}

// checkGroupShape checks the layout GroupRecoveryKey promises: the prefix
// alone on the first line, then lines of four groups of five, the last
// group of three, together the key.
func checkGroupShape(t *testing.T, key, grouped string) {
	t.Helper()
	lines := strings.Split(grouped, "\n")
	if len(lines) != 4 || lines[0] != RecoveryKeyPrefix {
		t.Fatalf("grouped key has lines %q", lines)
	}
	var groups []string
	for _, line := range lines[1:] {
		g := strings.Split(line, " ")
		if len(g) != 4 {
			t.Fatalf("line %q has %d groups, want 4", line, len(g))
		}
		groups = append(groups, g...)
	}
	for i, g := range groups {
		want := 5
		if i == len(groups)-1 {
			want = 3
		}
		if len(g) != want {
			t.Fatalf("group %d is %q, want %d characters", i+1, g, want)
		}
	}
	if got := lines[0] + strings.Join(groups, ""); got != key {
		t.Fatalf("the groups make %s, want %s", got, key)
	}
}

// TestGroupedRecoveryKeyUnlocks types a real vault's recovery key back in
// its groups, and with the spaces left out, and opens the vault with it.
func TestGroupedRecoveryKeyUnlocks(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "vault")
	v, created, recovery, err := Create(dir, "Alice", "a long enough passphrase", MinWorkFactor)
	key := created.Key
	if err != nil {
		t.Fatal(err)
	}
	grouped := GroupRecoveryKey(recovery)
	for name, typed := range map[string]string{
		"grouped":          grouped,
		"grouped, lower":   strings.ToLower(grouped),
		"without spaces":   strings.Join(strings.Fields(grouped), ""),
		"found in a note":  mustFind(t, "Recovery key:\n"+grouped+"\nkeep it safe"),
		"found in one row": mustFind(t, strings.ReplaceAll(strings.ToLower(grouped), "\n", " ")),
	} {
		got, err := v.UnlockWithRecoveryKey(typed)
		if err != nil || got.Key != key {
			t.Errorf("%s: UnlockWithRecoveryKey: %v", name, err)
		}
	}
	wrong := []byte(grouped)
	if last := &wrong[len(wrong)-1]; *last == 'Q' { // one character mistyped
		*last = 'P'
	} else {
		*last = 'Q'
	}
	if _, err := v.UnlockWithRecoveryKey(string(wrong)); !errors.Is(err, ErrWrongRecoveryKey) {
		t.Errorf("a mistyped grouped key: %v, want ErrWrongRecoveryKey", err)
	}
}

func mustFind(t *testing.T, text string) string {
	t.Helper()
	key, ok := FindRecoveryKey(text)
	if !ok {
		t.Fatalf("no recovery key found in %q", text)
	}
	return key
}
