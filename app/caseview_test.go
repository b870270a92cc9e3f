package app

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"msprecords/records"
)

// viewHarness is a case view in a test window, with a count of the times it
// told the shell that the case changed. Tests drive its widgets as a user
// would: typing into entries, ticking boxes, tapping buttons.
type viewHarness struct {
	t       *testing.T
	w       fyne.Window
	c       *records.Case
	v       *caseView
	changes int
}

const testAuthor = "Alice Practitioner"

func newViewHarness(t *testing.T, c *records.Case) *viewHarness {
	t.Helper()
	test.NewTempApp(t)
	if c == nil {
		c = &records.Case{Reference: "SG-2026-00001"}
	}
	h := &viewHarness{t: t, c: c, w: test.NewWindow(nil)}
	h.v = newCaseView(h.w, c, testAuthor, func() { h.changes++ })
	h.w.SetContent(h.v.content())
	h.w.Resize(fyne.NewSize(1280, 900))
	t.Cleanup(h.w.Close)
	return h
}

// show opens a part and returns it.
func (h *viewHarness) show(name string) part {
	h.v.showPart(name)
	return h.v.parts[name]
}

// changed checks that the shell was told of edits since the last check.
func (h *viewHarness) changed() {
	h.t.Helper()
	if h.changes == 0 {
		h.t.Error("changed() was not called")
	}
	h.changes = 0
}

func (h *viewHarness) field(f *form, label string) any {
	h.t.Helper()
	if f == nil {
		h.t.Fatalf("no form for %q", label)
	}
	o := f.field(label)
	if o == nil {
		h.t.Fatalf("no field labelled %q", label)
	}
	return o
}

// typeText types into an empty one-line entry.
func (h *viewHarness) typeText(f *form, label, text string) {
	h.t.Helper()
	var e *widget.Entry
	switch o := h.field(f, label).(type) {
	case *widget.Entry:
		e = o
	case *checkedField:
		h.w.Canvas().Focus(o.entry)
		test.Type(o.entry, text)
		h.w.Canvas().Unfocus()
		return
	default:
		h.t.Fatalf("%q is a %T, not an entry", label, o)
	}
	h.w.Canvas().Focus(e)
	test.Type(e, text)
	h.w.Canvas().Unfocus()
}

// pick chooses a value from a pick-list.
func (h *viewHarness) pick(f *form, label, value string) {
	h.t.Helper()
	s, ok := h.field(f, label).(*widget.Select)
	if !ok {
		h.t.Fatalf("%q is not a pick-list", label)
	}
	if !records.Contains(s.Options, value) {
		h.t.Fatalf("%q does not offer %q", label, value)
	}
	s.SetSelected(value)
}

// tick taps a tick box; for a yes/no question it chooses "Yes".
func (h *viewHarness) tick(f *form, label string) {
	h.t.Helper()
	switch o := h.field(f, label).(type) {
	case *widget.Check:
		test.Tap(o)
	case *widget.RadioGroup:
		h.answer(f, label, records.Yes.String())
	default:
		h.t.Fatalf("%q is a %T, not a tick box or a yes/no question", label, o)
	}
}

// answer taps one of the choices of a yes/no question, as a user would.
func (h *viewHarness) answer(f *form, label, choice string) {
	h.t.Helper()
	g, ok := h.field(f, label).(*widget.RadioGroup)
	if !ok {
		h.t.Fatalf("%q is not a yes/no question", label)
	}
	tapChoice(h.t, h.w.Canvas(), g, choice)
}

// tickMany taps the named boxes of a group of tick boxes.
func (h *viewHarness) tickMany(f *form, label string, options ...string) {
	h.t.Helper()
	g, ok := h.field(f, label).(*widget.CheckGroup)
	if !ok {
		h.t.Fatalf("%q is not a group of tick boxes", label)
	}
	h.w.Canvas().Refresh(g) // make sure its boxes exist
	for _, opt := range options {
		var box *widget.Check
		for _, o := range test.LaidOutObjects(g) {
			if c, ok := o.(*widget.Check); ok && c.Text == opt {
				box = c
			}
		}
		if box == nil {
			h.t.Fatalf("%q has no box %q", label, opt)
		}
		test.Tap(box)
	}
}

// typeDate types a date over what a date field holds, then leaves it.
func (h *viewHarness) typeDate(f *form, label, text string) *dateField {
	h.t.Helper()
	d, ok := h.field(f, label).(*dateField)
	if !ok {
		h.t.Fatalf("%q is not a date", label)
	}
	h.w.Canvas().Focus(d.entry)
	if text == "" {
		selectAllAndDelete(&d.entry.Entry)
	} else {
		d.entry.TypedShortcut(&fyne.ShortcutSelectAll{}) // typing replaces what was there
	}
	test.Type(d.entry, text)
	h.w.Canvas().Unfocus()
	return d
}

