package demo

import (
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode"

	"msprecords/records"
)

func TestDemoCasesValidate(t *testing.T) {
	today := records.Today()
	for i, c := range Cases(60, 3) {
		if err := records.Validate(c, today); err != nil {
			t.Errorf("case %d (%s): %v", i, c.Reference, err)
		}
		if c.Schema != records.SchemaVersion || c.ID != "" {
			t.Errorf("case %d: schema %d, id %q; want schema %d and no id", i, c.Schema, c.ID, records.SchemaVersion)
		}
	}
	if got := Cases(0, 1); len(got) != 0 {
		t.Errorf("Cases(0) gave %d cases", len(got))
	}
}

func TestDemoCasesDeterministic(t *testing.T) {
	a, b := Cases(30, 7), Cases(30, 7)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("the same seed gave different cases")
	}
	if !reflect.DeepEqual(Cases(12, 7), a[:12]) {
		t.Error("a small set is not the start of a larger one")
	}
	if !reflect.DeepEqual(CasesFrom(20, 10, 7), a[20:]) {
		t.Error("CasesFrom differs from the same cases of Cases")
	}
	if reflect.DeepEqual(Cases(30, 8), a) {
		t.Error("different seeds gave the same cases")
	}
}

func TestDemoReferencesUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range Cases(2000, 1) {
		if seen[c.Reference] {
			t.Fatalf("reference %s used twice", c.Reference)
		}
		seen[c.Reference] = true
		if !strings.HasPrefix(c.Reference, "DEMO-202") {
			t.Fatalf("reference %q", c.Reference)
		}
	}
}

// pickListUse names a pick-list and gathers every value the cases give it.
type pickListUse struct {
	name   string
	list   []string
	values func(c *records.Case) []string
}

