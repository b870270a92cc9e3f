package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"msprecords/records"
)

// capacityPart is the Capacity screen: each assessment decision-specific and
// time-specific, with the functional test, fluctuating capacity and its
// revisit, and which of the case's risks the assessment considered.
type capacityPart struct {
	v           *caseView
	assessments *entryList
}

func newCapacityPart(v *caseView) *capacityPart {
	p := &capacityPart{v: v}
	l, c := newEntryList(v, "assessment"), func() *records.Case { return v.c }
	l.count = func() int { return len(c().Capacity) }
	l.summary = func(i int) string {
		m := c().Capacity[i]
		return joinNonEmpty(" · ", or(m.Date.String(), "No date"), or(firstLine(m.Decision, 60), "Decision not recorded"))
	}
	l.create = func() {
		c().Capacity = append(c().Capacity, records.CapacityAssessment{ID: records.NewID(), Date: records.Today()})
	}
	l.remove = func(i int) { c().Capacity = removeAt(c().Capacity, i) }
	l.detail = p.detail
	p.assessments = l
	return p
}

func (p *capacityPart) build() fyne.CanvasObject { return p.assessments.build() }

func (p *capacityPart) detail(f *form, i int) fyne.CanvasObject {
	m := &p.v.c.Capacity[i]
	f.text("The decision to be made", &m.Decision)
	f.date("Date of assessment", &m.Date)
	f.text("Assessor", &m.Assessor)
	f.heading("Functional test")
	f.choice("Understand the information", records.FunctionalAnswers, &m.Understand)
	f.choice("Retain it", records.FunctionalAnswers, &m.Retain)
	f.choice("Use or weigh it", records.FunctionalAnswers, &m.UseOrWeigh)
	f.choice("Communicate the decision", records.FunctionalAnswers, &m.Communicate)
	f.long("Impairment of the mind or brain", &m.Impairment)
	f.long("Causal link", &m.CausalLink)
	f.choice("Outcome", records.CapacityOutcomes, &m.Outcome)
	f.heading("Fluctuating capacity")
	f.check("Capacity fluctuates", &m.Fluctuates)
	f.date("Revisit by", &m.RevisitBy)
	f.date("Date revisited", &m.RevisitedOn)
	f.text("Outcome when revisited", &m.RevisitOutcome)
	f.heading("Risks considered")
	p.risksConsidered(f, m)
	f.heading("Best interests")
	f.long("Best interests decision", &m.BestInterests)
	f.long("Who was consulted", &m.Consulted)
	f.long("Less restrictive options considered", &m.LessRestrictive)
	f.choice("Supported by", records.CapacitySupport, &m.SupportedBy)
	f.long("Notes", &m.Notes)
	return f.object()
}

// risksConsidered is a checklist of the case's own risks, by description; the
// assessment stores their ids, so a risk reworded later stays ticked.
func (p *capacityPart) risksConsidered(f *form, m *records.CapacityAssessment) {
	risks := p.v.c.Risks
	if len(risks) == 0 {
		l := widget.NewLabel("No risks recorded yet: add them in Risks & actions.")
		l.Wrapping = fyne.TextWrapWord
		f.add("Risks this assessment considered", l, l)
		return
	}
	labels, ids := make([]string, len(risks)), make([]string, len(risks))
	var picked []string
	for i, r := range risks {
		labels[i] = fmt.Sprintf("%d. %s", i+1, or(firstLine(r.Description, 50), "Risk not yet described"))
		ids[i] = r.ID
		if records.Contains(m.RisksConsidered, r.ID) {
			picked = append(picked, labels[i])
		}
	}
	g := widget.NewCheckGroup(labels, nil)
	g.Selected = picked
	g.OnChanged = func(sel []string) {
		var out []string
		for i, l := range labels {
			if records.Contains(sel, l) {
				out = append(out, ids[i])
			}
		}
		f.edit(func() { m.RisksConsidered = keepUnknown(m.RisksConsidered, ids, out) })
	}
	f.add("Risks this assessment considered", container.NewVBox(g), g)
}

// keepUnknown returns picked plus any ids in old that are not among known, so
// ticking boxes never drops a link to something this screen does not show.
func keepUnknown(old, known, picked []string) []string {
	out := append([]string(nil), picked...)
	for _, id := range old {
		if !records.Contains(known, id) {
			out = append(out, id)
		}
	}
	return out
}
