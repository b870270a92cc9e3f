package export

import (
	"fmt"
	"strings"
	"time"

	"msprecords/records"
)

// Words the tests look for. The alleged person's details use words that
// appear nowhere else in the case, so finding any of them is a leak.
const (
	personName      = "Zoë Łukasiewicz-Ørsted"
	cyrillicName    = "Ада Кузнецова"
	greekName       = "Ελένη Παπαδοπούλου"
	allegedName     = "Brandon Quillfeather"
	allegedRelation = "Lodger"
	allegedViews    = "Maintains the withdrawals were gifts freely given"
	allegedPhone    = "07700 900461"
	allegedAddress  = "9 Marrowbone Yard, Leeds"
	personAddress   = "14 Juniper Close, Harrowgate"
	personPostcode  = "HG1 2AB"
	personPhone     = "01632 960123"
	repPhone        = "07700 900777"
	repEmail        = "niece@example.org"
	challengeText   = "Questioned why the bank was not contacted sooner"
	firstView       = "I want to stay in my own home with my cat"
)

var madeOn = time.Date(2026, time.November, 30, 10, 0, 0, 0, time.UTC)

func d(day, month, year int) records.Date { return records.NewDate(year, time.Month(month), day) }

// sampleCase is a full hand-built case touching every section.
func sampleCase() *records.Case {
	c := &records.Case{
		Schema: records.SchemaVersion, ID: "c1", Reference: "DEMO-2026-0001",
		Person: records.Person{
			Name: personName, PreferredName: "Zoë", DateOfBirth: d(4, 6, 1938),
			NHSNumber: records.DemoNHSNumber(42), Address: personAddress, Postcode: personPostcode,
			Phone: personPhone, Language: "English", Conditions: "Advanced dementia",
			CommunicationNeeds: "Short sentences; allow time", LivesWith: "Lives with lodger " + allegedName,
			SubstantialDifficulty: records.Yes,
		},
		Enquiry: records.Enquiry{
			Type: "Section 42 enquiry", Stage: "Enquiry", LeadPractitioner: "Sam Okafor",
			ConcernReceived: d(2, 3, 2026), Started: d(5, 3, 2026),
			Concern: "Bank reported large withdrawals; " + allegedName + " was seen using her card. Call " + personPhone + ".",
		},
		ReferralIn: records.ReferralIn{Date: d(2, 3, 2026), Source: "Care provider", Method: "Telephone", ReferrerName: "Priya Raman", ReferrerRole: "Home care manager"},
		Consent:    records.Consent{Enquiry: "Yes", Share: "Yes, with limits", Limits: "Not with her sister"},
		Contacts: []records.Contact{
			{ID: "k1", Date: d(6, 3, 2026), Method: "Face to face at home", SpokenAlone: records.Yes, Views: firstView},
			{ID: "k2", Date: d(9, 3, 2026), Method: "Telephone", Present: allegedName, NotAloneReason: "He answered the phone", Views: "Said money is for " + allegedName + " to decide. Ring me on " + personPhone},
		},
		DesiredOutcomes: []records.DesiredOutcome{{ID: "o1", Text: "To feel safe at home", Recorded: d(6, 3, 2026), Achievement: "Partially achieved", Evaluation: "Safer now"}},
		Representatives: []records.Representative{{ID: "r1", Kind: "Family member as representative", Name: "Dana Ørsted", Phone: repPhone, Email: repEmail, Address: "2 Elm Row, York", From: d(7, 3, 2026), PersonAgreed: "Yes"}},
		Advocacy:        records.Advocacy{Offered: records.Yes, Response: "Accepted", Kind: "Care Act advocate"},
		Capacity: []records.CapacityAssessment{{ID: "m1", Decision: "Managing her finances", Date: d(10, 3, 2026), Assessor: "Sam Okafor",
			Understand: "Not able", Retain: "Not able", UseOrWeigh: "Not able", Communicate: "Able", Outcome: "Lacks capacity for this decision",
			Fluctuates: records.Yes, RevisitBy: d(10, 4, 2026), RisksConsidered: []string{"risk1"}, Consulted: "Dana Ørsted and " + allegedName}},
		AllegedPersons: []records.AllegedPerson{{ID: "a1", Name: allegedName, Relationship: allegedRelation, Address: allegedAddress, Phone: allegedPhone,
			LivesWithNow: records.Yes, AwareOfConcern: records.Yes, Views: allegedViews, Impact: "Anxious about eviction", SupportOffered: "Signposted to housing advice"}},
		Allegations: []records.Allegation{{ID: "al1", AbuseType: "Financial or Material Abuse", Location: "Own Home", Source: "Other - Known to Individual", Description: allegedName + " used her bank card"}},
		Risks: []records.Risk{{ID: "risk1", Description: "Further loss of savings", Source: allegedRelation + " in the home", Likelihood: "High", Impact: "High", PersonView: "Not worried",
			Actions:    []records.Action{{ID: "ac1", What: "Ask the bank for a third-party mandate review", Owner: "Sam Okafor", Due: d(20, 3, 2026), Status: "In progress"}},
			Evaluation: records.RiskEvaluation{Date: d(1, 5, 2026), Result: "Risk reduced", PersonSaid: "Glad the bank is watching"}}},
		Referrals:  []records.AgencyReferral{{ID: "ref1", Agency: "Police", Detail: "Possible theft", Identified: d(6, 3, 2026), Referred: d(9, 3, 2026), Response: "Crime number issued"}},
		Challenges: []records.Challenge{{ID: "ch1", Date: d(12, 3, 2026), By: "Team manager", What: challengeText, Outcome: "Contacted the same day"}},
		Meetings: []records.Meeting{{ID: "mt1", Type: "Strategy meeting", Date: d(11, 3, 2026), Place: "Harrowgate Civic Centre", Purpose: "Agree a protection plan",
			Attendees: []records.Attendee{
				{Name: "Sam Okafor", Role: "Social worker", Organisation: "Council", Attendance: "Attended"},
				{Name: greekName, Role: "GP", Organisation: "Valley Surgery", Attendance: "Apologies"},
				{Name: cyrillicName, Role: "Advocate", Organisation: "Voices", Attendance: "Attended"},
			}}},
		Outcome: records.Outcome{Finding: "Substantiated", FeelsSafer: "Yes", FeltListened: "Always"},
	}
	for i := range 3 {
		c.Chronology = append(c.Chronology, records.ChronologyEntry{ID: fmt.Sprintf("e%d", i), Date: d(6+i, 3, 2026), Author: "Sam Okafor", Kind: "Note",
			Text: fmt.Sprintf("Visit %d. %s was present.", i+1, allegedName)})
	}
	return c
}

// bigCase is sampleCase with a 500-entry chronology and one 20,000-character note.
func bigCase() (*records.Case, string, string) {
	c := sampleCase()
	c.Chronology = nil
	for i := range 500 {
		c.Chronology = append(c.Chronology, records.ChronologyEntry{ID: fmt.Sprintf("e%d", i), Date: d(1, 3, 2026).AddDays(i / 3),
			Author: "Sam Okafor", Kind: "Note", Text: fmt.Sprintf("Entry number %d: visited, talked about the week, checked the post and the bank letters.", i)})
	}
	const ending = " The final words are Quokka Marmalade."
	var b strings.Builder
	for i := 0; b.Len() < 20000; i++ {
		fmt.Fprintf(&b, "Sentence %d of the long note, wrapped across many lines and pages. ", i)
	}
	c.Enquiry.Concern = b.String()[:20000-len(ending)] + ending
	last := c.Chronology[499].Text
	return c, last, "Quokka Marmalade."
}
