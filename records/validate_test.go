package records

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

var validateToday = NewDate(2026, time.November, 30)

func minimalCase() *Case {
	return &Case{
		Schema:    SchemaVersion,
		Reference: "SG-2026-0001",
		Person:    Person{Name: "Test Person", DateOfBirth: NewDate(1940, time.March, 1)},
		Enquiry:   Enquiry{ConcernReceived: NewDate(2026, time.May, 1), Stage: stages[0], Type: enquiryTypes[0]},
	}
}

func TestValidateMessages(t *testing.T) {
	tests := []struct {
		name   string
		change func(c *Case)
		field  string
		msg    string
	}{
		{"no name", func(c *Case) { c.Person.Name = " " }, "person.name", "Enter the person's full name"},
		{"birth in future", func(c *Case) { c.Person.DateOfBirth = validateToday.AddDays(1) }, "person.date_of_birth", "Date of birth must be today or in the past"},
		{"bad NHS number", func(c *Case) { c.Person.NHSNumber = "9434765918" }, "person.nhs_number", "Enter a real NHS number, like 999 123 4560"},
		{"referral before identified", func(c *Case) {
			c.Referrals = []AgencyReferral{{Agency: "Police", Identified: NewDate(2026, time.May, 5), Referred: NewDate(2026, time.May, 4)}}
		}, "referrals[0].referred", "Date referred must be the same as or after the date identified"},
		{"referral without identified date", func(c *Case) {
			c.Referrals = []AgencyReferral{{Agency: "Police"}}
		}, "referrals[0].identified", "Enter the date the need for the referral was identified"},
		{"unknown abuse type", func(c *Case) { c.Allegations = []Allegation{{AbuseType: "Shouting"}} }, "allegations[0].abuse_type", "Select the type of abuse from the list"},
		{"over-long note", func(c *Case) {
			c.Contacts = []Contact{{Date: validateToday, Notes: strings.Repeat("a", MaxTextLength+1)}}
		}, "contacts[0].notes", "Notes must be 100,000 characters or fewer"},
		{"correction of nothing", func(c *Case) {
			c.Chronology = []ChronologyEntry{{ID: "b", Text: "x", Corrects: "a"}}
		}, "chronology[0].corrects", "A correction must refer to an earlier entry"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := minimalCase()
			tt.change(c)
			err := Validate(c, validateToday)
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("Validate = %v, want a ValidationError", err)
			}
			for _, p := range ve.Problems {
				if p.Field == tt.field && p.Message == tt.msg {
					return
				}
			}
			t.Errorf("problems %+v lack %s: %q", ve.Problems, tt.field, tt.msg)
		})
	}
}

func TestValidateAcceptsMinimalCase(t *testing.T) {
	if err := Validate(minimalCase(), validateToday); err != nil {
		t.Fatal(err)
	}
}

func TestNormaliseTidiesRatherThanRefuses(t *testing.T) {
	c := minimalCase()
	c.Person.Postcode = "sw1a1aa"
	c.Person.NHSNumber = "943 476 5919"
	c.Allegations = []Allegation{{AbuseType: abuseTypes[0], SourceDetail: "Known - relative, family or carer"}}
	Normalise(c)
	if c.Person.Postcode != "SW1A 1AA" || c.Person.NHSNumber != "9434765919" {
		t.Errorf("not normalised: %q %q", c.Person.Postcode, c.Person.NHSNumber)
	}
	if c.Allegations[0].Source != "Other - Known to Individual" {
		t.Errorf("national source = %q", c.Allegations[0].Source)
	}
	if err := Validate(c, validateToday); err != nil {
		t.Fatal(err)
	}
}

