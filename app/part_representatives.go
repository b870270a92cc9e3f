package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"msprecords/records"
)

// representativesPart is the Representatives & advocates screen: family and
// friends acting as representatives, advocates, and people holding authority
// (LPA, deputyship), with the advocacy offered.
type representativesPart struct {
	v        *caseView
	reps     *entryList
	advocacy *form
}

func newRepresentativesPart(v *caseView) *representativesPart {
	p := &representativesPart{v: v}
	l, c := newEntryList(v, "representative"), func() *records.Case { return v.c }
	l.count = func() int { return len(c().Representatives) }
	l.summary = func(i int) string {
		r := c().Representatives[i]
		return joinNonEmpty(" · ", or(r.Name, "No name"), r.Kind)
	}
	l.create = func() {
		c().Representatives = append(c().Representatives, records.Representative{ID: records.NewID()})
	}
	l.remove = func(i int) { c().Representatives = removeAt(c().Representatives, i) }
	l.detail = p.detail
	p.reps = l
	return p
}

func (p *representativesPart) detail(f *form, i int) fyne.CanvasObject {
	r := &p.v.c.Representatives[i]
	f.choice("representatives.kind", &r.Kind)
	f.text("representatives.name", &r.Name)
	f.text("representatives.relationship", &r.Relationship)
	f.text("representatives.organisation", &r.Organisation)
	f.text("representatives.phone", &r.Phone)
	f.text("representatives.email", &r.Email)
	f.long("representatives.address", &r.Address)
	f.date("representatives.from", &r.From)
	f.date("representatives.to", &r.To)
	f.choice("representatives.person_agreed", &r.PersonAgreed)
	f.answer("representatives.paperwork_seen", &r.PaperworkSeen)
	f.long("representatives.notes", &r.Notes)
	return f.object()
}

func (p *representativesPart) build() fyne.CanvasObject {
	a := &p.v.c.Advocacy
	f := newForm(p.v)
	f.heading("Advocacy")
	f.answer("advocacy.offered", &a.Offered)
	f.choice("advocacy.response", &a.Response)
	f.choice("advocacy.kind", &a.Kind)
	p.advocacy = f
	return container.NewBorder(nil, container.NewPadded(f.object()), nil, nil, p.reps.build())
}
