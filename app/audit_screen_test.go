package app

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"msprecords/demo"
	"msprecords/practice"
	"msprecords/records"
)

// withDemoCases adds n demo cases to the unlocked vault and returns them.
func withDemoCases(t *testing.T, u *UI, n int) []*records.Case {
	t.Helper()
	cases := demo.Cases(n, 1)
	for _, c := range cases {
		if err := u.session.store.Create(c); err != nil {
			t.Fatal(err)
		}
	}
	u.cases.refresh()
	return cases
}

// trailDetails returns the details of the audit trail entries of action.
func trailDetails(t *testing.T, u *UI, action string) []string {
	t.Helper()
	entries, err := u.session.store.AuditTrail()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if e.Action == action {
			out = append(out, e.Detail)
		}
	}
	return out
}

func TestAuditScreen(t *testing.T) {
	u := openUnlocked(t)
	cases := withDemoCases(t, u, 36)
	s := u.openAudit()
	if s == nil || u.body.Objects[0] != s.root {
		t.Fatal("the audit screen is not shown")
	}
	test.Type(s.condition, "Dementia")
	s.size.SetText("5")
	s.seed.SetText("42")
	test.Tap(s.run)
	u.work.wait()
	want, _ := practice.DrawSample(cases, practice.Filter{Condition: "Dementia"}, 5, 42)
	if len(s.rows) != 1+len(practice.Criteria()) || s.result == nil || len(s.result.Cases) != len(want.Cases) {
		t.Fatalf("results: %d rows, %v", len(s.rows), s.summary.Text)
	}
	for i, c := range s.result.Cases {
		if c.Reference != want.Cases[i].Reference {
			t.Errorf("case %d drawn %s, want %s (as the command line draws)", i, c.Reference, want.Cases[i].Reference)
		}
	}
	if !strings.Contains(s.summary.Text, "seed 42") || s.savePDF.Disabled() {
		t.Errorf("summary %q; save disabled %v", s.summary.Text, s.savePDF.Disabled())
	}
	if d := trailDetails(t, u, "audit"); len(d) != 1 || !strings.Contains(d[0], `condition contains "Dementia"`) {
		t.Errorf("audit trail: %q", d)
	}

	path := filepath.Join(t.TempDir(), "audit.pdf")
	if err := writeReport(u.session.store, path, "audit", func() ([]byte, string, error) {
		return auditFile(*s.result, ".pdf", u.session.user)
	}); err != nil {
		t.Fatal(err)
	}
	if os.Getenv("MSPRECORDS_UNDER_WINE") != "" {
		t.Log("the PDF is not read under Wine (scripts/wine-test.sh): pdftotext is a Linux program, which a Windows program cannot start there; the Linux tests read it")
	} else {
		text, err := exec.Command("pdftotext", path, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		flat := strings.Join(strings.Fields(string(text)), " ")
		for _, c := range cases {
			if strings.Contains(flat, c.Person.Name) {
				t.Errorf("the saved report names %s", c.Person.Name)
			}
		}
	}
	if d := trailDetails(t, u, "audit"); len(d) != 2 || !strings.Contains(d[1], "report saved as PDF") {
		t.Errorf("audit trail after saving: %q", d)
	}
}

func TestAuditScreenRefusesBadChoices(t *testing.T) {
	u := openUnlocked(t)
	s := u.openAudit()
	for _, tt := range []struct {
		set  func()
		want string
	}{
		{func() { s.from.SetText("31/02/2025") }, "Closed from must be a real date"},
		{func() { s.from.SetText("2/1/2025"); s.to.SetText("1/1/2025") }, "Closed to must be the same as or after closed from"},
		{func() { s.to.SetText(""); s.size.SetText("none") }, "Enter the number of cases to sample as a whole number, like 20"},
		{func() { s.size.SetText("3"); s.seed.SetText("4.5") }, "Enter the seed as a whole number, like 4821"},
	} {
		tt.set()
		test.Tap(s.run)
		u.work.wait()
		if !s.problem.Visible() || s.problem.Text != tt.want {
			t.Errorf("problem %q, want %q", s.problem.Text, tt.want)
		}
	}
	if d := trailDetails(t, u, "audit"); len(d) != 0 {
		t.Errorf("a refused audit was recorded: %q", d)
	}
}

func TestReportScreensGoWithTheLock(t *testing.T) {
	u := openUnlocked(t)
	withDemoCases(t, u, 12)
	s := u.openAudit()
	s.size.SetText("3")
	test.Tap(s.run)
	u.lockNow() // before the worker's result reaches the screen
	u.work.wait()
	if u.unlock == nil || u.body.Objects[0] == s.root {
		t.Error("the audit screen is still shown after locking")
	}
	if _, err := os.Stat(u.vaultDir); err != nil {
		t.Fatal(err)
	}
}
