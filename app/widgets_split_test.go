package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"msprecords/records"
)

// TestDividerIsRemembered drags the divider of the risks list with the
// mouse, leaves the part, and checks the next list opens where it was left,
// in this case view and in a new one (as after unlocking again).
func TestDividerIsRemembered(t *testing.T) {
	h := newViewHarness(t, &records.Case{Reference: "SG-2026-00001", Risks: []records.Risk{{ID: "r1", Description: "Falls"}}})
	h.show(records.PartRisks)
	s := shownSplit(t, h.v.body)
	if s.Offset != 0.3 {
		t.Fatalf("first offset %v, want the default 0.3", s.Offset)
	}
	dragDivider(h.w, s, 200)
	dragged := s.Offset
	if dragged <= 0.35 {
		t.Fatalf("offset %v after dragging 200 px to the right", dragged)
	}

	h.show(records.PartReferrals)
	if got := shownSplit(t, h.v.body).Offset; got != dragged {
		t.Errorf("the next list opened at %v, want %v where the last was left", got, dragged)
	}
	h.show(records.PartChronology)
	if got := shownSplit(t, h.v.body).Offset; got != 0.45 {
		t.Errorf("the chronology's divider followed the lists': %v", got)
	}
	h.show(records.PartReferrals)

	// Dragged again and the vault locked at once: saving what is on screen
	// for the lock keeps it.
	dragDivider(h.w, shownSplit(t, h.v.body), -60)
	dragged = shownSplit(t, h.v.body).Offset
	h.v.commitEditing()
	if got := fyne.CurrentApp().Preferences().Float(prefSplitList); got != dragged {
		t.Errorf("after a lock the preference is %v, want %v", got, dragged)
	}

	again := newCaseView(h.w, h.c, testAuthor, func() {})
	again.showPart(records.PartRisks)
	if got := shownSplit(t, again.body).Offset; got != dragged {
		t.Errorf("a new case view opened the list at %v, want %v", got, dragged)
	}
}

// TestDamagedDividerPreferenceIgnored: an offset that would hide one side
// is not taken from the preferences.
func TestDamagedDividerPreferenceIgnored(t *testing.T) {
	a := test.NewTempApp(t)
	a.Preferences().SetFloat(prefSplitList, 0.99)
	m := newSplitMemory(a.Preferences())
	if got := m.split(prefSplitList, 0.3, container.NewStack(), container.NewStack()).Offset; got != 0.3 {
		t.Errorf("offset %v from a preference of 0.99, want the default", got)
	}
}

func shownSplit(t *testing.T, root fyne.CanvasObject) *container.Split {
	t.Helper()
	var found *container.Split
	walkObjects(root, func(o fyne.CanvasObject) {
		if s, ok := o.(*container.Split); ok && found == nil {
			found = s
		}
	})
	if found == nil {
		t.Fatal("no divided pane on screen")
	}
	return found
}

// dragDivider drags the divider of s by dx with the mouse, from its middle.
func dragDivider(w fyne.Window, s *container.Split, dx float32) {
	d := fyne.CurrentApp().Driver()
	pos := d.AbsolutePositionForObject(s)
	at := pos.Add(fyne.NewPos(s.Leading.Size().Width+2, s.Size().Height/2))
	test.Drag(w.Canvas(), at, dx, 0)
}
