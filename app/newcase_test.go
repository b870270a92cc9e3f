package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"msprecords/records"
	"msprecords/store"
)

// TestNewCaseWarnsOfSamePerson makes a case, then asks for another for the
// same person (typed differently): the form warns and offers to open the
// existing case, or to make a new one anyway.
func TestNewCaseWarnsOfSamePerson(t *testing.T) {
	u := openUnlocked(t)
	newCaseThroughForm(t, u, "Ada Lovelace", "10", "12", "1915")
	first := u.current.c.ID

	newCaseThroughForm(t, u, "ada  LOVELACE", "10", "12", "1915")
	same := u.newCase.same
	if same == nil || len(same.open) != 1 {
		t.Fatal("no warning about the existing case")
	}
	test.Tap(same.open[0])
	u.work.wait()
	if u.current == nil || u.current.c.ID != first {
		t.Fatal("Open did not open the existing case")
	}
	if n := len(u.session.store.Summaries()); n != 1 {
		t.Errorf("%d cases after opening the existing one", n)
	}

	newCaseThroughForm(t, u, "Ada Lovelace", "10", "12", "1915")
	test.Tap(u.newCase.same.anyway)
	u.work.wait()
	if n := len(u.session.store.Summaries()); n != 2 {
		t.Errorf("%d cases after creating anyway", n)
	}
	if u.current == nil || u.current.c.ID == first {
		t.Error("the new case was not opened")
	}

	newCaseThroughForm(t, u, "Ada Lovelace", "11", "12", "1915")
	if u.newCase.same != nil {
		t.Error("warned for a different date of birth")
	}
}

// TestNewCaseChecksTheForm checks the messages of the new case form.
func TestNewCaseChecksTheForm(t *testing.T) {
	u := openUnlocked(t)
	newCaseThroughForm(t, u, "", "", "", "")
	mustContain(t, "problem without a name", u.newCase.problem.Text, "Enter the person's full name")
	u.newCase.d.Hide()
	newCaseThroughForm(t, u, "Ada Lovelace", "31", "2", "1915")
	mustContain(t, "message beside 31 February", u.newCase.dob.message.Text, "Date of birth must be a real date")
	if u.newCase.problem.Visible() {
		t.Errorf("a problem %q away from the date", u.newCase.problem.Text)
	}
	u.newCase.d.Hide()

	newCaseThroughForm(t, u, "Ada Lovelace", "", "", "")
	if u.current == nil {
		t.Fatalf("no case for an unknown date of birth: %q", u.newCase.problem.Text)
	}
	c := u.current.c
	if c.Enquiry.Stage != records.Stages()[0] || c.Enquiry.LeadPractitioner != testUser || !c.Person.DateOfBirth.IsZero() {
		t.Errorf("new case: stage %q, lead %q, born %v", c.Enquiry.Stage, c.Enquiry.LeadPractitioner, c.Person.DateOfBirth)
	}

	press(u, fyne.KeyN)
	test.Type(u.newCase.name, "Grace Darling")
	test.Type(u.newCase.ref, c.Reference)
	test.Tap(u.newCase.create)
	u.work.wait()
	mustContain(t, "problem for a used reference", u.newCase.problem.Text, "Another case already has this reference")
}

func TestSamePersonCases(t *testing.T) {
	dob := records.NewDate(1915, 12, 10)
	all := []store.Summary{
		{ID: "1", Name: "Ada Lovelace", DateOfBirth: dob},
		{ID: "2", Name: "Ada Lovelace", DateOfBirth: dob.AddDays(1)},
		{ID: "3", Name: "Augusta Ada King", PreferredName: "Ada  Lovelace", DateOfBirth: dob},
		{ID: "4", Name: "Ada Byron"},
	}
	tests := []struct {
		name string
		dob  records.Date
		want string
	}{
		{" ada lovelace ", dob, "13"},
		{"Ada Lovelace", records.Date{}, ""},
		{"Ada Byron", records.Date{}, "4"},
		{"", records.Date{}, ""},
	}
	for _, tt := range tests {
		got := ""
		for _, s := range samePersonCases(all, tt.name, tt.dob) {
			got += s.ID
		}
		if got != tt.want {
			t.Errorf("samePersonCases(%q, %v) = %q, want %q", tt.name, tt.dob, got, tt.want)
		}
	}
}
