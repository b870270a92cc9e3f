package crypto

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

func TestFindRecoveryKey(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "vault")
	v, key, recovery, err := Create(dir, "Alice", "a long enough passphrase", MinWorkFactor)
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
		if err != nil || k != key {
			t.Errorf("%s: the key found does not unlock: %v", c.name, err)
		}
	}
	if _, err := v.UnlockWithRecoveryKey(recovery[:30]); !errors.Is(err, ErrWrongRecoveryKey) {
		t.Errorf("a key cut short: %v, want ErrWrongRecoveryKey", err)
	}
}
