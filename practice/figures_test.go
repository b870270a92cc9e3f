package practice

import (
	"errors"
	"strconv"
	"testing"
	"time"

	"msprecords/records"
)

// figureGroup is a number of alike concluded enquiries.
type figureGroup struct {
	n           int
	closed      records.Date
	born        records.Date
	allegations []records.Allegation
	outcome     records.Outcome
	decision    string
	started     bool
}

var figureConcern = records.NewDate(2025, time.June, 10)

func (g figureGroup) cases() []*records.Case {
	var out []*records.Case
	for range g.n {
		c := &records.Case{
			Person:      records.Person{DateOfBirth: g.born},
			Enquiry:     records.Enquiry{ConcernReceived: figureConcern, Closed: g.closed},
			Decision:    records.S42Decision{Decision: g.decision},
			Allegations: g.allegations,
			Outcome:     g.outcome,
		}
		if g.started {
			c.Enquiry.Started = figureConcern.AddDays(1)
		}
		out = append(out, c)
	}
	return out
}

// figureCases is the hand-counted set: 34 enquiries concluded in 2025-26
// in five groups (A 13, B 8, C 7, D 2, E 4) and seven cases that must not
// count. The expected counts below are worked out by hand from the groups.
func figureCases() []*records.Case {
	inYear := records.NewDate(2025, time.October, 1)
	a := figureGroup{n: 13, closed: inYear, born: records.NewDate(1935, time.January, 1), started: true,
		allegations: []records.Allegation{{AbuseType: "Neglect and Acts of Omission", Location: "Own Home", Source: "Other - Known to Individual"}},
		outcome: records.Outcome{RiskAssessmentOutcome: "Risk identified and action taken", RiskOutcome: "Risk reduced",
			CapacityLacked: "Yes, they lacked capacity", CapacitySupport: "Advocate",
			AskedAboutOutcomes: "Yes, they were asked and outcomes were expressed", OutcomesAchieved: "Fully achieved"}}
	var out []*records.Case
	first, last := a, a // the year's first and last days count
	first.n, first.closed = 1, records.NewDate(2025, time.April, 1)
	last.n, last.closed = 1, records.NewDate(2026, time.March, 31)
	a.n = 11
	for _, g := range []figureGroup{a, first, last,
		{n: 8, closed: inYear, born: records.NewDate(1950, time.June, 11), // 74 the day before their birthday
			decision: "Met, progress to s42(2) enquiry",
			allegations: []records.Allegation{ // two of one type: counted once per case
				{AbuseType: "Financial or Material Abuse", Location: "Own Home", SourceDetail: "Service provider - private"},
				{AbuseType: "Financial or Material Abuse", Location: "In the Community (excluding community services)", SourceDetail: "Service provider - private"}},
			outcome: records.Outcome{RiskAssessmentOutcome: "No risk identified and no action taken", RiskOutcome: "Risk removed",
				CapacityLacked: "No, they did not lack capacity", CapacitySupport: "Advocate",
				AskedAboutOutcomes: "Yes, they were asked but no outcomes were expressed", OutcomesAchieved: "Not achieved"}},
		{n: 7, closed: inYear, born: records.NewDate(1950, time.June, 10), started: true, // 75 on the day of the concern
			allegations: []records.Allegation{
				{AbuseType: "Physical Abuse", Location: "Care Home - Residential", Source: "Service Provider"},
				{AbuseType: "Psychological Abuse", Location: "Care Home - Residential", Source: "Service Provider"}},
			outcome: records.Outcome{RiskAssessmentOutcome: "Risk identified and no action taken", RiskOutcome: "Risk remained"}},
		{n: 2, closed: inYear, born: records.NewDate(1990, time.March, 3), started: true,
			allegations: []records.Allegation{{AbuseType: "Self-Neglect", Location: "Own Home", SourceDetail: "Known - self"}},
			outcome:     records.Outcome{CapacityLacked: "Yes, they lacked capacity", CapacitySupport: "Family or friend", AskedAboutOutcomes: "No"}},
		{n: 4, closed: inYear, born: records.NewDate(1955, time.January, 1), started: true,
			allegations: []records.Allegation{{AbuseType: "Domestic Abuse", Location: "Own Home", Source: "Other - Known to Individual"}},
			outcome: records.Outcome{RiskAssessmentOutcome: "Risk assessment inconclusive and action taken",
				CapacityLacked: "Don't know", AskedAboutOutcomes: "Don't know"}},
	} {
		out = append(out, g.cases()...)
	}
	// Not concluded in the year, or never an enquiry: none may count.
	for _, g := range []figureGroup{
		{n: 3, closed: records.NewDate(2025, time.March, 31), started: true},
		{n: 2, closed: records.NewDate(2026, time.April, 1), started: true},
		{n: 1, started: true},
		{n: 1, closed: inYear, decision: "Not met"},
	} {
		g.born, g.allegations, g.outcome = a.born, a.allegations, a.outcome
		out = append(out, g.cases()...)
	}
	return out
}

