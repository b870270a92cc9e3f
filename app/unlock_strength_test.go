package app

import (
	"strings"
	"testing"
)

func TestPassphraseHint(t *testing.T) {
	tests := []struct {
		pass, user string
		word       string
		ok         bool
	}{
		{"", "", "Choose", false},
		{"password", "", "most common", false},
		{"Password1", "", "most common", false},
		{"aaaaaaaaaaaaaaaa", "", "most common", false},
		{"éééééééééé", "", "most common", false},
		{"alice-is-here-2026", "Alice", "own name", false},
		{"kx7#q", "", "Too short", false},
		{"kx7#qp2m", "", "Weak", true},
		{"kx7#qp2m9zt", "", "Weak", true},
		{"kx7#qp2m9ztw", "", "Fair", true},
		{"correct horse battery staple", "Alice", "Strong", true},
	}
	for _, tt := range tests {
		hint, ok := passphraseHint(tt.pass, tt.user)
		if ok != tt.ok || !strings.Contains(hint, tt.word) {
			t.Errorf("passphraseHint(%q, %q) = %q, %v; want %q, %v", tt.pass, tt.user, hint, ok, tt.word, tt.ok)
		}
	}
}

func TestNewUserProblem(t *testing.T) {
	if msg := newUserProblem("", "long enough passphrase", "long enough passphrase"); !strings.Contains(msg, "Enter your name") {
		t.Errorf("no name: %q", msg)
	}
	if msg := newUserProblem("Bob", "long enough passphrase", "long enough passphrasE"); !strings.Contains(msg, "not the same") {
		t.Errorf("different: %q", msg)
	}
	if msg := newUserProblem("Bob", "long enough passphrase", "long enough passphrase"); msg != "" {
		t.Errorf("good: %q", msg)
	}
}
