package cli

import (
	"strings"
	"testing"
)

// 'slots remove' gives the vault a new key: the removed user's passphrase
// opens nothing, the restricted case they could read gets a new key, and
// everyone left reads what they read before.
func TestRemoveUserOnTheCommandLine(t *testing.T) {
	v := newVault(t, "Alice", "alice's passphrase")
	bob := writeFile(t, "bob", "bob's passphrase\n")
	olly := writeFile(t, "olly", "olly's passphrase\n")
	ok(t, v.args("slots", "add", "Bob", "--new-passphrase-file", bob)...)
	ok(t, v.args("slots", "add", "Olly", "--new-passphrase-file", olly)...)
	ok(t, v.args("demo", "--cases", "3")...)
	first := strings.Split(strings.Split(ok(t, v.args("list")...), "\n")[0], "\t")
	ref, name := first[0], first[3]
	ok(t, v.args("restrict", "--case", ref, "--users", "Alice,Bob")...)
	as := func(user, pass string, cmd ...string) []string {
		return append(cmd, "--vault", v.dir, "--user", user, "--passphrase-file", pass)
	}
	fails(t, "only a safeguarding lead can do this", as("Olly", olly, "slots", "remove", "Bob")...)
	fails(t, "cannot remove yourself", v.args("slots", "remove", "Alice")...)

	out := ok(t, v.args("slots", "remove", "Bob")...)
	for _, want := range []string{"Bob has been removed", "The vault has a new key", "1 restricted case that Bob could read was given a new key",
		"still opens with Bob's old passphrase"} {
		if !strings.Contains(out, want) {
			t.Errorf("slots remove said %q, want %q", out, want)
		}
	}
	fails(t, "no user of that name", as("Bob", bob, "list")...)
	if out := ok(t, v.args("show", ref)...); !strings.Contains(out, name) {
		t.Error("Alice cannot read the restricted case after the removal")
	}
	if out := ok(t, as("Olly", olly, "list")...); strings.Count(out, "\n") != 3 {
		t.Errorf("Olly lists %q after the removal", out)
	}
	if trail := ok(t, v.args("audit-trail", "--case", ref)...); !strings.Contains(trail, "rekey") {
		t.Errorf("the audit trail does not show the new case key: %q", trail)
	}
	ok(t, v.args("verify")...)
	if list := ok(t, "slots", "list", "--vault", v.dir); strings.Contains(list, "Bob") {
		t.Errorf("slots list after the removal: %q", list)
	}
}