func pickListUses() []pickListUse {
	return []pickListUse{
		{"Stages", records.Stages(), func(c *records.Case) []string { return append([]string{c.Enquiry.Stage}, stagesUsed(c)...) }},
		{"EnquiryTypes", records.EnquiryTypes(), func(c *records.Case) []string { return []string{c.Enquiry.Type} }},
		{"AbuseTypes", records.AbuseTypes(), eachAllegation(func(a records.Allegation) string { return a.AbuseType })},
		{"RiskLocations", records.RiskLocations(), eachAllegation(func(a records.Allegation) string { return a.Location })},
		{"RiskSources", records.RiskSources(), eachAllegation(func(a records.Allegation) string { return a.Source })},
		{"RiskSourceDetails", sourceDetailLabels(), eachAllegation(func(a records.Allegation) string { return a.SourceDetail })},
		{"RiskOutcomes", records.RiskOutcomes(), func(c *records.Case) []string {
			return append([]string{c.Outcome.RiskOutcome}, eachAllegation(func(a records.Allegation) string { return a.RiskOutcome })(c)...)
		}},
		{"RiskAssessmentOutcomes", records.RiskAssessmentOutcomes(), func(c *records.Case) []string { return []string{c.Outcome.RiskAssessmentOutcome} }},
		{"RiskEvaluations", records.RiskEvaluations(), eachRisk(func(r records.Risk) []string { return []string{r.Evaluation.Result} })},
		{"CapacityLacked", records.CapacityLacked(), func(c *records.Case) []string { return []string{c.Outcome.CapacityLacked} }},
		{"CapacitySupport", records.CapacitySupport(), func(c *records.Case) []string {
			out := []string{c.Outcome.CapacitySupport}
			for _, m := range c.Capacity {
				out = append(out, m.SupportedBy)
			}
			return out
		}},
		{"AskedAboutOutcomes", records.AskedAboutOutcomes(), func(c *records.Case) []string { return []string{c.Outcome.AskedAboutOutcomes} }},
		{"OutcomeAchievement", records.OutcomeAchievement(), func(c *records.Case) []string {
			out := []string{c.Outcome.OutcomesAchieved}
			for _, o := range c.DesiredOutcomes {
				out = append(out, o.Achievement)
			}
			return out
		}},
		{"AgeBands", records.AgeBands(), func(c *records.Case) []string {
			return []string{ageBand(c.Person.DateOfBirth.YearsOn(c.Enquiry.ConcernReceived))}
		}},
		{"Findings", records.Findings(), func(c *records.Case) []string { return []string{c.Outcome.Finding} }},
		{"ContactMethods", records.ContactMethods(), eachContact(func(x records.Contact) string { return x.Method })},
		{"CommunicationWays", records.CommunicationWays(), func(c *records.Case) []string {
			var out []string
			for _, x := range c.Contacts {
				out = append(out, x.Communicated...)
			}
			return out
		}},
		{"ConsentAnswers", records.ConsentAnswers(), func(c *records.Case) []string {
			return append([]string{c.Consent.Enquiry, c.Consent.Share}, eachContact(func(x records.Contact) string { return x.ConsentGiven })(c)...)
		}},
		{"ShareOverrideReasons", records.ShareOverrideReasons(), func(c *records.Case) []string { return []string{c.Consent.OverrideReason} }},
		{"RepresentativeKinds", records.RepresentativeKinds(), eachRep(func(r records.Representative) string { return r.Kind })},
		{"AgreementAnswers", records.AgreementAnswers(), eachRep(func(r records.Representative) string { return r.PersonAgreed })},
		{"AdvocacyResponses", records.AdvocacyResponses(), func(c *records.Case) []string { return []string{c.Advocacy.Response} }},
		{"CapacityOutcomes", records.CapacityOutcomes(), eachCapacity(func(m records.CapacityAssessment) []string { return []string{m.Outcome} })},
		{"FunctionalAnswers", records.FunctionalAnswers(), eachCapacity(func(m records.CapacityAssessment) []string {
			return []string{m.Understand, m.Retain, m.UseOrWeigh, m.Communicate}
		})},
		{"Levels", records.Levels(), eachRisk(func(r records.Risk) []string { return []string{r.Likelihood, r.Impact} })},
		{"ActionStatuses", records.ActionStatuses(), eachRisk(func(r records.Risk) []string {
			var out []string
			for _, a := range r.Actions {
				out = append(out, a.Status)
			}
			return out
		})},
		{"Agencies", records.Agencies(), func(c *records.Case) []string {
			var out []string
			for _, r := range c.Referrals {
				out = append(out, r.Agency)
			}
			return out
		}},
		{"ReferralSources", records.ReferralSources(), func(c *records.Case) []string { return []string{c.ReferralIn.Source} }},
		{"ReferralMethods", records.ReferralMethods(), func(c *records.Case) []string { return []string{c.ReferralIn.Method} }},
		{"TestAnswers", records.TestAnswers(), func(c *records.Case) []string {
			return []string{c.Decision.CareNeeds, c.Decision.AtRisk, c.Decision.UnableToProtect}
		}},
		{"S42Decisions", records.S42Decisions(), func(c *records.Case) []string { return []string{c.Decision.Decision} }},
		{"OtherHandling", records.OtherHandling(), func(c *records.Case) []string { return []string{c.Decision.OtherwiseHandling} }},
		{"OutcomesMet", records.OutcomesMet(), func(c *records.Case) []string { return []string{c.Outcome.OutcomesMet} }},
		{"FeelsSafer", records.FeelsSafer(), func(c *records.Case) []string { return []string{c.Outcome.FeelsSafer} }},
		{"InvolvedInRisk", records.InvolvedInRisk(), func(c *records.Case) []string { return []string{c.Outcome.InvolvedInRisk} }},
		{"UnderstoodWhy", records.UnderstoodWhy(), func(c *records.Case) []string { return []string{c.Outcome.UnderstoodWhy} }},
		{"FeltListened", records.FeltListened(), func(c *records.Case) []string { return []string{c.Outcome.FeltListened} }},
		{"YesNo", records.YesNo(), func(c *records.Case) []string { return []string{c.Outcome.KeptInformed, c.Outcome.InvitedToMeetings} }},
		{"ReviewTypes", records.ReviewTypes(), func(c *records.Case) []string { return []string{c.Plan.ReviewType} }},
		{"MeetingTypes", records.MeetingTypes(), func(c *records.Case) []string {
			var out []string
			for _, m := range c.Meetings {
				out = append(out, m.Type)
			}
			return out
		}},
		{"Attendance", records.Attendance(), func(c *records.Case) []string {
			var out []string
			for _, m := range c.Meetings {
				for _, a := range m.Attendees {
					out = append(out, a.Attendance)
				}
			}
			return out
		}},
		{"CausedOrgTypes", records.CausedOrgTypes(), func(c *records.Case) []string { return []string{c.Caused.OrgType} }},
		{"AdultOutcomes", records.AdultOutcomes(), func(c *records.Case) []string { return c.Outcome.AdultOutcomes }},
		{"OrganisationOutcomes", records.OrganisationOutcomes(), func(c *records.Case) []string { return c.Outcome.OrganisationOutcomes }},
		{"AllegedPersonOutcomes", records.AllegedPersonOutcomes(), func(c *records.Case) []string {
			var out []string
			for _, a := range c.AllegedPersons {
				out = append(out, a.Outcomes...)
			}
			return out
		}},
	}
}

