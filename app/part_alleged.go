package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"msprecords/records"
)

// allegedPart is the Person alleged to have caused harm screen: each person,
// their views, the impact of the concerns on them and the support offered,
// and the service providers linked to the concern. None of it ever reaches
// a copy meant for the adult; that is the export's rule.
type allegedPart struct {
	v         *caseView
	persons   *entryList
	providers *entryList
	tabs      *container.AppTabs
}

func newAllegedPart(v *caseView) *allegedPart {
	p := &allegedPart{v: v}
	c := func() *records.Case { return v.c }
	l := newEntryList(v, "person")
	l.count = func() int { return len(c().AllegedPersons) }
	l.summary = func(i int) string {
		a := c().AllegedPersons[i]
		return joinNonEmpty(" · ", or(a.Name, "No name"), a.Relationship)
	}
	l.create = func() { c().AllegedPersons = append(c().AllegedPersons, records.AllegedPerson{ID: records.NewID()}) }
	l.remove = func(i int) { c().AllegedPersons = removeAt(c().AllegedPersons, i) }
	l.detail = p.detail
	p.persons = l

	s := newEntryList(v, "service provider")
	s.count = func() int { return len(c().Providers) }
	s.summary = func(i int) string {
		return joinNonEmpty(" · ", or(c().Providers[i].Name, "No name"), c().Providers[i].Type)
	}
	s.create = func() { c().Providers = append(c().Providers, records.ServiceProvider{ID: records.NewID()}) }
	s.remove = func(i int) { c().Providers = removeAt(c().Providers, i) }
	s.detail = func(f *form, i int) fyne.CanvasObject {
		sp := &c().Providers[i]
		f.text("service_providers.name", &sp.Name)
		f.choice("service_providers.type", &sp.Type)
		return f.object()
	}
	p.providers = s
	return p
}

func (p *allegedPart) build() fyne.CanvasObject {
	p.tabs = container.NewAppTabs(
		container.NewTabItem("People alleged to have caused harm", p.persons.build()),
		container.NewTabItem("Service providers", p.providers.build()),
	)
	return p.tabs
}

func (p *allegedPart) detail(f *form, i int) fyne.CanvasObject {
	a := &p.v.c.AllegedPersons[i]
	f.text("alleged_persons.name", &a.Name)
	f.text("alleged_persons.relationship", &a.Relationship)
	f.long("alleged_persons.address", &a.Address)
	f.text("alleged_persons.phone", &a.Phone)
	f.answer("alleged_persons.lived_with_then", &a.LivedWithThen)
	f.answer("alleged_persons.lives_with_now", &a.LivesWithNow)
	f.answer("alleged_persons.aware_of_concern", &a.AwareOfConcern)
	f.answer("alleged_persons.also_adult_at_risk", &a.AlsoAdultAtRisk)
	f.answer("alleged_persons.linked_to_service_failure", &a.LinkedToServiceFailure)
	f.long("alleged_persons.views", &a.Views)
	f.long("alleged_persons.impact", &a.Impact)
	f.long("alleged_persons.support_offered", &a.SupportOffered)
	f.many("alleged_persons.outcomes", &a.Outcomes)
	return f.object()
}
