package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"msprecords/records"
)

func TestChronologyEntryAdded(t *testing.T) {
	h := newViewHarness(t, nil)
	p := h.show(records.PartChronology).(*chronologyPart)
	test.Tap(p.addBtn)
	ed := h.v.chronEditor
	ed.date.entry.TypedShortcut(selectAll())
	test.Type(ed.date.entry, "4/6/2025")
	ed.kind.SetSelected("Note")
	test.Type(ed.text, "Visited; she was asleep.")
	test.Tap(ed.save)
	h.changed()
	if len(h.c.Chronology) != 1 {
		t.Fatalf("%d entries", len(h.c.Chronology))
	}
	e := h.c.Chronology[0]
	if e.ID == "" || e.Recorded.IsZero() {
		t.Errorf("entry without id or time recorded: %+v", e)
	}
	mustEqual(t, "entry", e, records.ChronologyEntry{ID: e.ID, Date: d(4, 6, 2025), Recorded: e.Recorded,
		Author: testAuthor, Kind: "Note", Text: "Visited; she was asleep."})
	mustEqual(t, "entry shown", p.selected, e.ID)
	if h.dialogShown() {
		t.Error("the editor stayed open")
	}
}

func TestChronologyEntryNeedsText(t *testing.T) {
	h := newViewHarness(t, nil)
	p := h.show(records.PartChronology).(*chronologyPart)
	test.Tap(p.addBtn)
	test.Tap(h.v.chronEditor.save)
	mustEqual(t, "message", h.v.chronEditor.msg.Text, "Enter what happened")
	mustEqual(t, "entries", len(h.c.Chronology), 0)
}

func TestChronologyCorrectionIsANewLinkedEntry(t *testing.T) {
	old := records.ChronologyEntry{ID: "e1", Date: d(3, 6, 2025), Author: "Sam Okafor", Kind: "Contact", Text: "Seen with daughter."}
	c := &records.Case{Chronology: []records.ChronologyEntry{old}}
	h := newViewHarness(t, c)
	p := h.show(records.PartChronology).(*chronologyPart)
	p.list.Select(0)
	test.Tap(p.correctBtn)
	ed := h.v.chronEditor
	mustEqual(t, "draft text", ed.text.Text, old.Text)
	ed.text.TypedShortcut(selectAll())
	test.Type(ed.text, "Seen alone; daughter waited outside.")
	test.Tap(ed.save)
	h.changed()
	mustEqual(t, "old entry unchanged", c.Chronology[0], old)
	if len(c.Chronology) != 2 {
		t.Fatalf("%d entries", len(c.Chronology))
	}
	n := c.Chronology[1]
	mustEqual(t, "correction", n, records.ChronologyEntry{ID: n.ID, Date: old.Date, Recorded: n.Recorded, Author: testAuthor,
		Kind: "Correction", Text: "Seen alone; daughter waited outside.", Corrects: "e1"})
	if err := records.CheckAppendOnly([]records.ChronologyEntry{old}, c.Chronology); err != nil {
		t.Error(err)
	}
	// The old entry shows that it was corrected.
	p.show("e1")
	if !strings.Contains(p.status.Text, "Corrected by the entry recorded") {
		t.Errorf("old entry says %q", p.status.Text)
	}
	if !strings.Contains(p.heading(old), "corrected") {
		t.Errorf("old entry's row says %q", p.heading(old))
	}
}

func TestChronologyNewestFirst(t *testing.T) {
	c := &records.Case{Chronology: []records.ChronologyEntry{
		{ID: "a", Date: d(1, 6, 2025), Text: "first"}, {ID: "b", Date: d(9, 6, 2025), Text: "third"}, {ID: "c", Date: d(5, 6, 2025), Text: "second"},
	}}
	h := newViewHarness(t, c)
	p := h.show(records.PartChronology).(*chronologyPart)
	var got []string
	for _, i := range p.order {
		got = append(got, c.Chronology[i].Text)
	}
	mustEqual(t, "order", got, []string{"third", "second", "first"})
}

func TestContactAddedToChronology(t *testing.T) {
	c := &records.Case{Contacts: []records.Contact{{ID: "ct1", Date: d(4, 6, 2025), Method: "Telephone", SpokenAlone: records.No, Views: "“Leave me be.”"}}}
	h := newViewHarness(t, c)
	p := h.show(records.PartPerson).(*personPart)
	p.showTab(tabContacts)
	p.contacts.list.Select(0)
	h.tapFormButton(p.contacts.form, "Add to chronology")
	ed := h.v.chronEditor
	mustEqual(t, "kind", ed.kind.Selected, "Contact")
	test.Tap(ed.save)
	e := c.Chronology[0]
	mustEqual(t, "entry", e, records.ChronologyEntry{ID: e.ID, Date: d(4, 6, 2025), Recorded: e.Recorded, Author: testAuthor,
		Kind: "Contact", Text: "Telephone, not seen alone. “Leave me be.”", Link: "ct1"})
}

func TestReferralAndActionAddedToChronology(t *testing.T) {
	c := &records.Case{
		Referrals: []records.AgencyReferral{{ID: "rf1", Agency: "Police", Identified: d(2, 6, 2025), Referred: d(3, 6, 2025)}},
		Risks:     []records.Risk{{ID: "r1", Description: "Falls", Actions: []records.Action{{ID: "a1", What: "Fit a sensor", Due: d(8, 6, 2025)}}}},
	}
	h := newViewHarness(t, c)
	rp := h.show(records.PartReferrals).(*referralsPart)
	rp.referrals.list.Select(0)
	h.tapFormButton(rp.referrals.form, "Add to chronology")
	test.Tap(h.v.chronEditor.save)
	kp := h.show(records.PartRisks).(*risksPart)
	kp.risks.list.Select(0)
	h.tapFormButton(kp.actions.forms[0], "Add to chronology")
	test.Tap(h.v.chronEditor.save)
	mustEqual(t, "links", []string{c.Chronology[0].Link, c.Chronology[1].Link}, []string{"rf1", "a1"})
	mustEqual(t, "dates", []records.Date{c.Chronology[0].Date, c.Chronology[1].Date}, []records.Date{d(3, 6, 2025), d(8, 6, 2025)})
}

func TestLongChronologyEntryShown(t *testing.T) {
	note := strings.Repeat("Long visit notes without a break in them at all ", 500)[:20000]
	c := &records.Case{Chronology: []records.ChronologyEntry{{ID: "e1", Date: d(3, 6, 2025), Text: note}}}
	h := newViewHarness(t, c)
	p := h.show(records.PartChronology).(*chronologyPart)
	p.list.Select(0)
	mustEqual(t, "text shown", p.text.Text(), note)
	test.Tap(p.correctBtn)
	mustEqual(t, "correction draft", len(h.v.chronEditor.text.Text), 20000)
}
