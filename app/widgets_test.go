package app

import (
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"msprecords/records"
)

// width10 measures text as 10 units a character, so tests can reason about lines.
func width10(s string) float32 { return float32(utf8.RuneCountInString(s) * 10) }

func TestWrapParagraph(t *testing.T) {
	tests := []struct {
		name, text string
		width      float32
		want       []string
	}{
		{"empty", "", 100, []string{""}},
		{"fits", "a short one", 110, []string{"a short one"}},
		{"breaks between words", "one two three four", 90, []string{"one two", "three", "four"}},
		{"long word broken", "abcdefghijkl xy", 50, []string{"abcde", "fghij", "kl xy"}},
		{"letters beyond Latin", "Łukasiewicz Ада", 60, []string{"Łukasi", "ewicz", "Ада"}},
		{"narrower than a letter", "ab", 5, []string{"a", "b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mustEqual(t, "lines", wrapParagraph(tt.text, tt.width, width10), tt.want)
		})
	}
}

func TestWrapTextKeepsParagraphs(t *testing.T) {
	mustEqual(t, "lines", wrapText("one two\n\nthree", 50, width10), []string{"one", "two", "", "three"})
}

func TestEditorWrapping(t *testing.T) {
	mustEqual(t, "short", editorWrapping("a\nb"), fyne.TextWrapWord)
	mustEqual(t, "one long paragraph", editorWrapping(strings.Repeat("x ", longParagraph)), fyne.TextWrapOff)
}

func TestLongEntryStopsWrappingOnALongPaste(t *testing.T) {
	test.NewTempApp(t)
	e := newLongEntry("short")
	mustEqual(t, "wrapping at first", e.Wrapping, fyne.TextWrapWord)
	pasteInto(nil, e, strings.Repeat("word ", longParagraph))
	mustEqual(t, "wrapping after the paste", e.Wrapping, fyne.TextWrapOff)
	if !e.hint.Visible() {
		t.Error("no word about why lines are not wrapped")
	}
}

func TestNoteViewWrapsToItsWidth(t *testing.T) {
	test.NewTempApp(t)
	n := newNoteView(strings.Repeat("She said she felt safe. ", 100), viewHeight)
	w := test.NewWindow(n)
	defer w.Close()
	w.Resize(fyne.NewSize(400, 300))
	narrow := len(n.lines)
	w.Resize(fyne.NewSize(800, 300))
	if wide := len(n.lines); narrow <= wide || wide < 2 {
		t.Errorf("%d lines at 400 wide, %d at 800", narrow, wide)
	}
	mustEqual(t, "text", strings.Join(strings.Fields(strings.Join(n.lines, " ")), " "), strings.TrimSpace(n.Text()))
}

func TestFormRefusesTwoFieldsWithOneLabel(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("no panic for a repeated label")
		}
	}()
	f := newForm(&caseView{changed: func() {}})
	var a, b string
	f.text("Name", &a)
	f.text("Name", &b)
}

func TestEveryPartHasDistinctLabels(t *testing.T) {
	// Building each part with one entry of everything catches a repeated label.
	c := &records.Case{
		Contacts: []records.Contact{{ID: "1"}}, DesiredOutcomes: []records.DesiredOutcome{{ID: "2", Text: "x"}},
		Representatives: []records.Representative{{ID: "3"}}, Capacity: []records.CapacityAssessment{{ID: "4"}},
		AllegedPersons: []records.AllegedPerson{{ID: "5"}}, Providers: []records.ServiceProvider{{ID: "6"}},
		Allegations: []records.Allegation{{ID: "7"}}, Risks: []records.Risk{{ID: "8", Actions: []records.Action{{ID: "9"}}}},
		Referrals: []records.AgencyReferral{{ID: "10"}}, Challenges: []records.Challenge{{ID: "11"}},
		Meetings:   []records.Meeting{{ID: "12", Attendees: []records.Attendee{{Name: "A"}}}},
		Chronology: []records.ChronologyEntry{{ID: "13", Text: "x"}},
	}
	h := newViewHarness(t, c)
	for _, name := range records.Parts() {
		h.show(name)
	}
	p := h.v.parts[records.PartPerson].(*personPart)
	for _, l := range []*entryList{p.contacts, p.outcomes, p.allegation, p.meetings, p.challenges} {
		l.list.Select(0)
	}
	h.v.parts[records.PartRisks].(*risksPart).risks.list.Select(0)
	h.v.parts[records.PartCapacity].(*capacityPart).assessments.list.Select(0)
	if h.changes != 0 {
		t.Errorf("looking changed the case %d times", h.changes)
	}
}
