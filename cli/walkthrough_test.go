package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"msprecords/demo"
	"msprecords/records"
)

// TestWalkThrough goes through the life of a vault as a support person
// would: init, demo, list, show, export-json, import into a second vault,
// backup, restore and verify.
func TestWalkThrough(t *testing.T) {
	v := newVault(t, "Alice", "correct horse battery staple")
	ok(t, v.args("demo", "--cases", "12")...)
	list := ok(t, v.args("list")...)
	checkList(t, list, 12)

	ref := demo.Cases(1, 1)[0].Reference
	show := ok(t, "show", ref, "--vault", v.dir, "--passphrase-file", v.passFile) // flags after the argument
	checkShow(t, show)

	out := filepath.Join(t.TempDir(), "cases.json")
	ok(t, v.args("export-json", "--out", out)...)
	one := filepath.Join(t.TempDir(), "one.json")
	ok(t, v.args("export-json", "--case", strings.ToLower(ref), "--out", one)...)

	w := newVault(t, "Bob", "another passphrase")
	if got := ok(t, w.args("import", out)...); !strings.Contains(got, "Imported 12 cases") {
		t.Errorf("import said %q", got)
	}
	if got := ok(t, w.args("list")...); got != list {
		t.Errorf("the imported vault lists\n%s\nwant\n%s", got, list)
	}
	x := newVault(t, "Carol", "third passphrase")
	ok(t, x.args("import", one)...)
	if got := ok(t, x.args("list")...); !strings.HasPrefix(got, ref+"\t") || strings.Count(got, "\n") != 1 {
		t.Errorf("export-json --case exported %q", got)
	}

	backup := filepath.Join(t.TempDir(), "vault.backup")
	ok(t, v.args("backup", "--out", backup)...)
	checkNoPlaintext(t, backup, "Ashcombe", ref)
	restored := filepath.Join(t.TempDir(), "restored")
	ok(t, "restore", "--backup", backup, "--vault", restored, "--passphrase-file", v.passFile)
	r := testVault{dir: restored, passFile: v.passFile}
	if got := ok(t, r.args("list")...); got != list {
		t.Errorf("the restored vault lists\n%s\nwant\n%s", got, list)
	}
	if got := ok(t, r.args("show", ref)...); got != show {
		t.Error("the restored case shows differently from the original")
	}
	for _, vault := range []testVault{v, w, r} {
		if got := ok(t, vault.args("verify")...); !strings.Contains(got, "Everything checked is in order") || !strings.Contains(got, "12 cases") && vault.dir != x.dir {
			t.Errorf("verify of %s said %q", vault.dir, got)
		}
	}
}

var ukDate = regexp.MustCompile(`^[1-9][0-9]? (January|February|March|April|May|June|July|August|September|October|November|December) 20[0-9]{2}$`)

func checkList(t *testing.T, list string, n int) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(list, "\n"), "\n")
	if len(lines) != n {
		t.Fatalf("list gave %d lines, want %d:\n%s", len(lines), n, list)
	}
	for _, line := range lines {
		f := strings.Split(line, "\t")
		if len(f) != 4 || !strings.HasPrefix(f[0], "DEMO-") || !records.Contains(records.Stages(), f[1]) || !ukDate.MatchString(f[2]) || f[3] == "" {
			t.Errorf("list line %q is not reference, stage, opened date, name", line)
		}
	}
	if !strings.Contains(list, "\tMrs Dorothy Ashcombe\n") || !strings.Contains(list, "Ада Соколова") {
		t.Errorf("list lacks the demo people:\n%s", list)
	}
}

func checkShow(t *testing.T, show string) {
	t.Helper()
	c := demo.Cases(1, 1)[0]
	nhs := records.FormatNHSNumber(c.Person.NHSNumber)
	L := records.Label // the words show uses, from the one description
	for _, want := range []string{
		c.Reference + ": Mrs Dorothy Ashcombe", "The person", L("person.nhs_number") + ": " + nhs, L("person.date_of_birth") + ": " + c.Person.DateOfBirth.String(),
		"The enquiry", L("enquiry.concern_received") + ": " + c.Enquiry.ConcernReceived.String(), "Decision on the s42 duty", "Consent",
		"Contacts with the person", L("contacts.spoken_alone") + ": Yes", "Desired outcomes, in the person's words", "Revisited",
		"Representatives and advocates", "Care Act advocate (s68)", "Attorney under LPA - health and welfare",
		"Mental capacity assessments", L("capacity_assessments.fluctuates") + ": Yes", L("capacity_assessments.revisit_by"), L("capacity_assessments.risks_considered"),
		"Person alleged to have caused harm", L("alleged_persons.also_adult_at_risk") + ": Yes", L("alleged_persons.support_offered"), "Allegations",
		"Risks and actions", L("risks.evaluation.date"), "Referrals to partner agencies", "Time taken",
		"Professional curiosity and challenge", "Others at risk", "Enquiry caused by the council", "Safeguarding plan",
		"Meetings", "Outcome and evaluation", L("outcome.finding") + ": Partly substantiated", "Chronology", L("chronology.corrects") + ": the entry of",
	} {
		if !strings.Contains(show, want) {
			t.Errorf("show lacks %q", want)
		}
	}
	if len(nhs) != 12 || strings.Count(nhs, " ") != 2 {
		t.Errorf("NHS number shown as %q, want 3-3-4", nhs)
	}
	if regexp.MustCompile(`\d{4}-\d{2}-\d{2}`).MatchString(show) {
		t.Error("show has an ISO date; people read UK dates")
	}
}

// checkNoPlaintext fails if a file holds any of the words in clear.
func checkNoPlaintext(t *testing.T, path string, words ...string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range words {
		if strings.Contains(string(data), w) {
			t.Errorf("%s holds %q in clear", filepath.Base(path), w)
		}
	}
}
