package practice

import (
	"slices"
	"strings"
	"testing"
	"time"

	"msprecords/demo"
	"msprecords/records"
)

var practiceToday = records.NewDate(2025, time.September, 1)

func practiceOptions() Options {
	return Options{Today: practiceToday, ReferralLimitWorkingDays: 2}
}

func d25(month time.Month, day int) records.Date { return records.NewDate(2025, month, day) }

// exemplaryCase meets every criterion, and every criterion applies to it.
func exemplaryCase() *records.Case {
	return &records.Case{
		Schema:    records.SchemaVersion,
		ID:        "case1",
		Reference: "SG-2025-00001",
		Person:    records.Person{Name: "Ada Exemplar", Conditions: "Advanced dementia", DateOfBirth: records.NewDate(1938, time.May, 4)},
		Enquiry: records.Enquiry{
			Type: records.EnquiryTypes()[0], ConcernReceived: d25(time.June, 2), Started: d25(time.June, 3),
			Closed: d25(time.July, 31), Stage: records.Stages()[7], ConflictingAccounts: records.Yes,
		},
		Contacts: []records.Contact{
			{ID: "c1", Date: d25(time.June, 4), Stage: records.Stages()[0], SpokenAlone: records.Yes, Views: "I want to stay at home."},
			{ID: "c2", Date: d25(time.July, 20), Stage: records.Stages()[6], Present: "Daughter", NotAloneReason: "She asked her daughter to stay.", Views: "I feel safer now."},
		},
		DesiredOutcomes: []records.DesiredOutcome{{
			ID: "o1", Text: "Stay at home", Recorded: d25(time.June, 4), Stage: records.Stages()[0],
			History:    []records.OutcomeRevision{{Date: d25(time.July, 20), Previous: "Stay at home", Reason: "Confirmed"}},
			Evaluation: "I am still at home.", Achievement: records.OutcomeAchievement()[0],
		}},
		Representatives: []records.Representative{{ID: "rep1", Kind: records.RepresentativeKinds()[0], Name: "Bea Exemplar", From: d25(time.June, 5)}},
		Capacity: []records.CapacityAssessment{{
			ID: "m1", Decision: "Where to live", Date: d25(time.June, 10), Outcome: records.CapacityOutcomes()[1],
			Fluctuates: records.Yes, RevisitBy: d25(time.June, 24), RevisitedOn: d25(time.June, 20),
			RisksConsidered: []string{"r1", "r2"}, BestInterests: "Stay at home with more care",
			LessRestrictive: "A day centre was considered first.",
		}},
		AllegedPersons: []records.AllegedPerson{{ID: "ap1", Name: "Gary Suspectson", Views: "Denies it.", Impact: "Upset.", SupportOffered: "Carer's assessment."}},
		Risks: []records.Risk{
			{ID: "r1", Description: "Financial abuse", Closed: true,
				Actions:    []records.Action{{ID: "a1", What: "Change bank mandate", Status: records.ActionStatuses()[2], LessRestrictive: "Talked to the bank first."}},
				Evaluation: records.RiskEvaluation{Date: d25(time.July, 25), Result: records.RiskEvaluations()[1], PersonSaid: "Good."}},
			{ID: "r2", Description: "Falls", LessRestrictive: "Sensor mat rather than bed rails.", Closed: true,
				Actions:    []records.Action{{ID: "a2", What: "Falls clinic", Status: records.ActionStatuses()[2]}},
				Evaluation: records.RiskEvaluation{Date: d25(time.July, 25), Result: records.RiskEvaluations()[0], PersonSaid: "Fine."}},
		},
		// Monday 9 June to Tuesday 10 June: one working day.
		Referrals:  []records.AgencyReferral{{ID: "ref1", Agency: records.Agencies()[0], Identified: d25(time.June, 9), Referred: d25(time.June, 10)}},
		Challenges: []records.Challenge{{ID: "ch1", Date: d25(time.June, 12), By: "Team manager", What: "The care home's account", Outcome: "Records checked; account corrected."}},
		Outcome: records.Outcome{CapacityLacked: records.CapacityLacked()[0],
			NeedsMet: records.Yes, AbuseOrNeglect: records.Yes, UnableToProtect: records.No},
		Chronology: []records.ChronologyEntry{
			{ID: "e1", Date: d25(time.June, 4), Text: "Visit", Link: "c1"},
			{ID: "e2", Date: d25(time.June, 9), Text: "Police referral", Link: "ref1"},
			{ID: "e3", Date: d25(time.June, 11), Text: "Bank", Link: "a1"},
			{ID: "e4", Date: d25(time.June, 11), Text: "Falls clinic", Link: "a2"},
			{ID: "e5", Date: d25(time.July, 20), Text: "Review visit", Link: "c2"},
		},
	}
}

