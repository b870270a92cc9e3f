package cli

import (
	"strings"

	"msprecords/records"
)

func writePlan(t *caseWriter, c *records.Case) {
	p := c.Plan
	t.section("Safeguarding plan")
	if p == (records.Plan{}) {
		t.none()
		return
	}
	t.field("plan.review_type", p.ReviewType)
	t.field("plan.monitor", p.Monitor)
	t.date("plan.review_date", p.ReviewDate)
	t.field("plan.review_outcome", p.ReviewOutcome)
}

func writeMeetings(t *caseWriter, c *records.Case) {
	t.section("Meetings")
	if len(c.Meetings) == 0 {
		t.none()
	}
	for i, m := range c.Meetings {
		t.item(i+1, strings.Trim(m.Date.String()+": "+m.Type, ": "))
		t.field("meetings.place", m.Place)
		t.field("meetings.purpose", m.Purpose)
		if len(m.Attendees) > 0 {
			t.sub("Attendees")
		}
		for _, a := range m.Attendees {
			who := strings.Join(nonEmpty(a.Name, a.Role, a.Organisation), ", ")
			t.line(strings.Join(nonEmpty(who, a.Attendance), ": "))
		}
	}
}

// nonEmpty returns the strings that are not empty.
func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

func writeOutcome(t *caseWriter, c *records.Case) {
	o := c.Outcome
	t.section("Outcome and evaluation")
	if isEmptyOutcome(o) {
		t.none()
		return
	}
	t.field("outcome.finding", o.Finding)
	t.field("outcome.risk_assessment_outcome", o.RiskAssessmentOutcome)
	t.field("outcome.risk_outcome", o.RiskOutcome)
	t.field("outcome.capacity_lacked", o.CapacityLacked)
	t.field("outcome.capacity_support", o.CapacitySupport)
	t.field("outcome.asked_about_outcomes", o.AskedAboutOutcomes)
	t.field("outcome.outcomes_achieved", o.OutcomesAchieved)
	t.field("outcome.outcomes_met", o.OutcomesMet)
	t.field("outcome.feels_safer", o.FeelsSafer)
	t.field("outcome.involved_in_risk", o.InvolvedInRisk)
	t.field("outcome.understood_why", o.UnderstoodWhy)
	t.field("outcome.felt_listened", o.FeltListened)
	t.field("outcome.kept_informed", o.KeptInformed)
	t.field("outcome.invited_to_meetings", o.InvitedToMeetings)
	t.field("outcome.person_feedback", o.PersonFeedback)
	t.field("outcome.view_of_closing", o.ViewOfClosing)
	t.flag("outcome.referrer_feedback_given", o.ReferrerFeedback)
	t.field("outcome.no_feedback_reason", o.NoFeedbackReason)
	t.field("outcome.closure_reason", o.ClosureReason)
	t.labelled("At conclusion", conclusion(o))
	t.field("outcome.adult_outcomes", strings.Join(o.AdultOutcomes, "; "))
	t.field("outcome.organisation_outcomes", strings.Join(o.OrganisationOutcomes, "; "))
	t.flagIf("outcome.sar_considered", o.SARConsidered)
	t.flagIf("outcome.sar_referred", o.SARReferred)
}

// conclusion lists the decision points A to D that were met, then those
// not answered, which are not the same as not met.
func conclusion(o records.Outcome) string {
	var met, open []string
	for _, p := range []struct {
		a    records.Answer
		path string
	}{
		{o.NeedsMet, "outcome.a_care_and_support_needs"},
		{o.AbuseOrNeglect, "outcome.b_abuse_or_neglect"},
		{o.UnableToProtect, "outcome.c_unable_to_protect"},
		{o.FurtherAction, "outcome.d_further_action"},
	} {
		switch l := records.Label(p.path); {
		case p.a.Yes():
			met = append(met, l)
		case !p.a.Known():
			open = append(open, l[:1])
		}
	}
	if len(open) > 0 {
		met = append(met, strings.Join(open, ", ")+" "+strings.ToLower(records.Unanswered.String()))
	}
	return strings.Join(met, "; ")
}

func isEmptyOutcome(o records.Outcome) bool {
	return o.Finding == "" && o.RiskAssessmentOutcome == "" && o.ClosureReason == "" && o.AskedAboutOutcomes == "" &&
		o.CapacityLacked == "" && len(o.AdultOutcomes) == 0 && len(o.OrganisationOutcomes) == 0 && !o.ReferrerFeedback.Known() &&
		!o.NeedsMet.Known() && !o.AbuseOrNeglect.Known() && !o.UnableToProtect.Known() && !o.FurtherAction.Known()
}

func writeChronology(t *caseWriter, c *records.Case) {
	t.section("Chronology")
	if len(c.Chronology) == 0 {
		t.none()
	}
	dates := make(map[string]records.Date, len(c.Chronology))
	for i, e := range c.Chronology {
		dates[e.ID] = e.Date
		t.item(i+1, strings.Join(nonEmpty(e.Date.String(), e.Kind, e.Author), " | "))
		t.text(e.Text)
		if e.Corrects != "" {
			t.field("chronology.corrects", "the entry of "+dates[e.Corrects].String())
		}
		t.field("chronology.recorded", when(e.Recorded))
	}
}
