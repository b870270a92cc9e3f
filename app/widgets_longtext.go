package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"msprecords/records"
)

// longText shows free text (views, notes, the concern) read-only in a
// scrollable, wrapping view, and edits it in its own multiline entry in a
// dialog. Fyne's multiline Entry grows slow on very long text, so a form full
// of 20,000-character notes must not hold one entry per note.
type longText struct {
	label string
	help  string // what to write, shown under the view and above the editor
	w     fyne.Window
	view  *noteView
	edit  *widget.Button
	get   func() string
	set   func(string)
	cv    *caseView // told while the editor is open, so that a lock saves it; nil outside a case

	// While the editor is open:
	editor *longEntry
	save   *widget.Button
	cancel *widget.Button
	dlg    *dialog.CustomDialog
}

// viewHeight is the height of the read-only view: a few lines, then it scrolls.
const viewHeight = 96

func newLongText(w fyne.Window, fl records.Field, get func() string, set func(string)) *longText {
	t := &longText{w: w, label: fl.Label, help: fl.Help, get: get, set: set}
	t.view = newNoteView("", viewHeight)
	t.edit = widget.NewButton("Edit…", nil)
	t.edit.OnTapped = t.openEditor
	t.show()
	return t
}

func (t *longText) object() fyne.CanvasObject {
	return container.NewBorder(nil, nil, nil, container.NewVBox(t.edit), t.view)
}

func (t *longText) show() {
	text := t.get()
	t.edit.SetText("Edit…")
	if text == "" {
		t.edit.SetText("Add…")
	}
	t.view.SetText(text)
}

// openEditor shows the text in its own entry, in a dialog sized to the window.
func (t *longText) openEditor() {
	w := t.w
	t.editor = newLongEntry(t.get())
	t.save = widget.NewButton("Save", t.saveEditor)
	t.save.Importance = widget.HighImportance
	t.cancel = widget.NewButton("Cancel", t.closeEditor)
	t.dlg = dialog.NewCustomWithoutButtons(t.label, t.editorContent(), w)
	t.dlg.SetButtons([]fyne.CanvasObject{t.cancel, t.save})
	size := w.Canvas().Size()
	t.dlg.Resize(fyne.NewSize(size.Width*0.8, size.Height*0.8))
	t.dlg.Show()
	w.Canvas().Focus(t.editor)
	if t.cv != nil {
		t.cv.editing = t.saveEditor
	}
}

// editorContent is the editor with what to write there above it, so that
// the help is still in view once the dialog covers the form.
func (t *longText) editorContent() fyne.CanvasObject {
	var top fyne.CanvasObject
	if t.help != "" {
		top = quietLabel(t.help)
	}
	return container.NewBorder(top, nil, nil, nil, withWrapHint(t.editor))
}

func (t *longText) saveEditor() {
	if text := t.editor.Text; text != t.get() {
		t.set(text)
	}
	t.closeEditor()
	t.show()
}

func (t *longText) closeEditor() {
	if t.dlg != nil {
		t.dlg.Hide()
	}
	t.dlg, t.editor, t.save, t.cancel = nil, nil, nil, nil
	if t.cv != nil {
		t.cv.editing = nil
	}
}

// long is free text bound to a string of the case, the field at path. Only a
// field records marks Long is shown as a multi-line box, so that the records
// test holding every Long field to having help covers every such box here.
func (f *form) long(path string, p *string) *longText {
	fl := records.MustField(path)
	if !fl.Long {
		panic(fmt.Sprintf("app: %s is not marked Long in records/fields.go, so it may have no help", path))
	}
	t := newLongText(f.v.w, fl, func() string { return *p }, func(s string) { f.edit(func() { *p = s }) })
	t.cv = f.v
	f.addField(fl, t.object(), t)
	return t
}

// longEntry is a multiline entry for text that may be very long. It wraps
// words while that keeps typing quick, and stops wrapping (before the paste
// or keystroke that would make it slow) once a paragraph grows too long.
type longEntry struct {
	widget.Entry
	hint *widget.Label // says why lines are not wrapped
}

func newLongEntry(text string) *longEntry {
	e := &longEntry{}
	e.ExtendBaseWidget(e)
	e.MultiLine = true
	e.hint = widget.NewLabel("This text has very long paragraphs, so lines are not wrapped while you edit it.")
	e.hint.Importance = widget.LowImportance
	e.Wrapping = editorWrapping(text)
	e.setWrapping(e.Wrapping)
	e.SetText(text)
	return e
}

// TypedShortcut stops wrapping before a paste that would make a long paragraph.
func (e *longEntry) TypedShortcut(s fyne.Shortcut) {
	if p, ok := s.(*fyne.ShortcutPaste); ok && p.Clipboard != nil {
		e.setWrapping(editorWrapping(e.Text + p.Clipboard.Content()))
	}
	e.Entry.TypedShortcut(s)
}

// TypedRune stops wrapping once typing makes a paragraph too long.
func (e *longEntry) TypedRune(r rune) {
	e.Entry.TypedRune(r)
	e.setWrapping(editorWrapping(e.Text))
}

// setWrapping only ever turns wrapping off: turning it back on mid-edit
// would make the text jump about.
func (e *longEntry) setWrapping(w fyne.TextWrap) {
	if w == fyne.TextWrapOff && e.Wrapping != w {
		e.Wrapping = w
		e.Refresh()
	}
	if e.Wrapping == fyne.TextWrapOff {
		e.hint.Show()
	} else {
		e.hint.Hide()
	}
}

// withWrapHint places the entry above its note about wrapping.
func withWrapHint(e *longEntry) fyne.CanvasObject {
	return container.NewBorder(nil, e.hint, nil, nil, e)
}
