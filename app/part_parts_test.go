package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"msprecords/records"
)

func TestRepresentativeAndAdvocacyAdded(t *testing.T) {
	h := newViewHarness(t, nil)
	p := h.show(records.PartRepresentatives).(*representativesPart)
	test.Tap(p.reps.addBtn)
	f := p.reps.form
	h.pick(f, "Type of representative", "Attorney under LPA - health and welfare")
	h.typeText(f, "Name", "Jane Exemplar")
	h.typeText(f, "Organisation", "None")
	h.typeText(f, "Telephone", "07700 900123")
	h.typeText(f, "Email", "jane@example.org")
	h.writeLong(f, "Address", "3 Oak Lane")
	h.typeDate(f, "Involved from", "5/6/2025")
	h.typeDate(f, "Involved until", "30/9/2025")
	h.pick(f, "The person agreed to them", "Yes")
	h.tick(f, "Paperwork seen")
	h.writeLong(f, "Notes", "Visits weekly.")
	h.tick(p.advocacy, "Advocacy offered")
	h.pick(p.advocacy, "Response to the offer", "Accepted")
	h.pick(p.advocacy, "Type of advocacy", "Care Act advocate (s68)")
	h.changed()
	r := h.c.Representatives[0]
	mustEqual(t, "representative", r, records.Representative{ID: r.ID, Kind: "Attorney under LPA - health and welfare",
		Name: "Jane Exemplar", Organisation: "None", Phone: "07700 900123", Email: "jane@example.org", Address: "3 Oak Lane",
		From: d(5, 6, 2025), To: d(30, 9, 2025), PersonAgreed: "Yes", PaperworkSeen: records.Yes, Notes: "Visits weekly."})
	mustEqual(t, "advocacy", h.c.Advocacy, records.Advocacy{Offered: records.Yes, Response: "Accepted", Kind: "Care Act advocate (s68)"})
}

func TestCapacityAssessmentAdded(t *testing.T) {
	c := &records.Case{Risks: []records.Risk{{ID: "r1", Description: "Falls at night"}, {ID: "r2", Description: "Money taken by her son"}}}
	h := newViewHarness(t, c)
	p := h.show(records.PartCapacity).(*capacityPart)
	test.Tap(p.assessments.addBtn)
	f := p.assessments.form
	h.typeText(f, "The decision to be made", "Where to live")
	h.typeDate(f, "Date of assessment", "9/6/2025")
	h.typeText(f, "Assessed by", "Sam Okafor")
	h.pick(f, "Understand the information", "Not able")
	h.pick(f, "Retain the information", "Able")
	h.pick(f, "Use or weigh the information", "Not able")
	h.pick(f, "Communicate the decision", "Able")
	h.writeLong(f, "Impairment of the mind or brain", "Advanced dementia")
	h.writeLong(f, "Causal link", "Cannot weigh the risk of falls.")
	h.pick(f, "Outcome of the assessment", "Lacks capacity for this decision")
	h.tick(f, "Capacity fluctuates")
	h.typeDate(f, "Date to revisit the decision", "1/7/2025")
	h.typeDate(f, "Date revisited", "30/6/2025")
	h.typeText(f, "Outcome when revisited", "Still lacks capacity")
	h.tickMany(f, "Risks this assessment considered", "2. Money taken by her son", "1. Falls at night")
	h.writeLong(f, "Best-interests decision", "Stay at home with more care.")
	h.writeLong(f, "Who was consulted", "Daughter, GP, advocate")
	h.writeLong(f, "Less restrictive options considered", "Night sensor instead of a move.")
	h.pick(f, "Supported by", "Advocate")
	h.writeLong(f, "Notes", "Seen in the morning, her best time.")
	h.changed()
	m := c.Capacity[0]
	mustEqual(t, "assessment", m, records.CapacityAssessment{ID: m.ID, Decision: "Where to live", Date: d(9, 6, 2025),
		Assessor: "Sam Okafor", Understand: "Not able", Retain: "Able", UseOrWeigh: "Not able", Communicate: "Able",
		Impairment: "Advanced dementia", CausalLink: "Cannot weigh the risk of falls.", Outcome: "Lacks capacity for this decision",
		Fluctuates: records.Yes, RevisitBy: d(1, 7, 2025), RevisitedOn: d(30, 6, 2025), RevisitOutcome: "Still lacks capacity",
		RisksConsidered: []string{"r1", "r2"}, BestInterests: "Stay at home with more care.", Consulted: "Daughter, GP, advocate",
		LessRestrictive: "Night sensor instead of a move.", SupportedBy: "Advocate", Notes: "Seen in the morning, her best time."})
}

