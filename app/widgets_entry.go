package app

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"msprecords/records"
)

// fieldEntry is a one-line entry that says when the user leaves it, or
// presses Return in it, so that a half-typed value is judged then and not at
// every keystroke. What it holds reaches the case as it is typed.
type fieldEntry struct {
	widget.Entry
	onBlur func()
}

func newFieldEntry() *fieldEntry {
	e := &fieldEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// FocusLost judges what was typed.
func (e *fieldEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.onBlur != nil {
		e.onBlur()
	}
}

// TypedKey judges what was typed on Return as well as on leaving the field.
func (e *fieldEntry) TypedKey(k *fyne.KeyEvent) {
	e.Entry.TypedKey(k)
	if (k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter) && e.onBlur != nil {
		e.onBlur()
	}
}

// checkedField is a one-line entry whose text is tidied into a standard form
// (an NHS number, a postcode) before it reaches the case. Until the text can be
// tidied the case keeps its last good value, the text is kept aside
// (unsaved.go), and on leaving the field a message says what is wrong.
type checkedField struct {
	entry   *fieldEntry
	message *widget.Label
	track   *tracker
}

// checked is an entry bound to a string that must pass normalise; show turns
// the stored value into what is displayed. key is the field's path (see
// describe).
func (f *form) checked(key, problem string, p *string, normalise func(string) (string, error), show func(string) string) *checkedField {
	fl := describe(key)
	c := &checkedField{entry: newFieldEntry(), message: newMessage()}
	c.entry.SetText(show(*p))
	c.entry.SetPlaceHolder(fl.Hint)
	origin := *p // what the case held before the typing began
	c.entry.OnChanged = func(s string) {
		n, err := normalise(s)
		if err != nil {
			if *p != origin { // nothing typed on the way is kept
				f.edit(func() { *p = origin })
			}
			c.track.mark(problem, s)
			return
		}
		hideMessage(c.message)
		if n != *p {
			f.edit(func() { *p = n })
		}
		c.track.clear()
	}
	c.entry.onBlur = func() {
		n, err := normalise(c.entry.Text)
		switch {
		case err != nil:
			showMessage(c.message, problem)
			return
		case show(n) != c.entry.Text:
			c.entry.SetText(show(n))
		}
		origin = *p
	}
	c.track = f.track(p, fl.Label, focusIn(f.v.w, c.entry))
	if kept := c.track.kept(); len(kept) == 1 {
		c.entry.SetText(kept[0])
		showMessage(c.message, problem)
	}
	f.addField(fl, container.NewVBox(c.entry, c.message), c)
	return c
}

// dmyField is a date of birth typed as day, month and year in three boxes,
// the GOV.UK pattern for dates people know rather than pick. Each box
// updates the case as it is typed, whenever the three make a real date (or
// are all empty); until then the case keeps its last good date and the
// boxes' text is kept aside (unsaved.go).
type dmyField struct {
	label            string
	day, month, year *fieldEntry
	message          *widget.Label
	get              func() records.Date
	set              func(records.Date)
	origin           records.Date // the date the case held before the typing began
	track            *tracker
	restoring        bool // the boxes are being filled, not typed in
}

// dayMonthYear is a date of the case typed in three boxes; key is the
// field's path (see describe).
func (f *form) dayMonthYear(key string, p *records.Date) *dmyField {
	fl := describe(key)
	d := &dmyField{label: fl.Label, day: newFieldEntry(), month: newFieldEntry(), year: newFieldEntry(),
		message: newMessage(), get: func() records.Date { return *p }, origin: *p}
	d.set = func(v records.Date) { f.edit(func() { *p = v }) }
	if v := *p; !v.IsZero() {
		t := v.Time()
		d.fill(strconv.Itoa(t.Day()), strconv.Itoa(int(t.Month())), strconv.Itoa(t.Year()))
	}
	d.day.PlaceHolder, d.month.PlaceHolder, d.year.PlaceHolder = "Day", "Month", "Year"
	for _, box := range []*fieldEntry{d.day, d.month, d.year} {
		box.OnChanged = func(string) { d.typed() }
	}
	d.day.onBlur = func() { d.judge(false) }
	d.month.onBlur = func() { d.judge(false) }
	d.year.onBlur = func() { d.judge(true) }
	d.track = f.track(p, fl.Label, focusIn(f.v.w, d.day))
	if kept := d.track.kept(); len(kept) == 3 {
		d.fill(kept[0], kept[1], kept[2])
		d.judge(true)
	}
	boxes := container.NewGridWithColumns(3, d.day, d.month, d.year)
	f.addField(fl, container.NewVBox(boxes, d.message), d)
	return d
}

// fill puts text in the three boxes without it counting as typing: the case
// is not changed box by box on the way.
func (d *dmyField) fill(day, month, year string) {
	d.restoring = true
	defer func() { d.restoring = false }()
	d.day.SetText(day)
	d.month.SetText(month)
	d.year.SetText(year)
}

func (d *dmyField) parts() (day, month, year string) {
	return strings.TrimSpace(d.day.Text), strings.TrimSpace(d.month.Text), strings.TrimSpace(d.year.Text)
}

// value returns the date typed, the zero date when all three boxes are
// empty, or ok=false when the boxes do not make a real date yet.
func (d *dmyField) value() (records.Date, bool) {
	day, month, year := d.parts()
	if day == "" && month == "" && year == "" {
		return records.Date{}, true
	}
	v, err := records.ParseDate(day + "/" + month + "/" + year)
	return v, err == nil
}

// typed runs at every keystroke in any of the boxes: a real date goes into
// the case at once, anything else is kept aside until it is one.
func (d *dmyField) typed() {
	if d.restoring {
		return
	}
	v, ok := d.value()
	if !ok {
		// The case never keeps a date typed on the way to this one
		// (3/2 on the way to 31/2): it goes back to the date before.
		if !sameDate(d.get(), d.origin) {
			d.set(d.origin)
		}
		day, month, year := d.parts()
		if d.message.Visible() {
			d.judge(true) // say what is wrong now, as it is already said
		}
		d.track.mark(d.problem(true), day, month, year)
		return
	}
	hideMessage(d.message)
	if !sameDate(v, d.get()) {
		d.set(v)
	}
	d.track.clear()
}

// problem says what is wrong with the boxes, or "" if nothing is; a missing
// part is only reported when last is true (on leaving the year, the last
// box, or when the date is needed), so moving from day to month says
// nothing.
func (d *dmyField) problem(last bool) string {
	if _, ok := d.value(); ok {
		return ""
	}
	day, month, year := d.parts()
	switch {
	case day != "" && month != "" && year != "":
		return d.label + " must be a real date"
	case last && day == "":
		return d.label + " must include a day"
	case last && month == "":
		return d.label + " must include a month"
	case last && year == "":
		return d.label + " must include a year"
	}
	return ""
}

// judge says what is wrong, if anything, beside the boxes, on leaving a
// box or pressing Return in it; a real date is then settled, and is what an
// impossible one typed later goes back to.
func (d *dmyField) judge(last bool) {
	if msg := d.problem(last); msg != "" {
		showMessage(d.message, msg)
	} else if _, ok := d.value(); ok {
		d.origin = d.get()
	}
}
