package export

import (
	"fmt"

	"msprecords/records"
)

// risks sets out each risk with its actions, owners and due dates, and its
// evaluation with the person, then the safeguarding plan's review.
func (b *builder) risks() []Block {
	c := b.c
	var blocks []Block
	if len(c.Risks) == 0 {
		blocks = append(blocks, Paragraph{"No risks are recorded."})
	}
	for i, r := range c.Risks {
		blocks = append(blocks, Subheading{fmt.Sprintf("Risk %d", i+1)})
		blocks = append(blocks, risk(r)...)
	}
	p := c.Plan
	return append(blocks, Subheading{"Safeguarding plan review"}, Fields{
		{"Review", p.ReviewType},
		{"Monitored by", p.Monitor},
		{"Review date", p.ReviewDate.String()},
		{"Review outcome", p.ReviewOutcome},
	})
}

func risk(r records.Risk) []Block {
	status := "Open"
	if r.Closed {
		status = "Closed"
	}
	blocks := []Block{Fields{
		{"The risk", r.Description},
		{"Comes from", r.Source},
		{"Likelihood", r.Likelihood},
		{"Impact", r.Impact},
		{"The person's view", r.PersonView},
		{"Less restrictive options considered", r.LessRestrictive},
		{"Why the response is proportionate", r.Proportionality},
		{"Status", status},
	}}
	if len(r.Actions) == 0 {
		blocks = append(blocks, Paragraph{"No actions are recorded for this risk."})
	} else {
		blocks = append(blocks, actionsTable(r.Actions))
	}
	e := r.Evaluation
	return append(blocks, Fields{
		{"Evaluated with the person", orText(e.Date.String(), "Not yet")},
		{"Result", e.Result},
		{"What the person said", e.PersonSaid},
	})
}

func actionsTable(as []records.Action) Table {
	t := Table{Columns: []string{"Action", "Owner", "Due", "Status", "Completed"}}
	for _, a := range as {
		t.Rows = append(t.Rows, []string{a.What, a.Owner, a.Due.String(), a.Status, a.Completed.String()})
	}
	return t
}

// referrals lists referrals to partner agencies with the days each took
// from identifying the need, which the audit checks for timeliness.
func (b *builder) referrals() []Block {
	rs := b.c.Referrals
	if len(rs) == 0 {
		return []Block{Paragraph{"No referrals to partner agencies are recorded."}}
	}
	t := Table{Columns: []string{"Agency", "Why", "Need identified", "Referred", "Days taken", "Response"}}
	for _, r := range rs {
		t.Rows = append(t.Rows, []string{r.Agency, joinNonEmpty("\n", r.Detail, reference(r.Reference)),
			r.Identified.String(), orText(r.Referred.String(), "Not yet"), daysTaken(r), r.Response})
	}
	return []Block{t}
}

func reference(ref string) string {
	if ref == "" {
		return ""
	}
	return "Reference " + ref
}

func daysTaken(r records.AgencyReferral) string {
	if r.Identified.IsZero() || r.Referred.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d (%d working)", r.DaysTaken(), r.WorkingDaysTaken())
}
