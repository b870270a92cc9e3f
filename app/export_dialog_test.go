package app

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"msprecords/crypto"
	"msprecords/demo"
	"msprecords/export"
	"msprecords/practice"
	"msprecords/records"
	"msprecords/store"
)

// exportFixture is an open store holding one demo case, and the export
// dialog on it in a test window.
func exportFixture(t *testing.T) (*exportDialog, *store.Store) {
	t.Helper()
	test.NewTempApp(t)
	dir := filepath.Join(t.TempDir(), "vault")
	v, created, _, err := crypto.Create(dir, testUser, testPass, crypto.MinWorkFactor)
	key := created.Key
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Create(v.DBDir(), key, testUser, practice.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	c := demo.Cases(1, 1)[0]
	if err := st.Create(c); err != nil {
		t.Fatal(err)
	}
	e := newExportDialog(test.NewWindow(nil), st, c)
	e.d.Show()
	return e, st
}

func exportEntries(t *testing.T, st *store.Store) []store.AuditEntry {
	t.Helper()
	trail, err := st.AuditTrail()
	if err != nil {
		t.Fatal(err)
	}
	var out []store.AuditEntry
	for _, a := range trail {
		if a.Action == store.AuditExport {
			out = append(out, a)
		}
	}
	return out
}

// The purpose sets the sections; only a custom pack lets them change, and
// the person's copy never ticks the alleged person's section.
func TestExportDialogPurposeSetsSections(t *testing.T) {
	e, _ := exportFixture(t)
	alleged := export.SectionAlleged.Title(export.PurposeMeeting)
	if !e.sections.Disabled() || len(e.sections.Selected) != len(export.AllSections) {
		t.Errorf("meeting: sections %v, disabled %v", e.sections.Selected, e.sections.Disabled())
	}
	e.purpose.SetSelected(export.PurposePerson.Label())
	if slices.Contains(e.sections.Selected, alleged) || !e.sections.Disabled() {
		t.Errorf("person: sections %v, disabled %v", e.sections.Selected, e.sections.Disabled())
	}
	mustContain(t, "the note", e.note.Text, "Always leaves out the person alleged to have caused harm")
	e.purpose.SetSelected(export.PurposeCustom.Label())
	if e.sections.Disabled() {
		t.Error("custom: the sections cannot be changed")
	}
	e.sections.SetSelected(nil)
	test.Tap(e.choose)
	mustContain(t, "the problem", e.problem.Text, "Tick at least one section")
}

// A password is typed twice, or "Export without a password" is ticked.
func TestExportDialogInsistsOnAPasswordChoice(t *testing.T) {
	e, _ := exportFixture(t)
	test.Tap(e.choose)
	if !e.problem.Visible() {
		t.Fatal("no password and no choice: nothing was said")
	}
	mustContain(t, "the problem", e.problem.Text, "Export without a password")
	test.Type(e.pass, "cobalt lantern meadow")
	test.Type(e.again, "cobalt lantern meadoww")
	test.Tap(e.choose)
	mustContain(t, "the problem", e.problem.Text, "not the same")
	e.format.SetSelected(formatHTML)
	if msg := e.checkChoices(); !strings.Contains(msg, "cannot have a password") {
		t.Errorf("HTML with a password: %q", msg)
	}
	test.Tap(e.noPassword)
	if msg := e.checkChoices(); msg != "" || !e.pass.Disabled() {
		t.Errorf("no password ticked: %q, password box disabled %v", msg, e.pass.Disabled())
	}
}

// Saving writes an AES-256 PDF that opens with the password and records the
// export; the file name offered holds the reference, never the name.
func TestExportDialogSavesEncryptedPDF(t *testing.T) {
	e, st := exportFixture(t)
	e.purpose.SetSelected(export.PurposePerson.Label())
	test.Tap(e.mask)
	test.Type(e.pass, "cobalt lantern meadow")
	test.Type(e.again, "cobalt lantern meadow")
	if msg := e.checkChoices(); msg != "" {
		t.Fatal(msg)
	}
	test.Tap(e.choose)
	sa := e.saveAs
	name := sa.name.Text
	if want := e.c.Reference + "-persons-copy-" + records.Today().ISO() + ".pdf"; name != want || strings.Contains(name, "Dorothy") {
		t.Errorf("file name offered: %q, want %q", name, want)
	}
	sa.folder = t.TempDir()
	sa.onSave()
	e.work.wait()
	path := filepath.Join(sa.folder, name)
	if _, err := exec.LookPath("pdfinfo"); err == nil {
		info, err := exec.Command("pdfinfo", "-upw", "cobalt lantern meadow", path).CombinedOutput()
		if err != nil || !strings.Contains(string(info), "AES-256") {
			t.Errorf("pdfinfo: %v\n%s", err, info)
		}
	}
	entries := exportEntries(t, st)
	if len(entries) != 1 || !strings.Contains(entries[0].Detail, "purpose: person") || !strings.Contains(entries[0].Detail, "encrypted (AES-256)") ||
		!strings.Contains(entries[0].Detail, "contacts masked: Yes") || entries[0].User != testUser {
		t.Errorf("audit trail: %+v", entries)
	}
}

// An HTML page needs "Export without a password"; it is written whole.
func TestExportDialogSavesHTML(t *testing.T) {
	e, st := exportFixture(t)
	e.format.SetSelected(formatHTML)
	test.Tap(e.noPassword)
	before := len(e.w.Canvas().Overlays().List())
	test.Tap(e.choose)
	if e.problem.Visible() || len(e.w.Canvas().Overlays().List()) != before+1 {
		t.Fatalf("valid choices did not open the save dialog: %q", e.problem.Text)
	}
	var saved string
	e.saved = func(p string) { saved = p }
	path := filepath.Join(t.TempDir(), "pack.html")
	e.saveTo(path)
	e.work.wait()
	page, err := os.ReadFile(path)
	if err != nil || !strings.HasPrefix(string(page), "<!DOCTYPE html>") || saved != path {
		t.Fatalf("the HTML page: %v, saved %q", err, saved)
	}
	if entries := exportEntries(t, st); len(entries) != 1 || !strings.Contains(entries[0].Detail, "as HTML, not encrypted") {
		t.Errorf("audit trail: %+v", entries)
	}
	files, _ := os.ReadDir(filepath.Dir(path))
	if len(files) != 1 {
		t.Errorf("the folder holds %d files, want the page alone", len(files))
	}
}
