package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"msprecords/records"
)

// newOutcomes edits the desired outcomes as the person put them. The words
// themselves are changed only through "Change the wording…", which asks why
// and keeps the previous words in the outcome's history.
func (p *personPart) newOutcomes() *entryList {
	l, c := newEntryList(p.v, "desired outcome"), func() *records.Case { return p.v.c }
	l.count = func() int { return len(c().DesiredOutcomes) }
	l.summary = func(i int) string {
		return or(firstLine(c().DesiredOutcomes[i].Text, 80), "Not yet in the person's words")
	}
	l.create = func() {
		c().DesiredOutcomes = append(c().DesiredOutcomes, records.DesiredOutcome{
			ID: records.NewID(), Recorded: records.Today(), Stage: c().Enquiry.Stage,
		})
	}
	l.remove = func(i int) { c().DesiredOutcomes = removeAt(c().DesiredOutcomes, i) }
	l.detail = func(f *form, i int) fyne.CanvasObject {
		o := &c().DesiredOutcomes[i]
		words := widget.NewLabel(or(o.Text, "Not yet recorded."))
		words.Wrapping = fyne.TextWrapWord
		f.addField(records.MustField(outcomeWords), words, words)
		change := widget.NewButton("Change the wording…", func() { p.openReword(l, o) })
		if o.Text == "" {
			change.SetText("Record the person's words…")
		}
		confirm := widget.NewButton("Confirmed with the person…", func() { p.openConfirm(l, o) })
		if o.Text == "" {
			confirm.Disable()
		}
		f.row(container.NewHBox(change, confirm))
		f.date("desired_outcomes.recorded", &o.Recorded)
		f.choice("desired_outcomes.stage", &o.Stage)
		f.add("History", outcomeHistory(o), nil)
		return f.object()
	}
	return l
}

// outcomeWords is the path of a desired outcome in the person's words.
const outcomeWords = "desired_outcomes.text"

// outcomeHistory lists when and why an outcome was revisited, newest first.
func outcomeHistory(o *records.DesiredOutcome) fyne.CanvasObject {
	box := container.NewVBox()
	if len(o.History) == 0 {
		box.Add(widget.NewLabel("Not revisited yet."))
	}
	for i := len(o.History) - 1; i >= 0; i-- {
		h := o.History[i]
		t := widget.NewLabel(or(h.Date.String(), "No date") + ": " + h.Reason + "\nBefore: “" + h.Previous + "”")
		t.Wrapping = fyne.TextWrapWord
		box.Add(t)
	}
	return box
}

// outcomeDialog is the open dialog for rewording or confirming an outcome,
// kept so that tests can fill it in as a user would.
type outcomeDialog struct {
	words  *widget.Entry // nil when confirming
	reason *widget.Entry
	date   *dateField
	save   *widget.Button
	cancel *widget.Button
	msg    *widget.Label
	dlg    *dialog.CustomDialog
}

func (p *personPart) newOutcomeDialog(title string, withWords bool, reasonLabel string) *outcomeDialog {
	d := &outcomeDialog{reason: widget.NewEntry(), msg: newMessage()}
	day := records.Today()
	d.date = newDateField("Date", func() records.Date { return day }, func(v records.Date) { day = v })
	f := newForm(p.v)
	if withWords {
		d.words = widget.NewMultiLineEntry()
		d.words.Wrapping = fyne.TextWrapWord
		d.words.SetMinRowsVisible(4)
		f.addField(records.MustField(outcomeWords), d.words, d.words)
	}
	f.add(reasonLabel, d.reason, d.reason)
	f.add("Date", d.date.object(), d.date)
	d.cancel = widget.NewButton("Cancel", func() { d.dlg.Hide() })
	d.save = widget.NewButton("Save", nil)
	d.save.Importance = widget.HighImportance
	d.dlg = dialog.NewCustomWithoutButtons(title, container.NewVBox(f.object(), d.msg), p.v.w)
	d.dlg.SetButtons([]fyne.CanvasObject{d.cancel, d.save})
	d.dlg.Resize(fyne.NewSize(560, 0))
	p.outcomeDlg = d
	return d
}

// day returns the date typed, or false (with the message shown) when it is not real.
func (d *outcomeDialog) day() (records.Date, bool) {
	v, err := records.ParseDate(d.date.entry.Text)
	if err != nil {
		d.date.judge()
		return records.Date{}, false
	}
	return v, true
}

func (p *personPart) openReword(l *entryList, o *records.DesiredOutcome) {
	first := o.Text == ""
	title := "Change the wording"
	if first {
		title = "Record the person's words"
	}
	d := p.newOutcomeDialog(title, true, records.Label("desired_outcomes.history.reason"))
	d.words.SetText(o.Text)
	if first {
		d.reason.SetPlaceHolder("Not needed the first time")
	}
	d.save.OnTapped = func() {
		day, ok := d.day()
		switch {
		case !ok:
			return
		case d.words.Text == "":
			showMessage(d.msg, "Enter the outcome in the person's words")
			return
		case !first && d.words.Text != o.Text && d.reason.Text == "":
			showMessage(d.msg, "Enter why the outcome changed")
			return
		}
		p.v.edit(func() { o.Reword(d.words.Text, d.reason.Text, day) })
		d.dlg.Hide()
		l.redraw()
	}
	d.dlg.Show()
}

func (p *personPart) openConfirm(l *entryList, o *records.DesiredOutcome) {
	d := p.newOutcomeDialog("Confirmed with the person", false, "What the person said")
	d.reason.SetPlaceHolder("What they said (optional)")
	d.save.OnTapped = func() {
		day, ok := d.day()
		if !ok {
			return
		}
		p.v.edit(func() { o.Confirm(day, d.reason.Text) })
		d.dlg.Hide()
		l.redraw()
	}
	d.dlg.Show()
}
