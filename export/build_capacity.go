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
		{"Substantial difficulty in being involved", yesNo(c.Person.SubstantialDifficulty)},
		{"Lacked capacity (overall)", c.Outcome.CapacityLacked},
		{"Supported by", c.Outcome.CapacitySupport},
	}}
	if len(c.Capacity) == 0 {
		blocks = append(blocks, Paragraph{"No mental capacity assessments are recorded."})
	}
	for _, m := range c.Capacity {
		blocks = append(blocks, Subheading{joinNonEmpty(", ", "Decision: "+m.Decision, m.Date.String())}, b.assessment(m))
	}
	blocks = append(blocks, Subheading{"Representatives and advocates"}, b.representatives())
	if b.plain() && len(c.Representatives) > 0 {
		blocks = append(blocks, Notice{"Contact details of representatives withheld (not shared for this purpose)"})
	}
	return append(blocks, Fields{
		{"Advocacy offered", yesNo(c.Advocacy.Offered)},
		{"Response", c.Advocacy.Response},
		{"Type of advocacy", c.Advocacy.Kind},
	})
}

func (b *builder) assessment(m records.CapacityAssessment) Fields {
	return Fields{
		{"Assessed by", m.Assessor},
		{"Understand the information", m.Understand},
		{"Retain it", m.Retain},
		{"Use or weigh it", m.UseOrWeigh},
		{"Communicate the decision", m.Communicate},
		{"Impairment of the mind or brain", m.Impairment},
		{"Why the impairment causes the inability", m.CausalLink},
		{"Outcome", m.Outcome},
		{"Capacity fluctuates", yesNo(m.Fluctuates)},
		{"To be seen again by", m.RevisitBy.String()},
		{"Seen again on", joinNonEmpty(": ", m.RevisitedOn.String(), m.RevisitOutcome)},
		{"Risks considered", b.riskNames(m.RisksConsidered)},
		{"Best-interests decision", m.BestInterests},
		{"Who was consulted", m.Consulted},
		{"Less restrictive options", m.LessRestrictive},
		{"Supported by", m.SupportedBy},
		{"Notes", m.Notes},
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
	cols := []string{"Role", "Name and organisation", "Involved", "Person agreed", "Paperwork seen"}
	if !b.plain() {
		cols = append(cols, "Contact")
	}
	t := Table{Columns: cols}
	for _, r := range reps {
		row := []string{r.Kind, joinNonEmpty(", ", r.Name, r.Organisation), period(r.From, r.To), r.PersonAgreed, yesNo(r.PaperworkSeen)}
		if !b.plain() {
			row = append(row, joinNonEmpty("\n", r.Phone, r.Email, r.Address))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
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