func TestRiskWithActionAdded(t *testing.T) {
	c := &records.Case{DesiredOutcomes: []records.DesiredOutcome{{ID: "o1", Text: "Stay at home"}, {ID: "o2", Text: "Keep my money safe"}}}
	h := newViewHarness(t, c)
	p := h.show(records.PartRisks).(*risksPart)
	test.Tap(p.risks.addBtn)
	f := p.risks.form
	h.writeLong(f, "Description of the risk", "Money taken by her son")
	h.typeText(f, "Who or what it comes from", "Her son")
	h.pick(f, "Likelihood", "High")
	h.pick(f, "Impact", "Medium")
	h.writeLong(f, "The person's view of the risk", "“He needs it more than me.”")
	h.writeLong(f, "Less restrictive options considered", "Bank card limits before an appointee.")
	h.writeLong(f, "Why the response is proportionate", "Keeps her in charge of her money.")
	h.typeDate(f, "Date evaluated with the person", "20/7/2025")
	h.pick(f, "Result of the evaluation", "Risk reduced")
	h.writeLong(f, "What the person said at evaluation", "“I feel better about it.”")
	h.tick(f, "Risk closed")
	test.Tap(p.actions.addBtn)
	af := p.actions.forms[0]
	h.typeText(af, "What will be done", "Set a daily card limit")
	h.typeText(af, "Owner", "Bank liaison")
	h.typeDate(af, "Due by", "1/7/2025")
	h.pick(af, "Status", "Done")
	h.typeDate(af, "Date completed", "28/6/2025")
	h.pick(af, "Desired outcome it serves", "2. Keep my money safe")
	h.typeText(af, "Less restrictive option", "Limit, not a block")
	h.changed()
	r := c.Risks[0]
	a := r.Actions[0]
	mustEqual(t, "risk", r, records.Risk{ID: r.ID, Description: "Money taken by her son", Source: "Her son",
		Likelihood: "High", Impact: "Medium", PersonView: "“He needs it more than me.”",
		Actions: []records.Action{{ID: a.ID, What: "Set a daily card limit", Owner: "Bank liaison", Due: d(1, 7, 2025),
			Status: "Done", Completed: d(28, 6, 2025), OutcomeID: "o2", LessRestrictive: "Limit, not a block"}},
		LessRestrictive: "Bank card limits before an appointee.", Proportionality: "Keeps her in charge of her money.",
		Evaluation: records.RiskEvaluation{Date: d(20, 7, 2025), Result: "Risk reduced", PersonSaid: "“I feel better about it.”"},
		Closed:     true})
}

func TestRemovingARiskForgetsItInAssessments(t *testing.T) {
	c := &records.Case{Risks: []records.Risk{{ID: "r1", Description: "Falls"}, {ID: "r2", Description: "Scams"}},
		Capacity: []records.CapacityAssessment{{ID: "m1", RisksConsidered: []string{"r1", "r2"}}}}
	h := newViewHarness(t, c)
	p := h.show(records.PartRisks).(*risksPart)
	p.risks.list.Select(0)
	test.Tap(p.risks.removeBtn)
	h.tapDialogButton("Yes")
	mustEqual(t, "risks", len(c.Risks), 1)
	mustEqual(t, "risks considered", c.Capacity[0].RisksConsidered, []string{"r2"})
}

