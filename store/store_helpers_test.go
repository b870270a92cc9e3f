package store

import (
	"crypto/rand"
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"testing"
	"time"

	"msprecords/practice"
	"msprecords/records"
)

// randomKey returns a fresh master key, as the vault would make.
func randomKey(t testing.TB) [32]byte {
	t.Helper()
	var k [32]byte
	if _, err := rand.Read(k[:]); err != nil {
		t.Fatal(err)
	}
	return k
}

// newTestStore creates a real encrypted store in a temp folder, closed when
// the test ends.
func newTestStore(t testing.TB) (*Store, string, [32]byte) {
	t.Helper()
	dir := t.TempDir()
	key := randomKey(t)
	s, err := Create(dir, key, "Test User", practice.DefaultOptions())
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s, dir, key
}

func reopen(t testing.TB, s *Store, dir string, key [32]byte) *Store {
	t.Helper()
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	s2, err := Open(dir, key, "Test User", practice.DefaultOptions())
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { _ = s2.Close() })
	return s2
}

func day(y int, m time.Month, d int) records.Date { return records.NewDate(y, m, d) }

// fullCase returns a valid case with every field of every struct set and
// every slice non-empty; tag makes its text distinct.
func fullCase(tag string) *records.Case {
	at := func(d records.Date) time.Time { return d.Time().Add(10*time.Hour + 15*time.Minute) }
	return &records.Case{
		Schema: records.SchemaVersion, ID: records.NewID(), Revision: 1, Reference: "FULL-" + tag,
		Created: time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC), Updated: time.Date(2025, 3, 2, 9, 0, 0, 0, time.UTC),
		Person: records.Person{
			Name: "Marjorie " + tag + " Pennywhistle", PreferredName: "Madge " + tag, DateOfBirth: day(1931, 4, 12),
			NHSNumber: records.DemoNHSNumber(4242), Address: "7 Lantern Row, Little " + tag, Postcode: "SW1A 1AA",
			Phone: "01632 960001", Gender: "Female", Language: "Welsh", InterpreterNeeded: records.Yes,
			CommunicationNeeds: "Needs time " + tag, CommunicationAids: "Picture cards", Conditions: "Advanced dementia",
			PrimarySupportReason: "Memory and cognition", LivesWith: "Alone", SubstantialDifficulty: records.Yes,
			Deceased: true, DateOfDeath: day(2025, 12, 1),
		},
		Enquiry: records.Enquiry{
			Type: records.EnquiryTypes()[0], CouncilReference: "CR-" + tag, ConcernReceived: day(2025, 3, 1),
			Started: day(2025, 3, 3), Closed: day(2025, 11, 30), Stage: records.Stages()[7], LeadPractitioner: "Sam Lead",
			Organisation: "Fairhaven Care", Concern: "Bruising noticed " + tag, ConflictingAccounts: records.Yes,
		},
		ReferralIn: records.ReferralIn{
			Date: day(2025, 3, 1), Source: "Care provider", Method: "Telephone", ReferrerName: "Rita Referrer",
			ReferrerRole: "Manager", PoliceRef: "PR-1", IncidentNumber: "IN-2",
		},
		Decision: records.S42Decision{
			Date: day(2025, 3, 2), DecidedBy: "Team manager", CareNeeds: "Met", AtRisk: "Met", UnableToProtect: "Not met",
			ReasonsNotMet: "Can call for help", EnquiryAnyway: records.Yes, Decision: "Met", OtherwiseHandling: "No action",
		},
		Consent: records.Consent{
			Enquiry: "Yes", EnquiryDate: day(2025, 3, 3), Share: "Yes, with limits", ShareDate: day(2025, 3, 3),
			Limits: "Not the GP", OverrideReason: "Risk to others", OverrideDetail: "Other residents",
		},
		Contacts: []records.Contact{{
			ID: records.NewID(), Date: day(2025, 3, 4), Stage: records.Stages()[3], Method: records.ContactMethods()[0], Present: "Daughter",
			SpokenAlone: records.Yes, NotAloneReason: "Asked for her daughter", AidsUsed: "Picture cards",
			Views: "I want to stay home " + tag, Communicated: []string{records.CommunicationWays()[4]},
			HelpedBy: "Her key worker", Shown: "Smiled and held my hand " + tag, ConsentSought: records.Yes, ConsentGiven: "Yes", Notes: "Calm visit " + tag,
			RecordedBy: "Sam Lead",
		}},
		DesiredOutcomes: []records.DesiredOutcome{{
			ID: records.NewID(), Text: "Feel safe at night", Recorded: day(2025, 3, 4), Stage: records.Stages()[3],
			History:     []records.OutcomeRevision{{Date: day(2025, 4, 1), Previous: "Feel safe", Reason: "She added at night"}},
			Achievement: records.OutcomeAchievement()[0], Evaluation: "I sleep better",
		}},
		Representatives: []records.Representative{{
			ID: records.NewID(), Kind: records.RepresentativeKinds()[0], Name: "Dora Daughter", Relationship: "Daughter", Organisation: "None", Phone: "07700 900001",
			Email: "dora@example.org", Address: "9 Lantern Row", From: day(2025, 3, 4), To: day(2025, 11, 30),
			PersonAgreed: "Yes", PaperworkSeen: records.Yes, Notes: "Visits daily",
		}},
		Advocacy: records.Advocacy{Offered: records.Yes, Response: records.AdvocacyResponses()[0], Kind: "Care Act advocate"},
		Capacity: []records.CapacityAssessment{{
			ID: records.NewID(), Decision: "Where to live", Date: day(2025, 3, 10), Assessor: "Sam Lead", Understand: "Not able",
			Retain: "Not able", UseOrWeigh: "Not able", Communicate: "Able", Impairment: "Dementia",
			CausalLink: "Memory loss stops retention", Outcome: records.CapacityOutcomes()[1], Fluctuates: records.Yes,
			RevisitBy: day(2025, 4, 10), RevisitedOn: day(2025, 4, 9), RevisitOutcome: "Confirmed",
			RisksConsidered: []string{"risk-1"}, BestInterests: "Stay home with care", Consulted: "Daughter",
			LessRestrictive: "More visits", SupportedBy: records.CapacitySupport()[0], Notes: "Quiet room",
		}},
		AllegedPersons: []records.AllegedPerson{{
			ID: records.NewID(), Name: "Bertram Nephew " + tag, Relationship: "Nephew", Address: "3 Mill Lane", Phone: "07700 900002",
			LivedWithThen: records.Yes, LivesWithNow: records.Yes, AwareOfConcern: records.Yes, AlsoAdultAtRisk: records.Yes, LinkedToServiceFailure: records.Yes,
			Views: "Denies it", Impact: "Upset", SupportOffered: "Carer's assessment", Outcomes: []string{records.AllegedPersonOutcomes()[0]},
		}},
		Providers:   []records.ServiceProvider{{ID: records.NewID(), Name: "Fairhaven Care", Type: "Home care"}},
		Allegations: []records.Allegation{{ID: records.NewID(), AbuseType: records.AbuseTypes()[0], Location: records.RiskLocations()[0], SourceDetail: records.RiskSourceDetails()[4].Label, Source: records.RiskSourceDetails()[4].National, Description: "Bruises on arm", RiskOutcome: records.RiskOutcomes()[1]}},
		Risks: []records.Risk{{
			ID: "risk-1", Description: "Falls at night", Source: "Environment", Likelihood: records.Levels()[1], Impact: records.Levels()[2],
			PersonView: "Not worried",
			Actions: []records.Action{{ID: records.NewID(), What: "Fit sensor", Owner: "OT", Due: day(2025, 3, 20), Status: records.ActionStatuses()[2],
				Completed: day(2025, 3, 19), OutcomeID: "outcome-1", LessRestrictive: "Night checks"}},
			LessRestrictive: "Sensor not bed rails", Proportionality: "Least intrusive",
			Evaluation: records.RiskEvaluation{Date: day(2025, 5, 1), Result: records.RiskEvaluations()[1], PersonSaid: "Feel safer"}, Closed: true,
		}},
		Referrals: []records.AgencyReferral{{ID: records.NewID(), Agency: records.Agencies()[0], Detail: "Assault", Identified: day(2025, 3, 4),
			Referred: day(2025, 3, 5), Reference: "POL-9", Response: "Visited"}},
		Challenges:   []records.Challenge{{ID: records.NewID(), Date: day(2025, 3, 6), By: "Team manager", What: "Account of fall", Outcome: "Revisited"}},
		OthersAtRisk: records.OthersAtRisk{Adults: records.Yes, Children: records.Yes, ChildrenConcernRaised: records.Yes, Details: "Grandchildren visit"},
		Caused: records.CausedEnquiry{Organisation: "Fairhaven Care", OrgType: records.CausedOrgTypes()[1], Requested: day(2025, 3, 7),
			ReportReceived: records.Yes, ReportDate: day(2025, 4, 7)},
		Plan: records.Plan{ReviewType: records.ReviewTypes()[0], Monitor: "Daily visits", ReviewDate: day(2025, 6, 1), ReviewOutcome: "Plan ended"},
		Meetings: []records.Meeting{{ID: records.NewID(), Type: records.MeetingTypes()[0], Date: day(2025, 3, 8), Place: "Her home", Purpose: "Plan",
			Attendees: []records.Attendee{{Name: "Dora Daughter", Role: "Daughter", Organisation: "None", Attendance: records.Attendance()[0]}}}},
		Outcome: records.Outcome{
			Finding: records.Findings()[0], RiskAssessmentOutcome: records.RiskAssessmentOutcomes()[0], RiskOutcome: records.RiskOutcomes()[1],
			CapacityLacked: records.CapacityLacked()[0], CapacitySupport: records.CapacitySupport()[0], AskedAboutOutcomes: records.AskedAboutOutcomes()[0],
			OutcomesAchieved: records.OutcomeAchievement()[0], OutcomesMet: records.OutcomesMet()[0], FeelsSafer: records.FeelsSafer()[0], InvolvedInRisk: records.InvolvedInRisk()[0],
			UnderstoodWhy: records.UnderstoodWhy()[0], FeltListened: records.FeltListened()[0], KeptInformed: records.YesNo()[0], InvitedToMeetings: records.YesNo()[0],
			PersonFeedback: "Kind staff", ViewOfClosing: "Happy to close", ReferrerFeedback: records.Yes, NoFeedbackReason: "n/a",
			ClosureReason: "Risk reduced", NeedsMet: records.Yes, AbuseOrNeglect: records.Yes, UnableToProtect: records.Yes, FurtherAction: records.Yes,
			AdultOutcomes: []string{records.AdultOutcomes()[0]}, OrganisationOutcomes: []string{records.OrganisationOutcomes()[0]},
			SARConsidered: records.Yes, SARReferred: records.Yes,
		},
		Chronology: []records.ChronologyEntry{
			{ID: "chron-1", Date: day(2025, 3, 1), Recorded: at(day(2025, 3, 1)), Author: "Sam Lead", Kind: "Referral",
				Text: "Concern received " + tag, Link: "ref-1"},
			{ID: "chron-2", Date: day(2025, 3, 2), Recorded: at(day(2025, 3, 2)), Author: "Sam Lead", Kind: "Note",
				Text: "Correction: concern was on 1 March", Corrects: "chron-1", Link: "ref-1"},
		},
		SignOffs: []records.SignOff{
			{ID: "sign-1", What: records.SignOffReport, Purpose: "Report to the council " + tag, By: "Lee Lead",
				Role: "safeguarding lead", Time: at(day(2025, 11, 1)), OnlyAuthor: true},
			{ID: "sign-2", What: records.SignOffClosure, Closed: day(2025, 11, 30), By: "Lee Lead",
				Role: "safeguarding lead", Time: at(day(2025, 12, 1))},
		},
	}
}