func TestDemoCasesCoverEveryPickList(t *testing.T) {
	cases := Cases(12, 1)
	for _, u := range pickListUses() {
		if u.list == nil {
			continue
		}
		t.Run(u.name, func(t *testing.T) {
			seen := map[string]bool{}
			for _, c := range cases {
				for _, v := range u.values(c) {
					if v == "" {
						continue
					}
					if !records.Contains(u.list, v) {
						t.Errorf("%s: %q is not in the list", c.Reference, v)
					}
					seen[v] = true
				}
			}
			for _, v := range u.list {
				if !seen[v] {
					t.Errorf("no demo case uses %q", v)
				}
			}
		})
	}
}

func TestDemoBriefingCase(t *testing.T) {
	c := Cases(1, 1)[0]
	checks := []struct {
		what string
		ok   bool
	}{
		{"advanced dementia", strings.Contains(c.Person.Conditions, "Advanced dementia")},
		{"closed", c.IsClosed() && c.Enquiry.Stage == "Closure"},
		{"fluctuating capacity revisited", len(c.Capacity) > 0 && c.Capacity[0].Fluctuates.Yes() && !c.Capacity[0].RevisitBy.IsZero() && !c.Capacity[0].RevisitedOn.IsZero()},
		{"capacity considered every risk", len(c.Capacity) > 0 && len(c.Capacity[0].RisksConsidered) == len(c.Risks)},
		{"spoken to alone", anyContact(c, func(x records.Contact) bool { return x.SpokenAlone.Yes() })},
		{"Care Act advocate", anyRep(c, "Care Act advocate (s68)")},
		{"daughter with LPA for health and welfare", anyRep(c, "Attorney under LPA - health and welfare")},
		{"husband alleged, heard and supported", len(c.AllegedPersons) == 1 && c.AllegedPersons[0].AlsoAdultAtRisk.Yes() &&
			c.AllegedPersons[0].Views != "" && c.AllegedPersons[0].Impact != "" && c.AllegedPersons[0].SupportOffered != "" &&
			strings.Contains(c.AllegedPersons[0].Relationship, "Husband")},
		{"several risks, each with actions and evaluated", len(c.Risks) >= 3 && everyRisk(c, func(r records.Risk) bool {
			return len(r.Actions) > 0 && r.Evaluation.Result != "" && r.Evaluation.PersonSaid != "" && r.LessRestrictive != ""
		})},
		{"referrals to police and GP", anyReferral(c, "Police") && anyReferral(c, "Health")},
		{"professional challenge", len(c.Challenges) > 0},
		{"outcomes revisited", len(c.DesiredOutcomes) > 0 && len(c.DesiredOutcomes[0].History) > 0},
		{"chronology links resolve", chronologyLinksResolve(c)},
		{"a correction", anyEntry(c, func(e records.ChronologyEntry) bool { return e.Corrects != "" })},
	}
	for _, ch := range checks {
		if !ch.ok {
			t.Errorf("case 0: %s", ch.what)
		}
	}
}

