package export

import (
	"strings"
	"testing"
	"time"

	"msprecords/records"
)

// A pack, of any purpose, PDF and HTML, says on its cover who signed the
// case off and when, in UK dates; a closed case not yet signed off says
// that instead.
func TestPackShowsSignOff(t *testing.T) {
	c := sampleCase()
	c.Enquiry.Closed = d(3, 6, 2025)
	for _, purpose := range Purposes {
		p := mustPack(t, c, PackOptions{Purpose: purpose, MeetingID: "mt1", Sections: AllSections})
		if text := flat(mustText(t, mustPDF(t, p))); !strings.Contains(text, records.AwaitingSignOffText) {
			t.Errorf("%s: the pack of a closed case does not say it awaits sign-off", purpose)
		}
	}
	c.SignOffs = []records.SignOff{{ID: "so1", What: records.SignOffClosure, Closed: c.Enquiry.Closed,
		By: "Alice Lead", Role: "safeguarding lead", Time: time.Date(2025, 6, 4, 16, 0, 0, 0, time.UTC)}}
	want := "Closure: Signed off by Alice Lead (safeguarding lead) on 4 June 2025."
	for _, purpose := range Purposes {
		p := mustPack(t, c, PackOptions{Purpose: purpose, MeetingID: "mt1", Sections: AllSections})
		for _, doc := range []struct{ name, text string }{{"PDF", flat(mustText(t, mustPDF(t, p)))}, {"HTML", flat(mustHTML(t, p))}} {
			if !strings.Contains(doc.text, want) {
				t.Errorf("%s %s lacks %q", purpose, doc.name, want)
			}
			if strings.Contains(doc.text, "awaiting a safeguarding lead") {
				t.Errorf("%s %s still says it awaits sign-off", purpose, doc.name)
			}
		}
	}
}
