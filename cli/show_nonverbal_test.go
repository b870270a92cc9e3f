package cli

import (
	"strings"
	"testing"

	"msprecords/demo"
	"msprecords/records"
)

// `show` prints, under the labels the window uses, how the person
// communicated at a contact, who helped and what they showed without
// words, beside their words; and a representative's relationship.
func TestShowPrintsViewsWithoutWords(t *testing.T) {
	v := newVault(t, "Alice", "correct horse battery staple")
	ok(t, v.args("demo", "--cases", "1")...)
	c := demo.Cases(1, 1)[0]
	show := ok(t, v.args("show", c.Reference)...)
	var shown *records.Contact
	for i, ct := range c.Contacts {
		if ct.Shown != "" {
			shown = &c.Contacts[i]
		}
	}
	if shown == nil {
		t.Fatal("the briefing's demo case has no contact with views shown without words")
	}
	for _, want := range []string{
		records.Label("contacts.communicated") + ": " + strings.Join(shown.Communicated, ", "),
		records.Label("contacts.helped_by") + ": " + shown.HelpedBy,
		records.Label("contacts.shown") + ": " + shown.Shown,
		records.Label("representatives.relationship") + ": Daughter",
	} {
		if !strings.Contains(show, want) {
			t.Errorf("show lacks %q:\n%s", want, show)
		}
	}
}
