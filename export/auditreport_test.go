package export

import (
	"bytes"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"msprecords/demo"
	"msprecords/practice"
	"msprecords/records"
)

var auditDay = records.NewDate(2026, time.November, 30)

func auditOf(t testing.TB, cases []*records.Case, f practice.Filter, n int, seed int64) practice.AuditResult {
	t.Helper()
	s, err := practice.DrawSample(cases, f, n, seed)
	if err != nil {
		t.Fatal(err)
	}
	return practice.Audit(s, practice.Options{Today: auditDay, ReferralLimitWorkingDays: 2})
}

// pdfText is the text of a PDF as a reader gets it, by pdftotext.
func auditPDFText(t *testing.T, pdf []byte) string {
	t.Helper()
	if os.Getenv("MSPRECORDS_UNDER_WINE") != "" {
		t.Skip(skipPopplerUnderWine)
	}
	path := filepath.Join(t.TempDir(), "audit.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext (poppler-utils) is needed to read the report: %v", err)
	}
	return string(out)
}

func TestAuditReportNamesNoOne(t *testing.T) {
	cases := demo.Cases(48, 7)
	a := auditOf(t, cases, practice.Filter{}, 20, 42)
	pdf, err := WriteAuditPDF(a, AuditReportOptions{Author: "Auditor", Made: auditDay.Time()})
	if err != nil {
		t.Fatal(err)
	}
	text := auditPDFText(t, pdf)
	flat := strings.Join(strings.Fields(text), " ") // names wrapped across lines still count
	sampled := map[string]bool{}
	for _, c := range a.Cases {
		sampled[c.Reference] = true
	}
	for _, c := range cases {
		if !sampled[c.Reference] {
			continue
		}
		if !strings.Contains(flat, c.Reference) {
			t.Errorf("sampled case %s is not in the report", c.Reference)
		}
		names := []string{c.Person.Name, c.Person.PreferredName}
		for _, ap := range c.AllegedPersons {
			names = append(names, ap.Name)
		}
		for _, name := range names {
			if name != "" && (strings.Contains(text, name) || strings.Contains(flat, name)) {
				t.Errorf("the report names %q of %s", name, c.Reference)
			}
		}
	}
	if len(sampled) != 20 {
		t.Fatalf("sampled %d cases, want 20", len(sampled))
	}
}

func TestAuditReportFrameAndContents(t *testing.T) {
	cases := demo.Cases(24, 3)
	f := practice.Filter{Condition: "dementia"}
	a := auditOf(t, cases, f, 5, 99)
	pdf, err := WriteAuditPDF(a, AuditReportOptions{Made: auditDay.Time()})
	if err != nil {
		t.Fatal(err)
	}
	text := auditPDFText(t, pdf)
	pages := strings.Count(text, "\f")
	if pages < 2 {
		t.Fatalf("%d pages", pages)
	}
	for _, want := range []string{
		AuditReportTitle, "OFFICIAL-SENSITIVE", "Page 1 of ", "Page 2 of ", "Dip-sample audit, seed 99",
		`contains "dementia"`, "Results by criterion", "Findings by case",
		"Spoken to alone", "Made 30 November 2026",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if n := strings.Count(text, "OFFICIAL-SENSITIVE"); n < 2*pages {
		t.Errorf("marking printed %d times on %d pages, want header and footer", n, pages)
	}
	if len(a.ShortOf()) > 0 && !strings.Contains(strings.Join(strings.Fields(text), " "), a.ShortOf()[0].Briefing) {
		t.Errorf("the briefing's prompt for %s is missing", a.ShortOf()[0].ID)
	}
}

func TestAuditReportOfNothing(t *testing.T) {
	a := auditOf(t, demo.Cases(12, 1), practice.Filter{Condition: "no such condition"}, 5, 1)
	pdf, err := WriteAuditPDF(a, AuditReportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(auditPDFText(t, pdf), "No cases matched the filter") {
		t.Error("an empty audit does not say so")
	}
}

func TestAuditCSV(t *testing.T) {
	cases := demo.Cases(24, 3)
	a := auditOf(t, cases, practice.Filter{}, 6, 5)
	var buf bytes.Buffer
	if err := WriteAuditCSV(&buf, a); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rows[0], AuditCSVColumns) {
		t.Errorf("header %v", rows[0])
	}
	if want := 1 + 6*len(practice.Criteria()); len(rows) != want {
		t.Fatalf("%d rows, want %d", len(rows), want)
	}
	results := map[string]bool{}
	for _, r := range practice.Results {
		results[r.String()] = true
	}
	for _, row := range rows[1:] {
		if !results[row[4]] {
			t.Errorf("row %v: result %q", row, row[4])
		}
	}
	for _, c := range cases {
		if strings.Contains(buf.String(), c.Person.Name) {
			t.Errorf("CSV names %s", c.Person.Name)
		}
	}
}

func TestSafeCSVRow(t *testing.T) {
	got := safeCSVRow([]string{"=SUM(A1)", "+1", "-2", "@x", "SG-1", ""})
	want := []string{"'=SUM(A1)", "'+1", "'-2", "'@x", "SG-1", ""}
	if !slices.Equal(got, want) {
		t.Errorf("%q, want %q", got, want)
	}
}

func TestFiguresCSV(t *testing.T) {
	f := practice.Figures{Tables: []practice.FigureTable{{Title: "Type of abuse", Rows: []practice.FigureRow{
		{Label: "Physical Abuse", Count: 7}, {Label: "Sexual Abuse", Count: 3}, {Label: "Neglect and Acts of Omission", Count: 13},
	}}}}
	for _, tt := range []struct {
		exact bool
		want  string
	}{
		{false, "table,label,count\nType of abuse,Physical Abuse,5\nType of abuse,Sexual Abuse,*\nType of abuse,Neglect and Acts of Omission,15\n"},
		{true, "table,label,count\nType of abuse,Physical Abuse,7\nType of abuse,Sexual Abuse,3\nType of abuse,Neglect and Acts of Omission,13\n"},
	} {
		var buf bytes.Buffer
		if err := WriteFiguresCSV(&buf, f, tt.exact); err != nil {
			t.Fatal(err)
		}
		if buf.String() != tt.want {
			t.Errorf("exact %v:\n%s\nwant\n%s", tt.exact, buf.String(), tt.want)
		}
	}
}

// Figures made by someone who could not read every case say so in the file.
func TestFiguresCSVSaysWhatWasNotCounted(t *testing.T) {
	f := practice.Figures{Tables: []practice.FigureTable{{Title: "Type of abuse", Rows: []practice.FigureRow{{Label: "Physical Abuse", Count: 7}}}},
		Unreadable: 2}
	var buf bytes.Buffer
	if err := WriteFiguresCSV(&buf, f, false); err != nil {
		t.Fatal(err)
	}
	if want := "table,label,count\nType of abuse,Physical Abuse,5\nNot counted,Cases restricted to other users,2\n"; buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}
