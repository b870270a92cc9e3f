package app

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// holdBackup holds the window's backup in the middle of its database
// stream until the backup is cancelled, and says when it got there.
func holdBackup(t *testing.T, u *UI) (reached <-chan struct{}) {
	t.Helper()
	ch := make(chan struct{}, 1)
	testOnlyBackupWrote = func(ctx context.Context) {
		select {
		case ch <- struct{}{}:
		default:
		}
		select {
		case <-ctx.Done():
		case <-time.After(time.Minute): // only if nothing cancels it, so the test fails rather than hangs
		}
	}
	t.Cleanup(func() {
		u.work.wait()
		testOnlyBackupWrote = nil
	})
	return ch
}

// startBackup starts a backup from the settings to a file in a temporary
// folder (the save dialog itself is the system's) and waits until it is
// held in the middle of the database.
func startBackup(t *testing.T, u *UI, reached <-chan struct{}) (path string) {
	t.Helper()
	u.showSettings()
	path = filepath.Join(t.TempDir(), backupFileName())
	u.settingsUI.writeBackup(path, "backup passphrase here")
	select {
	case <-reached:
	case <-time.After(time.Minute):
		t.Fatal("the backup never reached the database")
	}
	return path
}

// backupDialog returns the progress bar and Cancel button of the backup's
// progress dialog, which must be on top.
func backupDialog(t *testing.T, u *UI) (*widget.ProgressBar, *widget.Button) {
	t.Helper()
	top := u.window.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no progress dialog while the backup runs")
	}
	var bar *widget.ProgressBar
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.ProgressBar); ok {
			bar = b
		}
	}
	if bar == nil {
		t.Fatal("the progress dialog has no progress bar")
	}
	return bar, findButton(t, top, "Cancel")
}

// noFilesLeft checks that the backup's folder is empty: no backup, no
// temporary file, not even the empty file the save dialog made.
func noFilesLeft(t *testing.T, path string) {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		t.Errorf("left behind: %s", e.Name())
	}
}

// TestBackupCancelled cancels a backup from its progress dialog: the bar
// showed progress, no file is left, and the vault stays unlocked.
func TestBackupCancelled(t *testing.T) {
	u := openUnlocked(t)
	newCaseThroughForm(t, u, "Ada Lovelace", "10", "12", "1915")
	path := startBackup(t, u, holdBackup(t, u))
	bar, cancel := backupDialog(t, u)
	test.Tap(cancel)
	u.work.wait()

	if bar.Value <= 0 {
		t.Errorf("the progress bar stayed at %v", bar.Value)
	}
	noFilesLeft(t, path)
	mustContain(t, "message bar", u.bar.message(), "backup was cancelled")
	if !u.unlocked() {
		t.Error("cancelling the backup locked the vault")
	}
	if top := u.window.Canvas().Overlays().Top(); top != nil {
		t.Errorf("a dialog is still shown: %T", top)
	}
}

// TestIdleLockCancelsBackup lets the idle lock fire while a backup is held
// in the middle of the database: the backup stops and removes its file,
// and the vault locks and is let go of.
func TestIdleLockCancelsBackup(t *testing.T) {
	dir := newVault(t)
	u := newTestUI(t, dir)
	unlockWith(t, u, testUser, testPass)
	newCaseThroughForm(t, u, "Ada Lovelace", "10", "12", "1915")
	test.Type(personField(t, u, "Language"), "English")
	press(u, fyne.KeyS)
	path := startBackup(t, u, holdBackup(t, u))
	backupDialog(t, u)

	u.idle.fire() // what the idle watcher runs when the time is up
	if u.session != nil || u.unlock == nil {
		t.Fatal("the idle lock did not lock during a backup")
	}
	if !vaultIsFree(t, dir) {
		t.Error("the vault lock is still held after the idle lock")
	}
	u.work.wait()
	noFilesLeft(t, path)
	mustContain(t, "message bar", u.bar.message(), "stopped when the vault locked")

	unlockWith(t, u, testUser, testPass)
	if !u.unlocked() || u.cases.count.Text != "1 case" {
		t.Fatalf("the vault does not unlock as it was after the cancelled backup")
	}
}
