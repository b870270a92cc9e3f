package app

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"msprecords/records"
)

// dateEntry is widget.DateEntry reading and writing dates the UK way whatever
// the computer's locale. DateEntry itself parses with the locale's layout
// (time.Parse("02/01/2006") on en-GB, which refuses 4/6/2025, and the US
// order elsewhere), so its parser, validator and calendar are replaced by
// records.ParseDate and a calendar that writes 04/06/2025.
type dateEntry struct {
	widget.DateEntry
	onText func(string)
	onBlur func()
	popUp  *widget.PopUp
}

func newDateEntry() *dateEntry {
	e := &dateEntry{}
	e.ExtendBaseWidget(e)
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.PlaceHolder = "DD/MM/YYYY"
	e.ActionItem = e.calendarButton()
	e.useUKParsing()
	return e
}

// CreateRenderer lets DateEntry build itself, then takes back the parsing it sets up.
func (e *dateEntry) CreateRenderer() fyne.WidgetRenderer {
	r := e.DateEntry.CreateRenderer()
	e.useUKParsing()
	return r
}

func (e *dateEntry) useUKParsing() {
	e.Validator = func(s string) error {
		_, err := records.ParseDate(s)
		return err
	}
	e.Entry.OnChanged = func(s string) {
		if d, err := records.ParseDate(s); err == nil && !d.IsZero() {
			t := d.Time()
			e.Date = &t
		} else {
			e.Date = nil
		}
		if e.onText != nil {
			e.onText(s)
		}
	}
}

// FocusLost is when a half-typed date is finally judged.
func (e *dateEntry) FocusLost() {
	e.DateEntry.FocusLost()
	if e.onBlur != nil {
		e.onBlur()
	}
}

// TypedKey judges the date on Return as well as on leaving the field.
func (e *dateEntry) TypedKey(k *fyne.KeyEvent) {
	e.DateEntry.TypedKey(k)
	if (k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter) && e.onBlur != nil {
		e.onBlur()
	}
}

func (e *dateEntry) calendarButton() *widget.Button {
	b := widget.NewButtonWithIcon("", theme.CalendarIcon(), e.showCalendar)
	b.Importance = widget.LowImportance
	return b
}

func (e *dateEntry) showCalendar() {
	c := fyne.CurrentApp().Driver().CanvasForObject(e)
	if c == nil {
		return
	}
	start := time.Now()
	if e.Date != nil {
		start = *e.Date
	}
	cal := widget.NewCalendar(start, func(t time.Time) {
		e.popUp.Hide()
		e.SetText(records.DateOf(t).Short())
	})
	e.popUp = widget.NewPopUp(cal, c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(e)
	e.popUp.ShowAtPosition(pos.Add(fyne.NewPos(0, e.Size().Height)))
}

// dateField is a labelled date with the message shown beside it when the text
// is not a real date. The case changes as the date is typed, whenever the
// text is a real date, or is cleared (not recorded); until then the last
// good date stays in the case, the text is kept aside (unsaved.go) and the
// header counts it as a change not saved.
type dateField struct {
	label   string
	entry   *dateEntry
	message *widget.Label
	get     func() records.Date
	set     func(records.Date) // may refuse, calling reset
	restore func(records.Date) // puts back the date held before the typing, never refused
	origin  records.Date       // the date the case held before the typing began
	track   *tracker           // nil outside a case
}

func newDateField(label string, get func() records.Date, set func(records.Date)) *dateField {
	d := &dateField{label: label, entry: newDateEntry(), message: newMessage(), get: get, set: set, restore: set, origin: get()}
	d.entry.SetText(get().Short())
	d.entry.onText = d.typed
	d.entry.onBlur = d.judge
	return d
}

// attach ties the field to the case's unsaved texts, and shows again the
// text kept for it, if any, with its message.
func (d *dateField) attach(t *tracker) {
	d.track = t
	if kept := t.kept(); len(kept) == 1 {
		d.entry.SetText(kept[0])
		d.judge()
	}
}

func (d *dateField) object() fyne.CanvasObject {
	return container.NewVBox(d.entry, d.message)
}

func (d *dateField) problem() string { return d.label + " must be a real date" }

func (d *dateField) typed(s string) {
	v, err := records.ParseDate(s)
	if err != nil {
		// The case never keeps a date typed on the way to this one
		// (3/2 on the way to 31/2): it goes back to the date before.
		if !sameDate(d.get(), d.origin) {
			d.restore(d.origin)
		}
		d.track.mark(d.problem(), s)
		return
	}
	hideMessage(d.message)
	if !sameDate(v, d.get()) {
		d.set(v)
	}
	d.track.clear()
}

// judge says what is wrong, on leaving the field or pressing Return; a
// real date is then settled, and is what an impossible one typed later
// goes back to.
func (d *dateField) judge() {
	if _, err := records.ParseDate(d.entry.Text); err != nil {
		showMessage(d.message, d.problem())
		return
	}
	d.origin = d.get()
}

// reset shows the date the case holds again, for a change that was refused.
func (d *dateField) reset() {
	d.entry.SetText(d.get().Short())
	hideMessage(d.message)
}

// date is a date entry bound to a date of the case; key is the field's path
// (see describe).
func (f *form) date(key string, p *records.Date) *dateField {
	fl := describe(key)
	d := newDateField(fl.Label, func() records.Date { return *p }, func(v records.Date) {
		f.edit(func() { *p = v })
	})
	d.attach(f.track(p, fl.Label, focusIn(f.v.w, d.entry)))
	f.addField(fl, d.object(), d)
	return d
}

func sameDate(a, b records.Date) bool { return !a.Before(b) && !a.After(b) }
