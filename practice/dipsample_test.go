package practice

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"msprecords/records"
)

// sampleCases are n cases: even ones with dementia, every third one open,
// closing dates a week apart from 1 August 2025, types of abuse in turn.
func sampleCases(n int) []*records.Case {
	var out []*records.Case
	for i := range n {
		c := exemplaryCase()
		c.ID = fmt.Sprintf("id%03d", i)
		c.Reference = fmt.Sprintf("SG-2025-%05d", i+1)
		c.Person.Conditions = []string{"Advanced Dementia", "Stroke"}[i%2]
		c.Enquiry.Closed = records.NewDate(2025, time.August, 1).AddDays(7 * i)
		if i%3 == 2 {
			c.Enquiry.Closed, c.Enquiry.Stage = records.Date{}, records.Stages()[3]
		}
		c.Allegations = []records.Allegation{{AbuseType: records.AbuseTypes()[i%len(records.AbuseTypes())]}}
		out = append(out, c)
	}
	return out
}

func references(cs []*records.Case) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Reference)
	}
	return out
}

func TestSameSeedSameSample(t *testing.T) {
	cases := sampleCases(60)
	f := Filter{Condition: "dementia"}
	a, err := DrawSample(cases, f, 10, 42)
	if err != nil {
		t.Fatal(err)
	}
	if a.Matched != 30 || len(a.Cases) != 10 {
		t.Fatalf("matched %d, drew %d; want 30 and 10", a.Matched, len(a.Cases))
	}
	shuffled := slices.Clone(cases)
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	b, _ := DrawSample(shuffled, f, 10, 42)
	if !slices.Equal(references(a.Cases), references(b.Cases)) {
		t.Errorf("same seed, other order of reading: %v then %v", references(a.Cases), references(b.Cases))
	}
	other, _ := DrawSample(cases, f, 10, 43)
	if slices.Equal(references(a.Cases), references(other.Cases)) {
		t.Errorf("seeds 42 and 43 drew the same sample %v", references(a.Cases))
	}
	if !slices.IsSorted(references(a.Cases)) {
		t.Errorf("sample not in reference order: %v", references(a.Cases))
	}
	for _, c := range a.Cases {
		if c.Person.Conditions != "Advanced Dementia" {
			t.Errorf("%s drawn but does not match the filter", c.Reference)
		}
	}
}

// TestSampleIsKnown pins the draw: a change to the method would change
// every sample drawn before, which auditors rely on drawing again.
func TestSampleIsKnown(t *testing.T) {
	s, _ := DrawSample(sampleCases(20), Filter{}, 3, 2025)
	got := references(s.Cases)
	want := []string{"SG-2025-00015", "SG-2025-00018", "SG-2025-00019"}
	if !slices.Equal(got, want) {
		t.Errorf("seed 2025 draws %q, want %q", got, want)
	}
}

func TestSampleLargerThanPool(t *testing.T) {
	s, err := DrawSample(sampleCases(9), Filter{ClosedFrom: records.NewDate(2025, time.August, 1)}, 100, 1)
	if err != nil {
		t.Fatal(err)
	}
	if s.Matched != 6 || len(s.Cases) != 6 {
		t.Errorf("matched %d, drew %d; want every closed case (6)", s.Matched, len(s.Cases))
	}
}

func TestFilterMatches(t *testing.T) {
	c := exemplaryCase() // closed 31 July 2025, advanced dementia
	c.Allegations = []records.Allegation{{AbuseType: "Neglect and Acts of Omission"}}
	tests := []struct {
		f    Filter
		want bool
	}{
		{Filter{}, true},
		{Filter{ClosedFrom: d25(time.July, 31), ClosedTo: d25(time.July, 31)}, true},
		{Filter{ClosedFrom: d25(time.August, 1)}, false},
		{Filter{ClosedTo: d25(time.July, 30)}, false},
		{Filter{Condition: "DEMENTIA"}, true},
		{Filter{Condition: "stroke"}, false},
		{Filter{AbuseType: "neglect and acts of omission"}, true},
		{Filter{AbuseType: "Self-Neglect"}, false},
		{Filter{Stage: "closure"}, true},
		{Filter{Stage: records.Stages()[3]}, false},
	}
	for _, tt := range tests {
		if got := tt.f.Matches(c); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.f, got, tt.want)
		}
	}
	c.Enquiry.Closed = records.Date{}
	if (Filter{ClosedTo: d25(time.December, 1)}).Matches(c) {
		t.Error("an open case matched a closing date")
	}
}

func TestDrawSampleRefuses(t *testing.T) {
	cases := sampleCases(5)
	if _, err := DrawSample(cases, Filter{}, 0, 1); !errors.Is(err, ErrSampleSize) {
		t.Errorf("sample of 0: %v", err)
	}
	for _, f := range []Filter{
		{AbuseType: "Shouting"},
		{Stage: "Finished"},
		{ClosedFrom: d25(time.May, 2), ClosedTo: d25(time.May, 1)},
	} {
		if _, err := DrawSample(cases, f, 1, 1); !errors.Is(err, ErrFilter) {
			t.Errorf("%s: %v, want ErrFilter", f, err)
		}
	}
}

func TestAuditTalliesEveryCase(t *testing.T) {
	cases := sampleCases(12)
	cases[0].Contacts[0].SpokenAlone = records.No
	cases[0].Contacts[1].NotAloneReason = ""
	s, _ := DrawSample(cases, Filter{}, 12, 7)
	a := Audit(s, practiceOptions())
	if len(a.Cases) != 12 || a.Seed != 7 || a.Matched != 12 {
		t.Fatalf("audit of %d cases, seed %d, matched %d", len(a.Cases), a.Seed, a.Matched)
	}
	for _, cr := range a.Criteria {
		if cr.Total() != 12 {
			t.Errorf("%s counts %d cases", cr.ID, cr.Total())
		}
	}
	alone := a.Criteria[1]
	if alone.ID != CriterionSpokenAlone || alone.Count(NotMet) != 1 || alone.Count(Met) != 11 {
		t.Errorf("%s: met %d, not met %d", alone.ID, alone.Count(Met), alone.Count(NotMet))
	}
	if got := alone.Percent(NotMet); got < 8.33 || got > 8.34 {
		t.Errorf("share not met %.2f%%, want 8.33%%", got)
	}
	if short := a.ShortOf(); len(short) != 1 || short[0].ID != CriterionSpokenAlone {
		t.Errorf("short of %v", short)
	}
}
