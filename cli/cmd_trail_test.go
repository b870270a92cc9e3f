package cli

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAuditTrailCommand(t *testing.T) {
	v := newVault(t, "Lead Person", "correct horse battery staple")
	ok(t, v.args("demo", "--cases", "3")...)
	list := ok(t, v.args("list")...)
	ref := strings.Fields(list)[0]
	out := filepath.Join(t.TempDir(), "pack.html")
	ok(t, v.args("export", "--case", ref, "--purpose", "meeting", "--out", out, "--no-password")...)

	r := msp(t, "", v.args("audit-trail", "--case", strings.ToLower(ref))...)
	if r.code != 0 {
		t.Fatalf("audit-trail: exit %d, %s", r.code, r.stderr)
	}
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	last := strings.Split(lines[len(lines)-1], "\t")
	if len(last) != 6 || last[2] != "Lead Person" || last[3] != "export" || last[4] != ref {
		t.Fatalf("the last entry about %s is %q; want the export by Lead Person", ref, last)
	}
	for _, l := range lines {
		if f := strings.Split(l, "\t"); f[4] != ref {
			t.Errorf("an entry about another case: %q", l)
		}
	}
	if !strings.Contains(r.stderr, "The chain of entries is unbroken.") {
		t.Errorf("stderr %q does not say the chain is unbroken", r.stderr)
	}

	csvPath := filepath.Join(t.TempDir(), "trail.csv")
	ok(t, v.args("audit-trail", "--action", "export", "--from", "1/1/2020", "--csv", csvPath)...)
	f, err := os.Open(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || strings.Join(rows[0], ",") != "entry,time_utc,user,action,reference,detail" || rows[1][4] != ref {
		t.Fatalf("CSV rows %q; want the header and the one export", rows)
	}
	saved := ok(t, v.args("audit-trail", "--action", "audit trail")...)
	if !strings.Contains(saved, "1 entry saved as CSV, action export, from") {
		t.Errorf("saving the CSV was recorded as %q", saved)
	}

	fails(t, "--from must be a real date", v.args("audit-trail", "--from", "31/02/2026")...)
	fails(t, "is before --from", v.args("audit-trail", "--from", "2/1/2026", "--to", "1/1/2026")...)
}
