package app

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"msprecords/records"
)

// chronologyEditor is the dialog that writes one new chronology entry: a new
// note, the record of a contact, referral or action, or a correction. It is
// the only way entries are made, so every entry is dated and attributed.
type chronologyEditor struct {
	draft  records.ChronologyEntry
	date   *dateField
	kind   *widget.Select
	text   *longEntry
	msg    *widget.Label
	save   *widget.Button
	cancel *widget.Button
	dlg    *dialog.CustomDialog
}

// addToChronology opens the editor on a draft entry; the entry is added to
// the case only when the user saves it.
func (v *caseView) addToChronology(draft records.ChronologyEntry) {
	ed := &chronologyEditor{draft: draft, msg: newMessage()}
	day := draft.Date
	ed.date = newDateField(records.Label("chronology.date"), func() records.Date { return day }, func(d records.Date) { day = d })
	ed.kind = widget.NewSelect(records.MustField("chronology.kind").Choices(), nil)
	ed.kind.Selected = draft.Kind
	ed.text = newLongEntry(draft.Text)
	ed.save = widget.NewButton("Save entry", func() { v.saveChronology(ed) })
	ed.save.Importance = widget.HighImportance
	ed.cancel = widget.NewButton("Cancel", func() { ed.dlg.Hide() })
	f := newForm(v)
	f.add(records.Label("chronology.date"), ed.date.object(), ed.date)
	f.add(records.Label("chronology.kind"), ed.kind, ed.kind)
	title := "New chronology entry"
	if draft.Corrects != "" {
		title = "Correct a chronology entry"
		f.note("Correcting", "The entry stays as it was; this new entry is linked to it.")
	}
	content := container.NewBorder(container.NewVBox(f.object(), widget.NewLabel(records.Label("chronology.text")), quietLabel(records.MustField("chronology.text").Help)), ed.msg, nil, nil, withWrapHint(ed.text))
	ed.dlg = dialog.NewCustomWithoutButtons(title, content, v.w)
	ed.dlg.SetButtons([]fyne.CanvasObject{ed.cancel, ed.save})
	size := v.w.Canvas().Size()
	ed.dlg.Resize(fyne.NewSize(size.Width*0.8, size.Height*0.8))
	v.chronEditor = ed
	ed.dlg.Show()
}

func (v *caseView) saveChronology(ed *chronologyEditor) {
	day, err := records.ParseDate(ed.date.entry.Text)
	switch {
	case err != nil:
		ed.date.judge()
		return
	case day.IsZero():
		showMessage(ed.msg, "Enter the date it happened")
		return
	case len(ed.text.Text) == 0:
		showMessage(ed.msg, "Enter what happened")
		return
	}
	e := ed.draft
	e.Date, e.Kind, e.Text, e.Author = day, ed.kind.Selected, ed.text.Text, v.user
	var added records.ChronologyEntry
	v.edit(func() { added = v.c.AddChronology(e, time.Now().UTC()) })
	ed.dlg.Hide()
	if p, ok := v.parts[records.PartChronology].(*chronologyPart); ok {
		p.added(added.ID)
	}
}
