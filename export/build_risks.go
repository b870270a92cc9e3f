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
		field("plan.review_type", p.ReviewType),
		field("plan.monitor", p.Monitor),
		field("plan.review_date", p.ReviewDate.String()),
		field("plan.review_outcome", p.ReviewOutcome),
	})
}

func risk(r records.Risk) []Block {
	blocks := []Block{Fields{
		field("risks.description", r.Description),
		field("risks.source", r.Source),
		field("risks.likelihood", r.Likelihood),
		field("risks.impact", r.Impact),
		field("risks.person_view", r.PersonView),
		field("risks.less_restrictive", r.LessRestrictive),
		field("risks.proportionality", r.Proportionality),
		field("risks.closed", yesNo(r.Closed)),
	}}
	if len(r.Actions) == 0 {
		blocks = append(blocks, Paragraph{"No actions are recorded for this risk."})
	} else {
		blocks = append(blocks, actionsTable(r.Actions))
	}
	e := r.Evaluation
	return append(blocks, Fields{
		field("risks.evaluation.date", orText(e.Date.String(), "Not yet")),
		field("risks.evaluation.result", e.Result),
		field("risks.evaluation.person_said", e.PersonSaid),
	})
}

func actionsTable(as []records.Action) Table {
	t := Table{Columns: columns("risks.actions.what", "risks.actions.owner", "risks.actions.due",
		"risks.actions.status", "risks.actions.completed")}
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
	t := Table{Columns: append(columns("referrals.agency", "referrals.detail", "referrals.identified", "referrals.referred"),
		"Days taken", records.Label("referrals.response"))}
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
