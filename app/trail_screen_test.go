package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"msprecords/store"
)

// The audit-trail screen shows an export made a moment before, filters by
// case and action, and saves what it shows as CSV.
func TestTrailScreenShowsAnExport(t *testing.T) {
	u := openUnlocked(t)
	cases := withDemoCases(t, u, 3)
	c := cases[1]
	e := newExportDialog(u.window, u.session.store, c)
	e.format.SetSelected(formatHTML)
	test.Tap(e.noPassword)
	e.saveTo(filepath.Join(t.TempDir(), "pack.html"))
	e.work.wait()

	findButton(t, u.cases.root, "Audit trail")
	scr := u.openTrail()
	u.work.wait()
	last := scr.rows[len(scr.rows)-1]
	if last[2] != testUser || last[3] != store.AuditExport || last[4] != c.Reference || !strings.Contains(last[5], "as HTML") {
		t.Fatalf("the last row is %q; want the export of %s by %s", last, c.Reference, testUser)
	}
	if !strings.Contains(scr.chain.Text, "is unbroken") {
		t.Errorf("chain: %q", scr.chain.Text)
	}

	test.Type(scr.reference, cases[0].Reference)
	scr.action.SetSelected(store.AuditExport)
	u.work.wait()
	if len(scr.rows) != 1 || !strings.Contains(scr.summary.Text, "0 entries shown") {
		t.Fatalf("an export of another case: rows %q, %q", scr.rows, scr.summary.Text)
	}
	scr.reference.SetText("")
	scr.load()
	u.work.wait()
	if len(scr.rows) != 2 || scr.rows[1][4] != c.Reference {
		t.Fatalf("exports: %q", scr.rows)
	}
	test.Type(scr.from, "31/02/2026")
	scr.load()
	if scr.problem.Text == "" {
		t.Error("an impossible From date was not refused")
	}
	scr.from.SetText("")
	scr.load()
	u.work.wait()

	path := filepath.Join(t.TempDir(), "trail.csv")
	tr, f := scr.trail, scr.filter
	err := writeReport(u.session.store, path, store.AuditTrailSaved, func() ([]byte, string, error) {
		return trailFile(tr, f)
	})
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if lines := strings.Split(strings.TrimSpace(string(data)), "\n"); len(lines) != 2 || !strings.Contains(lines[1], c.Reference) {
		t.Errorf("CSV %q", data)
	}
	if d := trailDetails(t, u, store.AuditTrailSaved); len(d) != 1 || d[0] != "1 entry saved as CSV, action export" {
		t.Errorf("saving was recorded as %q", d)
	}
}
