package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"msprecords/records"
)

// risksPart is the Risks & actions screen: each risk with its actions, the
// less restrictive options considered, why the response is proportionate, and
// its evaluation with the person.
type risksPart struct {
	v       *caseView
	risks   *entryList
	actions *cardList // of the selected risk
}

func newRisksPart(v *caseView) *risksPart {
	p := &risksPart{v: v}
	l, c := newEntryList(v, "risk"), func() *records.Case { return v.c }
	l.count = func() int { return len(c().Risks) }
	l.summary = func(i int) string { return or(firstLine(c().Risks[i].Description, 80), "Risk not yet described") }
	l.create = func() { c().Risks = append(c().Risks, records.Risk{ID: records.NewID()}) }
	l.remove = func(i int) {
		forgetRisk(c(), c().Risks[i].ID)
		c().Risks = removeAt(c().Risks, i)
	}
	l.detail = p.detail
	p.risks = l
	return p
}

// forgetRisk removes a deleted risk from the assessments that considered it.
func forgetRisk(c *records.Case, id string) {
	for i := range c.Capacity {
		m := &c.Capacity[i]
		var kept []string
		for _, r := range m.RisksConsidered {
			if r != id {
				kept = append(kept, r)
			}
		}
		m.RisksConsidered = kept
	}
}

func (p *risksPart) build() fyne.CanvasObject { return p.risks.build() }

func (p *risksPart) detail(f *form, i int) fyne.CanvasObject {
	r := &p.v.c.Risks[i]
	f.long("risks.description", &r.Description)
	f.text("risks.source", &r.Source)
	f.choice("risks.likelihood", &r.Likelihood)
	f.choice("risks.impact", &r.Impact)
	f.long("risks.person_view", &r.PersonView)
	f.long("risks.less_restrictive", &r.LessRestrictive)
	f.long("risks.proportionality", &r.Proportionality)
	f.heading("Evaluation with the person")
	f.date("risks.evaluation.date", &r.Evaluation.Date)
	f.choice("risks.evaluation.result", &r.Evaluation.Result)
	f.long("risks.evaluation.person_said", &r.Evaluation.PersonSaid)
	f.check("risks.closed", &r.Closed)
	p.actions = p.actionCards(r)
	title := widget.NewLabelWithStyle("Actions", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewVBox(f.object(), title, p.actions.build())
}

func (p *risksPart) actionCards(r *records.Risk) *cardList {
	return &cardList{v: p.v, noun: "action", redraw: p.risks.redraw,
		count: func() int { return len(r.Actions) },
		create: func() {
			r.Actions = append(r.Actions, records.Action{ID: records.NewID(), Status: records.ActionStatuses()[0]})
		},
		remove: func(j int) { r.Actions = removeAt(r.Actions, j) },
		detail: func(f *form, j int) { p.actionForm(f, &r.Actions[j]) },
	}
}

func (p *risksPart) actionForm(f *form, a *records.Action) {
	f.text("risks.actions.what", &a.What)
	f.text("risks.actions.owner", &a.Owner)
	f.date("risks.actions.due", &a.Due)
	f.choice("risks.actions.status", &a.Status)
	f.date("risks.actions.completed", &a.Completed)
	p.outcomeServed(f, a)
	f.text("risks.actions.less_restrictive", &a.LessRestrictive)
	add := widget.NewButton("Add to chronology", func() {
		p.v.addToChronology(records.ChronologyEntry{Date: or2(a.Completed, a.Due), Kind: "Action",
			Text: joinNonEmpty(" ", "Action: "+a.What, paren(a.Owner), paren(a.Status)), Link: a.ID})
	})
	f.row(container.NewHBox(add))
}

// outcomeNotLinked is the choice for an action that serves no desired outcome.
const outcomeNotLinked = "Not linked to a desired outcome"

// outcomeServed picks which of the person's desired outcomes the action serves.
func (p *risksPart) outcomeServed(f *form, a *records.Action) {
	outcomes := p.v.c.DesiredOutcomes
	labels, ids := []string{outcomeNotLinked}, []string{""}
	selected := outcomeNotLinked
	for i, o := range outcomes {
		l := fmt.Sprintf("%d. %s", i+1, or(firstLine(o.Text, 50), "Not yet in the person's words"))
		labels, ids = append(labels, l), append(ids, o.ID)
		if o.ID == a.OutcomeID {
			selected = l
		}
	}
	s := widget.NewSelect(labels, nil)
	s.Selected = selected
	s.OnChanged = func(val string) {
		for i, l := range labels {
			if l == val && ids[i] != a.OutcomeID {
				f.edit(func() { a.OutcomeID = ids[i] })
			}
		}
	}
	f.addField(records.MustField("risks.actions.outcome_id"), s, s)
}

func paren(s string) string {
	if s == "" {
		return ""
	}
	return "(" + s + ")"
}

// or2 returns a, or b when a is not recorded.
func or2(a, b records.Date) records.Date {
	if a.IsZero() {
		return b
	}
	return a
}
