package app

import (
	"fmt"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"msprecords/records"
)

// isOpen reports whether the case is neither closed nor at the closing stage.
func (v *caseView) isOpen() bool {
	return v.c.Enquiry.Closed.IsZero() && !records.IsClosingStage(v.c.Enquiry.Stage)
}

// confirmClosing runs apply, which closes the case, but first asks when
// desired outcomes have not been evaluated with the person; if the user keeps
// the case open, undo puts the widget back and the case is not changed. A
// lead is then offered to sign off the closure (thenOfferSignOff).
func (v *caseView) confirmClosing(apply, undo func()) {
	apply = v.thenOfferSignOff(apply)
	left := len(v.c.UnevaluatedOutcomes())
	if left == 0 || !v.isOpen() {
		apply()
		return
	}
	what := "1 desired outcome has"
	if left > 1 {
		what = fmt.Sprintf("%d desired outcomes have", left)
	}
	d := dialog.NewConfirm("Close the case?",
		what+" not been evaluated with the person yet.\nMark each one in Outcome & evaluation first, or close the case anyway.",
		func(ok bool) {
			if ok {
				apply()
			} else {
				undo()
			}
		}, v.w)
	d.SetConfirmText("Close anyway")
	d.SetDismissText("Keep it open")
	d.Show()
}

// closedDate is the date the enquiry closed, asking first as confirmClosing does.
func (f *form) closedDate(label string) *dateField {
	c := f.v.c
	var d *dateField
	d = newDateField(label, func() records.Date { return c.Enquiry.Closed }, func(day records.Date) {
		apply := func() { f.edit(func() { c.Enquiry.Closed = day }) }
		if day.IsZero() {
			apply()
			f.v.closingChanged()
			return
		}
		f.v.confirmClosing(apply, d.reset)
	})
	d.restore = func(day records.Date) { f.edit(func() { c.Enquiry.Closed = day }) }
	d.attach(f.track(&c.Enquiry.Closed, label, focusIn(f.v.w, d.entry)))
	f.add(label, d.object(), d)
	return d
}

// stage is the enquiry's stage, asking first when it moves to closure.
func (f *form) stage(label string) *widget.Select {
	c := f.v.c
	s := widget.NewSelect(records.Stages(), nil)
	s.PlaceHolder = "Select…"
	s.Selected = c.Enquiry.Stage
	s.OnChanged = func(val string) {
		old := c.Enquiry.Stage
		if val == old {
			return
		}
		apply := func() { f.edit(func() { c.Enquiry.Stage = val }) }
		if !records.IsClosingStage(val) {
			apply()
			return
		}
		f.v.confirmClosing(apply, func() {
			s.Selected = old
			s.Refresh()
		})
	}
	f.add(label, s, s)
	return s
}