func TestExemplaryCaseMeetsEveryCriterion(t *testing.T) {
	rep := Check(exemplaryCase(), practiceOptions())
	if len(rep.Findings) != len(Criteria()) {
		t.Fatalf("%d findings, want one per criterion (%d)", len(rep.Findings), len(Criteria()))
	}
	for _, f := range rep.Findings {
		if f.Result != Met {
			t.Errorf("%s: %s (%v), want met", f.Criterion, f.Result, f.Evidence)
		}
		if f.Prompt != "" {
			t.Errorf("%s: met but prompts %q", f.Criterion, f.Prompt)
		}
		if len(f.Evidence) == 0 {
			t.Errorf("%s: met with no evidence", f.Criterion)
		}
	}
	if rep.Gaps() != 0 {
		t.Errorf("Gaps() = %d, want 0", rep.Gaps())
	}
}

// practiceFailures each break one criterion of the exemplary case.
var practiceFailures = []struct {
	name     string
	change   func(c *records.Case)
	want     Criterion
	result   Result
	evidence []string // ids of the evidence, in order
	part     string
	prompt   string // a fragment the prompt must hold
}{
	{"views only at the start", func(c *records.Case) {
		c.Contacts[1].Views = ""
		c.DesiredOutcomes[0].History, c.DesiredOutcomes[0].Evaluation = nil, ""
	}, CriterionViewsSought, PartlyMet, []string{"c1", "o1"}, records.PartPerson, "ask again"},
	{"views only late", func(c *records.Case) {
		c.Contacts[0].Views = ""
		c.DesiredOutcomes[0].Stage, c.DesiredOutcomes[0].Recorded = records.Stages()[6], d25(time.July, 20)
	}, CriterionViewsSought, PartlyMet, []string{"c2", "o1"}, records.PartPerson, "at the start"},
	{"views never", func(c *records.Case) {
		c.Contacts[0].Views, c.Contacts[1].Views = "", ""
		c.DesiredOutcomes = nil
	}, CriterionViewsSought, NotMet, []string{"c1", "c2"}, records.PartPerson, "own words"},
	{"never alone, no reason", func(c *records.Case) {
		c.Contacts[0].SpokenAlone = records.No
		c.Contacts[1].NotAloneReason = ""
	}, CriterionSpokenAlone, NotMet, []string{"c1", "c2"}, records.PartPerson, "alone"},
	{"no support for the person alleged", func(c *records.Case) { c.AllegedPersons[0].SupportOffered = " " },
		CriterionAllegedPerson, PartlyMet, []string{"ap1"}, records.PartAllegedHarm, "support offered"},
	{"risk without action", func(c *records.Case) {
		c.Risks[1].Actions[0].Status = records.ActionStatuses()[3] // cancelled
	}, CriterionRiskActions, PartlyMet, []string{"r2"}, records.PartRisks, "risk 2"},
	{"risk not evaluated with the person", func(c *records.Case) { c.Risks[1].Evaluation.PersonSaid = "" },
		CriterionRiskEvaluated, PartlyMet, []string{"r2"}, records.PartRisks, "risk 2"},
	{"risk evaluated after closing", func(c *records.Case) { c.Risks[0].Evaluation.Date = d25(time.August, 4) },
		CriterionRiskEvaluated, PartlyMet, []string{"r1"}, records.PartRisks, "risk 1"},
	{"no representative", func(c *records.Case) { c.Representatives = nil },
		CriterionRepresentation, NotMet, []string{"m1"}, records.PartRepresentatives, "advocate"},
	{"only a financial attorney", func(c *records.Case) { c.Representatives[0].Kind = records.RepresentativeKinds()[8] },
		CriterionRepresentation, PartlyMet, []string{"rep1"}, records.PartRepresentatives, "representative"},
	{"referral missing from chronology", func(c *records.Case) { c.Chronology = slices.Delete(c.Chronology, 1, 2) },
		CriterionChronology, PartlyMet, []string{"ref1"}, records.PartChronology, "this intervention"},
	{"slow referral", func(c *records.Case) { c.Referrals[0].Referred = d25(time.June, 16) },
		CriterionReferralsTimely, NotMet, []string{"ref1"}, records.PartReferrals, "Police (5 working days)"},
	{"action without less restrictive options", func(c *records.Case) { c.Risks[0].Actions[0].LessRestrictive = "" },
		CriterionLessRestrictive, PartlyMet, []string{"a1"}, records.PartRisks, "action 1 of risk 1"},
	{"best interests without less restrictive options", func(c *records.Case) { c.Capacity[0].LessRestrictive = "" },
		CriterionLessRestrictive, PartlyMet, []string{"m1"}, records.PartCapacity, "best-interests decision of 10 June 2025"},
	{"conflicting accounts unchallenged", func(c *records.Case) { c.Challenges = nil },
		CriterionChallenge, NotMet, nil, records.PartPerson, "Accounts conflict"},
	{"challenge without outcome", func(c *records.Case) { c.Challenges[0].Outcome = "" },
		CriterionChallenge, NotMet, []string{"ch1"}, records.PartPerson, "what came of it"},
	{"fluctuating capacity not revisited", func(c *records.Case) { c.Capacity[0].RevisitedOn = records.Date{} },
		CriterionFluctuatingCapacity, NotMet, []string{"m1"}, records.PartCapacity, "revisit date"},
	{"fluctuating capacity revisited late", func(c *records.Case) { c.Capacity[0].RevisitedOn = d25(time.June, 30) },
		CriterionFluctuatingCapacity, NotMet, []string{"m1"}, records.PartCapacity, "revisit date"},
	{"assessment missed a risk", func(c *records.Case) { c.Capacity[0].RisksConsidered = []string{"r1"} },
		CriterionAssessmentRisks, PartlyMet, []string{"m1"}, records.PartCapacity, "did not consider risk 2"},
	{"whether spoken to alone not answered", func(c *records.Case) {
		c.Contacts[0].SpokenAlone = records.Unanswered
		c.Contacts[1].NotAloneReason = ""
	}, CriterionSpokenAlone, NotMet, []string{"c1", "c2"}, records.PartPerson, "alone"},
	{"s42 criteria not answered", func(c *records.Case) {
		c.Outcome.NeedsMet, c.Outcome.AbuseOrNeglect, c.Outcome.UnableToProtect = records.Unanswered, records.Unanswered, records.Unanswered
	}, CriterionS42Criteria, NotMet, []string{"", "", ""}, records.PartOutcome, "(A, B, C not answered)"},
	{"one s42 criterion not answered", func(c *records.Case) { c.Outcome.UnableToProtect = records.Unanswered },
		CriterionS42Criteria, PartlyMet, []string{""}, records.PartOutcome, "(C not answered)"},
}

