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
	t.field("Review", p.ReviewType)
	t.field("Monitored by", p.Monitor)
	t.date("Review date", p.ReviewDate)
	t.field("Outcome of the review", p.ReviewOutcome)
}

func writeMeetings(t *caseWriter, c *records.Case) {
	t.section("Meetings")
	if len(c.Meetings) == 0 {
		t.none()
	}
	for i, m := range c.Meetings {
		t.item(i+1, strings.Trim(m.Date.String()+": "+m.Type, ": "))
		t.field("Place", m.Place)
		t.field("Purpose of sharing information", m.Purpose)
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
	t.field("Finding", o.Finding)
	t.field("Risk assessment outcome", o.RiskAssessmentOutcome)
	t.field("Risk outcome", o.RiskOutcome)
	t.field("Lacked capacity", o.CapacityLacked)
	t.field("Support while lacking capacity", o.CapacitySupport)
	t.field("Asked about desired outcomes", o.AskedAboutOutcomes)
	t.field("Outcomes achieved", o.OutcomesAchieved)
	t.field("Outcomes met", o.OutcomesMet)
	t.field("Feels safer", o.FeelsSafer)
	t.field("Took part in judging acceptable risk", o.InvolvedInRisk)
	t.field("Understood why people acted", o.UnderstoodWhy)
	t.field("Felt listened to", o.FeltListened)
	t.field("Kept informed", o.KeptInformed)
	t.field("Invited to meetings", o.InvitedToMeetings)
	t.field("The person's feedback", o.PersonFeedback)
	t.field("The person's view of closing", o.ViewOfClosing)
	t.field("Feedback given to the referrer", yesNo(o.ReferrerFeedback))
	t.field("Why no feedback", o.NoFeedbackReason)
	t.field("Closure reason", o.ClosureReason)
	t.field("At conclusion", conclusion(o))
	t.field("Outcomes for the adult", strings.Join(o.AdultOutcomes, "; "))
	t.field("Outcomes for the organisation", strings.Join(o.OrganisationOutcomes, "; "))
	t.flagIf("Safeguarding adults review considered", o.SARConsidered)
	t.flagIf("Referred for a safeguarding adults review", o.SARReferred)
}

// conclusion lists the decision points A to D that were met.
func conclusion(o records.Outcome) string {
	var met []string
	for _, p := range []struct {
		ok   bool
		text string
	}{
		{o.NeedsMet, "A care and support needs"},
		{o.AbuseOrNeglect, "B experiencing or at risk of abuse or neglect"},
		{o.UnableToProtect, "C unable to protect themselves"},
		{o.FurtherAction, "D further action taken or needed"},
	} {
		if p.ok {
			met = append(met, p.text)
		}
	}
	return strings.Join(met, "; ")
}

func isEmptyOutcome(o records.Outcome) bool {
	return o.Finding == "" && o.RiskAssessmentOutcome == "" && o.ClosureReason == "" && o.AskedAboutOutcomes == "" &&
		o.CapacityLacked == "" && len(o.AdultOutcomes) == 0 && len(o.OrganisationOutcomes) == 0 && !o.ReferrerFeedback
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
			t.field("Corrects", "the entry of "+dates[e.Corrects].String())
		}
		t.field("Recorded", when(e.Recorded))
	}
}
