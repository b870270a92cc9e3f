package export

import (
	"fmt"
	"sort"
	"strings"

	"msprecords/records"
)

// chronology lists every case note in date order, attributed; corrections
// say which entry they correct, since notes are never rewritten.
func (b *builder) chronology() []Block {
	entries := b.c.Chronology
	if len(entries) == 0 {
		return []Block{Paragraph{"No case notes are recorded."}}
	}
	order := make([]int, len(entries))
	byID := make(map[string]int, len(entries))
	for i, e := range entries {
		order[i] = i
		byID[e.ID] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return entries[order[i]].Date.Before(entries[order[j]].Date) })
	blocks := make([]Block, 0, len(entries))
	for _, i := range order {
		blocks = append(blocks, Entry{entryTitle(entries, byID, i), entries[i].Text})
	}
	return blocks
}

func entryTitle(entries []records.ChronologyEntry, byID map[string]int, i int) string {
	e := entries[i]
	title := joinNonEmpty(" · ", orText(e.Date.String(), "Date not recorded"), e.Kind, recordedBy(e.Author))
	if j, ok := byID[e.Corrects]; ok && e.Corrects != "" {
		title += fmt.Sprintf(" · corrects the entry of %s", orText(entries[j].Date.String(), "an unknown date"))
	}
	return title
}

func recordedBy(author string) string {
	if author == "" {
		return ""
	}
	return inline("chronology.author") + " " + author
}

// outcomes sets out the finding and, above all, what the person said about
// the outcomes they wanted and the process.
func (b *builder) outcomes() []Block {
	c := b.c
	o := c.Outcome
	blocks := []Block{Fields{
		field("outcome.finding", o.Finding),
		field("outcome.risk_assessment_outcome", o.RiskAssessmentOutcome),
		field("outcome.risk_outcome", o.RiskOutcome),
		field("outcome.outcomes_achieved", o.OutcomesAchieved),
	}}
	if len(c.DesiredOutcomes) > 0 {
		t := Table{Columns: columns("desired_outcomes.text", "desired_outcomes.achievement", "desired_outcomes.evaluation")}
		for _, d := range c.DesiredOutcomes {
			t.Rows = append(t.Rows, []string{d.Text, d.Achievement, d.Evaluation})
		}
		blocks = append(blocks, Subheading{"The person's outcomes"}, t)
	}
	blocks = append(blocks, Subheading{"What the person said about the enquiry"}, Fields{
		field("outcome.outcomes_met", o.OutcomesMet),
		field("outcome.feels_safer", o.FeelsSafer),
		field("outcome.involved_in_risk", o.InvolvedInRisk),
		field("outcome.understood_why", o.UnderstoodWhy),
		field("outcome.felt_listened", o.FeltListened),
		field("outcome.kept_informed", o.KeptInformed),
		field("outcome.invited_to_meetings", o.InvitedToMeetings),
		field("outcome.person_feedback", o.PersonFeedback),
		field("outcome.view_of_closing", o.ViewOfClosing),
	})
	return append(blocks, Subheading{"Conclusion"}, b.conclusion())
}

func (b *builder) conclusion() Fields {
	c := b.c
	o := c.Outcome
	feedback := answer(o.ReferrerFeedback)
	if !o.ReferrerFeedback.Yes() && o.NoFeedbackReason != "" {
		feedback = joinNonEmpty(": ", answered(o.ReferrerFeedback), o.NoFeedbackReason)
	}
	return Fields{
		field("outcome.a_care_and_support_needs", answer(o.NeedsMet)),
		field("outcome.b_abuse_or_neglect", answer(o.AbuseOrNeglect)),
		field("outcome.c_unable_to_protect", answer(o.UnableToProtect)),
		field("outcome.d_further_action", answer(o.FurtherAction)),
		field("outcome.adult_outcomes", strings.Join(o.AdultOutcomes, ", ")),
		field("outcome.organisation_outcomes", strings.Join(o.OrganisationOutcomes, ", ")),
		field("outcome.referrer_feedback_given", feedback),
		{"Safeguarding adults review", sar(o)},
		field("enquiry.closed", c.Enquiry.Closed.String()),
		field("outcome.closure_reason", o.ClosureReason),
	}
}

// sar says what was decided about a safeguarding adults review; nothing
// when neither question was answered. A referral not answered is never
// shown as "not referred".
func sar(o records.Outcome) string {
	switch {
	case o.SARReferred.Yes():
		return "Considered and referred"
	case o.SARConsidered.Yes() && o.SARReferred.No():
		return "Considered, not referred"
	case o.SARConsidered.Yes():
		return "Considered; whether referred not recorded"
	case o.SARConsidered.No():
		return "Not considered"
	case o.SARReferred.No():
		return "Not referred"
	}
	return ""
}
