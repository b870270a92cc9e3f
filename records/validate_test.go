package records

import (
	"errors"
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
		}, "contacts[0].notes", "Text must be 100000 characters or fewer"},
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