// typeDMY types a date of birth into its day, month and year boxes.
func (h *viewHarness) typeDMY(f *form, label, day, month, year string) *dmyField {
	h.t.Helper()
	d, ok := h.field(f, label).(*dmyField)
	if !ok {
		h.t.Fatalf("%q is not a day, month and year", label)
	}
	for _, p := range []struct {
		e    *fieldEntry
		text string
	}{{d.day, day}, {d.month, month}, {d.year, year}} {
		h.w.Canvas().Focus(p.e)
		test.Type(p.e, p.text)
		h.w.Canvas().Unfocus()
	}
	return d
}

// writeLong opens the editor of a long text, types (or, for very long text,
// pastes) the text and saves it.
func (h *viewHarness) writeLong(f *form, label, text string) *longText {
	h.t.Helper()
	lt, ok := h.field(f, label).(*longText)
	if !ok {
		h.t.Fatalf("%q is not a long text", label)
	}
	test.Tap(lt.edit)
	if lt.editor == nil {
		h.t.Fatalf("the editor of %q did not open", label)
	}
	selectAllAndDelete(&lt.editor.Entry)
	if len(text) > 200 {
		pasteInto(h.w, lt.editor, text)
	} else {
		test.Type(lt.editor, text)
	}
	test.Tap(lt.save)
	return lt
}

// selectAllAndDelete empties an entry with the keyboard.
func selectAllAndDelete(e *widget.Entry) {
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
}

// pasteInto pastes text into an entry through the clipboard, as a user would
// paste a long note.
func pasteInto(w fyne.Window, e fyne.Shortcutable, text string) {
	cb := fyne.CurrentApp().Clipboard()
	cb.SetContent(text)
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: cb})
}

// tapDialogButton taps the button with the given text on the dialog shown.
func (h *viewHarness) tapDialogButton(text string) {
	h.t.Helper()
	top := h.w.Canvas().Overlays().Top()
	if top == nil {
		h.t.Fatalf("no dialog is shown (wanted a %q button)", text)
	}
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
			test.Tap(b)
			return
		}
	}
	h.t.Fatalf("the dialog has no %q button", text)
}

// dialogShown reports whether a dialog is over the window.
func (h *viewHarness) dialogShown() bool { return h.w.Canvas().Overlays().Top() != nil }

// dialogText returns all the text of the dialog shown.
func (h *viewHarness) dialogText() string {
	var b strings.Builder
	if top := h.w.Canvas().Overlays().Top(); top != nil {
		for _, o := range test.LaidOutObjects(top) {
			switch l := o.(type) {
			case *widget.Label:
				b.WriteString(l.Text + "\n")
			case *widget.RichText:
				b.WriteString(l.String() + "\n")
			}
		}
	}
	return b.String()
}

func mustEqual[T any](t *testing.T, what string, got, want T) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got %+v\nwant %+v", what, got, want)
	}
}

func d(day, month, year int) records.Date {
	return records.NewDate(year, time.Month(month), day)
}

func TestCaseViewShowsEveryPart(t *testing.T) {
	h := newViewHarness(t, nil)
	for _, name := range records.Parts() {
		if h.show(name) == nil || h.v.current != name || len(h.v.body.Objects) != 1 {
			t.Errorf("part %q is not shown", name)
		}
	}
	h.v.showPart("No such part")
	mustEqual(t, "part after an unknown name", h.v.current, records.PartChronology)
	if h.changes != 0 {
		t.Errorf("showing parts changed the case %d times", h.changes)
	}
}

func TestCaseViewSetCaseReplacesWidgets(t *testing.T) {
	h := newViewHarness(t, &records.Case{Person: records.Person{Name: "Zoë Łukasiewicz"}})
	p := h.show(records.PartPerson).(*personPart)
	mustEqual(t, "name shown", p.details.field("Full name").(*widget.Entry).Text, "Zoë Łukasiewicz")
	other := &records.Case{Person: records.Person{Name: "Ада Петрова"}}
	h.v.setCase(other)
	p = h.v.parts[records.PartPerson].(*personPart)
	mustEqual(t, "name shown after setCase", p.details.field("Full name").(*widget.Entry).Text, "Ада Петрова")
	h.typeText(p.details, "Preferred name", "Ада")
	mustEqual(t, "preferred name in the new case", other.Person.PreferredName, "Ада")
	mustEqual(t, "first case untouched", h.c.Person.PreferredName, "")
}

func TestCaseViewSidePanel(t *testing.T) {
	h := newViewHarness(t, nil)
	panel := widget.NewLabel("Practice check")
	h.v.setSidePanel(panel)
	mustEqual(t, "side panel", h.v.side.Objects, []fyne.CanvasObject{panel})
	h.v.setSidePanel(nil)
	mustEqual(t, "side panel emptied", len(h.v.side.Objects), 0)
}

func selectAll() fyne.Shortcut { return &fyne.ShortcutSelectAll{} }