// zeroFields lists the fields of v (by path, slice indexes as []) that are
// zero in every element: a field set in at least one element of a slice
// counts as filled, since the first chronology entry cannot correct another.
func zeroFields(v any) []string {
	set := map[string]bool{}
	markFields(reflect.ValueOf(v), "", set)
	var zero []string
	for path, ok := range set {
		if !ok {
			zero = append(zero, path)
		}
	}
	sort.Strings(zero)
	return zero
}

var (
	dateType = reflect.TypeOf(records.Date{})
	timeType = reflect.TypeOf(time.Time{})
)

func markFields(v reflect.Value, path string, set map[string]bool) {
	if v.Kind() == reflect.Pointer {
		markFields(v.Elem(), path, set)
		return
	}
	switch {
	case v.Type() == dateType:
		set[path] = set[path] || !v.Interface().(records.Date).IsZero()
	case v.Type() == timeType:
		set[path] = set[path] || !v.Interface().(time.Time).IsZero()
	case v.Kind() == reflect.Struct:
		for i := range v.NumField() {
			markFields(v.Field(i), path+"."+v.Type().Field(i).Name, set)
		}
	case v.Kind() == reflect.Slice:
		set[path] = set[path] || v.Len() > 0
		if v.Len() == 0 {
			markFields(reflect.New(v.Type().Elem()).Elem(), path+"[]", set)
		}
		for i := range v.Len() {
			markFields(v.Index(i), path+"[]", set)
		}
	default:
		set[path] = set[path] || !v.IsZero()
	}
}

