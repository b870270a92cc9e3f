package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"msprecords/records"
	"msprecords/userwords"
)

// referralsPart is the Referrals screen: referrals to partner agencies, with
// how long each took from the need being identified, so delays show.
type referralsPart struct {
	v         *caseView
	referrals *entryList
	taken     *widget.Label // days taken, for the selected referral
}

func newReferralsPart(v *caseView) *referralsPart {
	p := &referralsPart{v: v}
	l, c := newEntryList(v, "referral"), func() *records.Case { return v.c }
	l.count = func() int { return len(c().Referrals) }
	l.summary = func(i int) string {
		r := c().Referrals[i]
		return joinNonEmpty(" · ", or(r.Agency, "Agency not chosen"), r.Referred.String())
	}
	l.create = func() {
		c().Referrals = append(c().Referrals, records.AgencyReferral{ID: records.NewID(), Identified: records.Today()})
	}
	l.remove = func(i int) { c().Referrals = removeAt(c().Referrals, i) }
	l.detail = p.detail
	p.referrals = l
	return p
}

func (p *referralsPart) build() fyne.CanvasObject { return p.referrals.build() }

func (p *referralsPart) detail(f *form, i int) fyne.CanvasObject {
	r := &p.v.c.Referrals[i]
	after := f.after
	f.after = func() {
		p.taken.SetText(daysTaken(*r))
		after()
	}
	f.choice("referrals.agency", &r.Agency)
	f.long("referrals.detail", &r.Detail)
	f.date("referrals.identified", &r.Identified)
	f.date("referrals.referred", &r.Referred)
	p.taken = f.note("Time taken", daysTaken(*r))
	f.text("referrals.reference", &r.Reference)
	f.long("referrals.response", &r.Response)
	add := widget.NewButton("Add to chronology", func() {
		p.v.addToChronology(records.ChronologyEntry{Date: or2(r.Referred, r.Identified), Kind: "Referral",
			Text: joinNonEmpty(": ", "Referral to "+or(r.Agency, "an agency"), r.Detail), Link: r.ID})
	})
	f.row(container.NewHBox(add))
	return f.object()
}

// daysTaken says how long a referral took, in calendar and working days.
func daysTaken(r records.AgencyReferral) string {
	if r.Identified.IsZero() || r.Referred.IsZero() {
		return "Not referred yet"
	}
	return fmt.Sprintf("%s (%s)", plural(r.DaysTaken(), "day"), plural(r.WorkingDaysTaken(), "working day"))
}

// plural shows a count with its noun (userwords.Plural).
func plural(n int, noun string) string { return userwords.Plural(n, noun) }
