package practice

import "msprecords/records"

// Criterion identifies one question of the practice check. The values are
// stable: they appear in CSV files.
type Criterion string

// The criteria, one per good-practice point or best-practice prompt of the
// briefing.
const (
	CriterionViewsSought         Criterion = "views-and-outcomes"
	CriterionSpokenAlone         Criterion = "spoken-alone"
	CriterionAllegedPerson       Criterion = "alleged-person-supported"
	CriterionRiskActions         Criterion = "risk-actions"
	CriterionRiskEvaluated       Criterion = "risks-evaluated"
	CriterionRepresentation      Criterion = "representative-or-advocate"
	CriterionChronology          Criterion = "interventions-recorded"
	CriterionReferralsTimely     Criterion = "referrals-timely"
	CriterionLessRestrictive     Criterion = "less-restrictive-options"
	CriterionChallenge           Criterion = "professional-challenge"
	CriterionFluctuatingCapacity Criterion = "fluctuating-capacity-revisited"
	CriterionAssessmentRisks     Criterion = "assessments-considered-risks"
	CriterionS42Criteria         Criterion = "s42-criteria-answered"
)

// CriterionInfo describes one criterion: its title, the words of the
// briefing it comes from (shown in audit reports where practice fell
// short) and the part of the case that usually fixes it.
type CriterionInfo struct {
	ID       Criterion
	Title    string
	Briefing string
	Part     string
	check    func(*practiceContext) Finding
}

// The briefing's words, with the neutral term for the person alleged to
// have caused harm that the app always uses.
var criteria = []CriterionInfo{
	{CriterionViewsSought, "Views and desired outcomes sought throughout",
		"Evidence of positive engagement with the person throughout the safeguarding process, including evidence of the person's views and outcomes being sought.",
		records.PartPerson, checkViewsSought},
	{CriterionSpokenAlone, "Spoken to alone",
		"The person is spoken to alone to ensure their voice is heard and they can articulate their views, to avoid concerns of coercion from the person alleged to have caused harm.",
		records.PartPerson, checkSpokenAlone},
	{CriterionAllegedPerson, "Person alleged to have caused harm: views, impact and support",
		"Evidence of supporting the person alleged to have caused harm about their views, considering the impact of concerns on them and support being offered where appropriate, to ensure mitigations are in place to safeguard the person.",
		records.PartAllegedHarm, checkAllegedPerson},
	{CriterionRiskActions, "Clear actions for every risk",
		"Clear actions are in place to reduce risks to the person, documented within the safeguarding forms.",
		records.PartRisks, checkRiskActions},
	{CriterionRiskEvaluated, "Every risk evaluated with the person",
		"Where multiple risks are identified, these are managed effectively by the practitioner and evaluated with the person.",
		records.PartRisks, checkRiskEvaluated},
	{CriterionRepresentation, "Representative or advocate engaged",
		"Evidence of engagement with a family member as a representative and/or evidence of the use of an advocate.",
		records.PartRepresentatives, checkRepresentation},
	{CriterionChronology, "Interventions recorded in the chronology",
		"Recording of intervention on case files shows detailed and thorough information, reflecting the discussions undertaken with the person, the support offered and agreements made.",
		records.PartChronology, checkChronology},
	{CriterionReferralsTimely, "Referrals made in a timely way",
		"Focus on making referrals to partner agencies in a timely way, i.e. police, health colleagues, legal services.",
		records.PartReferrals, checkReferralsTimely},
	{CriterionLessRestrictive, "Less restrictive options explored",
		"Explore less restrictive options to ensure decisions and actions are proportionate. Consider less restrictive options or proportionate responses to risks.",
		records.PartRisks, checkLessRestrictive},
	{CriterionChallenge, "Professional curiosity and challenge",
		"Consider being professionally curious and challenge appropriately to ensure discussions about decisions are fully explored.",
		records.PartPerson, checkChallenge},
	{CriterionFluctuatingCapacity, "Fluctuating capacity revisited",
		"Where the person has fluctuating capacity, consider revisiting the person again to confirm decisions.",
		records.PartCapacity, checkFluctuatingCapacity},
	{CriterionAssessmentRisks, "Capacity assessments considered all risks",
		"When a Mental Capacity Assessment is undertaken with the person, remember to consider all risks impacting on the person and ensure these are explored.",
		records.PartCapacity, checkAssessmentRisks},
	// Not from the briefing: the national return asks it of every
	// concluded enquiry, and an unanswered criterion is easily read as "no".
	{CriterionS42Criteria, "Section 42 criteria answered at the outcome",
		"Record whether the person has care and support needs (A), is experiencing or at risk of abuse or neglect (B) and is unable to protect themselves because of those needs (C): a criterion not answered is not a criterion not met.",
		records.PartOutcome, checkS42Criteria},
}

// Criteria returns the criteria in the order the check reports them.
func Criteria() []CriterionInfo {
	return append([]CriterionInfo(nil), criteria...)
}

// CriterionByID returns the description of one criterion, and false for an
// unknown id.
func CriterionByID(id Criterion) (CriterionInfo, bool) {
	for _, c := range criteria {
		if c.ID == id {
			return c, true
		}
	}
	return CriterionInfo{}, false
}

// tally turns counts of entries that pass and fail into a result: nothing
// to judge is not applicable, all passing is met, none passing is not met.
func tally(pass, fail int) Result {
	switch {
	case pass == 0 && fail == 0:
		return NotApplicable
	case fail == 0:
		return Met
	case pass == 0:
		return NotMet
	}
	return PartlyMet
}

// judged builds a finding from the entries that pass and those that fail:
// a gap shows the failing entries and the prompt; otherwise the passing
// entries are the evidence. The prompt is only written for a gap.
func (p *practiceContext) judged(good, bad []Evidence, prompt func() string) Finding {
	r := tally(len(good), len(bad))
	if r.IsGap() {
		return Finding{Result: r, Evidence: bad, Prompt: p.describe(prompt)}
	}
	return Finding{Result: r, Evidence: good}
}
