package app

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"msprecords/practice"
	"msprecords/records"
)

func TestFiguresScreen(t *testing.T) {
	u := openUnlocked(t)
	cases := withDemoCases(t, u, 36)
	s := u.openFigures()
	u.work.wait()
	s.year.SetSelected("2025-26")
	u.work.wait()
	y, _ := practice.ParseFinancialYear("2025-26")
	want := practice.ComputeFigures(cases, y)
	check := func(exact bool) {
		t.Helper()
		rows := [][]string{{"Table", "Label", "Count"}}
		for _, tb := range want.Tables {
			for _, r := range tb.Rows {
				rows = append(rows, []string{tb.Title, r.Label, practice.ShownCount(r.Count, exact)})
			}
		}
		if !slices.EqualFunc(s.rows, rows, slices.Equal) {
			t.Errorf("exact %v: table\n%v\nwant\n%v", exact, s.rows, rows)
		}
	}
	check(false)
	test.Tap(s.exact)
	check(true)
	if !strings.Contains(s.summary.Text, "internal use only") {
		t.Errorf("summary %q", s.summary.Text)
	}

	path := filepath.Join(t.TempDir(), "figures.csv")
	if err := writeReport(u.session.store, path, "stats", func() ([]byte, string, error) { return figuresFile(*s.figures, false) }); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if !strings.HasPrefix(string(data), "table,label,count\nConcluded enquiries,All concluded enquiries,") {
		t.Errorf("CSV begins %q", string(data)[:min(80, len(data))])
	}
	entries, _ := u.session.store.AuditTrail()
	if last := entries[len(entries)-1]; last.Action != "stats" || !strings.Contains(last.Detail, "2025-26, published form") {
		t.Errorf("last audit entry %+v", last)
	}
}

func TestFinancialYears(t *testing.T) {
	for _, tt := range []struct {
		today records.Date
		first string
	}{
		{records.NewDate(2026, time.November, 30), "2026-27"},
		{records.NewDate(2026, time.March, 31), "2025-26"},
		{records.NewDate(2026, time.April, 1), "2026-27"},
		{records.NewDate(2099, time.May, 1), "2099-00"},
	} {
		got := financialYears(tt.today, 3)
		if got[0] != tt.first || len(got) != 3 {
			t.Errorf("%s: %v", tt.today, got)
		}
		for _, y := range got {
			if _, err := practice.ParseFinancialYear(y); err != nil {
				t.Errorf("%s does not read back: %v", y, err)
			}
		}
	}
}
