package app

import (
	"strings"
	"testing"

	"msprecords/records"
)

func TestUnsavedChanges(t *testing.T) {
	saved := &records.Case{ID: "x", Revision: 3, Person: records.Person{Name: "Ada Lovelace", LivesWith: "Alone"}}
	mine := &records.Case{ID: "x", Revision: 2, Person: records.Person{Name: "Ada Lovelace", PreferredName: "Ada"},
		Contacts: []records.Contact{{ID: "c1", Views: "I want to stay at home", SpokenAlone: records.Yes}}}
	got := unsavedChanges(mine, saved)
	for _, want := range []string{
		"person.preferred_name: Ada\n",
		"person.lives_with: (cleared)\n",
		"contacts[0].views: I want to stay at home\n",
		"contacts[0].spoken_alone: yes\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("unsavedChanges missing %q in:\n%s", want, got)
		}
	}
	for _, never := range []string{"revision", "person.name", "contacts[0].notes"} {
		if strings.Contains(got, never+":") {
			t.Errorf("unsavedChanges lists %q:\n%s", never, got)
		}
	}
	if got := unsavedChanges(saved, saved); !strings.Contains(got, "no differences") {
		t.Errorf("same case: %q", got)
	}
}
