package app

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"msprecords/records"
)

// walkWithParent calls fn for o and everything in it, shown or not, with
// the container each sits in (nil for o itself).
func walkWithParent(o fyne.CanvasObject, fn func(o, parent fyne.CanvasObject)) {
	var walk func(o, parent fyne.CanvasObject)
	walk = func(o, parent fyne.CanvasObject) {
		fn(o, parent)
		var children []fyne.CanvasObject
		switch c := o.(type) {
		case *fyne.Container:
			children = c.Objects
		case *container.AppTabs:
			for _, item := range c.Items {
				children = append(children, item.Content)
			}
		case *container.Scroll:
			children = []fyne.CanvasObject{c.Content}
		case *container.Split:
			children = []fyne.CanvasObject{c.Leading, c.Trailing}
		case *activityWatcher:
			children = []fyne.CanvasObject{c.content}
		case *widget.Card:
			children = []fyne.CanvasObject{c.Content}
		case *widget.Accordion:
			for _, item := range c.Items {
				children = append(children, item.Detail)
			}
		}
		for _, child := range children {
			if child != nil {
				walk(child, o)
			}
		}
	}
	walk(o, nil)
}

// isQuiet reports whether o is the small quiet text of help or an explanation.
func isQuiet(o fyne.CanvasObject) (*widget.Label, bool) {
	l, ok := o.(*widget.Label)
	return l, ok && l.Importance == widget.LowImportance && l.SizeName == theme.SizeNameCaptionText
}

// helpUnder returns the help shown under o: the quiet text withHelp puts
// after it in the box it sits in, or "".
func helpUnder(o, parent fyne.CanvasObject) string {
	box, ok := parent.(*fyne.Container)
	if !ok {
		return ""
	}
	for i, child := range box.Objects {
		if child != o {
			continue
		}
		for _, after := range box.Objects[i+1:] {
			if l, quiet := isQuiet(after); quiet && l.Text != "" {
				return l.Text
			}
		}
	}
	return ""
}

// isMultiLine reports whether o is an entry of several lines.
func isMultiLine(o fyne.CanvasObject) bool {
	switch e := o.(type) {
	case *widget.Entry:
		return e.MultiLine
	case *longEntry:
		return e.MultiLine
	}
	return false
}

// longTextsIn returns the long texts shown in o (a view of the text beside
// its Edit… or Add… button), each with the help under it.
func longTextsIn(o fyne.CanvasObject) (boxes []*widget.Button, helps []string) {
	walkWithParent(o, func(o, parent fyne.CanvasObject) {
		c, ok := o.(*fyne.Container)
		if !ok || !slices.ContainsFunc(c.Objects, func(x fyne.CanvasObject) bool { _, ok := x.(*noteView); return ok }) {
			return
		}
		for _, x := range c.Objects {
			side, ok := x.(*fyne.Container)
			if !ok || len(side.Objects) != 1 {
				continue
			}
			if b, ok := side.Objects[0].(*widget.Button); ok && (b.Text == "Edit…" || b.Text == "Add…") {
				boxes = append(boxes, b)
				helps = append(helps, helpUnder(o, parent))
			}
		}
	})
	return boxes, helps
}

// selectFirstOfEveryList selects the first entry of every entry list in o
// (a list beside its "Add …" button, not the list of the case's parts), so
// that each shows the form of an entry.
func selectFirstOfEveryList(o fyne.CanvasObject) {
	var lists []*widget.List
	walkWithParent(o, func(o, parent fyne.CanvasObject) {
		if l, ok := o.(*widget.List); ok && l.Length() > 0 && besideAddButton(parent) {
			lists = append(lists, l)
		}
	})
	for _, l := range lists {
		l.Select(0)
	}
}

// besideAddButton reports whether the box holds an "Add …" button among its
// own buttons, as an entry list's does.
func besideAddButton(box fyne.CanvasObject) bool {
	found := false
	if c, ok := box.(*fyne.Container); ok {
		for _, child := range c.Objects {
			if buttons, ok := child.(*fyne.Container); ok {
				for _, b := range buttons.Objects {
					if b, ok := b.(*widget.Button); ok && strings.HasPrefix(b.Text, "Add ") {
						found = true
					}
				}
			}
		}
	}
	return found
}

