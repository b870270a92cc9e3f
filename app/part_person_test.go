package app

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"msprecords/records"
)

func TestPersonDetailsTyped(t *testing.T) {
	h := newViewHarness(t, nil)
	p := h.show(records.PartPerson).(*personPart)
	f := p.details
	nhs := records.DemoNHSNumber(42)
	h.typeText(f, "Full name", "Zoë Łukasiewicz")
	h.typeText(f, "Preferred name", "Zoë")
	h.typeDMY(f, "Date of birth", "4", "6", "1938")
	h.typeText(f, "NHS number", records.FormatNHSNumber(nhs))
	h.writeLong(f, "Address", "12 Elm Road\nNorthmoor")
	h.typeText(f, "Postcode", "nm1 2ab")
	h.typeText(f, "Telephone", "01632 960123")
	h.typeText(f, "Gender", "Female")
	h.typeText(f, "Language", "Polish")
	h.tick(f, "Interpreter needed")
	h.writeLong(f, "Communication needs", "Hears better on her left side.")
	h.typeText(f, "Communication aids", "Picture cards")
	h.writeLong(f, "Diagnosis and conditions", "Advanced dementia")
	h.typeText(f, "Primary support reason", "Memory and cognition")
	h.typeText(f, "Lives with", "Her husband")
	h.tick(f, "Substantial difficulty in being involved")
	h.tick(f, "Deceased")
	h.typeDate(f, "Date of death", "1/3/2026")
	h.changed()
	mustEqual(t, "person", h.c.Person, records.Person{
		Name: "Zoë Łukasiewicz", PreferredName: "Zoë", DateOfBirth: d(4, 6, 1938), NHSNumber: nhs,
		Address: "12 Elm Road\nNorthmoor", Postcode: "NM1 2AB", Phone: "01632 960123", Gender: "Female",
		Language: "Polish", InterpreterNeeded: records.Yes, CommunicationNeeds: "Hears better on her left side.",
		CommunicationAids: "Picture cards", Conditions: "Advanced dementia", PrimarySupportReason: "Memory and cognition",
		LivesWith: "Her husband", SubstantialDifficulty: records.Yes, Deceased: true, DateOfDeath: d(1, 3, 2026),
	})
	mustEqual(t, "NHS number shown", f.field("NHS number").(*checkedField).entry.Text, records.FormatNHSNumber(nhs))
	mustEqual(t, "postcode shown", f.field("Postcode").(*checkedField).entry.Text, "NM1 2AB")
}

func TestPersonBadNHSNumberAndPostcodeRefused(t *testing.T) {
	h := newViewHarness(t, nil)
	f := h.show(records.PartPerson).(*personPart).details
	h.typeText(f, "NHS number", "123 456 7890")
	h.typeText(f, "Postcode", "not a postcode")
	mustEqual(t, "NHS number kept out of the case", h.c.Person.NHSNumber, "")
	mustEqual(t, "postcode kept out of the case", h.c.Person.Postcode, "")
	nhs := f.field("NHS number").(*checkedField).message
	mustEqual(t, "NHS message", nhs.Text, "Enter a real NHS number, like 999 123 4560")
	if !nhs.Visible() {
		t.Error("the NHS number message is hidden")
	}
	mustEqual(t, "postcode message", f.field("Postcode").(*checkedField).message.Text, "Enter a real postcode, like SW1A 1AA")
}

func TestPersonImpossibleDateOfBirthRefused(t *testing.T) {
	h := newViewHarness(t, &records.Case{Person: records.Person{DateOfBirth: d(2, 2, 1940)}})
	f := h.show(records.PartPerson).(*personPart).details
	dob := f.field("Date of birth").(*dmyField)
	selectAllAndDelete(&dob.day.Entry)
	h.typeDMY(f, "Date of birth", "31", "", "")
	mustEqual(t, "date of birth in the case", h.c.Person.DateOfBirth, d(2, 2, 1940))
	mustEqual(t, "message", dob.message.Text, "Date of birth must be a real date")
	if !dob.message.Visible() {
		t.Error("the message is hidden")
	}
	selectAllAndDelete(&dob.day.Entry)
	h.typeDMY(f, "Date of birth", "28", "", "")
	mustEqual(t, "date of birth once real", h.c.Person.DateOfBirth, d(28, 2, 1940))
	if dob.message.Visible() {
		t.Error("the message stays after the date was put right")
	}
}

func TestPersonMissingYearOfBirthSaid(t *testing.T) {
	h := newViewHarness(t, nil)
	f := h.show(records.PartPerson).(*personPart).details
	dob := h.typeDMY(f, "Date of birth", "4", "6", "")
	mustEqual(t, "message", dob.message.Text, "Date of birth must include a year")
	mustEqual(t, "date of birth", h.c.Person.DateOfBirth, records.Date{})
}

