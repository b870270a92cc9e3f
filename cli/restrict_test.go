package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A lead restricts a case to herself and a colleague; a third user sees
// only its reference and stage, and nothing they can produce holds it.
func TestRestrictedCaseOnTheCommandLine(t *testing.T) {
	v := newVault(t, "Alice", "alice's passphrase")
	bob := writeFile(t, "bob", "bob's passphrase\n")
	olly := writeFile(t, "olly", "olly's passphrase\n")
	ok(t, v.args("slots", "add", "Bob", "--new-passphrase-file", bob)...)
	ok(t, v.args("slots", "add", "Olly", "--new-passphrase-file", olly)...)
	ok(t, v.args("demo", "--cases", "3")...)
	first := strings.Split(strings.Split(ok(t, v.args("list")...), "\n")[0], "\t")
	ref, name := first[0], first[3]
	as := func(user, pass string, cmd ...string) []string {
		return append(cmd, "--vault", v.dir, "--user", user, "--passphrase-file", pass)
	}

	fails(t, "only a safeguarding lead can do this", as("Bob", bob, "restrict", "--case", ref, "--users", "Bob")...)
	fails(t, "no user of that name", v.args("restrict", "--case", ref, "--users", "Alice,Nobody")...)
	if out := ok(t, v.args("restrict", "--case", ref, "--users", "alice, Bob")...); !strings.Contains(out, "Restricted "+ref+" to Alice, Bob") {
		t.Errorf("restrict said %q", out)
	}
	if got := ok(t, as("Olly", olly, "access", "--case", ref)...); got != "Alice\nBob\n" {
		t.Errorf("access said %q", got)
	}

	list := ok(t, as("Olly", olly, "list")...)
	if !strings.Contains(list, ref+"\t") || !strings.Contains(list, "\tRestricted case\n") || strings.Contains(list, name) {
		t.Errorf("Olly's list: %q", list)
	}
	const refused = "this case is restricted. Ask a safeguarding lead for access."
	fails(t, refused, as("Olly", olly, "show", ref)...)
	pack := filepath.Join(t.TempDir(), "pack.pdf")
	fails(t, refused, as("Olly", olly, "export", "--case", ref, "--purpose", "meeting", "--no-password", "--out", pack)...)
	one := filepath.Join(t.TempDir(), "one.json")
	fails(t, refused, as("Olly", olly, "export-json", "--case", ref, "--out", one)...)
	all := filepath.Join(t.TempDir(), "all.json")
	if out := ok(t, as("Olly", olly, "export-json", "--out", all)...); !strings.Contains(out, "Saved 2 cases") || !strings.Contains(out, "Left out 1 case restricted to other users") {
		t.Errorf("Olly's export of everything said %q", out)
	}
	if data, _ := os.ReadFile(all); strings.Contains(string(data), name) || strings.Contains(string(data), ref) {
		t.Error("Olly's export holds the restricted case")
	}
	if out := ok(t, as("Bob", bob, "show", ref)...); !strings.Contains(out, name) {
		t.Error("Bob, a reader, cannot see the case")
	}
	if trail := ok(t, v.args("audit-trail", "--case", ref)...); !strings.Contains(trail, "access refused") {
		t.Errorf("the audit trail does not show Olly's attempts: %q", trail)
	}
	fails(t, "only a safeguarding lead can do this", as("Bob", bob, "unrestrict", "--case", ref)...)
	ok(t, v.args("unrestrict", "--case", ref)...)
	if out := ok(t, as("Olly", olly, "show", ref)...); !strings.Contains(out, name) {
		t.Error("the restriction was lifted but Olly still cannot read the case")
	}
	ok(t, v.args("verify")...)
}