func TestCheckAppendOnly(t *testing.T) {
	prev := []ChronologyEntry{{ID: "a", Text: "first"}, {ID: "b", Text: "second"}}
	grown := append(append([]ChronologyEntry{}, prev...), ChronologyEntry{ID: "c", Text: "fix", Corrects: "a"})
	if err := CheckAppendOnly(prev, grown); err != nil {
		t.Errorf("appending refused: %v", err)
	}
	changed := append([]ChronologyEntry{}, prev...)
	changed[0].Text = "rewritten"
	if err := CheckAppendOnly(prev, changed); !errors.Is(err, ErrChronologyRewritten) {
		t.Errorf("rewrite allowed: %v", err)
	}
	if err := CheckAppendOnly(prev, prev[:1]); !errors.Is(err, ErrChronologyRewritten) {
		t.Errorf("removal allowed: %v", err)
	}
}

func TestPickListsHaveNoDuplicates(t *testing.T) {
	lists := map[string][]string{"stages": stages, "abuse": abuseTypes, "locations": riskLocations, "sources": riskSources,
		"risk assessment": riskAssessmentOutcomes, "risk outcomes": riskOutcomes, "capacity": capacityLacked, "asked": askedAboutOutcomes}
	for name, list := range lists {
		seen := map[string]bool{}
		for _, v := range list {
			if seen[v] {
				t.Errorf("%s lists %q twice", name, v)
			}
			seen[v] = true
		}
	}
	for _, d := range riskSourceDetails {
		if !Contains(riskSources, d.National) {
			t.Errorf("%q maps to unknown source %q", d.Label, d.National)
		}
	}
	if len(abuseTypes) != 11 || len(riskLocations) != 9 || len(riskAssessmentOutcomes) != 7 {
		t.Errorf("SAC list sizes changed: %d %d %d", len(abuseTypes), len(riskLocations), len(riskAssessmentOutcomes))
	}
}

