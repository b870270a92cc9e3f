package app

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"msprecords/records"
)

// The guide opens once, after the recovery key step of a new vault, and
// names the vault's folder; Help opens it again.
func TestGuideShownOnceAfterANewVault(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "vault")
	u := newTestUI(t, dir)
	createThroughScreens(t, u) // which checks the guide is shown, then closes it
	u.showGuideOnce()
	if u.window.Canvas().Overlays().Top() != nil {
		t.Error("the guide was shown a second time")
	}
	u.helpCommands()[0].action()
	if !strings.Contains(overlayText(u), "Keep the recovery key safe") {
		t.Error("Help → Getting started did not show the guide")
	}
}

// The glossary explains the advocates' initials and finds them when typed.
func TestGlossaryFindsATerm(t *testing.T) {
	u := openUnlocked(t)
	find, list := glossaryWidgets(t, u)
	test.Type(find, "imha")
	if n := list.Length(); n != 1 {
		t.Fatalf("finding IMHA shows %d terms, want 1", n)
	}
	row := list.CreateItem()
	list.UpdateItem(0, row)
	got := row.(*fyne.Container).Objects[1].(*widget.Label).Text
	if !strings.Contains(got, "Mental Health Act 1983") {
		t.Errorf("IMHA is explained as %q", got)
	}
}

// glossaryWidgets opens the glossary and returns its find box and list.
func glossaryWidgets(t *testing.T, u *UI) (*widget.Entry, *widget.List) {
	t.Helper()
	u.showGlossary()
	var find *widget.Entry
	var list *widget.List
	for _, o := range test.LaidOutObjects(u.window.Canvas().Overlays().Top()) {
		switch w := o.(type) {
		case *widget.Entry:
			find = w
		case *widget.List:
			list = w
		}
	}
	if find == nil || list == nil {
		t.Fatal("no find box or list in the glossary")
	}
	return find, list
}

// Every term's row is as tall as its wrapped meaning, so that no meaning
// is cut off or runs into the next term, however long it is.
func TestGlossaryRowsFitTheirMeanings(t *testing.T) {
	u := openUnlocked(t)
	_, list := glossaryWidgets(t, u)
	terms := records.Glossary()
	if list.Length() != len(terms) {
		t.Fatalf("the glossary lists %d terms, want %d", list.Length(), len(terms))
	}
	for i, term := range terms {
		list.ScrollTo(i)
		var row *fyne.Container
		for _, o := range test.LaidOutObjects(list) {
			if c, ok := o.(*fyne.Container); ok && len(c.Objects) == 2 {
				if l, ok := c.Objects[0].(*widget.Label); ok && l.Text == term.Term && c.Visible() {
					row = c
				}
			}
		}
		if row == nil {
			t.Fatalf("scrolled to %q but its row is not shown", term.Term)
		}
		if got, need := row.Size().Height, row.MinSize().Height; got < need-0.5 {
			t.Errorf("%q has a row %.0f high but needs %.0f", term.Term, got, need)
		}
	}
}

// Finding a word lists the terms it names before those whose meaning
// mentions it.
func TestGlossaryFindsTheNamedTermFirst(t *testing.T) {
	u := openUnlocked(t)
	find, list := glossaryWidgets(t, u)
	test.Type(find, "Abuse")
	if list.Length() < 2 {
		t.Fatalf("finding Abuse shows %d terms", list.Length())
	}
	named := true
	for i := 0; i < list.Length(); i++ {
		row := list.CreateItem()
		list.UpdateItem(i, row)
		term := row.(*fyne.Container).Objects[0].(*widget.Label).Text
		has := strings.Contains(strings.ToLower(term), "abuse")
		if has && !named {
			t.Errorf("%q, named by the word, is listed after a term that only mentions it", term)
		}
		named = named && has
	}
	if named {
		t.Error("no term that only mentions abuse in its meaning was found")
	}
}
