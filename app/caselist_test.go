package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"msprecords/records"
	"msprecords/store"
)

// addCases puts cases in the store directly, as an import would.
func addCases(t *testing.T, u *UI, cases ...*records.Case) {
	t.Helper()
	for _, c := range cases {
		if err := u.session.store.Create(c); err != nil {
			t.Fatal(err)
		}
	}
	u.cases.refresh()
}

func listCase(name, stage string, closed bool) *records.Case {
	c := &records.Case{Schema: records.SchemaVersion, Person: records.Person{Name: name}}
	c.Enquiry.Stage = stage
	c.Enquiry.ConcernReceived = records.NewDate(2025, 6, 4)
	if closed {
		c.Enquiry.Closed = records.NewDate(2025, 9, 1)
	}
	return c
}

// TestCaseListSearchAndFilters types in the search box and uses each filter.
func TestCaseListSearchAndFilters(t *testing.T) {
	u := openUnlocked(t)
	overdue := listCase("Edith Cavell", records.Stages()[3], false)
	overdue.Risks = []records.Risk{{ID: "r1", Description: "Falls", Actions: []records.Action{
		{ID: "a1", What: "Grab rails", Due: records.NewDate(2025, 7, 1), Status: "Not started"}}}}
	overdue.Contacts = []records.Contact{{ID: "c1", Date: records.NewDate(2025, 6, 5), Method: records.ContactMethods()[0],
		Notes: "Spoke about the marmalade sandwiches"}}
	addCases(t, u, listCase("Ada Lovelace", records.Stages()[0], false),
		listCase("Mary Seacole", records.Stages()[7], true), overdue)

	l := u.cases
	if l.count.Text != "3 cases" || l.list.Length() != 3 {
		t.Fatalf("count %q, rows %d", l.count.Text, l.list.Length())
	}
	test.Type(l.search, "marmalade")
	if len(l.rows) != 1 || l.rows[0].Name != "Edith Cavell" || l.count.Text != "1 case of 3" {
		t.Errorf("search in notes: %d rows, %q", len(l.rows), l.count.Text)
	}
	l.search.SetText("")
	test.Type(l.search, "lovelace")
	if len(l.rows) != 1 || l.rows[0].Name != "Ada Lovelace" {
		t.Errorf("search by name: %v", l.rows)
	}
	l.search.SetText(l.rows[0].Reference)
	if len(l.rows) != 1 {
		t.Errorf("search by reference: %d rows", len(l.rows))
	}
	l.search.SetText("")

	l.status.SetSelected(statusClosed)
	if len(l.rows) != 1 || l.rows[0].Name != "Mary Seacole" {
		t.Errorf("closed filter: %v", l.rows)
	}
	l.status.SetSelected(statusOpen)
	if len(l.rows) != 2 {
		t.Errorf("open filter: %d rows", len(l.rows))
	}
	l.status.SetSelected(statusAll)
	l.stage.SetSelected(records.Stages()[0])
	if len(l.rows) != 1 || l.rows[0].Name != "Ada Lovelace" {
		t.Errorf("stage filter: %v", l.rows)
	}
	l.stage.SetSelected(allStages)
	test.Tap(l.overdue)
	if len(l.rows) != 1 || l.rows[0].Name != "Edith Cavell" {
		t.Errorf("overdue filter: %v", l.rows)
	}
	cells := caseCells(l.rows[0])
	if cells[3] != "4 June 2025" || cells[4] != "Open" || cells[5] != "Overdue" {
		t.Errorf("row cells: %q", cells)
	}
	test.Tap(l.overdue)
	test.Tap(l.gaps)
	for _, r := range l.rows {
		if r.Gaps == 0 {
			t.Errorf("gaps filter shows %s with no gaps", r.Name)
		}
	}
}

// TestCtrlFFocusesSearch checks Ctrl+F from an open case: back to the list,
// with the search box focused.
func TestCtrlFFocusesSearch(t *testing.T) {
	u := openUnlocked(t)
	newCaseThroughForm(t, u, "Ada Lovelace", "10", "12", "1915")
	press(u, fyne.KeyF)
	if u.current != nil {
		t.Error("Ctrl+F left the case open")
	}
	if u.window.Canvas().Focused() != u.cases.search {
		t.Error("Ctrl+F did not focus the search box")
	}
}

func TestCaseFilterQuery(t *testing.T) {
	tests := []struct {
		f    caseFilter
		want store.Query
	}{
		{caseFilter{stage: allStages, status: statusAll}, store.Query{}},
		{caseFilter{text: "ada", stage: "Enquiry", status: statusOpen, overdue: true},
			store.Query{Text: "ada", Stage: "Enquiry", Open: true, OverdueOnly: true}},
		{caseFilter{stage: allStages, status: statusClosed, gaps: true}, store.Query{Closed: true, GapsOnly: true}},
	}
	for _, tt := range tests {
		if got := tt.f.query(); got != tt.want {
			t.Errorf("%+v.query() = %+v, want %+v", tt.f, got, tt.want)
		}
	}
}

func TestCountText(t *testing.T) {
	tests := []struct {
		shown, all int
		want       string
	}{
		{0, 0, "0 cases"}, {1, 1, "1 case"}, {1, 3, "1 case of 3"}, {10000, 10000, "10,000 cases"},
		{999, 1234567, "999 cases of 1,234,567"},
	}
	for _, tt := range tests {
		if got := countText(tt.shown, tt.all); got != tt.want {
			t.Errorf("countText(%d, %d) = %q, want %q", tt.shown, tt.all, got, tt.want)
		}
	}
}
