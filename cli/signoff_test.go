package cli

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"msprecords/records"
)

// closedCaseFile is an import file of one case closed on 5 January 2026,
// with no work in it but its creation: whoever imports it is its only author.
func closedCaseFile(t *testing.T, ref string) string {
	return writeFile(t, ref+".json", importHeader+fmt.Sprintf(
		`{"schema":%d,"reference":%q,"person":{"name":"Ada Closed"},"enquiry":{"concern_received":"2026-01-02","closed":"2026-01-05"}}]}`,
		records.SchemaVersion, ref))
}

func todayUK() string { return records.DateOf(time.Now().UTC()).String() }

// A lead signs off a practitioner's closed case; the practitioner cannot,
// and sees it awaiting a lead; a closure is signed off once; 'show' and
// the audit trail show the sign-off.
func TestSignOffOnTheCommandLine(t *testing.T) {
	v := newVault(t, "Alice Lead", "alice's passphrase")
	bobPass := writeFile(t, "bob", "bob's passphrase\n")
	ok(t, v.args("slots", "add", "Bob Worker", "--role", "practitioner", "--new-passphrase-file", bobPass)...)
	asBob := func(cmd ...string) []string {
		return append(cmd, "--vault", v.dir, "--user", "Bob Worker", "--passphrase-file", bobPass)
	}
	ok(t, asBob("import", closedCaseFile(t, "SO-1"))...)
	ok(t, asBob("import", writeFile(t, "open.json", importHeader+`{"schema":1,"reference":"SO-OPEN","person":{"name":"Olive Open"}}]}`))...)

	fails(t, "only a safeguarding lead can do this", asBob("signoff", "--case", "SO-1")...)
	if shown := ok(t, asBob("show", "SO-1")...); !strings.Contains(shown, "Sign-off: Closed, awaiting a safeguarding lead's sign-off") {
		t.Errorf("show of a closed case awaiting sign-off:\n%s", shown)
	}
	fails(t, "name the case with --case REF", v.args("signoff")...)
	fails(t, "there is no closure to sign off", v.args("signoff", "--case", "SO-OPEN")...)

	out := ok(t, v.args("signoff", "--case", "so-1", "--user", "Alice Lead")...)
	if want := "Signed off SO-1 (closure) as Alice Lead, safeguarding lead, on " + todayUK() + ".\n"; out != want {
		t.Errorf("signoff said %q, want %q", out, want)
	}
	fails(t, "already signed off", v.args("signoff", "--case", "SO-1")...)
	shown := ok(t, asBob("show", "SO-1")...)
	for _, want := range []string{"Signed off by Alice Lead (safeguarding lead) on " + todayUK() + ".",
		"Signed off the closure on 5 January 2026 as safeguarding lead."} {
		if !strings.Contains(shown, want) {
			t.Errorf("show lacks %q:\n%s", want, shown)
		}
	}
	if strings.Contains(shown, "awaiting") {
		t.Errorf("a signed-off case still shows as awaiting sign-off:\n%s", shown)
	}
	trail := ok(t, v.args("audit-trail", "--case", "SO-1")...)
	if !strings.Contains(trail, "sign off") || !strings.Contains(trail, "SO-1 closure") {
		t.Errorf("the audit trail lacks the sign-off:\n%s", trail)
	}
}

// A lead who wrote all of a case's work cannot sign it off while another
// lead could, and is told who; the only lead of a vault can, and is told
// the sign-off says so.
func TestSignOffByTheOnlyAuthor(t *testing.T) {
	v := newVault(t, "Alice Lead", "alice's passphrase")
	ok(t, v.args("import", closedCaseFile(t, "SO-2"))...)
	out := ok(t, v.args("signoff", "--case", "SO-2")...)
	if !strings.Contains(out, "You wrote all of its work and no other safeguarding lead could sign it off") {
		t.Errorf("the only lead's sign-off said %q", out)
	}
	if shown := ok(t, v.args("show", "SO-2")...); !strings.Contains(shown, "who was the only author of the case's work") {
		t.Errorf("show lacks the only-author note:\n%s", shown)
	}

	ok(t, v.args("import", closedCaseFile(t, "SO-3"))...)
	carolPass := writeFile(t, "carol", "carol's passphrase\n")
	ok(t, v.args("slots", "add", "Carol Lead", "--role", "lead", "--new-passphrase-file", carolPass)...)
	fails(t, "another safeguarding lead must sign off this case, as Alice Lead wrote all of its work: ask Carol Lead.",
		v.args("signoff", "--case", "SO-3", "--user", "Alice Lead")...)
	ok(t, "signoff", "--case", "SO-3", "--vault", v.dir, "--user", "Carol Lead", "--passphrase-file", carolPass)
}