func TestDemoCasesHaveGapsAndSpread(t *testing.T) {
	cases := Cases(12, 1)
	years := map[int]bool{}
	var notAlone, unactioned, slow, overdue, open, closed, cyrillic, accented bool
	for _, c := range cases {
		years[c.Enquiry.ConcernReceived.Time().Year()] = true
		notAlone = notAlone || (len(c.Contacts) > 0 && !anyContact(c, func(x records.Contact) bool { return x.SpokenAlone.Yes() }))
		unactioned = unactioned || !everyRisk(c, func(r records.Risk) bool { return len(r.Actions) > 0 })
		for _, r := range c.Referrals {
			slow = slow || r.WorkingDaysTaken() > 5
		}
		overdue = overdue || (!c.IsClosed() && c.HasOverdueActions(demoAnchor))
		open, closed = open || !c.IsClosed(), closed || c.IsClosed()
		if c.IsClosed() && c.Enquiry.Closed.After(demoAnchor) {
			t.Errorf("%s closed in the future", c.Reference)
		}
		if !strings.HasPrefix(c.Person.NHSNumber, "999") {
			t.Errorf("%s: NHS number %s is not in the 999 range", c.Reference, c.Person.NHSNumber)
		}
		for _, r := range c.Person.Name {
			cyrillic = cyrillic || unicode.Is(unicode.Cyrillic, r)
			accented = accented || (r > 0x7f && unicode.Is(unicode.Latin, r))
		}
	}
	for what, ok := range map[string]bool{"a case never seen alone": notAlone, "a risk with no action": unactioned,
		"a slow referral": slow, "an overdue action": overdue, "open cases": open, "closed cases": closed,
		"a Cyrillic name": cyrillic, "a name with diacritics": accented,
		"concerns in 2024, 2025 and 2026": years[2024] && years[2025] && years[2026]} {
		if !ok {
			t.Errorf("the demo set lacks %s", what)
		}
	}
}

func BenchmarkDemoCases10000(b *testing.B) {
	for b.Loop() {
		Cases(10000, 1)
	}
}

func stagesUsed(c *records.Case) []string {
	var out []string
	for _, x := range c.Contacts {
		out = append(out, x.Stage)
	}
	for _, o := range c.DesiredOutcomes {
		out = append(out, o.Stage)
	}
	return out
}

func sourceDetailLabels() []string {
	out := make([]string, len(records.RiskSourceDetails()))
	for i, d := range records.RiskSourceDetails() {
		out[i] = d.Label
	}
	return out
}

func ageBand(age int) string {
	switch {
	case age >= 85:
		return "85+"
	case age >= 75:
		return "75-84"
	case age >= 65:
		return "65-74"
	case age >= 18:
		return "18-64"
	}
	return "under 18"
}

func eachAllegation(f func(records.Allegation) string) func(*records.Case) []string {
	return func(c *records.Case) []string {
		var out []string
		for _, a := range c.Allegations {
			out = append(out, f(a))
		}
		return out
	}
}

func eachContact(f func(records.Contact) string) func(*records.Case) []string {
	return func(c *records.Case) []string {
		var out []string
		for _, x := range c.Contacts {
			out = append(out, f(x))
		}
		return out
	}
}

func eachRep(f func(records.Representative) string) func(*records.Case) []string {
	return func(c *records.Case) []string {
		var out []string
		for _, r := range c.Representatives {
			out = append(out, f(r))
		}
		return out
	}
}

func eachRisk(f func(records.Risk) []string) func(*records.Case) []string {
	return func(c *records.Case) []string {
		var out []string
		for _, r := range c.Risks {
			out = append(out, f(r)...)
		}
		return out
	}
}

func eachCapacity(f func(records.CapacityAssessment) []string) func(*records.Case) []string {
	return func(c *records.Case) []string {
		var out []string
		for _, m := range c.Capacity {
			out = append(out, f(m)...)
		}
		return out
	}
}

func anyContact(c *records.Case, f func(records.Contact) bool) bool {
	for _, x := range c.Contacts {
		if f(x) {
			return true
		}
	}
	return false
}

func anyRep(c *records.Case, kind string) bool {
	for _, r := range c.Representatives {
		if r.Kind == kind {
			return true
		}
	}
	return false
}

func anyReferral(c *records.Case, agency string) bool {
	for _, r := range c.Referrals {
		if r.Agency == agency {
			return true
		}
	}
	return false
}

func everyRisk(c *records.Case, f func(records.Risk) bool) bool {
	for _, r := range c.Risks {
		if !f(r) {
			return false
		}
	}
	return true
}