func TestEachFailureIsReportedOnItsCriterionOnly(t *testing.T) {
	for _, tt := range practiceFailures {
		t.Run(tt.name, func(t *testing.T) {
			c := exemplaryCase()
			tt.change(c)
			rep := Check(c, practiceOptions())
			for _, f := range rep.Findings {
				if f.Criterion != tt.want {
					if f.Result.IsGap() {
						t.Errorf("%s also reported: %s %v", f.Criterion, f.Result, f.Evidence)
					}
					continue
				}
				checkFailure(t, f, tt.result, tt.evidence, tt.part, tt.prompt)
			}
			if rep.Gaps() != 1 {
				t.Errorf("Gaps() = %d, want 1", rep.Gaps())
			}
		})
	}
}

func checkFailure(t *testing.T, f Finding, result Result, ids []string, part, prompt string) {
	t.Helper()
	if f.Result != result {
		t.Errorf("result %s, want %s", f.Result, result)
	}
	var got []string
	for _, e := range f.Evidence {
		got = append(got, e.ID)
	}
	if !slices.Equal(got, ids) {
		t.Errorf("evidence ids %q, want %q (%v)", got, ids, f.Evidence)
	}
	if f.Part != part {
		t.Errorf("part %q, want %q", f.Part, part)
	}
	if !strings.Contains(f.Prompt, prompt) {
		t.Errorf("prompt %q does not say %q", f.Prompt, prompt)
	}
}