func TestFullCaseFillsEveryField(t *testing.T) {
	c := fullCase("x")
	if zero := zeroFields(c); len(zero) > 0 {
		t.Fatalf("fullCase leaves fields zero: %v", zero)
	}
	if err := records.Validate(c, records.Today()); err != nil {
		t.Fatalf("fullCase is not valid: %v", err)
	}
}

var refPattern = regexp.MustCompile(`^SG-\d{4}-\d{5}$`)

// mustCreate creates a minimal valid case named name.
func mustCreate(t testing.TB, s *Store, name string) *records.Case {
	t.Helper()
	c := &records.Case{Person: records.Person{Name: name}, Enquiry: records.Enquiry{Stage: records.Stages()[0]}}
	if err := s.Create(c); err != nil {
		t.Fatalf("Create %s: %v", name, err)
	}
	return c
}

func auditCount(t testing.TB, s *Store) int {
	t.Helper()
	trail, err := s.AuditTrail()
	if err != nil {
		t.Fatalf("AuditTrail: %v", err)
	}
	return len(trail)
}

func mustVerify(t testing.TB, s *Store) *VerifyReport {
	t.Helper()
	r, err := s.Verify()
	if err != nil {
		t.Fatalf("Verify: %v", err)
	}
	if !r.OK() {
		t.Fatalf("Verify found problems: %v", r.Problems)
	}
	return r
}

func describeSummaries(ss []Summary) string {
	out := ""
	for _, s := range ss {
		out += fmt.Sprintf("%s %s|", s.Reference, s.Name)
	}
	return out
}
