package app

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"msprecords/crypto"
	"msprecords/records"
)

// createToRecovery makes a vault through the create-vault screen and
// returns the recovery key screen shown next.
func createToRecovery(t *testing.T, u *UI) *recoveryScreen {
	t.Helper()
	s := u.create
	if s == nil {
		t.Fatal("no create-vault screen on an empty folder")
	}
	s.user.SetText(testUser)
	s.pass.SetText(testPass)
	s.again.SetText(testPass)
	test.Tap(s.button)
	u.work.wait()
	if u.recovery == nil {
		t.Fatalf("no recovery key screen; problem %q", s.problem.Text)
	}
	return u.recovery
}

// opensVault checks that text, as crypto.FindRecoveryKey reads it, is the
// recovery key of the vault in dir.
func opensVault(t *testing.T, what, dir, text string) {
	t.Helper()
	key, ok := crypto.FindRecoveryKey(text)
	if !ok {
		t.Fatalf("%s: no recovery key in %q", what, text)
	}
	v, err := crypto.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := v.UnlockWithRecoveryKey(key); err != nil {
		t.Errorf("%s: the key does not open the vault: %v", what, err)
	}
}

// TestRecoveryScreenShowsGroups: the key is shown in groups, four lines in a
// monospace label, and typed back from them it opens the vault.
func TestRecoveryScreenShowsGroups(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "vault")
	u := newTestUI(t, dir)
	r := createToRecovery(t, u)
	lines := strings.Split(r.key.Text, "\n")
	if len(lines) != 4 || lines[0] != crypto.RecoveryKeyPrefix || len(strings.Fields(lines[1])) != 4 {
		t.Errorf("the key is shown as %q", lines)
	}
	if !r.key.TextStyle.Monospace {
		t.Error("the key is not in a monospace font")
	}
	opensVault(t, "the key as shown", dir, r.key.Text)
	opensVault(t, "the key typed without spaces", dir, strings.Join(strings.Fields(r.key.Text), ""))
}

// TestRecoveryScreenCopy: Copy puts the key on the clipboard and says it
// will be cleared; clearing leaves anything copied since alone, and
// Continue clears a key still there.
func TestRecoveryScreenCopy(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "vault")
	u := newTestUI(t, dir)
	r := createToRecovery(t, u)
	cb := fyne.CurrentApp().Clipboard()

	test.Tap(r.copy)
	opensVault(t, "the clipboard", dir, cb.Content())
	if cb.Content() != strings.Join(strings.Fields(r.key.Text), "") {
		t.Errorf("the clipboard holds %q, want the key on one line", cb.Content())
	}
	mustContain(t, "the note after Copy", r.saved.Text, "cleared in two minutes")
	r.clearClipboard() // as the timer does
	if cb.Content() != "" {
		t.Errorf("after the time, the clipboard still holds %q", cb.Content())
	}

	test.Tap(r.copy)
	cb.SetContent("something else copied since")
	r.clearClipboard()
	if cb.Content() != "something else copied since" {
		t.Errorf("clearing the key replaced what was copied since: %q", cb.Content())
	}

	test.Tap(r.copy)
	test.Tap(r.kept)
	test.Tap(r.button)
	if !u.unlocked() {
		t.Fatal("Continue did not open the case list")
	}
	if cb.Content() != "" {
		t.Errorf("after Continue the clipboard holds %q", cb.Content())
	}
}