// longHelp maps each Long field's help to its path.
func longHelp() map[string]string {
	m := map[string]string{}
	for _, f := range records.Fields() {
		if f.Long {
			m[f.Help] = f.Path
		}
	}
	return m
}

// Every multi-line box on every screen of a full case has "what to write
// here" under it, and again above the entry of its editor once opened; a
// multi-line entry placed straight on a screen has help under it too. The
// boxes found must cover the Long fields of records, so that the walk
// cannot quietly miss a screen.
func TestEveryMultiLineBoxSaysWhatToWrite(t *testing.T) {
	u := openUnlocked(t)
	cases := withDemoCases(t, u, 1)
	u.window.Resize(fyne.NewSize(1280, 900))
	helps := longHelp()
	seen := map[string]bool{}
	for _, v := range everyScreen(t, u, cases[0]) {
		v.show(u)
		selectFirstOfEveryList(u.window.Content())
		walkWithParent(u.window.Content(), func(o, parent fyne.CanvasObject) {
			if isMultiLine(o) && helpUnder(o, parent) == "" {
				t.Errorf("%s: a multi-line entry has no help under it", v.name)
			}
		})
		buttons, under := longTextsIn(u.window.Content())
		for i, b := range buttons {
			path, ok := helps[under[i]]
			if !ok {
				t.Errorf("%s: a multi-line box has %q under it, not the help of a Long field", v.name, under[i])
				continue
			}
			seen[path] = true
			checkEditorShowsHelp(t, u, v.name, b, under[i])
		}
	}
	// The two written in dialogs of their own: an outcome's words and a
	// chronology entry.
	for _, path := range helps {
		if !seen[path] && path != "desired_outcomes.text" && path != "chronology.text" {
			t.Errorf("%s is marked Long but no screen showed it as a multi-line box", path)
		}
	}
}

// checkEditorShowsHelp opens a long text's editor and finds its help above
// the multi-line entry, then cancels.
func checkEditorShowsHelp(t *testing.T, u *UI, screen string, edit *widget.Button, help string) {
	t.Helper()
	test.Tap(edit)
	top := u.window.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("%s: the editor of the box helped by %q did not open", screen, help)
	}
	var entry, shown bool
	var cancel *widget.Button
	for _, o := range test.LaidOutObjects(top) {
		if isMultiLine(o) {
			entry = true
		}
		if l, quiet := isQuiet(o); quiet && l.Text == help && l.Visible() {
			shown = true
		}
		if b, ok := o.(*widget.Button); ok && b.Text == "Cancel" {
			cancel = b
		}
	}
	if !entry || !shown {
		t.Errorf("%s: the editor (multi-line entry %v) does not show %q", screen, entry, help)
	}
	if cancel == nil {
		t.Fatalf("%s: the editor has no Cancel button", screen)
	}
	test.Tap(cancel)
}

// The outcome's own dialog shows what to write under its multi-line entry.
func TestOutcomeWordsSayWhatToWrite(t *testing.T) {
	h := newViewHarness(t, &records.Case{Reference: "SG-2026-00001",
		DesiredOutcomes: []records.DesiredOutcome{{ID: records.NewID()}}})
	p := h.show(records.PartPerson).(*personPart)
	p.showTab(tabOutcomes)
	p.openReword(p.outcomes, &h.c.DesiredOutcomes[0])
	top := h.w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("the dialog for the person's words did not open")
	}
	var help string
	for _, o := range test.LaidOutObjects(top) {
		if c, ok := o.(*fyne.Container); ok && slices.Contains(c.Objects, fyne.CanvasObject(p.outcomeDlg.words)) {
			help = helpUnder(p.outcomeDlg.words, c)
		}
	}
	if want := records.MustField("desired_outcomes.text").Help; help != want {
		t.Errorf("under the person's words: %q, want %q", help, want)
	}
}