func TestReferralAddedWithDaysTaken(t *testing.T) {
	h := newViewHarness(t, nil)
	p := h.show(records.PartReferrals).(*referralsPart)
	test.Tap(p.referrals.addBtn)
	f := p.referrals.form
	h.pick(f, "Agency", "Police")
	h.writeLong(f, "What the referral is about", "Theft from her account")
	h.typeDate(f, "Date the need was identified", "6/6/2025") // a Friday
	h.typeDate(f, "Date referred", "10/6/2025")
	h.typeText(f, "Agency's reference", "NP-2025-1")
	h.writeLong(f, "Agency's response", "Crime reference issued")
	h.changed()
	r := h.c.Referrals[0]
	mustEqual(t, "referral", r, records.AgencyReferral{ID: r.ID, Agency: "Police", Detail: "Theft from her account",
		Identified: d(6, 6, 2025), Referred: d(10, 6, 2025), Reference: "NP-2025-1", Response: "Crime reference issued"})
	mustEqual(t, "time taken", p.taken.Text, "4 days (2 working days)")
}

func TestAllegedPersonAndProviderAdded(t *testing.T) {
	h := newViewHarness(t, nil)
	p := h.show(records.PartAllegedHarm).(*allegedPart)
	test.Tap(p.persons.addBtn)
	f := p.persons.form
	h.typeText(f, "Name", "Tom Exemplar")
	h.typeText(f, "Relationship to the person", "Son")
	h.writeLong(f, "Address", "8 Birch Close")
	h.typeText(f, "Telephone", "07700 900456")
	h.tick(f, "Lived with the person at the time")
	h.tick(f, "Lives with the person now")
	h.tick(f, "Aware of the concern")
	h.tick(f, "Also an adult at risk")
	h.tick(f, "Linked to a service failure")
	h.writeLong(f, "Their views", "Says it was a loan.")
	h.writeLong(f, "Impact of the concerns on them", "Anxious, drinking more.")
	h.writeLong(f, "Support offered to them", "Carers' assessment; alcohol service.")
	h.tickMany(f, "Outcomes for them", "Referral to DBS", "Police action", "Continued monitoring")
	h.tickMany(f, "Outcomes for them", "Referral to DBS") // and untick one
	p.tabs.SelectIndex(1)
	test.Tap(p.providers.addBtn)
	sf := p.providers.form
	h.typeText(sf, "Name of the provider", "Elm House")
	h.pick(sf, "Type of provider", "Service provider - private")
	h.changed()
	a := h.c.AllegedPersons[0]
	mustEqual(t, "person alleged to have caused harm", a, records.AllegedPerson{ID: a.ID, Name: "Tom Exemplar",
		Relationship: "Son", Address: "8 Birch Close", Phone: "07700 900456", LivedWithThen: records.Yes, LivesWithNow: records.Yes,
		AwareOfConcern: records.Yes, AlsoAdultAtRisk: records.Yes, LinkedToServiceFailure: records.Yes, Views: "Says it was a loan.",
		Impact: "Anxious, drinking more.", SupportOffered: "Carers' assessment; alcohol service.",
		Outcomes: []string{"Police action", "Continued monitoring"}})
	s := h.c.Providers[0]
	mustEqual(t, "provider", s, records.ServiceProvider{ID: s.ID, Name: "Elm House", Type: "Service provider - private"})
}

func TestNoPerpetratorWording(t *testing.T) {
	h := newViewHarness(t, &records.Case{AllegedPersons: []records.AllegedPerson{{ID: "a"}}})
	for _, name := range records.Parts() {
		h.show(name)
		for _, o := range test.LaidOutObjects(h.v.content()) {
			if l, ok := o.(*widget.Label); ok && strings.Contains(strings.ToLower(l.Text), "perpetrator") {
				t.Errorf("%s says %q", name, l.Text)
			}
		}
	}
}

