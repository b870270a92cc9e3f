package app

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Replacing a file asks first, with the keyboard on "Keep the old file";
// the name gets its extension; a name with a folder in it is refused.
func TestSaveAsAsksBeforeReplacing(t *testing.T) {
	test.NewTempApp(t)
	t.Cleanup(func() { lastSaveFolder = "" })
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(1024, 700))
	dir := t.TempDir()
	old := filepath.Join(dir, "report.csv")
	if err := os.WriteFile(old, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	var saved []string
	s := askSaveAs(w, "Save the report", "report", ".csv", func(p string) { saved = append(saved, p) })
	s.folder = dir

	s.onSave()
	keep, ok := w.Canvas().Focused().(*widget.Button)
	if !ok || keep.Text != "Keep the old file" || len(saved) != 0 {
		t.Fatalf("replacing did not ask with the keyboard on Keep: focused %v, saved %q", w.Canvas().Focused(), saved)
	}
	keep.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if len(saved) != 0 {
		t.Fatalf("Space on Keep saved %q", saved)
	}
	s.onSave()
	test.Tap(findButton(t, w.Canvas().Overlays().Top(), "Replace it"))
	if len(saved) != 1 || saved[0] != old {
		t.Fatalf("Replace it saved %q, want %s", saved, old)
	}

	s = askSaveAs(w, "Save the report", "../elsewhere", ".csv", func(p string) { saved = append(saved, p) })
	s.onSave()
	if !s.prob.Visible() || len(saved) != 1 {
		t.Errorf("a name with a folder in it: problem %q, saved %q", s.prob.Text, saved)
	}
	s.name.SetText("new.CSV")
	s.folder = dir
	s.onSave()
	if len(saved) != 2 || saved[1] != filepath.Join(dir, "new.CSV") {
		t.Errorf("saved %q", saved)
	}
	if lastSaveFolder != dir {
		t.Errorf("the next save starts in %q, want %q", lastSaveFolder, dir)
	}
}
