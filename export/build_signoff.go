package export

import "msprecords/records"

// signOffLines put a safeguarding lead's sign-offs on the pack's cover, so
// that whoever reads any copy sees whether a lead approved the closure (or
// a report) and who: "Signed off by Alice Lead (safeguarding lead) on 4
// June 2025". A closed case not yet signed off says so instead.
func signOffLines(c *records.Case) []Block {
	var out []Block
	if c.AwaitingSignOff() {
		out = append(out, Notice{records.AwaitingSignOffText + "."})
	}
	for _, s := range c.SignOffs {
		out = append(out, Paragraph{s.What + ": " + s.Line() + "."})
	}
	return out
}
