package app

import (
	"strings"

	"msprecords/records"
	"msprecords/store"
)

// samePersonCases returns the cases of a person with the same name and date
// of birth as a new case would have: a second case for the same person is
// more often a mistake than a new enquiry, so the person is asked first.
// Names match ignoring case and spacing; preferred names count too.
func samePersonCases(all []store.Summary, name string, dob records.Date) []store.Summary {
	want := foldName(name)
	if want == "" {
		return nil
	}
	var out []store.Summary
	for _, s := range all {
		sameName := foldName(s.Name) == want || (s.PreferredName != "" && foldName(s.PreferredName) == want)
		if sameName && sameDay(s.DateOfBirth, dob) {
			out = append(out, s)
		}
	}
	return out
}

// foldName is a name as compared: lower case, single spaces.
func foldName(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// sameDay reports whether two dates are the same day (two unset dates are).
func sameDay(a, b records.Date) bool { return !a.Before(b) && !a.After(b) }
