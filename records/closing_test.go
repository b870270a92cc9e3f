package records

import (
	"testing"
	"time"
)

func TestUnevaluatedOutcomes(t *testing.T) {
	c := &Case{DesiredOutcomes: []DesiredOutcome{
		{ID: "1", Text: "Stay at home"}, {ID: "2", Text: "See Bill", Achievement: "Not achieved"}, {ID: "3"},
	}}
	got := c.UnevaluatedOutcomes()
	if len(got) != 1 || got[0].ID != "1" {
		t.Errorf("UnevaluatedOutcomes = %+v", got)
	}
	if !IsClosingStage("Closure") || IsClosingStage("Review") {
		t.Error("IsClosingStage does not pick out closure")
	}
}

func TestRewordKeepsHistory(t *testing.T) {
	day := NewDate(2025, time.June, 10)
	var o DesiredOutcome
	o.Reword("Stay at home", "", day)
	if o.Text != "Stay at home" || len(o.History) != 0 {
		t.Fatalf("first words: %+v", o)
	}
	o.Reword("Stay at home with Bill", "Added Bill", day.AddDays(1))
	o.Reword("Stay at home with Bill", "No change", day.AddDays(2))
	o.Confirm(day.AddDays(3), "")
	want := []OutcomeRevision{
		{Date: day.AddDays(1), Previous: "Stay at home", Reason: "Added Bill"},
		{Date: day.AddDays(3), Previous: "Stay at home with Bill", Reason: OutcomeConfirmed},
	}
	if len(o.History) != len(want) || o.History[0] != want[0] || o.History[1] != want[1] {
		t.Errorf("history %+v, want %+v", o.History, want)
	}
}
