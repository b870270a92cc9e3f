package practice

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"msprecords/records"
)

// The national-return figures count the enquiries concluded in a financial
// year the way the Safeguarding Adults Collection (SAC) asks, with the SAC's
// own labels, so a board can copy them into its return.

// ErrFinancialYear is returned for text that is not a financial year.
var ErrFinancialYear = errors.New("not a financial year")

// FinancialYear runs from 1 April to 31 March.
type FinancialYear struct {
	From, To records.Date
}

// ParseFinancialYear reads "2025-26" (or "2025/26", or "2025-2026") as 1
// April 2025 to 31 March 2026.
func ParseFinancialYear(s string) (FinancialYear, error) {
	bad := fmt.Errorf("%w: %q; write it as 2025-26", ErrFinancialYear, s)
	first, second, ok := strings.Cut(strings.ReplaceAll(strings.TrimSpace(s), "/", "-"), "-")
	start, err1 := strconv.Atoi(first)
	end, err2 := strconv.Atoi(second)
	if !ok || err1 != nil || err2 != nil || len(first) != 4 || start < 1990 || start > 2199 {
		return FinancialYear{}, bad
	}
	if (len(second) == 2 && end != (start+1)%100) || (len(second) == 4 && end != start+1) || (len(second) != 2 && len(second) != 4) {
		return FinancialYear{}, bad
	}
	return FinancialYear{records.NewDate(start, time.April, 1), records.NewDate(start+1, time.March, 31)}, nil
}

// String is the year as written, "2025-26".
func (y FinancialYear) String() string {
	return fmt.Sprintf("%d-%02d", y.From.Time().Year(), y.To.Time().Year()%100)
}

// Contains reports whether a day falls within the year.
func (y FinancialYear) Contains(d records.Date) bool {
	return !d.IsZero() && !d.Before(y.From) && !d.After(y.To)
}

// FigureRow is one label of a table and its count.
type FigureRow struct {
	Label string
	Count int
}

// FigureTable is one breakdown of the concluded enquiries.
type FigureTable struct {
	Title string
	Rows  []FigureRow
}

// Figures are the year's counts, table by table.
type Figures struct {
	Year   FinancialYear
	Tables []FigureTable

	// Unreadable counts the cases of the year restricted to other users,
	// which the user who made the figures could not read, so not counted.
	Unreadable int
}

// The titles of the tables, as shown in the CSV's "table" column.
const (
	TableConcluded        = "Concluded enquiries"
	TableAbuseType        = "Type of abuse"
	TableLocation         = "Location of risk"
	TableSource           = "Source of risk"
	TableRiskAssessment   = "Risk assessment outcome"
	TableRiskOutcome      = "Risk outcome (where a risk was identified)"
	TableCapacity         = "Lacked capacity"
	TableCapacitySupport  = "Support for those lacking capacity"
	TableAskedOutcomes    = "Asked about desired outcomes"
	TableOutcomesAchieved = "Desired outcomes achieved (where expressed)"
	TableAgeBand          = "Age band (at the concern)"
)

// ConcludedLabel is the one row of the Concluded enquiries table.
const ConcludedLabel = "All concluded enquiries"

// Table returns the table with a title, and false if there is none.
func (f Figures) Table(title string) (FigureTable, bool) {
	for _, t := range f.Tables {
		if t.Title == title {
			return t, true
		}
	}
	return FigureTable{}, false
}

// Count returns the count of one label of one table (0 when absent).
func (f Figures) Count(title, label string) int {
	t, _ := f.Table(title)
	for _, r := range t.Rows {
		if r.Label == label {
			return r.Count
		}
	}
	return 0
}

// PublishedCount is a count as it may be published: 0 to 4 suppressed as
// "*" so that no one can be identified, others rounded to the nearest 5.
func PublishedCount(n int) string {
	if n < 5 {
		return "*"
	}
	return strconv.Itoa((n + 2) / 5 * 5)
}

// ShownCount is a count exactly, or in published form.
func ShownCount(n int, exact bool) string {
	if exact {
		return strconv.Itoa(n)
	}
	return PublishedCount(n)
}
