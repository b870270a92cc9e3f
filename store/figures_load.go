package store

import (
	"msprecords/practice"
	"msprecords/records"
)

// LoadFigures counts a year's figures from the store. It reads only the
// cases whose summary says they closed in the year, and of those only the
// parts the return counts (see the note on reading in dipsample_load.go).
func LoadFigures(s *Store, y practice.FinancialYear) (practice.Figures, error) {
	cases := map[string]*records.Case{}
	for _, sum := range s.Summaries() {
		if y.Contains(sum.Closed) {
			cases[sum.ID] = &records.Case{ID: sum.ID, Reference: sum.Reference}
		}
	}
	unreadable, err := readParts(s, cases, func(c *records.Case, doc []byte) error {
		return decodeFields(doc, map[string]any{ // the json names of Case's fields
			"created": &c.Created, "person": &c.Person, "enquiry": &c.Enquiry, "s42_decision": &c.Decision,
			"allegations": &c.Allegations, "outcome": &c.Outcome,
		})
	})
	if err != nil {
		return practice.Figures{}, err
	}
	list := make([]*records.Case, 0, len(cases))
	for _, c := range cases {
		list = append(list, c)
	}
	f := practice.ComputeFigures(list, y)
	f.Unreadable = unreadable
	return f, nil
}