// meaningUnder returns the explanation shown under a pick-list, or "" when
// it is hidden.
func meaningUnder(t *testing.T, root, picker fyne.CanvasObject) string {
	t.Helper()
	var m *widget.Label
	walkWithParent(root, func(o, parent fyne.CanvasObject) {
		box, ok := parent.(*fyne.Container)
		if o != picker || !ok {
			return
		}
		i := slices.Index(box.Objects, o)
		if i >= 0 && i+1 < len(box.Objects) {
			m, _ = isQuiet(box.Objects[i+1])
		}
	})
	if m == nil {
		t.Fatal("no line for the meaning under the pick-list")
	}
	if !m.Visible() {
		return ""
	}
	return m.Text
}

// Choosing a representative's type explains it as it is chosen, changes
// with the choice, and says nothing for a choice that needs no explaining.
func TestTypeOfRepresentativeExplainsTheChoice(t *testing.T) {
	h := newViewHarness(t, &records.Case{Reference: "SG-2026-00001",
		Representatives: []records.Representative{{ID: records.NewID()}}})
	p := h.show(records.PartRepresentatives).(*representativesPart)
	p.reps.list.Select(0)
	label := records.Label("representatives.kind")
	kind := h.field(p.reps.form, label).(*widget.Select)
	root := h.w.Content()
	if got := meaningUnder(t, root, kind); got != "" {
		t.Errorf("before a choice, the meaning says %q", got)
	}
	for _, choice := range []string{"IMCA", "Attorney under LPA - property and financial affairs", "Other", "IDVA", notChosen} {
		h.pick(p.reps.form, label, choice)
		want := records.Explain(choice)
		if got := meaningUnder(t, root, kind); got != want {
			t.Errorf("after choosing %q the meaning says %q, want %q", choice, got, want)
		}
	}
	if !strings.Contains(records.Explain("IMCA"), "Independent Mental Capacity Advocate") {
		t.Errorf("IMCA is explained as %q", records.Explain("IMCA"))
	}
}

// A choice already made is explained when the form is opened, and the
// choices ticked in a group are each explained, by name.
func TestChoicesMadeBeforeAreExplained(t *testing.T) {
	c := &records.Case{Reference: "SG-2026-00001"}
	c.Outcome.RiskOutcome = "Risk reduced"
	c.Outcome.AdultOutcomes = []string{"Increased monitoring", "DoLS application"}
	h := newViewHarness(t, c)
	findings := h.show(records.PartOutcome).(*outcomePart).findings
	root := h.w.Content()
	risk := h.field(findings, records.Label("outcome.risk_outcome")).(*widget.Select)
	if got, want := meaningUnder(t, root, risk), records.Explain("Risk reduced"); got != want {
		t.Errorf("under %q: %q, want %q", records.Label("outcome.risk_outcome"), got, want)
	}
	label := records.Label("outcome.adult_outcomes")
	group := h.field(findings, label).(*widget.CheckGroup)
	if got, want := meaningUnder(t, root, group), "DoLS application: "+records.Explain("DoLS application"); got != want {
		t.Errorf("under %q: %q, want %q", label, got, want)
	}
	h.tickMany(findings, label, "Court of Protection application")
	got := meaningUnder(t, root, group)
	if !strings.HasPrefix(got, "Court of Protection application: ") || !strings.Contains(got, "\nDoLS application: ") {
		t.Errorf("after ticking a Court of Protection application, under %q: %q", label, got)
	}
	h.tickMany(findings, label, "Court of Protection application", "DoLS application")
	if got := meaningUnder(t, root, group); got != "" {
		t.Errorf("with only increased monitoring ticked, under %q: %q", label, got)
	}
}

// The chronology's own editor says what to write above its entry.
func TestChronologyEditorSaysWhatToWrite(t *testing.T) {
	h := newViewHarness(t, nil)
	p := h.show(records.PartChronology).(*chronologyPart)
	test.Tap(p.addBtn)
	help := records.MustField("chronology.text").Help
	for _, o := range test.LaidOutObjects(h.w.Canvas().Overlays().Top()) {
		if l, quiet := isQuiet(o); quiet && l.Text == help && l.Visible() {
			return
		}
	}
	t.Errorf("the chronology editor does not show %q", help)
}