// figureExpected are the hand counts: exact, and as published.
var figureExpected = []struct {
	table, label string
	exact        int
	published    string
}{
	{TableConcluded, ConcludedLabel, 34, "35"},
	{TableAbuseType, "Neglect and Acts of Omission", 13, "15"},
	{TableAbuseType, "Financial or Material Abuse", 8, "10"},
	{TableAbuseType, "Physical Abuse", 7, "5"},
	{TableAbuseType, "Psychological Abuse", 7, "5"},
	{TableAbuseType, "Domestic Abuse", 4, "*"},
	{TableAbuseType, "Self-Neglect", 2, "*"},
	{TableAbuseType, "Sexual Abuse", 0, "*"},
	{TableLocation, "Own Home", 27, "25"},
	{TableLocation, "In the Community (excluding community services)", 8, "10"},
	{TableLocation, "Care Home - Residential", 7, "5"},
	{TableLocation, "Hospital - Acute", 0, "*"},
	{TableSource, "Other - Known to Individual", 19, "20"},
	{TableSource, "Service Provider", 15, "15"},
	{TableSource, "Other - Unknown to Individual", 0, "*"},
	{TableRiskAssessment, "Risk identified and action taken", 13, "15"},
	{TableRiskAssessment, "Risk identified and no action taken", 7, "5"},
	{TableRiskAssessment, "No risk identified and no action taken", 8, "10"},
	{TableRiskAssessment, "Risk assessment inconclusive and action taken", 4, "*"},
	{TableRiskOutcome, "Risk reduced", 13, "15"},
	{TableRiskOutcome, "Risk remained", 7, "5"},
	{TableRiskOutcome, "Risk removed", 0, "*"}, // B records it, but no risk was identified
	{TableCapacity, "Yes, they lacked capacity", 15, "15"},
	{TableCapacity, "No, they did not lack capacity", 8, "10"},
	{TableCapacity, "Don't know", 4, "*"},
	{TableCapacity, "Not recorded", 7, "5"},
	{TableCapacitySupport, "Advocate", 13, "15"},
	{TableCapacitySupport, "Family or friend", 2, "*"},
	{TableCapacitySupport, "Not supported", 0, "*"},
	{TableAskedOutcomes, "Yes, they were asked and outcomes were expressed", 13, "15"},
	{TableAskedOutcomes, "Yes, they were asked but no outcomes were expressed", 8, "10"},
	{TableAskedOutcomes, "No", 2, "*"},
	{TableAskedOutcomes, "Don't know", 4, "*"},
	{TableAskedOutcomes, "Not recorded", 7, "5"},
	{TableOutcomesAchieved, "Fully achieved", 13, "15"},
	{TableOutcomesAchieved, "Not achieved", 0, "*"}, // B's are not counted: no outcomes expressed
	{TableAgeBand, "18-64", 2, "*"},
	{TableAgeBand, "65-74", 12, "10"},
	{TableAgeBand, "75-84", 7, "5"},
	{TableAgeBand, "85+", 13, "15"},
}

func TestFiguresHandCounted(t *testing.T) {
	y, err := ParseFinancialYear("2025-26")
	if err != nil {
		t.Fatal(err)
	}
	f := ComputeFigures(figureCases(), y)
	for _, tt := range figureExpected {
		got := f.Count(tt.table, tt.label)
		if got != tt.exact {
			t.Errorf("%s / %s: %d, want %d", tt.table, tt.label, got, tt.exact)
		}
		if p := PublishedCount(got); p != tt.published {
			t.Errorf("%s / %s published: %s, want %s", tt.table, tt.label, p, tt.published)
		}
	}
	for _, tb := range f.Tables {
		if len(tb.Rows) == 0 {
			t.Errorf("table %s has no rows", tb.Title)
		}
	}
}

func TestFiguresTablesUseThePickLists(t *testing.T) {
	f := ComputeFigures(nil, FinancialYear{})
	lists := map[string][]string{
		TableAbuseType: records.AbuseTypes(), TableLocation: records.RiskLocations(), TableSource: records.RiskSources(),
		TableRiskAssessment: records.RiskAssessmentOutcomes(), TableRiskOutcome: records.RiskOutcomes(), TableCapacity: records.CapacityLacked(),
		TableCapacitySupport: records.CapacitySupport(), TableAskedOutcomes: records.AskedAboutOutcomes(),
		TableOutcomesAchieved: records.OutcomeAchievement(), TableAgeBand: records.AgeBands(),
	}
	for title, list := range lists {
		tb, ok := f.Table(title)
		if !ok || len(tb.Rows) != len(list) {
			t.Fatalf("table %s: %v", title, tb.Rows)
		}
		for i, r := range tb.Rows {
			if r.Label != list[i] {
				t.Errorf("%s row %d: %q, want %q", title, i, r.Label, list[i])
			}
		}
	}
}

func TestPublishedCount(t *testing.T) {
	for n, want := range map[int]string{
		0: "*", 1: "*", 4: "*", 5: "5", 7: "5", 8: "10", 10: "10", 12: "10", 13: "15", 102: "100", 103: "105",
	} {
		if got := PublishedCount(n); got != want {
			t.Errorf("PublishedCount(%d) = %s, want %s", n, got, want)
		}
		if got := ShownCount(n, true); got != strconv.Itoa(n) {
			t.Errorf("ShownCount(%d, exact) = %s", n, got)
		}
	}
}

func TestParseFinancialYear(t *testing.T) {
	for _, s := range []string{"2025-26", "2025/26", " 2025-2026 "} {
		y, err := ParseFinancialYear(s)
		if err != nil || y.From != records.NewDate(2025, time.April, 1) || y.To != records.NewDate(2026, time.March, 31) || y.String() != "2025-26" {
			t.Errorf("%q: %v %v %s", s, y, err, y)
		}
	}
	if y, _ := ParseFinancialYear("2099-00"); y.String() != "2099-00" {
		t.Errorf("2099-00 shown as %s", y)
	}
	for _, s := range []string{"", "2025", "2025-27", "25-26", "2025-2027", "abcd-ef", "2025-026"} {
		if _, err := ParseFinancialYear(s); !errors.Is(err, ErrFinancialYear) {
			t.Errorf("%q: %v, want ErrFinancialYear", s, err)
		}
	}
}
