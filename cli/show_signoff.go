package cli

import "msprecords/records"

// writeSignOffs lists a safeguarding lead's sign-offs, and says when a
// closed case still awaits one.
func writeSignOffs(t *caseWriter, c *records.Case) {
	t.section("Sign-off by a safeguarding lead")
	if c.AwaitingSignOff() {
		t.text(records.AwaitingSignOffText + ".")
	} else if len(c.SignOffs) == 0 {
		t.none()
	}
	for i, s := range c.SignOffs {
		t.item(i+1, s.What)
		t.text(s.Line() + ".")
		t.date("sign_offs.closed", s.Closed)
		t.field("sign_offs.purpose", s.Purpose)
	}
}