func TestOutcomeAndEvaluationTyped(t *testing.T) {
	c := &records.Case{DesiredOutcomes: []records.DesiredOutcome{{ID: "o1", Text: "Stay at home"}, {ID: "o2", Text: "See Bill"}}}
	h := newViewHarness(t, c)
	p := h.show(records.PartOutcome).(*outcomePart)
	h.pick(p.outcomes[0], "Achieved", "Fully achieved")
	h.writeLong(p.outcomes[0], "What the person said at evaluation", "“I'm still at home.”")
	h.pick(p.outcomes[1], "Achieved", "Partially achieved")
	f := p.feedback
	h.pick(f, "Feels safer", "Yes")
	h.pick(f, "Outcomes met", "Partially")
	h.pick(f, "Felt listened to", "Always")
	h.pick(f, "Kept informed", "Yes")
	h.pick(f, "Invited to meetings", "No")
	h.pick(f, "Took part in judging acceptable risk", "Fully")
	h.pick(f, "Understood why people acted", "Partially")
	h.writeLong(f, "Feedback on the process, in their words", "“You listened.”")
	g := p.findings
	h.pick(g, "Finding", "Substantiated")
	h.pick(g, "Risk assessment outcome", records.RiskAssessmentOutcomes()[0])
	h.pick(g, "Risk outcome", "Risk reduced")
	h.pick(g, "Did the person lack capacity", records.CapacityLacked()[0])
	h.pick(g, "Support while lacking capacity", "Advocate")
	h.pick(g, "Asked about desired outcomes", records.AskedAboutOutcomes()[0])
	h.pick(g, "Desired outcomes achieved (overall)", "Partially achieved")
	h.tick(g, "A. Has care and support needs")
	h.tick(g, "B. Experiencing, or at risk of, abuse or neglect")
	h.tick(g, "C. Unable to protect themselves")
	h.tick(g, "D. Further action taken or needed")
	h.tickMany(g, "Outcomes for the adult", "Referral to advocacy", "Increased monitoring")
	h.tickMany(g, "Outcomes for the organisation", "Staff training")
	h.tick(g, "Safeguarding adults review considered")
	h.tick(g, "Referred for a safeguarding adults review")
	k := p.closure
	h.tick(k, "Feedback given to the referrer")
	h.typeText(k, "Why no feedback was given", "Given by phone")
	h.writeLong(k, "The person's view of closing", "“Happy for you to close it.”")
	h.typeText(k, "Reason for closing", "Risks reduced")
	h.typeDate(k, "Date closed", "30/7/2025")
	if h.dialogShown() {
		t.Error("asked before closing although every outcome was evaluated")
	}
	h.changed()
	mustEqual(t, "outcome 1", c.DesiredOutcomes[0], records.DesiredOutcome{ID: "o1", Text: "Stay at home",
		Achievement: "Fully achieved", Evaluation: "“I'm still at home.”"})
	mustEqual(t, "outcome 2", c.DesiredOutcomes[1].Achievement, "Partially achieved")
	mustEqual(t, "outcome", c.Outcome, records.Outcome{Finding: "Substantiated",
		RiskAssessmentOutcome: records.RiskAssessmentOutcomes()[0], RiskOutcome: "Risk reduced",
		CapacityLacked: records.CapacityLacked()[0], CapacitySupport: "Advocate", AskedAboutOutcomes: records.AskedAboutOutcomes()[0],
		OutcomesAchieved: "Partially achieved", OutcomesMet: "Partially", FeelsSafer: "Yes", InvolvedInRisk: "Fully",
		UnderstoodWhy: "Partially", FeltListened: "Always", KeptInformed: "Yes", InvitedToMeetings: "No",
		PersonFeedback: "“You listened.”", ViewOfClosing: "“Happy for you to close it.”", ReferrerFeedback: records.Yes,
		NoFeedbackReason: "Given by phone", ClosureReason: "Risks reduced", NeedsMet: records.Yes, AbuseOrNeglect: records.Yes,
		UnableToProtect: records.Yes, FurtherAction: records.Yes, AdultOutcomes: []string{"Increased monitoring", "Referral to advocacy"},
		OrganisationOutcomes: []string{"Staff training"}, SARConsidered: records.Yes, SARReferred: records.Yes})
	mustEqual(t, "closed", c.Enquiry.Closed, d(30, 7, 2025))
}
