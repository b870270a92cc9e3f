package export

import (
	"fmt"
	"strings"

	"msprecords/records"
)

// alleged sets out each person alleged to have caused harm, including their
// views, the impact on them and the support offered, which the audit asks
// about. It is never built for the person's own copy.
func (b *builder) alleged() []Block {
	c := b.c
	var blocks []Block
	if len(c.AllegedPersons) == 0 {
		blocks = append(blocks, Paragraph{"No person alleged to have caused harm is recorded."})
	}
	for i, a := range c.AllegedPersons {
		blocks = append(blocks, Subheading{fmt.Sprintf("Person %d: %s", i+1, orText(a.Name, "name not recorded"))}, allegedPerson(a))
	}
	if len(c.Providers) > 0 {
		t := Table{Columns: []string{"Service provider", "Type"}}
		for _, p := range c.Providers {
			t.Rows = append(t.Rows, []string{p.Name, p.Type})
		}
		blocks = append(blocks, Subheading{"Service providers named"}, t)
	}
	return blocks
}

func allegedPerson(a records.AllegedPerson) Fields {
	return Fields{
		{"Name", a.Name},
		{"Relationship to the person", a.Relationship},
		{"Address", a.Address},
		{"Phone", a.Phone},
		{"Lived with the person at the time", yesNo(a.LivedWithThen)},
		{"Lives with the person now", yesNo(a.LivesWithNow)},
		{"Aware of the concern", yesNo(a.AwareOfConcern)},
		{"Also an adult at risk", yesNo(a.AlsoAdultAtRisk)},
		{"Linked to a service failure", yesOnly(a.LinkedToServiceFailure)},
		{"Their views", a.Views},
		{"Impact of the concerns on them", a.Impact},
		{"Support offered", a.SupportOffered},
		{"Outcomes for them", strings.Join(a.Outcomes, ", ")},
	}
}
