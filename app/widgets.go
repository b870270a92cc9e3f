package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"msprecords/records"
)

// form lays out labelled fields one under another, so that Tab moves through
// them in the order they are read, and keeps every field by its label so that
// tests (and the round-trip test of the shell) can reach each one as a user would.
// Every setter it makes changes the case through caseView.edit.
type form struct {
	v      *caseView
	rows   []fyne.CanvasObject
	fields map[string]any // label → widget or field helper
	after  func()         // run after every edit, e.g. to refresh a list row
}

func newForm(v *caseView) *form {
	return &form{v: v, fields: map[string]any{}}
}

// object returns the laid-out form.
func (f *form) object() fyne.CanvasObject {
	return container.New(formLayout{}, f.rows...)
}

// field returns what is shown for a label (a widget, or a helper such as
// *dateField), or nil.
func (f *form) field(label string) any { return f.fields[label] }

// edit changes the case and tells the shell and the form's owner.
func (f *form) edit(change func()) {
	f.v.edit(change)
	if f.after != nil {
		f.after()
	}
}

// add places a labelled row. The same label twice in one form is a
// programming error, caught by the tests.
func (f *form) add(label string, shown fyne.CanvasObject, field any) {
	f.register(label, field)
	f.rows = append(f.rows, formLabel(label, fyne.TextStyle{}), shown)
}

// describe resolves the key a form helper is given. A field of the case is
// named by its path ("person.name"), and its description in records gives
// the label, hint, help and pick-list, the same words the packs and `show`
// use. Any other key is the label of a row that is not a field of the case,
// such as a computed figure.
func describe(key string) records.Field {
	if fl, ok := records.FieldByPath(key); ok {
		return fl
	}
	return records.Field{Label: key}
}

// addField places the row of a described field, with its help, if any,
// under what is shown.
func (f *form) addField(fl records.Field, shown fyne.CanvasObject, field any) {
	f.add(fl.Label, withHelp(shown, fl.Help), field)
}

// withHelp puts a field's help text under it, in small quiet words.
func withHelp(shown fyne.CanvasObject, help string) fyne.CanvasObject {
	if help == "" {
		return shown
	}
	return container.NewVBox(shown, quietLabel(help))
}

// quietLabel is the small, quiet, wrapping text of help and explanations,
// so that it reads as a note on the field and not as part of the record.
func quietLabel(text string) *widget.Label {
	h := widget.NewLabel(text)
	h.Wrapping = fyne.TextWrapWord
	h.Importance = widget.LowImportance
	h.SizeName = theme.SizeNameCaptionText
	return h
}

// meaning is the line under a pick-list that says what the choice made
// means (records.Explain), hidden while the choice needs no explaining:
// a care-home manager meets "IMHA" or "Self-Neglect" as they choose it,
// not only in the Help menu.
type meaning struct{ label *widget.Label }

func newMeaning() *meaning {
	m := &meaning{label: quietLabel("")}
	m.label.Hide()
	return m
}

// explain shows what each of the choices means, one to a line, or hides
// the line when none of them needs explaining.
func (m *meaning) explain(choices ...string) {
	var lines []string
	for _, c := range choices {
		if e := records.Explain(c); e != "" {
			lines = append(lines, explanation(c, e, len(choices) > 1))
		}
	}
	m.label.SetText(strings.Join(lines, "\n"))
	if len(lines) == 0 {
		m.label.Hide()
	} else {
		m.label.Show()
	}
}

// explanation names the choice when several are explained at once, so
// that each meaning is read against its own choice.
func explanation(choice, meaning string, named bool) string {
	if named {
		return choice + ": " + meaning
	}
	return meaning
}

// register keeps a field by its label without placing it.
func (f *form) register(label string, field any) {
	if _, dup := f.fields[label]; dup {
		panic(fmt.Sprintf("app: form has two fields labelled %q", label))
	}
	f.fields[label] = field
}

