package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"msprecords/records"
)

// newContacts edits each contact with the person: when, how, who was there,
// whether they were seen alone, how they communicated and who helped, their
// views in their own words and what they showed without words.
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
		f.date("contacts.date", &ct.Date)
		f.choice("contacts.stage", &ct.Stage)
		f.choice("contacts.method", &ct.Method)
		f.text("contacts.present", &ct.Present)
		f.answer("contacts.spoken_alone", &ct.SpokenAlone)
		f.text("contacts.not_alone_reason", &ct.NotAloneReason)
		f.text("contacts.aids_used", &ct.AidsUsed)
		f.many("contacts.communicated", &ct.Communicated)
		f.text("contacts.helped_by", &ct.HelpedBy)
		f.long("contacts.views", &ct.Views)
		f.long("contacts.shown", &ct.Shown)
		f.answer("contacts.consent_sought", &ct.ConsentSought)
		f.choice("contacts.consent_given", &ct.ConsentGiven)
		f.long("contacts.notes", &ct.Notes)
		f.text("contacts.recorded_by", &ct.RecordedBy)
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
	alone := ""
	switch ct.SpokenAlone {
	case records.Yes:
		alone = "seen alone"
	case records.No:
		alone = "not seen alone"
	}
	return joinNonEmpty(". ", joinNonEmpty(", ", or(ct.Method, "Contact"), alone), ct.Views, ct.Shown, ct.Notes)
}
