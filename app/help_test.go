package app

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
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
