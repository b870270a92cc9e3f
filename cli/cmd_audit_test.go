package cli

import (
	"bytes"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"msprecords/demo"
	"msprecords/records"
	"msprecords/store"
)

// auditEntries returns the audit trail entries of one action in v.
func auditEntries(t *testing.T, v testVault, action string) []store.AuditEntry {
	t.Helper()
	var out []store.AuditEntry
	env := newEnv(nil, &bytes.Buffer{}, &bytes.Buffer{})
	err := withSession(env, globalOptions{vault: v.dir, passphraseFile: v.passFile}, func(s *session) error {
		all, err := s.store.AuditTrail()
		for _, e := range all {
			if e.Action == action {
				out = append(out, e)
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// csvReferences reads the references of an audit CSV, in order, once each.
func csvReferences(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var refs []string
	for _, r := range rows[1:] {
		if len(refs) == 0 || refs[len(refs)-1] != r[0] {
			refs = append(refs, r[0])
		}
	}
	return refs
}

func TestAuditCommand(t *testing.T) {
	v := newVault(t, "Auditor", "correct horse battery staple")
	ok(t, v.args("demo", "--cases", "36")...)
	dir := t.TempDir()
	pdf, table := filepath.Join(dir, "audit.pdf"), filepath.Join(dir, "audit.csv")
	audit := func(seed, pdf, table string) string {
		return ok(t, v.args("audit", "--closed-from", "1/1/2024", "--closed-to", "2026-12-31", "--condition", "DEMENTIA",
			"--sample", "4", "--seed", seed, "--out", pdf, "--csv", table)...)
	}
	out := audit("42", pdf, table)
	if !strings.Contains(out, "Audited 4 cases of ") || !strings.Contains(out, "seed 42") || !strings.Contains(out, "Spoken to alone") {
		t.Errorf("audit said %q", out)
	}
	first := csvReferences(t, table)
	if len(first) != 4 {
		t.Fatalf("the CSV has cases %v, want 4", first)
	}
	again := filepath.Join(dir, "again.csv")
	audit("42", filepath.Join(dir, "again.pdf"), again)
	if got := csvReferences(t, again); !slices.Equal(got, first) {
		t.Errorf("the same seed drew %v, then %v", first, got)
	}
	other := filepath.Join(dir, "other.csv")
	audit("43", filepath.Join(dir, "other.pdf"), other)
	if got := csvReferences(t, other); slices.Equal(got, first) {
		t.Errorf("seeds 42 and 43 drew the same sample %v", got)
	}
	checkAuditPDFNamesNoOne(t, pdf, demo.Cases(36, 1))
	entries := auditEntries(t, v, "audit")
	if len(entries) != 3 || !strings.Contains(entries[0].Detail, "seed 42") || !strings.Contains(entries[0].Detail, `condition contains "DEMENTIA"`) {
		t.Errorf("audit trail: %+v", entries)
	}
}

// checkAuditPDFNamesNoOne reads the PDF with pdftotext and looks for the
// name of every person and person alleged to have caused harm in cases.
func checkAuditPDFNamesNoOne(t *testing.T, path string, cases []*records.Case) {
	t.Helper()
	if os.Getenv("MSPRECORDS_UNDER_WINE") != "" {
		t.Log("the PDF is not read under Wine (scripts/wine-test.sh): pdftotext is a Linux program, which a Windows program cannot start there; the Linux tests read it")
		return
	}
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext (poppler-utils) is needed: %v", err)
	}
	text := string(out)
	flat := strings.Join(strings.Fields(text), " ")
	if !strings.Contains(text, "OFFICIAL-SENSITIVE") || !strings.Contains(text, "Page 1 of") {
		t.Error("the report lacks its marking or page numbers")
	}
	for _, c := range cases {
		names := []string{c.Person.Name, c.Person.PreferredName}
		for _, a := range c.AllegedPersons {
			names = append(names, a.Name)
		}
		for _, n := range names {
			if n != "" && strings.Contains(flat, n) {
				t.Errorf("the audit report names %q", n)
			}
		}
	}
}

func TestAuditRefusesBadCommandLines(t *testing.T) {
	v := newVault(t, "Auditor", "correct horse battery staple")
	out := filepath.Join(t.TempDir(), "a.pdf")
	tests := []struct {
		want string
		args []string
	}{
		{"--sample N", []string{"--seed", "1", "--out", out}},
		{"--sample N", []string{"--sample", "0", "--seed", "1", "--out", out}},
		{"--seed S", []string{"--sample", "3", "--out", out}},
		{"whole number", []string{"--sample", "3", "--seed", "x1", "--out", out}},
		{"--out FILE.pdf", []string{"--sample", "3", "--seed", "1"}},
		{"--closed-from must be a real date", []string{"--closed-from", "31/02/2025", "--sample", "3", "--seed", "1", "--out", out}},
		{`"Shouting" is not a type of abuse`, []string{"--abuse-type", "Shouting", "--sample", "3", "--seed", "1", "--out", out}},
		{"wrong way round", []string{"--closed-from", "2/1/2025", "--closed-to", "1/1/2025", "--sample", "3", "--seed", "1", "--out", out}},
	}
	for _, tt := range tests {
		r := fails(t, tt.want, v.args(append([]string{"audit"}, tt.args...)...)...)
		if r.code != exitUsage {
			t.Errorf("%v: exit %d, want %d", tt.args, r.code, exitUsage)
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Error("a refused audit left a file behind")
	}
}

func TestAuditOfNothingStillReports(t *testing.T) {
	v := newVault(t, "Auditor", "correct horse battery staple")
	ok(t, v.args("demo", "--cases", "12")...)
	out := filepath.Join(t.TempDir(), "a.pdf")
	got := ok(t, v.args("audit", "--condition", "no such condition", "--sample", "3", "--seed", "1", "--out", out)...)
	if !strings.Contains(got, "Audited 0 cases of 0 matching") {
		t.Errorf("audit said %q", got)
	}
	if _, err := os.Stat(out); err != nil {
		t.Errorf("no report: %v", err)
	}
}