func TestPracticeNotApplicable(t *testing.T) {
	tests := []struct {
		name   string
		change func(c *records.Case)
		want   Criterion
	}{
		{"no person alleged", func(c *records.Case) { c.AllegedPersons = nil }, CriterionAllegedPerson},
		{"no risks", func(c *records.Case) { c.Risks = nil; c.Capacity[0].BestInterests = "" }, CriterionRiskActions},
		{"risks not yet due for evaluation", func(c *records.Case) {
			c.Enquiry.Closed, c.Enquiry.Stage = records.Date{}, records.Stages()[3]
			c.Risks[0].Evaluation = records.RiskEvaluation{}
		}, CriterionRiskEvaluated},
		{"capacity not in doubt", func(c *records.Case) {
			c.Capacity[0].Outcome, c.Outcome.CapacityLacked = records.CapacityOutcomes()[0], records.CapacityLacked()[1]
			c.Representatives = nil
		}, CriterionRepresentation},
		{"no referrals", func(c *records.Case) { c.Referrals = nil }, CriterionReferralsTimely},
		{"referral still within the limit", func(c *records.Case) {
			c.Enquiry.Closed, c.Enquiry.Stage = records.Date{}, records.Stages()[3]
			c.Referrals[0].Identified, c.Referrals[0].Referred = practiceToday.AddDays(-1), records.Date{}
		}, CriterionReferralsTimely},
		{"nothing questioned", func(c *records.Case) { c.Challenges, c.Enquiry.ConflictingAccounts = nil, records.No }, CriterionChallenge},
		{"capacity steady", func(c *records.Case) { c.Capacity[0].Fluctuates = records.No }, CriterionFluctuatingCapacity},
		{"revisit still to come", func(c *records.Case) {
			c.Enquiry.Closed, c.Enquiry.Stage = records.Date{}, records.Stages()[3]
			c.Capacity[0].RevisitedOn, c.Capacity[0].RevisitBy = records.Date{}, practiceToday.AddDays(3)
		}, CriterionFluctuatingCapacity},
		{"s42 criteria not yet due", func(c *records.Case) {
			c.Enquiry.Closed, c.Enquiry.Stage = records.Date{}, records.Stages()[3]
			c.Outcome = records.Outcome{}
		}, CriterionS42Criteria},
		{"risks closed before the assessment", func(c *records.Case) {
			c.Capacity[0].RisksConsidered = nil
			c.Capacity[0].Date = d25(time.July, 28)
		}, CriterionAssessmentRisks},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := exemplaryCase()
			tt.change(c)
			f, ok := Check(c, practiceOptions()).Finding(tt.want)
			if !ok || f.Result != NotApplicable {
				t.Errorf("%s: %s (%v), want not applicable", tt.want, f.Result, f.Evidence)
			}
		})
	}
}