// heading starts a new section of the form.
func (f *form) heading(text string) {
	f.rows = append(f.rows, formLabel(text, fyne.TextStyle{Bold: true}), layout.NewSpacer())
}

// row places something unlabelled and unregistered, such as a button.
func (f *form) row(o fyne.CanvasObject) {
	f.rows = append(f.rows, layout.NewSpacer(), o)
}

// text is a one-line entry bound to a string of the case; key is the
// field's path (see describe).
func (f *form) text(key string, p *string) *widget.Entry {
	fl := describe(key)
	e := widget.NewEntry()
	e.SetText(*p)
	e.SetPlaceHolder(fl.Hint)
	e.OnChanged = func(s string) { f.edit(func() { *p = s }) }
	f.addField(fl, e, e)
	return e
}

// notChosen is the first choice of every pick-list: it takes back a choice
// made by mistake, leaving the answer not recorded.
const notChosen = "(not chosen)"

// choice is a pick-list bound to a string of the case: the field at path,
// offering the field's own choices. A value that is not in the list (from an
// older import) is kept until someone picks another.
func (f *form) choice(path string, p *string) *widget.Select {
	fl := records.MustField(path)
	if fl.Choices == nil {
		panic(fmt.Sprintf("app: %s has no pick-list", path))
	}
	s := widget.NewSelect(append([]string{notChosen}, fl.Choices()...), nil)
	s.PlaceHolder = "Select…"
	s.Selected = *p
	m := newMeaning()
	m.explain(*p)
	s.OnChanged = func(val string) {
		if val == notChosen {
			s.ClearSelected() // shows the placeholder and comes back here with ""
			return
		}
		m.explain(val)
		if val != *p {
			f.edit(func() { *p = val })
		}
	}
	f.addField(fl, container.NewVBox(s, m.label), s)
	return s
}

// check is a tick box bound to a yes/no of the case; key is the field's
// path (see describe).
func (f *form) check(key string, p *bool) *widget.Check {
	fl := describe(key)
	c := widget.NewCheck(fl.Label, nil)
	c.Checked = *p
	c.OnChanged = func(b bool) { f.edit(func() { *p = b }) }
	f.register(fl.Label, c) // the box carries its own label, so the label column stays empty
	f.row(withHelp(c, fl.Help))
	return c
}

// many is a set of tick boxes bound to a list of the case: the field at
// path, offering the field's own choices. The choices are stored in the
// order of the pick-list, whatever order they were ticked in.
func (f *form) many(path string, p *[]string) *widget.CheckGroup {
	fl := records.MustField(path)
	options := fl.Choices()
	g := widget.NewCheckGroup(options, nil)
	g.Selected = append([]string(nil), *p...)
	m := newMeaning()
	m.explain(*p...)
	g.OnChanged = func(picked []string) {
		ordered := inListOrder(options, picked)
		m.explain(ordered...)
		f.edit(func() { *p = ordered })
	}
	f.addField(fl, container.NewVBox(g, m.label), g)
	return g
}

// note shows text the user does not edit here, such as a computed figure;
// key is a field's path or the row's own label (see describe).
func (f *form) note(key, text string) *widget.Label {
	fl := describe(key)
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	f.addField(fl, l, l)
	return l
}

// inListOrder returns the picked values in the order of options.
func inListOrder(options, picked []string) []string {
	var out []string
	for _, o := range options {
		if records.Contains(picked, o) {
			out = append(out, o)
		}
	}
	return out
}

// message is the line shown beside a field whose text cannot be used,
// in the GOV.UK style ("Date of contact must be a real date").
func newMessage() *widget.Label {
	m := widget.NewLabel("")
	m.Importance = widget.DangerImportance
	m.Wrapping = fyne.TextWrapWord
	m.Hide()
	return m
}

func showMessage(m *widget.Label, text string) {
	m.SetText(text)
	m.Show()
}

func hideMessage(m *widget.Label) {
	m.SetText("")
	m.Hide()
}