func TestEnquiryFactsTyped(t *testing.T) {
	h := newViewHarness(t, nil)
	p := h.show(records.PartPerson).(*personPart)
	p.showTab(tabEnquiry)
	f := p.enquiry
	h.pick(f, "Type of enquiry", records.EnquiryTypes()[0])
	h.typeText(f, "Council reference", "NMC/2026/118")
	h.typeDate(f, "Date concern received", "4/6/2025")
	h.typeDate(f, "Date enquiry started", "06/06/2025")
	h.pick(f, "Stage", records.Stages()[3])
	h.typeText(f, "Lead practitioner", "Sam Okafor")
	h.typeText(f, "Lead organisation", "Northmoor Council")
	h.writeLong(f, "The concern, in the referrer's words", "Bruises on her arms.")
	h.tick(f, "Accounts of what happened conflict")
	h.changed()
	mustEqual(t, "enquiry", h.c.Enquiry, records.Enquiry{
		Type: records.EnquiryTypes()[0], CouncilReference: "NMC/2026/118", ConcernReceived: d(4, 6, 2025),
		Started: d(6, 6, 2025), Stage: records.Stages()[3], LeadPractitioner: "Sam Okafor",
		Organisation: "Northmoor Council", Concern: "Bruises on her arms.", ConflictingAccounts: records.Yes,
	})
}

func TestReferralAndDecisionTyped(t *testing.T) {
	h := newViewHarness(t, nil)
	p := h.show(records.PartPerson).(*personPart)
	p.showTab(tabReferral)
	f := p.referral
	h.typeDate(f, "Date of referral", "3/6/2025")
	h.pick(f, "Source of referral", "Hospital")
	h.pick(f, "How the referral was made", "Telephone")
	h.typeText(f, "Referrer's name", "Dr Rao")
	h.typeText(f, "Referrer's role", "Consultant")
	h.typeText(f, "Police reference", "NP-1")
	h.typeText(f, "Incident number", "INC-2")
	h.typeDate(f, "Date of decision", "5/6/2025")
	h.typeText(f, "Decided by", "Team manager")
	h.pick(f, "(a) Has care and support needs", "Met")
	h.pick(f, "(b) Experiencing, or at risk of, abuse or neglect", "Met")
	h.pick(f, "(c) Unable to protect themselves", "Not met")
	h.writeLong(f, "Reasons where a test was not met", "Can ask for help.")
	h.tick(f, "Enquiry made anyway")
	h.pick(f, "The decision", records.S42Decisions()[2])
	h.pick(f, "Otherwise handled by", records.OtherHandling()[1])
	h.changed()
	mustEqual(t, "referral in", h.c.ReferralIn, records.ReferralIn{Date: d(3, 6, 2025), Source: "Hospital",
		Method: "Telephone", ReferrerName: "Dr Rao", ReferrerRole: "Consultant", PoliceRef: "NP-1", IncidentNumber: "INC-2"})
	mustEqual(t, "decision", h.c.Decision, records.S42Decision{Date: d(5, 6, 2025), DecidedBy: "Team manager",
		CareNeeds: "Met", AtRisk: "Met", UnableToProtect: "Not met", ReasonsNotMet: "Can ask for help.",
		EnquiryAnyway: records.Yes, Decision: records.S42Decisions()[2], OtherwiseHandling: records.OtherHandling()[1]})
}

func TestConsentOthersAndCausedTyped(t *testing.T) {
	h := newViewHarness(t, nil)
	p := h.show(records.PartPerson).(*personPart)
	p.showTab(tabConsent)
	f := p.consent
	h.pick(f, "Consent to the enquiry", "Yes")
	h.typeDate(f, "Date of consent to the enquiry", "6/6/2025")
	h.pick(f, "Consent to share information", "Yes, with limits")
	h.typeDate(f, "Date of consent to share", "7/6/2025")
	h.typeText(f, "Limits the person set on sharing", "Not with her son")
	h.pick(f, "Reason for sharing without consent", "Crime")
	h.writeLong(f, "Why consent was overridden", "Police needed the account.")
	h.tick(f, "Other adults at risk")
	h.tick(f, "Children at risk")
	h.tick(f, "Children's safeguarding concern raised")
	h.writeLong(f, "About the others at risk", "Two grandchildren visit.")
	h.typeText(f, "Organisation asked to enquire", "Elm House")
	h.pick(f, "Type of organisation", "Care home")
	h.typeDate(f, "Date enquiry requested", "8/6/2025")
	h.tick(f, "Report received")
	h.typeDate(f, "Date report received", "20/6/2025")
	h.changed()
	mustEqual(t, "consent", h.c.Consent, records.Consent{Enquiry: "Yes", EnquiryDate: d(6, 6, 2025),
		Share: "Yes, with limits", ShareDate: d(7, 6, 2025), Limits: "Not with her son", OverrideReason: "Crime",
		OverrideDetail: "Police needed the account."})
	mustEqual(t, "others at risk", h.c.OthersAtRisk, records.OthersAtRisk{Adults: records.Yes, Children: records.Yes,
		ChildrenConcernRaised: records.Yes, Details: "Two grandchildren visit."})
	mustEqual(t, "caused enquiry", h.c.Caused, records.CausedEnquiry{Organisation: "Elm House", OrgType: "Care home",
		Requested: d(8, 6, 2025), ReportReceived: records.Yes, ReportDate: d(20, 6, 2025)})
}