func TestConcernHandledElsewhereIsNotApplicable(t *testing.T) {
	c := &records.Case{Decision: records.S42Decision{Decision: records.S42Decisions()[4]}} // duplicate concern
	for _, f := range Check(c, practiceOptions()).Findings {
		if f.Result != NotApplicable {
			t.Errorf("%s: %s, want not applicable", f.Criterion, f.Result)
		}
	}
	c.Enquiry.Started = d25(time.June, 1) // an enquiry after all
	if g := Check(c, practiceOptions()).Gaps(); g == 0 {
		t.Error("an enquiry with no contact shows no gaps")
	}
}

func TestSlowReferralNotYetMade(t *testing.T) {
	c := exemplaryCase()
	c.Enquiry.Closed, c.Enquiry.Stage = records.Date{}, records.Stages()[3]
	c.Referrals[0].Referred = records.Date{} // identified Monday 9 June 2025, judged on 1 September
	f, _ := Check(c, practiceOptions()).Finding(CriterionReferralsTimely)
	// 60 weekdays, less the summer bank holiday (25 August 2025).
	if f.Result != NotMet || len(f.Evidence) != 1 || !strings.Contains(f.Evidence[0].Text, "not made 59 working days") {
		t.Errorf("got %s %v", f.Result, f.Evidence)
	}
}

// Thursday 2 April to Tuesday 7 April 2026 is one working day (Good Friday
// and Easter Monday); a referral in a year whose holidays are not known
// says that weekends only were skipped.
func TestReferralOverEasterCountsBankHolidays(t *testing.T) {
	c := exemplaryCase()
	o := practiceOptions()
	o.ReferralLimitWorkingDays = 1
	c.Referrals[0].Identified, c.Referrals[0].Referred = records.NewDate(2026, time.April, 2), records.NewDate(2026, time.April, 7)
	f, _ := Check(c, o).Finding(CriterionReferralsTimely)
	if f.Result != Met || !strings.Contains(f.Evidence[0].Text, "1 working day (5 days)") {
		t.Errorf("over Easter 2026: %s %v", f.Result, f.Evidence)
	}
	c.Referrals[0].Identified, c.Referrals[0].Referred = records.NewDate(2035, time.April, 2), records.NewDate(2035, time.April, 9)
	f, _ = Check(c, o).Finding(CriterionReferralsTimely)
	if len(f.Evidence) != 1 || !strings.Contains(f.Evidence[0].Text, "weekends only were skipped") {
		t.Errorf("in 2035: %s %v", f.Result, f.Evidence)
	}
}

func TestTimelyReferralShowsItsDays(t *testing.T) {
	f, _ := Check(exemplaryCase(), practiceOptions()).Finding(CriterionReferralsTimely)
	if want := "Referral to Police: made in 1 working day (1 day)"; f.Evidence[0].Text != want {
		t.Errorf("evidence %q, want %q", f.Evidence[0].Text, want)
	}
}

func TestReferralLimitIsASetting(t *testing.T) {
	c := exemplaryCase()
	c.Referrals[0].Referred = d25(time.June, 16) // 5 working days
	o := practiceOptions()
	o.ReferralLimitWorkingDays = 5
	if f, _ := Check(c, o).Finding(CriterionReferralsTimely); f.Result != Met {
		t.Errorf("with a limit of 5: %s", f.Result)
	}
}