// TestRecoveryScreenSave drives the save dialog as a person would: Save to
// file…, the name offered, Save. The file is readable by its owner alone and
// holds the vault's folder, id and date, the key in its groups and the
// advice, and the key in it opens the vault.
func TestRecoveryScreenSave(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "vault")
	u := newTestUI(t, dir)
	r := createToRecovery(t, u)
	drive := t.TempDir() // stands in for the removable drive
	r.startIn = func() string { return drive }

	test.Tap(r.save)
	saveInDialog(t, u.window, recoveryFileName)
	u.work.wait()
	path := filepath.Join(drive, recoveryFileName)
	mustContain(t, "the note after saving", r.saved.Text, "Saved to "+recoveryFileName+", readable only by you.")
	checkOwnerOnlyFile(t, path)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	note := string(data)
	v, err := crypto.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Vault folder: vault", "Vault id:     " + v.Header.VaultID, "Vault made:   " + records.Today().String(),
		strings.ReplaceAll(r.key.Text, "\n", "\r\n"), "Never keep it on this computer.",
		"Anyone with this key and a copy of the vault can read every case.",
	} {
		mustContain(t, "the saved note", note, want)
	}
	opensVault(t, "the saved note", dir, note)
}

// TestRecoveryScreenPrint: Print… saves the recovery sheet, owner-only, then
// offers to open it in the system's viewer to print.
func TestRecoveryScreenPrint(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "vault")
	u := newTestUI(t, dir)
	r := createToRecovery(t, u)
	drive := t.TempDir()
	r.startIn = func() string { return drive }
	var opened []string
	r.openFile = func(path string) error { opened = append(opened, path); return nil }

	test.Tap(r.print)
	saveInDialog(t, u.window, recoverySheetName)
	u.work.wait()
	path := filepath.Join(drive, recoverySheetName)
	checkOwnerOnlyFile(t, path)
	if pdf, err := os.ReadFile(path); err != nil || !strings.HasPrefix(string(pdf), "%PDF-") {
		t.Fatalf("the sheet: %v, starts %.8q", err, pdf)
	}
	mustContain(t, "the note after printing", r.saved.Text, "delete the file")
	top := u.window.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no offer to open the sheet")
	}
	test.Tap(findButton(t, top, "Open to print"))
	if len(opened) != 1 || opened[0] != path {
		t.Errorf("opened %q, want the sheet %s", opened, path)
	}
	if entries, _ := os.ReadDir(drive); len(entries) != 1 {
		t.Errorf("the folder holds %d files, want the sheet alone", len(entries))
	}
}

// saveInDialog checks that the file dialog on top offers name and taps its
// Save button.
func saveInDialog(t *testing.T, w fyne.Window, name string) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no save dialog")
	}
	offered := false
	for _, o := range test.LaidOutObjects(top) {
		if e, ok := o.(*widget.Entry); ok && e.Text == name {
			offered = true
		}
	}
	if !offered {
		t.Errorf("the save dialog does not offer the name %s", name)
	}
	test.Tap(findButton(t, top, "Save"))
}

// checkOwnerOnlyFile: beyond Windows the file's mode is 0600 (the save
// umask would give 0644); on Windows, crypto's tests check the access
// list that crypto.WriteOwnerOnly gives it.
func checkOwnerOnlyFile(t *testing.T, path string) {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Errorf("%s has mode %v, want 0600", filepath.Base(path), fi.Mode().Perm())
	}
}

// TestGroupedKeyTypedOnUnlockScreen: the key typed from the sheet, group by
// group with spaces and in small letters, sets a new passphrase on the
// unlock screen's "Use the recovery key" dialog.
func TestGroupedKeyTypedOnUnlockScreen(t *testing.T) {
	dir, recovery := newVaultWithRecoveryKey(t)
	u := newTestUI(t, dir)
	f := openRecoveryKeyForm(t, u)
	typed := strings.ToLower(strings.ReplaceAll(crypto.GroupRecoveryKey(recovery), "\n", " "))
	test.Type(f.key, typed)
	f.user.SetText(testUser)
	test.Type(f.pass, "a new long passphrase for Alice")
	test.Type(f.again, "a new long passphrase for Alice")
	test.Tap(f.ok)
	u.work.wait()
	if !u.unlocked() {
		t.Fatalf("the key typed as %q did not unlock: %q", typed, f.problem.Text)
	}
}