func TestAllegationAdded(t *testing.T) {
	h := newViewHarness(t, nil)
	p := h.show(records.PartPerson).(*personPart)
	p.showTab(tabAllegations)
	test.Tap(p.allegation.addBtn)
	f := p.allegation.form
	h.pick(f, "Type of abuse", "Physical Abuse")
	h.pick(f, "Location of risk", "Own Home")
	h.pick(f, "Source of risk (in detail)", "Known - relative, family or carer")
	mustEqual(t, "national source follows", f.field("Source of risk").(*widget.Select).Selected, "Other - Known to Individual")
	h.writeLong(f, "What is alleged", "Pushed her.")
	h.pick(f, "Risk outcome", "Risk reduced")
	h.changed()
	a := h.c.Allegations
	if len(a) != 1 {
		t.Fatalf("%d allegations", len(a))
	}
	mustEqual(t, "allegation", a[0], records.Allegation{ID: a[0].ID, AbuseType: "Physical Abuse", Location: "Own Home",
		SourceDetail: "Known - relative, family or carer", Source: "Other - Known to Individual",
		Description: "Pushed her.", RiskOutcome: "Risk reduced"})
	if a[0].ID == "" {
		t.Error("the allegation has no id")
	}
}

func TestPlanMeetingAndChallengeAdded(t *testing.T) {
	h := newViewHarness(t, nil)
	p := h.show(records.PartPerson).(*personPart)
	p.showTab(tabPlan)
	h.pick(p.plan, "Type of review", records.ReviewTypes()[0])
	h.typeText(p.plan, "Who monitors the plan", "Sam Okafor")
	h.typeDate(p.plan, "Date of review", "1/9/2025")
	h.typeText(p.plan, "Outcome of the review", "Plan working")
	test.Tap(p.meetings.addBtn)
	f := p.meetings.form
	h.pick(f, "Type of meeting", "Strategy meeting")
	h.typeDate(f, "Date of meeting", "10/6/2025")
	h.typeText(f, "Place", "Elm House")
	h.writeLong(f, "Purpose of sharing information", "Agree the plan.")
	test.Tap(p.attendees.addBtn)
	af := p.attendees.forms[0]
	h.typeText(af, "Name", "Priya Nair")
	h.typeText(af, "Role", "Advocate")
	h.typeText(af, "Organisation", "Brightwater Advocacy")
	h.pick(af, "Attendance", "Attended")
	p.showTab(tabChallenge)
	test.Tap(p.challenges.addBtn)
	cf := p.challenges.form
	h.typeDate(cf, "Date of challenge", "12/6/2025")
	h.typeText(cf, "Raised by", "Priya Nair")
	h.writeLong(cf, "What was questioned", "That she could not be seen alone.")
	h.writeLong(cf, "What came of it", "Seen alone next visit.")
	h.changed()
	mustEqual(t, "plan", h.c.Plan, records.Plan{ReviewType: records.ReviewTypes()[0], Monitor: "Sam Okafor",
		ReviewDate: d(1, 9, 2025), ReviewOutcome: "Plan working"})
	m := h.c.Meetings[0]
	mustEqual(t, "meeting", m, records.Meeting{ID: m.ID, Type: "Strategy meeting", Date: d(10, 6, 2025), Place: "Elm House",
		Purpose: "Agree the plan.", Attendees: []records.Attendee{{Name: "Priya Nair", Role: "Advocate",
			Organisation: "Brightwater Advocacy", Attendance: "Attended"}}})
	ch := h.c.Challenges[0]
	mustEqual(t, "challenge", ch, records.Challenge{ID: ch.ID, Date: d(12, 6, 2025), By: "Priya Nair",
		What: "That she could not be seen alone.", Outcome: "Seen alone next visit."})
}

func TestChoiceTakenBack(t *testing.T) {
	h := newViewHarness(t, &records.Case{Consent: records.Consent{OverrideReason: "Crime"}})
	p := h.show(records.PartPerson).(*personPart)
	p.showTab(tabConsent)
	s := p.consent.field("Reason for sharing without consent").(*widget.Select)
	mustEqual(t, "shown", s.Selected, "Crime")
	s.SetSelected(notChosen)
	mustEqual(t, "reason", h.c.Consent.OverrideReason, "")
	mustEqual(t, "shown after", s.Selected, "")
	h.changed()
}