func TestEvidenceCarriesNoNames(t *testing.T) {
	for _, tt := range practiceFailures {
		c := exemplaryCase()
		c.Risks[1].Description = "Gary Suspectson takes her pension"
		c.Capacity[0].Decision = "Whether Ada Exemplar moves"
		c.Contacts[0].Present = "Bea Exemplar"
		tt.change(c)
		for _, f := range Check(c, practiceOptions()).Findings {
			for _, text := range append([]string{f.Prompt}, evidenceTexts(f)...) {
				for _, name := range []string{"Ada", "Gary", "Bea"} {
					if strings.Contains(text, name) {
						t.Errorf("%s: %s names %s: %q", tt.name, f.Criterion, name, text)
					}
				}
			}
		}
	}
}

func evidenceTexts(f Finding) []string {
	var out []string
	for _, e := range f.Evidence {
		out = append(out, e.Text)
	}
	return out
}

func TestEngagingKindsAreOnThePickList(t *testing.T) {
	for k := range engagingKinds {
		if !records.Contains(records.RepresentativeKinds(), k) {
			t.Errorf("%q is not a representative kind", k)
		}
	}
}

func TestPracticeOnEmptyCase(t *testing.T) {
	rep := Check(&records.Case{}, Options{})
	for _, f := range rep.Findings {
		if f.Result == 0 {
			t.Errorf("%s not checked", f.Criterion)
		}
	}
	if rep.Gaps() != 2 { // no views, never seen alone
		t.Errorf("Gaps() = %d, want 2", rep.Gaps())
	}
}

// TestCountGapsAgreesWithCheck: the lean count used by the case list finds
// the same gaps as the full check.
func TestCountGapsAgreesWithCheck(t *testing.T) {
	cases := demo.Cases(24, 5)
	for _, tt := range practiceFailures {
		c := exemplaryCase()
		tt.change(c)
		cases = append(cases, c)
	}
	for _, c := range cases {
		if full, lean := Check(c, DefaultOptions()).Gaps(), CountGaps(c, DefaultOptions()); full != lean {
			t.Errorf("%s: check finds %d gaps, count %d", c.Reference, full, lean)
		}
	}
}

// A person who says nothing in words but shows their views by behaviour,
// at the start and again later, has had their views sought throughout;
// a contact that records no view, by words or otherwise, has not.
func TestViewsShownWithoutWords(t *testing.T) {
	shown := func(c *records.Case) {
		for i := range c.Contacts {
			ct := &c.Contacts[i]
			ct.Views, ct.HelpedBy = "", "Mary, the carer who knows her best"
			ct.Communicated = []string{records.CommunicationWays()[4]}
			ct.Shown = "Relaxed and smiled in her own chair; turned away and gripped the chair arm when her husband came in."
		}
		c.DesiredOutcomes = nil
	}
	c := exemplaryCase()
	shown(c)
	f, _ := Check(c, practiceOptions()).Finding(CriterionViewsSought)
	if f.Result != Met || len(f.Evidence) != 2 || f.Evidence[0].Text != "Contact on 4 June 2025: views shown without words" {
		t.Errorf("views shown by behaviour: %s %v, want met on both contacts", f.Result, f.Evidence)
	}

	// The only contact, early on: recorded, so no longer missing.
	c.Contacts = c.Contacts[:1]
	if f, _ := Check(c, practiceOptions()).Finding(CriterionViewsSought); f.Result == NotMet {
		t.Errorf("the only contact shows views: %s %v", f.Result, f.Evidence)
	}

	// The ways ticked, who helped, but nothing shown nor said: not met.
	c.Contacts[0].Shown = " "
	f, _ = Check(c, practiceOptions()).Finding(CriterionViewsSought)
	checkFailure(t, f, NotMet, []string{"c1"}, records.PartPerson, "showed without words")
	c.Contacts[0] = records.Contact{ID: "c1", Date: d25(time.June, 4)}
	if f, _ := Check(c, practiceOptions()).Finding(CriterionViewsSought); f.Result != NotMet {
		t.Errorf("an empty contact: %s, want not met", f.Result)
	}
}
