package records

import (
	"testing"
	"time"
)

func TestCorrectionIsANewLinkedEntry(t *testing.T) {
	c := &Case{}
	old := c.AddChronology(ChronologyEntry{Date: NewDate(2025, time.June, 3), Author: "Sam", Kind: "Contact", Text: "Seen with daughter.", Link: "ct1"},
		time.Date(2025, time.June, 3, 15, 0, 0, 0, time.UTC))
	before := append([]ChronologyEntry(nil), c.Chronology...)
	fix := Correction(old)
	fix.Text, fix.Author = "Seen alone.", "Alice"
	n := c.AddChronology(fix, time.Date(2025, time.June, 4, 9, 0, 0, 0, time.UTC))
	if err := CheckAppendOnly(before, c.Chronology); err != nil {
		t.Fatal(err)
	}
	if n.ID == "" || n.ID == old.ID || n.Corrects != old.ID || n.Link != "ct1" || n.Kind != "Correction" || n.Date != old.Date {
		t.Errorf("correction %+v of %+v", n, old)
	}
	if got := c.CorrectionsOf(old.ID); len(got) != 1 || got[0].ID != n.ID {
		t.Errorf("CorrectionsOf = %+v", got)
	}
	if got := c.CorrectionsOf(""); len(got) != 0 {
		t.Errorf("entries correcting nothing: %+v", got)
	}
	if err := Validate(&Case{Reference: "R", Person: Person{Name: "N"}, Chronology: c.Chronology}, Today()); err != nil {
		t.Error(err)
	}
}

func TestChronologyNewestFirst(t *testing.T) {
	at := func(h int) time.Time { return time.Date(2025, time.June, 10, h, 0, 0, 0, time.UTC) }
	c := &Case{Chronology: []ChronologyEntry{
		{ID: "a", Date: NewDate(2025, time.June, 1), Recorded: at(9)},
		{ID: "b", Date: NewDate(2025, time.June, 9), Recorded: at(9)},
		{ID: "c", Date: NewDate(2025, time.June, 9), Recorded: at(10)},
		{ID: "d", Date: NewDate(2025, time.June, 5), Recorded: at(8)},
	}}
	var got []string
	for _, i := range c.ChronologyNewestFirst() {
		got = append(got, c.Chronology[i].ID)
	}
	if want := "c b d a"; joinIDs(got) != want {
		t.Errorf("order %q, want %q", joinIDs(got), want)
	}
}

func joinIDs(ids []string) string {
	s := ""
	for i, id := range ids {
		if i > 0 {
			s += " "
		}
		s += id
	}
	return s
}
