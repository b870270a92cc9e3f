package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A vault's maker is its lead; a lead adds practitioners and other leads,
// changes roles and sees the audit trail; a practitioner can do none of it.
func TestRolesOnTheCommandLine(t *testing.T) {
	v := newVault(t, "Alice", "alice's passphrase")
	bobPass := writeFile(t, "bob", "bob's passphrase\n")
	carolPass := writeFile(t, "carol", "carol's passphrase\n")
	ok(t, v.args("slots", "add", "Bob", "--role", "practitioner", "--new-passphrase-file", bobPass)...)
	list := ok(t, "slots", "list", "--vault", v.dir)
	for _, want := range []string{"passphrase\tAlice\tlead\tadded ", "passphrase\tBob\tpractitioner\tadded ", "recovery\t(recovery key)\t-\tadded "} {
		if !strings.Contains(list, want) {
			t.Errorf("slots list said %q, want a line starting %q", list, want)
		}
	}

	asBob := func(cmd ...string) []string {
		return append(cmd, "--vault", v.dir, "--user", "Bob", "--passphrase-file", bobPass)
	}
	const onlyLead = "only a safeguarding lead can do this"
	fails(t, onlyLead, asBob("slots", "add", "Carol", "--new-passphrase-file", carolPass)...)
	fails(t, onlyLead, asBob("slots", "add", "Carol", "--setup-code")...)
	fails(t, onlyLead, asBob("slots", "role", "Bob", "lead")...)
	fails(t, onlyLead, asBob("slots", "remove", "Alice")...)
	fails(t, onlyLead, asBob("audit-trail")...)
	ok(t, asBob("list")...)
	ok(t, v.args("audit-trail")...)

	fails(t, "only safeguarding lead", v.args("slots", "role", "Alice", "practitioner")...)
	fails(t, "a role is lead or practitioner", v.args("slots", "role", "Bob", "manager")...)
	ok(t, v.args("slots", "role", "Bob", "lead")...)
	ok(t, asBob("slots", "add", "Carol", "--role", "lead", "--new-passphrase-file", carolPass)...)
	ok(t, asBob("slots", "role", "Alice", "practitioner")...)
	fails(t, onlyLead, v.args("audit-trail")...)
	list = ok(t, "slots", "list", "--vault", v.dir)
	for _, want := range []string{"passphrase\tAlice\tpractitioner\t", "passphrase\tBob\tlead\t", "passphrase\tCarol\tlead\t"} {
		if !strings.Contains(list, want) {
			t.Errorf("after the changes slots list said %q, want %q", list, want)
		}
	}
	fails(t, "is not a slots command", v.args("slots", "promote", "Alice")...)
}

// A vault made before roles: a practitioner is told to ask its lead; the
// lead's first command brings it up to date; the practitioner then works.
func TestOldVaultOnTheCommandLine(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "vault")
	if err := os.CopyFS(dir, os.DirFS("../vaultopen/testdata/vault-v1")); err != nil {
		t.Fatal(err)
	}
	alice := writeFile(t, "alice", "alice passphrase one\n")
	bob := writeFile(t, "bob", "bob passphrase two\n")
	fails(t, "its safeguarding lead, must unlock it once", "list", "--vault", dir, "--user", "Bob Worker", "--passphrase-file", bob)
	before := ok(t, "list", "--vault", dir, "--user", "Alice Lead", "--passphrase-file", alice)
	if strings.Count(before, "\n") != 3 {
		t.Errorf("the old vault lists %q, want its 3 cases", before)
	}
	if got := ok(t, "list", "--vault", dir, "--user", "Bob Worker", "--passphrase-file", bob); got != before {
		t.Errorf("the practitioner lists %q, the lead %q", got, before)
	}
	list := ok(t, "slots", "list", "--vault", dir)
	if !strings.Contains(list, "\tAlice Lead\tlead\t") || !strings.Contains(list, "\tBob Worker\tpractitioner\t") {
		t.Errorf("slots list of the upgraded vault said %q", list)
	}
	ok(t, "verify", "--vault", dir, "--user", "Alice Lead", "--passphrase-file", alice)
}
