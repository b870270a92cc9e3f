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
	return "recorded by " + author
}

// outcomes sets out the finding and, above all, what the person said about
// the outcomes they wanted and the process.
func (b *builder) outcomes() []Block {
	c := b.c
	o := c.Outcome
	blocks := []Block{Fields{
		{"Finding", o.Finding},
		{"Risk assessment outcome", o.RiskAssessmentOutcome},
		{"Risk outcome", o.RiskOutcome},
		{"Outcomes achieved overall", o.OutcomesAchieved},
	}}
	if len(c.DesiredOutcomes) > 0 {
		t := Table{Columns: []string{"What the person wanted", "Achieved", "What the person said"}}
		for _, d := range c.DesiredOutcomes {
			t.Rows = append(t.Rows, []string{d.Text, d.Achievement, d.Evaluation})
		}
		blocks = append(blocks, Subheading{"The person's outcomes"}, t)
	}
	blocks = append(blocks, Subheading{"What the person said about the enquiry"}, Fields{
		{"Outcomes met", o.OutcomesMet},
		{"Feels safer", o.FeelsSafer},
		{"Took part in judging acceptable risk", o.InvolvedInRisk},
		{"Understood why people acted", o.UnderstoodWhy},
		{"Felt listened to", o.FeltListened},
		{"Kept informed", o.KeptInformed},
		{"Invited to meetings", o.InvitedToMeetings},
		{"Their feedback", o.PersonFeedback},
		{"Their view of closing the enquiry", o.ViewOfClosing},
	})
	return append(blocks, Subheading{"Conclusion"}, b.conclusion())
}

func (b *builder) conclusion() Fields {
	c := b.c
	o := c.Outcome
	feedback := yesNo(o.ReferrerFeedback)
	if !o.ReferrerFeedback && o.NoFeedbackReason != "" {
		feedback += ": " + o.NoFeedbackReason
	}
	return Fields{
		{"A. Care and support needs", yesNo(o.NeedsMet)},
		{"B. Experiencing or at risk of abuse or neglect", yesNo(o.AbuseOrNeglect)},
		{"C. Unable to protect themselves", yesNo(o.UnableToProtect)},
		{"D. Further action taken or needed", yesNo(o.FurtherAction)},
		{"Outcomes for the person", strings.Join(o.AdultOutcomes, ", ")},
		{"Outcomes for organisations", strings.Join(o.OrganisationOutcomes, ", ")},
		{"Feedback given to the referrer", feedback},
		{"Safeguarding Adults Review", sar(o)},
		{"Closed", c.Enquiry.Closed.String()},
		{"Reason for closing", o.ClosureReason},
	}
}

func sar(o records.Outcome) string {
	switch {
	case o.SARReferred:
		return "Considered and referred"
	case o.SARConsidered:
		return "Considered, not referred"
	}
	return ""
}
