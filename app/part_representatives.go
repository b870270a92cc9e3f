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
	f.choice("Kind", records.RepresentativeKinds, &r.Kind)
	f.text("Name", &r.Name)
	f.text("Organisation", &r.Organisation)
	f.text("Phone", &r.Phone)
	f.text("Email", &r.Email)
	f.long("Address", &r.Address)
	f.date("Involved from", &r.From)
	f.date("Involved until", &r.To)
	f.choice("The person agreed to them", records.AgreementAnswers, &r.PersonAgreed)
	f.check("Paperwork seen (LPA, deputyship order or appointeeship)", &r.PaperworkSeen)
	f.long("Notes", &r.Notes)
	return f.object()
}

func (p *representativesPart) build() fyne.CanvasObject {
	a := &p.v.c.Advocacy
	f := newForm(p.v)
	f.heading("Advocacy")
	f.check("Advocacy offered", &a.Offered)
	f.choice("Response", records.AdvocacyResponses, &a.Response)
	f.choice("Kind of advocacy", records.RepresentativeKinds, &a.Kind)
	p.advocacy = f
	return container.NewBorder(nil, container.NewPadded(f.object()), nil, nil, p.reps.build())
}
