package records

import (
	"reflect"
	"testing"
)

func TestConflicts(t *testing.T) {
	c := &Case{AllegedPersons: []AllegedPerson{
		{Name: "olly  Tranter", Relationship: "Night carer at the home"},
		{Name: "Kevin Ashdown", Relationship: "Agency worker"},
		{Name: "Sandra Ashdown", Relationship: "Daughter"},
		{Name: "", Relationship: "Member of staff, not named"},
	}}
	got := c.Conflicts([]string{"Alice Lead", "Olly Tranter"})
	want := []Conflict{{Alleged: "olly  Tranter", User: "Olly Tranter"}, {Alleged: "Kevin Ashdown"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Conflicts = %+v, want %+v", got, want)
	}
	if got := (&Case{AllegedPersons: []AllegedPerson{{Name: "Sandra Ashdown", Relationship: "Daughter"}}}).Conflicts([]string{"Alice Lead"}); len(got) != 0 {
		t.Errorf("a daughter is a conflict: %+v", got)
	}
}
