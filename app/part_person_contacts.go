package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"msprecords/records"
)

// newContacts edits each contact with the person: when, how, who was there,
// whether they were seen alone, and their views in their own words.
func (p *personPart) newContacts() *entryList {
	l, c := newEntryList(p.v, "contact"), func() *records.Case { return p.v.c }
	l.count = func() int { return len(c().Contacts) }
	l.summary = func(i int) string {
		ct := c().Contacts[i]
		return joinNonEmpty(" · ", or(ct.Date.String(), "No date"), ct.Method)
	}
	l.create = func() {
		c().Contacts = append(c().Contacts, records.Contact{
			ID: records.NewID(), Date: records.Today(), Stage: c().Enquiry.Stage, RecordedBy: p.v.user,
		})
	}
	l.remove = func(i int) { c().Contacts = removeAt(c().Contacts, i) }
	l.detail = func(f *form, i int) fyne.CanvasObject {
		ct := &c().Contacts[i]
		f.date("Date of contact", &ct.Date)
		f.choice("Stage", records.Stages, &ct.Stage)
		f.choice("How the contact was made", records.ContactMethods, &ct.Method)
		f.text("Who else was present", &ct.Present)
		f.check("Spoken to alone", &ct.SpokenAlone)
		f.text("Why not spoken to alone", &ct.NotAloneReason)
		f.text("Communication aids used", &ct.AidsUsed)
		f.long("Their views, in their own words", &ct.Views)
		f.check("Consent sought", &ct.ConsentSought)
		f.choice("Consent given", records.ConsentAnswers, &ct.ConsentGiven)
		f.long("Notes", &ct.Notes)
		f.text("Recorded by", &ct.RecordedBy)
		add := widget.NewButton("Add to chronology", func() {
			p.v.addToChronology(records.ChronologyEntry{Date: ct.Date, Kind: "Contact",
				Text: contactChronologyText(*ct), Link: ct.ID})
		})
		f.row(container.NewHBox(add))
		return f.object()
	}
	return l
}

// contactChronologyText is the draft chronology entry for a contact; the
// practitioner edits it before it is saved.
func contactChronologyText(ct records.Contact) string {
	alone := "not seen alone"
	if ct.SpokenAlone {
		alone = "seen alone"
	}
	return joinNonEmpty(". ", joinNonEmpty(", ", or(ct.Method, "Contact"), alone), ct.Views, ct.Notes)
}
