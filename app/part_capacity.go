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
	f.text("capacity_assessments.decision", &m.Decision)
	f.date("capacity_assessments.date", &m.Date)
	f.text("capacity_assessments.assessor", &m.Assessor)
	f.heading("Functional test")
	f.choice("capacity_assessments.understand", &m.Understand)
	f.choice("capacity_assessments.retain", &m.Retain)
	f.choice("capacity_assessments.use_or_weigh", &m.UseOrWeigh)
	f.choice("capacity_assessments.communicate", &m.Communicate)
	f.long("capacity_assessments.impairment", &m.Impairment)
	f.long("capacity_assessments.causal_link", &m.CausalLink)
	f.choice("capacity_assessments.outcome", &m.Outcome)
	f.heading("Fluctuating capacity")
	f.answer("capacity_assessments.fluctuates", &m.Fluctuates)
	f.date("capacity_assessments.revisit_by", &m.RevisitBy)
	f.date("capacity_assessments.revisited_on", &m.RevisitedOn)
	f.text("capacity_assessments.revisit_outcome", &m.RevisitOutcome)
	f.heading("Risks considered")
	p.risksConsidered(f, m)
	f.heading("Best interests")
	f.long("capacity_assessments.best_interests", &m.BestInterests)
	f.long("capacity_assessments.consulted", &m.Consulted)
	f.long("capacity_assessments.less_restrictive", &m.LessRestrictive)
	f.choice("capacity_assessments.supported_by", &m.SupportedBy)
	f.long("capacity_assessments.notes", &m.Notes)
	return f.object()
}

// risksConsidered is the path of the assessment's list of risks considered.
const risksConsidered = "capacity_assessments.risks_considered"

// risksConsidered is a checklist of the case's own risks, by description; the
// assessment stores their ids, so a risk reworded later stays ticked.
func (p *capacityPart) risksConsidered(f *form, m *records.CapacityAssessment) {
	risks := p.v.c.Risks
	if len(risks) == 0 {
		l := widget.NewLabel("No risks recorded yet: add them in Risks & actions.")
		l.Wrapping = fyne.TextWrapWord
		f.addField(records.MustField(risksConsidered), l, l)
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
	f.addField(records.MustField(risksConsidered), container.NewVBox(g), g)
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
