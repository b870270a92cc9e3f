package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"msprecords/demo"
	"msprecords/practice"
	"msprecords/records"
)

// panelTexts returns the text of every label and button in o.
func panelTexts(o fyne.CanvasObject) []string {
	var out []string
	walkObjects(o, func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			out = append(out, w.Text)
		case *widget.Button:
			out = append(out, w.Text)
		}
	})
	return out
}

// panelButton finds a button of the panel by its text.
func panelButton(t *testing.T, p *practicePanel, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	walkObjects(p.list, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no button %q in %q", text, panelTexts(p.list))
	}
	return found
}

func TestPracticePanelFollowsEdits(t *testing.T) {
	c := demo.Cases(1, 1)[0] // the briefing's case: good practice throughout
	h := newViewHarness(t, c)
	p := newPracticePanel(h.v, func() practice.Options { return practice.DefaultOptions() })
	p.attach()
	if len(h.v.side.Objects) != 1 || h.v.side.Objects[0] != p.root {
		t.Fatal("the panel is not beside the case")
	}
	if !strings.HasPrefix(p.summary.Text, "No gaps") {
		t.Fatalf("summary %q, want no gaps (%d)", p.summary.Text, p.report.Gaps())
	}

	h.v.edit(func() { // an edit as any part makes it: the second risk loses its actions
		c.Risks[1].Actions = nil
	})
	h.changed()
	if p.summary.Text != "1 gap the MSP audit would find." {
		t.Fatalf("summary after the edit %q", p.summary.Text)
	}
	texts := strings.Join(panelTexts(p.list), "\n")
	for _, want := range []string{"Clear actions for every risk: partly met", "Record a clear action", "Risk 2: no action recorded"} {
		if !strings.Contains(texts, want) {
			t.Errorf("panel lacks %q:\n%s", want, texts)
		}
	}
	h.v.showPart(records.PartChronology)
	test.Tap(panelButton(t, p, "Go to "+records.PartRisks))
	if h.v.current != records.PartRisks {
		t.Errorf("the button showed %q, want %q", h.v.current, records.PartRisks)
	}
}

func TestPracticePanelOnCaseScreen(t *testing.T) {
	u := openUnlocked(t)
	newCaseThroughForm(t, u, "Zoë Łukasiewicz", "4", "6", "1931")
	if u.current == nil || u.current.practice == nil {
		t.Fatal("the new case has no practice panel")
	}
	p := u.current.practice
	if u.current.view.side.Objects[0] != p.root {
		t.Error("the panel is not in the side slot")
	}
	if p.report.Gaps() == 0 || !strings.Contains(strings.Join(panelTexts(p.list), "\n"), "Spoken to alone") {
		t.Errorf("a new case with no contact shows %d gaps: %q", p.report.Gaps(), panelTexts(p.list))
	}
	if f, _ := p.report.Finding(practice.CriterionSpokenAlone); f.Result != practice.NotMet {
		t.Fatalf("spoken alone before any contact: %s", f.Result)
	}
	u.current.view.edit(func() {
		c := u.current.c
		c.Contacts = append(c.Contacts, records.Contact{ID: records.NewID(), Date: records.Today(), SpokenAlone: records.Yes,
			Stage: records.Stages()[0], Views: "I want to stay here."})
	})
	press(u, fyne.KeyS) // saves now, so no autosave timer outlives the test
	if f, _ := p.report.Finding(practice.CriterionSpokenAlone); f.Result != practice.Met {
		t.Errorf("spoken alone after a contact alone: %s", f.Result)
	}
	if texts := strings.Join(panelTexts(p.list), "\n"); !strings.Contains(texts, "Interventions recorded in the chronology: not met") {
		t.Errorf("the contact's missing chronology entry is not shown:\n%s", texts)
	}
}
