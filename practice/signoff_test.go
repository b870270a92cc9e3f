package practice

import (
	"errors"
	"testing"

	"msprecords/records"
)

// The rule, for a lead: another author's work may be signed off; one's own
// only when no other lead exists, and then it is recorded; otherwise the
// refusal names who else may sign off.
func TestCheckSignOff(t *testing.T) {
	tests := []struct {
		name           string
		authors, leads []string
		only           bool
		refused        bool
	}{
		{"another's work", []string{"Bob Worker", "Alice Lead"}, []string{"Alice Lead", "Carol Lead"}, false, false},
		{"own work, another lead", []string{"Alice Lead", " alice lead", ""}, []string{"Alice Lead", "Carol Lead"}, true, true},
		{"own work, the only lead", []string{"Alice Lead"}, []string{"Alice Lead"}, true, false},
		{"no authors named", []string{""}, []string{"Alice Lead", "Carol Lead"}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			only, err := CheckSignOff("Alice Lead", tt.authors, tt.leads)
			if only != tt.only || (err != nil) != tt.refused {
				t.Fatalf("only author %v, error %v", only, err)
			}
			if tt.refused && (!errors.Is(err, ErrOnlyAuthor) || err.Error() != "Another safeguarding lead must sign off this case, as Alice Lead wrote all of its work: ask Carol Lead") {
				t.Errorf("refusal %q", err)
			}
		})
	}
}

// The refusal names every other lead, as a sentence does.
func TestOnlyAuthorErrorNamesTheOthers(t *testing.T) {
	_, err := CheckSignOff("A", []string{"A"}, []string{"A", "B", "C", "D"})
	var e *OnlyAuthorError
	if !errors.As(err, &e) || orList(e.Others) != "B, C or D" {
		t.Errorf("refusal %v", err)
	}
}

// Authors come from the chronology and the contacts, leaving out the
// entry a sign-off added.
func TestAuthors(t *testing.T) {
	c := &records.Case{
		Chronology: []records.ChronologyEntry{{Author: "Bob Worker"}, {Author: "Alice Lead", Link: "s1"}},
		Contacts:   []records.Contact{{RecordedBy: "Dee Carer"}},
		SignOffs:   []records.SignOff{{ID: "s1"}},
	}
	got := Authors(c)
	if len(got) != 2 || got[0] != "Bob Worker" || got[1] != "Dee Carer" {
		t.Errorf("authors %q", got)
	}
}
