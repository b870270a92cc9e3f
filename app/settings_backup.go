package app

import (
	"context"
	"errors"
	"path/filepath"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"msprecords/backup"
	"msprecords/records"
	"msprecords/store"
)

// backupForm asks for the backup's own passphrase, twice, before the file
// is chosen.
type backupForm struct {
	pass, again   *widget.Entry
	hint, problem *widget.Label
	ok            *widget.Button
	d             *dialog.CustomDialog
}

// backupFileName is offered in the save dialog: the app and the date, never
// anything about a case.
func backupFileName() string {
	return "msp-records-backup-" + records.Today().ISO() + ".age"
}

// onBackup asks for a backup passphrase, then for where to save the file.
func (s *settingsScreen) onBackup() {
	f := &backupForm{pass: widget.NewPasswordEntry(), again: widget.NewPasswordEntry(),
		hint: widget.NewLabel(""), problem: newProblemLabel()}
	f.hint.Wrapping = fyne.TextWrapWord
	f.pass.OnChanged = func(p string) {
		hint, _ := passphraseHint(p, "")
		f.hint.SetText(hint)
	}
	f.pass.OnChanged("")
	intro := wrapped("The backup has a passphrase of its own. Restored, the vault opens with the users' " +
		"passphrases and recovery key as they are now. Without the backup passphrase the backup cannot be opened.")
	form := widget.NewForm(
		widget.NewFormItem("Backup passphrase", f.pass),
		widget.NewFormItem("Backup passphrase again", f.again))
	f.ok = widget.NewButtonWithIcon("Choose where to save…", theme.DocumentSaveIcon(), func() { s.onBackupPassphrase(f) })
	f.ok.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() { f.d.Hide() })
	body := container.New(columnWidth(520), container.NewVBox(intro, form, f.hint, f.problem))
	f.d = dialog.NewCustomWithoutButtons("Back up the vault", body, s.w)
	f.d.SetButtons([]fyne.CanvasObject{cancel, f.ok})
	s.backupUI = f
	f.d.Show()
}

func (s *settingsScreen) onBackupPassphrase(f *backupForm) {
	if msg := passphraseProblem(f.pass.Text, f.again.Text, ""); msg != "" {
		f.problem.SetText(msg)
		f.problem.Show()
		return
	}
	pass := f.pass.Text
	f.d.Hide()
	askSaveAs(s.w, "Save the backup", backupFileName(), filepath.Ext(backupFileName()), func(path string) { s.writeBackup(path, pass) })
}

// writeBackup writes the encrypted backup to path in the worker, with a
// progress bar and a Cancel button meanwhile: under a temporary name beside
// it, renamed to path only when complete. A backup that fails, is
// cancelled, or is stopped by the vault locking removes what it wrote, so
// no half-written file is left to be mistaken for a good one.
func (s *settingsScreen) writeBackup(path, pass string) {
	name := filepath.Base(path)
	sess := s.u.session
	ctx, cancel := context.WithCancel(sess.context())
	p := newBackupProgress(s.w, cancel, &s.u.work)
	p.d.Show()
	st, dir := sess.store, s.u.vaultDir
	var err error
	s.u.work.run(func() {
		err = backupVault(ctx, path, dir, st, pass, p.report)
		cancel()
	}, func() {
		p.d.Hide()
		s.backupDone(name, err, sess)
	})
}

// backupDone says how the backup went.
func (s *settingsScreen) backupDone(name string, err error, sess *session) {
	switch {
	case errors.Is(err, context.Canceled) && s.u.session != sess:
		s.u.bar.show("The backup was stopped when the vault locked, and its unfinished file removed. Back up again after unlocking.")
	case errors.Is(err, context.Canceled):
		s.u.bar.show("The backup was cancelled, and its unfinished file removed.")
	case err != nil:
		s.u.bar.show("The backup was not made. " + messageFor(err))
	default:
		s.u.bar.show("Backup saved to " + name + ". Keep it, and its passphrase, somewhere safe.")
	}
}

// testOnlyBackupWrote, when not nil, is called by the backup's progress
// reports on the worker's goroutine, so that a test can hold a backup in
// the middle of its stream. Never set outside tests.
var testOnlyBackupWrote func(ctx context.Context)

// backupVault writes the backup of the vault in dir to path, sealed with
// pass: the same file as the command line's backup, so 'msprecords
// restore' reads either.
func backupVault(ctx context.Context, path, dir string, st *store.Store, pass string, progress backup.Progress) error {
	report := progress
	if hook := testOnlyBackupWrote; hook != nil {
		report = func(done, total int64) {
			progress(done, total)
			hook(ctx)
		}
	}
	if err := store.CheckFreeSpace(filepath.Dir(path), st.BackupSize()); err != nil {
		return err // refused at once, rather than a full disk part way
	}
	return store.AsDiskFull(backup.WriteFile(ctx, path, dir, st, pass, 0, report))
}

// backupProgress is the dialog shown while a backup is written: a bar that
// fills as the database is streamed, and Cancel.
type backupProgress struct {
	d      *dialog.CustomDialog
	bar    *widget.ProgressBar
	cancel *widget.Button
	work   *worker

	mu      sync.Mutex
	frac    float64
	pending bool // a report is on its way to the UI goroutine
}

func newBackupProgress(w fyne.Window, cancel context.CancelFunc, work *worker) *backupProgress {
	p := &backupProgress{bar: widget.NewProgressBar(), work: work}
	p.cancel = widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() {
		cancel()
		p.cancel.Disable()
		p.cancel.SetText("Cancelling…")
	})
	intro := wrapped("Sealing the backup with its passphrase, then writing every case and the audit trail. " +
		"You can cancel: no file is kept unless the backup is complete.")
	body := container.New(columnWidth(420), container.NewVBox(intro, p.bar))
	p.d = dialog.NewCustomWithoutButtons("Backing up…", body, w)
	p.d.SetButtons([]fyne.CanvasObject{p.cancel})
	return p
}

// report runs on the worker's goroutine: it records how far the backup has
// got and, unless a report is already on its way, posts one to the UI
// goroutine. The bar stops short of full until the backup is done, since
// the total is an estimate.
func (p *backupProgress) report(done, total int64) {
	frac := 0.5
	if total > 0 {
		frac = min(float64(done)/float64(total), 0.99)
	}
	p.mu.Lock()
	p.frac = frac
	post := !p.pending
	p.pending = true
	p.mu.Unlock()
	if post && !p.work.post(p.draw) {
		p.mu.Lock()
		p.pending = false
		p.mu.Unlock()
	}
}

func (p *backupProgress) draw() {
	p.mu.Lock()
	frac := p.frac
	p.pending = false
	p.mu.Unlock()
	p.bar.SetValue(frac)
}
