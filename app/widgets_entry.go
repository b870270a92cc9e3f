package app

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"msprecords/records"
)

// fieldEntry is a one-line entry that says when the user leaves it, so that a
// half-typed value is judged then and not at every keystroke.
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

// checkedField is a one-line entry whose text is tidied into a standard form
// (an NHS number, a postcode) before it reaches the case. Until the text can be
// tidied the case keeps its last good value, and on leaving the field a
// message says what is wrong.
type checkedField struct {
	entry   *fieldEntry
	message *widget.Label
}

// checked is an entry bound to a string that must pass normalise; show turns
// the stored value into what is displayed. key is the field's path (see
// describe).
func (f *form) checked(key, problem string, p *string, normalise func(string) (string, error), show func(string) string) *checkedField {
	fl := describe(key)
	c := &checkedField{entry: newFieldEntry(), message: newMessage()}
	c.entry.SetText(show(*p))
	c.entry.SetPlaceHolder(fl.Hint)
	c.entry.OnChanged = func(s string) {
		n, err := normalise(s)
		if err != nil {
			return
		}
		hideMessage(c.message)
		if n != *p {
			f.edit(func() { *p = n })
		}
	}
	c.entry.onBlur = func() {
		if n, err := normalise(c.entry.Text); err != nil {
			showMessage(c.message, problem)
		} else if show(n) != c.entry.Text {
			c.entry.SetText(show(n))
		}
	}
	f.addField(fl, container.NewVBox(c.entry, c.message), c)
	return c
}

// dmyField is a date of birth typed as day, month and year in three boxes,
// the GOV.UK pattern for dates people know rather than pick.
type dmyField struct {
	label            string
	day, month, year *fieldEntry
	message          *widget.Label
	get              func() records.Date
	set              func(records.Date)
}

// dayMonthYear is a date of the case typed in three boxes; key is the
// field's path (see describe).
func (f *form) dayMonthYear(key string, p *records.Date) *dmyField {
	fl := describe(key)
	d := &dmyField{label: fl.Label, day: newFieldEntry(), month: newFieldEntry(), year: newFieldEntry(),
		message: newMessage(), get: func() records.Date { return *p }}
	d.set = func(v records.Date) { f.edit(func() { *p = v }) }
	if v := *p; !v.IsZero() {
		t := v.Time()
		d.day.SetText(strconv.Itoa(t.Day()))
		d.month.SetText(strconv.Itoa(int(t.Month())))
		d.year.SetText(strconv.Itoa(t.Year()))
	}
	d.day.PlaceHolder, d.month.PlaceHolder, d.year.PlaceHolder = "Day", "Month", "Year"
	// The year is typed last, so typing it commits at once; the day and
	// month commit on leaving them, so that typing "31" does not first
	// store the 3rd.
	d.year.OnChanged = func(string) { d.typed() }
	d.day.onBlur = func() { d.judge(false) }
	d.month.onBlur = func() { d.judge(false) }
	d.year.onBlur = func() { d.judge(true) }
	boxes := container.NewGridWithColumns(3, d.day, d.month, d.year)
	f.addField(fl, container.NewVBox(boxes, d.message), d)
	return d
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

func (d *dmyField) typed() {
	v, ok := d.value()
	if !ok {
		return
	}
	hideMessage(d.message)
	if !sameDate(v, d.get()) {
		d.set(v)
	}
}

// judge stores the date when it is real, or says what is wrong. A missing part is only reported on leaving the
// year, the last box, so moving from day to month says nothing.
func (d *dmyField) judge(last bool) {
	if _, ok := d.value(); ok {
		d.typed()
		return
	}
	day, month, year := d.parts()
	switch {
	case day != "" && month != "" && year != "":
		showMessage(d.message, d.label+" must be a real date")
	case last && day == "":
		showMessage(d.message, d.label+" must include a day")
	case last && month == "":
		showMessage(d.message, d.label+" must include a month")
	case last && year == "":
		showMessage(d.message, d.label+" must include a year")
	}
}