// TestValidateRefusesHostileText holds every text field to its kind's
// limits: what a person would expect of a name, a reference or a note.
func TestValidateRefusesHostileText(t *testing.T) {
	tests := []struct {
		name   string
		change func(c *Case)
		field  string
		msg    string // "" when the case is valid
	}{
		{"NUL in a name", func(c *Case) { c.Person.Name = "Ann\x00Able" }, "person.name", "Full name must not include tabs, line breaks or other control characters"},
		{"tab in a name", func(c *Case) { c.Person.Name = "Ann\tAble" }, "person.name", "Full name must not include tabs, line breaks or other control characters"},
		{"line break in a reference", func(c *Case) { c.Reference = "SG-1\nSG-2" }, "reference", "Case reference must not include tabs, line breaks or other control characters"},
		{"C1 control in a role", func(c *Case) { c.ReferralIn.ReferrerRole = "GP\u0085" }, "referral_in.referrer_role", "Referrer role must not include tabs, line breaks or other control characters"},
		{"NUL in notes", func(c *Case) { c.Contacts = []Contact{{Date: validateToday, Notes: "seen\x00"}} }, "contacts[0].notes", "Notes must not include control characters (tabs and line breaks are fine)"},
		{"lone carriage return in notes", func(c *Case) { c.Contacts = []Contact{{Date: validateToday, Notes: "seen\rtoday"}} }, "contacts[0].notes", "Notes must not include control characters (tabs and line breaks are fine)"},
		{"escape in the concern", func(c *Case) { c.Enquiry.Concern = "a\x1b[2Jb" }, "enquiry.concern", "The concern must not include control characters (tabs and line breaks are fine)"},
		{"tabs and line breaks in notes", func(c *Case) {
			c.Contacts = []Contact{{Date: validateToday, Notes: "one\ttwo\nthree\r\nfour"}}
		}, "", ""},
		{"lines in an address", func(c *Case) { c.Person.Address = "1 High Street\r\nTown" }, "", ""},
		{"invalid UTF-8 in a name", func(c *Case) { c.Person.Name = "Zo\xebe" }, "person.name", "Full name must be UTF-8 text"},
		{"negative revision", func(c *Case) { c.Revision = -1 }, "revision", "Revision must be between 0 and 9,007,199,254,740,991"},
		{"revision near overflow", func(c *Case) { c.Revision = 1<<63 - 1 }, "revision", "Revision must be between 0 and 9,007,199,254,740,991"},
		{"long name", func(c *Case) { c.Person.Name = strings.Repeat("a", 301) }, "person.name", "Full name must be 300 characters or fewer"},
		{"name of 300 accented letters", func(c *Case) { c.Person.Name = strings.Repeat("é", 300) }, "", ""},
		{"long reference", func(c *Case) { c.Reference = strings.Repeat("R", 101) }, "reference", "Case reference must be 100 characters or fewer"},
		{"long email", func(c *Case) { c.Representatives = []Representative{{Email: strings.Repeat("e", 255)}} }, "representatives[0].email", "Email must be 254 characters or fewer"},
		{"long address", func(c *Case) { c.Person.Address = strings.Repeat("a", 1001) }, "person.address", "Address must be 1,000 characters or fewer"},
		{"long id", func(c *Case) { c.ID = strings.Repeat("0", 101) }, "id", "ID must be 100 characters or fewer"},
		{"long link", func(c *Case) { c.Chronology = []ChronologyEntry{{Text: "x", Link: strings.Repeat("0", 101)}} }, "chronology[0].link", "Link must be 100 characters or fewer"},
		{"long attendee", func(c *Case) {
			c.Meetings = []Meeting{{}, {Attendees: []Attendee{{Name: strings.Repeat("a", 301)}}}}
		}, "meetings[1].attendees[0].name", "Name must be 300 characters or fewer"},
		{"notes of 100,000 accented letters", func(c *Case) {
			c.Contacts = []Contact{{Date: validateToday, Notes: strings.Repeat("é", MaxTextLength)}}
		}, "", ""},
		{"too many contacts", func(c *Case) {
			c.Contacts = make([]Contact, MaxListEntries+1)
			for i := range c.Contacts {
				c.Contacts[i].Date = validateToday
			}
		}, "contacts", "Contacts must have 10,000 entries or fewer"},
		{"too many entries in all", func(c *Case) {
			c.Outcome.AdultOutcomes = make([]string, MaxListEntries)
			c.Outcome.OrganisationOutcomes = make([]string, MaxListEntries)
			c.Meetings = []Meeting{{Attendees: make([]Attendee, MaxListEntries)}, {Attendees: make([]Attendee, MaxListEntries)}, {Attendees: make([]Attendee, MaxListEntries)}}
		}, "", "A case must have 50,000 list entries or fewer in all"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := minimalCase()
			tt.change(c)
			err := Validate(c, validateToday)
			if tt.msg == "" {
				if err != nil {
					t.Fatalf("Validate = %v, want nil", err)
				}
				return
			}
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("Validate = %v, want a ValidationError", err)
			}
			for _, p := range ve.Problems {
				if p.Field == tt.field && p.Message == tt.msg {
					return
				}
			}
			t.Errorf("problems %+v lack %s: %q", ve.Problems, tt.field, tt.msg)
		})
	}
}

// TestLimitTablesNameRealFields keeps the tables of kinds and labels in
// step with the Case: every path they name is a text or date field.
func TestLimitTablesNameRealFields(t *testing.T) {
	real := map[string]bool{}
	var walk func(fields []*fieldPlan, prefix string)
	walk = func(fields []*fieldPlan, prefix string) {
		for _, f := range fields {
			p := prefix + f.name
			real[p] = true
			for e := f.elem; e != nil; e = e.elem {
				p += "[]"
				real[p] = true
				f = e
			}
			walk(f.fields, p+".")
		}
	}
	walk(planOf(reflect.TypeOf(Case{})), "")
	for p := range textKinds {
		if !real[p] {
			t.Errorf("textKinds names %q, which is not a field", p)
		}
	}
	for p := range labels {
		if !real[p] {
			t.Errorf("labels names %q, which is not a field", p)
		}
	}
}

func TestFieldLabel(t *testing.T) {
	for path, want := range map[string]string{
		"contacts[12].date": "Date of contact", "person.date_of_birth": "Date of birth", "person.name": "Full name",
		"risks[0].actions[3].id": "ID", "capacity_assessments[1].risks_considered[2]": "Risk considered", "id": "ID",
	} {
		if got := FieldLabel(path); got != want {
			t.Errorf("FieldLabel(%q) = %q, want %q", path, got, want)
		}
	}
}
