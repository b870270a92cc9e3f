package cli

import (
	"strings"
	"testing"

	"msprecords/demo"
)

// TestDelete: delete refuses without the reference repeated, then deletes
// the case, which leaves the list and is named in the audit trail.
func TestDelete(t *testing.T) {
	v := newVault(t, "Alice", "correct horse battery staple")
	ok(t, v.args("demo", "--cases", "3")...)
	ref := demo.Cases(1, 1)[0].Reference
	fails(t, "--confirm must repeat the reference", v.args("delete", ref)...)
	fails(t, "--confirm must repeat the reference", v.args("delete", ref, "--confirm", "DEMO-2099-0001")...)
	if got := ok(t, v.args("list")...); !strings.Contains(got, ref) {
		t.Fatalf("refused deletions removed %s", ref)
	}
	if got := ok(t, v.args("delete", ref, "--confirm", strings.ToLower(ref))...); !strings.Contains(got, "Deleted "+ref) {
		t.Errorf("delete said %q", got)
	}
	if got := ok(t, v.args("list")...); strings.Contains(got, ref) || strings.Count(got, "\n") != 2 {
		t.Errorf("after deleting %s the list is\n%s", ref, got)
	}
	fails(t, "no case", v.args("delete", ref, "--confirm", ref)...)
	if got := ok(t, v.args("verify")...); !strings.Contains(got, "Everything checked is in order") {
		t.Errorf("verify after a deletion said %q", got)
	}
}
