package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"msprecords/practice"
	"msprecords/records"
)

// A resident who says nothing in words at the first contact but shows by
// her behaviour how she feels: the practitioner ticks how she
// communicated, says who helped and writes what she showed, through the
// real widgets. The case holds it, and the practice panel stops listing
// the person's views as a gap.
func TestViewsShownWithoutWordsTyped(t *testing.T) {
	c := &records.Case{Reference: "SG-2026-00001", Contacts: []records.Contact{
		{ID: "c1", Date: d(4, 6, 2025), Stage: records.Stages()[0], SpokenAlone: records.Yes},
		{ID: "c2", Date: d(20, 7, 2025), Stage: records.Stages()[6], SpokenAlone: records.Yes, Views: "“I feel safer now.”"},
	}}
	h := newViewHarness(t, c)
	panel := newPracticePanel(h.v, func() practice.Options { return practice.DefaultOptions() })
	panel.attach()
	views, _ := panel.report.Finding(practice.CriterionViewsSought)
	if views.Result != practice.PartlyMet || !strings.Contains(panelText(panel), views.Title+": ") {
		t.Fatalf("before: %s, panel:\n%s", views.Result, panelText(panel))
	}

	p := h.show(records.PartPerson).(*personPart)
	p.showTab(tabContacts)
	p.contacts.list.Select(0)
	f := p.contacts.form
	ways := records.CommunicationWays()
	h.tickMany(f, records.Label("contacts.communicated"), ways[4], ways[3])
	h.typeText(f, records.Label("contacts.helped_by"), "Janet Mills, her home carer")
	const shown = "Held out her cardigan for me to help her put it on; turned away when her husband came in."
	h.writeLong(f, records.Label("contacts.shown"), shown)
	h.changed()

	got := h.c.Contacts[0]
	mustEqual(t, "ways, in the pick-list's order", got.Communicated, []string{ways[3], ways[4]})
	mustEqual(t, "who helped", got.HelpedBy, "Janet Mills, her home carer")
	mustEqual(t, "what was shown", got.Shown, shown)
	mustEqual(t, "their words", got.Views, "")
	if g := h.field(f, records.Label("contacts.communicated")).(*widget.CheckGroup); len(g.Options) != len(ways) {
		t.Errorf("the group offers %q, want the pick-list %q", g.Options, ways)
	}

	if f, _ := panel.report.Finding(practice.CriterionViewsSought); f.Result != practice.Met {
		t.Errorf("after: %s %v", f.Result, f.Evidence)
	}
	if text := panelText(panel); strings.Contains(text, views.Title+": ") {
		t.Errorf("the panel still lists the views:\n%s", text)
	}

	// Untick one way: the other stays, and nothing else is lost.
	h.tickMany(f, records.Label("contacts.communicated"), ways[3])
	h.changed()
	mustEqual(t, "ways after unticking", h.c.Contacts[0].Communicated, []string{ways[4]})
	mustEqual(t, "what was shown, kept", h.c.Contacts[0].Shown, shown)
}

// The representative's relationship to the person is typed on their form.
func TestRepresentativeRelationshipTyped(t *testing.T) {
	h := newViewHarness(t, &records.Case{Reference: "SG-2026-00001",
		Representatives: []records.Representative{{ID: "r1", Kind: records.RepresentativeKinds()[0], Name: "Susan Reid"}}})
	p := h.show(records.PartRepresentatives).(*representativesPart)
	p.reps.list.Select(0)
	h.typeText(p.reps.form, records.Label("representatives.relationship"), "Daughter")
	h.changed()
	mustEqual(t, "relationship", h.c.Representatives[0].Relationship, "Daughter")
	mustEqual(t, "name, kept", h.c.Representatives[0].Name, "Susan Reid")
}

func panelText(p *practicePanel) string { return strings.Join(panelTexts(p.list), "\n") }