func anyEntry(c *records.Case, f func(records.ChronologyEntry) bool) bool {
	for _, e := range c.Chronology {
		if f(e) {
			return true
		}
	}
	return false
}

// chronologyLinksResolve reports whether every link names a contact,
// referral, action, meeting, challenge or capacity assessment of the case.
func chronologyLinksResolve(c *records.Case) bool {
	ids := map[string]bool{}
	for _, x := range c.Contacts {
		ids[x.ID] = true
	}
	for _, r := range c.Referrals {
		ids[r.ID] = true
	}
	for _, r := range c.Risks {
		for _, a := range r.Actions {
			ids[a.ID] = true
		}
	}
	for _, m := range c.Meetings {
		ids[m.ID] = true
	}
	for _, ch := range c.Challenges {
		ids[ch.ID] = true
	}
	for _, m := range c.Capacity {
		ids[m.ID] = true
	}
	linked := 0
	for _, e := range c.Chronology {
		if e.Link != "" {
			if !ids[e.Link] {
				return false
			}
			linked++
		}
	}
	return linked > 0
}

// TestDemoCasesFillEveryField walks every field of the record and checks
// that some case among Cases(12, 1) gives it a value: the demo set
// shows every part of the record, not only every pick-list.
func TestDemoCasesFillEveryField(t *testing.T) {
	filled := map[string]bool{}
	for _, c := range Cases(12, 1) {
		markFilled(reflect.ValueOf(*c), "", filled)
	}
	var walk func(t reflect.Type, path string)
	walk = func(typ reflect.Type, path string) {
		switch {
		case typ == reflect.TypeOf(records.Date{}) || typ.Kind() != reflect.Struct && typ.Kind() != reflect.Slice:
			if !filled[path] && path != ".ID" && path != ".Revision" { // the store sets these
				t.Errorf("no demo case fills %s", path)
			}
		case typ.Kind() == reflect.Slice && typ.Elem().Kind() == reflect.String:
			if !filled[path] {
				t.Errorf("no demo case fills %s", path)
			}
		case typ.Kind() == reflect.Slice:
			walk(typ.Elem(), path+"[]")
		case typ == reflect.TypeOf(time.Time{}):
			if !filled[path] {
				t.Errorf("no demo case fills %s", path)
			}
		default:
			for i := range typ.NumField() {
				walk(typ.Field(i).Type, path+"."+typ.Field(i).Name)
			}
		}
	}
	walk(reflect.TypeOf(records.Case{}), "")
}

// markFilled records the paths of the leaf fields of v that hold a value.
func markFilled(v reflect.Value, path string, filled map[string]bool) {
	switch {
	case v.Type() == reflect.TypeOf(records.Date{}) || v.Type() == reflect.TypeOf(time.Time{}):
		if !v.IsZero() {
			filled[path] = true
		}
	case v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.String:
		if v.Len() > 0 {
			filled[path] = true
		}
	case v.Kind() == reflect.Slice:
		for i := range v.Len() {
			markFilled(v.Index(i), path+"[]", filled)
		}
	case v.Kind() == reflect.Struct:
		for i := range v.NumField() {
			markFilled(v.Field(i), path+"."+v.Type().Field(i).Name, filled)
		}
	default:
		if !v.IsZero() {
			filled[path] = true
		}
	}
}

// The demonstration cases answer some yes/no questions yes, some no, and
// leave some unanswered, as real records do, so that every screen, pack
// and report shows all three.
func TestDemoCasesHaveEveryAnswer(t *testing.T) {
	seen := map[string]map[records.Answer]bool{}
	note := func(what string, a records.Answer) {
		if seen[what] == nil {
			seen[what] = map[records.Answer]bool{}
		}
		seen[what][a] = true
	}
	for _, c := range Cases(12, 1) {
		note("interpreter needed", c.Person.InterpreterNeeded)
		note("s42 criterion B", c.Outcome.AbuseOrNeglect)
		for _, x := range c.Contacts {
			note("spoken to alone", x.SpokenAlone)
		}
	}
	for what, answers := range seen {
		for _, a := range records.Answers() {
			if !answers[a] {
				t.Errorf("%s: no demonstration case answers %q", what, a)
			}
		}
	}
}
