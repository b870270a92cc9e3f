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
		f.text("Name of the provider", &sp.Name)
		f.choice("Type of provider", providerTypes(), &sp.Type)
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
	f.text("Name", &a.Name)
	f.text("Relationship to the person", &a.Relationship)
	f.long("Address", &a.Address)
	f.text("Phone", &a.Phone)
	f.check("Lived with the person at the time", &a.LivedWithThen)
	f.check("Lives with the person now", &a.LivesWithNow)
	f.check("Aware of the concern", &a.AwareOfConcern)
	f.check("Also an adult at risk", &a.AlsoAdultAtRisk)
	f.check("Linked to a service failure", &a.LinkedToServiceFailure)
	f.long("Their views", &a.Views)
	f.long("The impact of the concerns on them", &a.Impact)
	f.long("Support offered to them", &a.SupportOffered)
	f.many("Outcomes for them", records.AllegedPersonOutcomes, &a.Outcomes)
	return f.object()
}

// providerTypes are the finer sources of risk that are service providers
// (public, private, voluntary), so the two lists never disagree.
func providerTypes() []string {
	var out []string
	for _, d := range records.RiskSourceDetails {
		if d.National == records.RiskSources[0] {
			out = append(out, d.Label)
		}
	}
	return out
}
