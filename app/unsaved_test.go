package app

import (
	"testing"

	"msprecords/records"
)

// TestValuePath names a field by where it is in the case, an entry of a
// list by its ID: the name holds when the list grows or loses another
// entry, and goes when the entry itself goes.
func TestValuePath(t *testing.T) {
	c := &records.Case{Contacts: []records.Contact{{ID: "a"}, {ID: "b"}}}
	mustEqual(t, "date of birth", valuePath(c, &c.Person.DateOfBirth), "Person.DateOfBirth")
	mustEqual(t, "NHS number", valuePath(c, &c.Person.NHSNumber), "Person.NHSNumber")
	mustEqual(t, "second contact", valuePath(c, &c.Contacts[1].Date), "Contacts[id:b].Date")

	c.Contacts = append(c.Contacts, records.Contact{ID: "c"}) // may move the list
	mustEqual(t, "after the list grew", valuePath(c, &c.Contacts[1].Date), "Contacts[id:b].Date")
	c.Contacts = c.Contacts[1:]
	mustEqual(t, "after the first went", valuePath(c, &c.Contacts[0].Date), "Contacts[id:b].Date")
	paths := valuePaths(c)
	if paths["Contacts[id:a].Date"] || !paths["Contacts[id:b].Date"] {
		t.Errorf("paths of the live case: a %v, b %v", paths["Contacts[id:a].Date"], paths["Contacts[id:b].Date"])
	}
	var outside records.Date
	mustEqual(t, "a date outside the case", valuePath(c, &outside), "")
}
