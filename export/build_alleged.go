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
		t := Table{Columns: columns("service_providers.name", "service_providers.type")}
		for _, p := range c.Providers {
			t.Rows = append(t.Rows, []string{p.Name, p.Type})
		}
		blocks = append(blocks, Subheading{"Service providers named"}, t)
	}
	return blocks
}

func allegedPerson(a records.AllegedPerson) Fields {
	return Fields{
		field("alleged_persons.name", a.Name),
		field("alleged_persons.relationship", a.Relationship),
		field("alleged_persons.address", a.Address),
		field("alleged_persons.phone", a.Phone),
		field("alleged_persons.lived_with_then", answer(a.LivedWithThen)),
		field("alleged_persons.lives_with_now", answer(a.LivesWithNow)),
		field("alleged_persons.aware_of_concern", answer(a.AwareOfConcern)),
		field("alleged_persons.also_adult_at_risk", answer(a.AlsoAdultAtRisk)),
		field("alleged_persons.linked_to_service_failure", answered(a.LinkedToServiceFailure)),
		field("alleged_persons.views", a.Views),
		field("alleged_persons.impact", a.Impact),
		field("alleged_persons.support_offered", a.SupportOffered),
		field("alleged_persons.outcomes", strings.Join(a.Outcomes, ", ")),
	}
}
