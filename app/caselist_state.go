package app

import (
	"strconv"

	"msprecords/records"
	"msprecords/store"
)

// Choices of the list's filters.
const (
	allStages     = "All stages"
	statusAll     = "Open and closed"
	statusOpen    = "Open"
	statusClosed  = "Closed"
	overdueFilter = "Overdue actions"
	gapsFilter    = "Practice gaps"
)

var statusChoices = []string{statusAll, statusOpen, statusClosed}

// caseFilter is what the person has typed and chosen above the case list.
// It is plain data, so the mapping onto the store's query is testable
// without a window.
type caseFilter struct {
	text    string
	stage   string // "" or allStages: every stage
	status  string // one of statusChoices
	overdue bool
	gaps    bool
}

// query is the store query for the filter.
func (f caseFilter) query() store.Query {
	q := store.Query{Text: f.text, OverdueOnly: f.overdue, GapsOnly: f.gaps}
	if f.stage != allStages {
		q.Stage = f.stage
	}
	switch f.status {
	case statusOpen:
		q.Open = true
	case statusClosed:
		q.Closed = true
	}
	return q
}

// stageChoices are the stage filter's options.
func stageChoices() []string {
	return append([]string{allStages}, records.Stages()...)
}

// caseColumns are the list's columns, in order.
var caseColumns = []string{"Reference", records.Label("person.name"), records.Label("enquiry.stage"), "Opened", "Open or closed", "Overdue", "Gaps"}

// caseCells gives the text of each column of one row.
func caseCells(s store.Summary) [7]string {
	status := "Open"
	if s.IsClosed {
		status = "Closed"
	}
	overdue := ""
	if s.Overdue {
		overdue = "Overdue"
	}
	gaps := ""
	if s.Gaps > 0 {
		gaps = strconv.Itoa(s.Gaps)
	}
	return [7]string{s.Reference, displayName(s), s.Stage, s.Opened.String(), status, overdue, gaps}
}

// displayName shows the preferred name beside the full one when it differs.
func displayName(s store.Summary) string {
	switch {
	case s.Sealed:
		return store.RestrictedCase
	case s.Restricted:
		return shownName(s) + " (restricted)"
	}
	return shownName(s)
}

func shownName(s store.Summary) string {
	if s.PreferredName == "" || s.PreferredName == s.Name {
		return s.Name
	}
	return s.Name + " (" + s.PreferredName + ")"
}

// countText says how many cases the list shows, e.g. "1 case", "10,000 cases".
func countText(shown, all int) string {
	noun := " cases"
	if shown == 1 {
		noun = " case"
	}
	if shown == all {
		return thousands(shown) + noun
	}
	return thousands(shown) + noun + " of " + thousands(all)
}

// thousands writes n with commas: 10,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
