package export

import (
	"fmt"
	"strings"

	"msprecords/records"
)

// capacity sets out each decision-specific assessment, then who represents
// and supports the person.
func (b *builder) capacity() []Block {
	c := b.c
	blocks := []Block{Fields{
		field("person.substantial_difficulty", answer(c.Person.SubstantialDifficulty)),
		field("outcome.capacity_lacked", c.Outcome.CapacityLacked),
		field("outcome.capacity_support", c.Outcome.CapacitySupport),
	}}
	if len(c.Capacity) == 0 {
		blocks = append(blocks, Paragraph{"No mental capacity assessments are recorded."})
	}
	for _, m := range c.Capacity {
		blocks = append(blocks, Subheading{joinNonEmpty(", ", records.Label("capacity_assessments.decision")+": "+m.Decision, m.Date.String())}, b.assessment(m))
	}
	blocks = append(blocks, Subheading{"Representatives and advocates"}, b.representatives())
	if b.plain() && len(c.Representatives) > 0 {
		blocks = append(blocks, Notice{"Contact details of representatives withheld (not shared for this purpose)"})
	}
	return append(blocks, Fields{
		field("advocacy.offered", answer(c.Advocacy.Offered)),
		field("advocacy.response", c.Advocacy.Response),
		field("advocacy.kind", c.Advocacy.Kind),
	})
}

func (b *builder) assessment(m records.CapacityAssessment) Fields {
	return Fields{
		field("capacity_assessments.assessor", m.Assessor),
		field("capacity_assessments.understand", m.Understand),
		field("capacity_assessments.retain", m.Retain),
		field("capacity_assessments.use_or_weigh", m.UseOrWeigh),
		field("capacity_assessments.communicate", m.Communicate),
		field("capacity_assessments.impairment", m.Impairment),
		field("capacity_assessments.causal_link", m.CausalLink),
		field("capacity_assessments.outcome", m.Outcome),
		field("capacity_assessments.fluctuates", answer(m.Fluctuates)),
		field("capacity_assessments.revisit_by", m.RevisitBy.String()),
		field("capacity_assessments.revisited_on", m.RevisitedOn.String()),
		field("capacity_assessments.revisit_outcome", m.RevisitOutcome),
		field("capacity_assessments.risks_considered", b.riskNames(m.RisksConsidered)),
		field("capacity_assessments.best_interests", m.BestInterests),
		field("capacity_assessments.consulted", m.Consulted),
		field("capacity_assessments.less_restrictive", m.LessRestrictive),
		field("capacity_assessments.supported_by", m.SupportedBy),
		field("capacity_assessments.notes", m.Notes),
	}
}

// riskNames turns risk ids into "Risk 2: description" so the reader sees
// which risks an assessment considered.
func (b *builder) riskNames(ids []string) string {
	var names []string
	for _, id := range ids {
		for i, r := range b.c.Risks {
			if r.ID == id {
				names = append(names, fmt.Sprintf("Risk %d: %s", i+1, r.Description))
			}
		}
	}
	return strings.Join(names, "; ")
}

// representatives lists them; their contact details are left out of the
// person's copy (they are other people's details).
func (b *builder) representatives() Block {
	reps := b.c.Representatives
	if len(reps) == 0 {
		return Paragraph{"No representatives or advocates are recorded."}
	}
	cols := append([]string{records.Label("representatives.kind"), "Name and organisation", "Involved"},
		columns("representatives.person_agreed", "representatives.paperwork_seen")...)
	if !b.plain() {
		cols = append(cols, "Contact")
	}
	t := Table{Columns: cols}
	for _, r := range reps {
		row := []string{r.Kind, joinNonEmpty(", ", nameAndRelationship(r), r.Organisation), period(r.From, r.To), r.PersonAgreed, answer(r.PaperworkSeen)}
		if !b.plain() {
			row = append(row, joinNonEmpty("\n", r.Phone, r.Email, r.Address))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// nameAndRelationship is "Dana Ørsted (Niece)": the relationship rides
// with the name, as people write it, since the table has no room for a
// column of its own.
func nameAndRelationship(r records.Representative) string {
	rel := strings.TrimSpace(r.Relationship)
	if rel == "" {
		return r.Name
	}
	return joinNonEmpty(" ", r.Name, "("+rel+")")
}

func period(from, to records.Date) string {
	switch {
	case from.IsZero() && to.IsZero():
		return ""
	case to.IsZero():
		return "From " + from.String()
	case from.IsZero():
		return "Until " + to.String()
	}
	return from.String() + " to " + to.String()
}
