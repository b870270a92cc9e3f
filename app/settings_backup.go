package app

import (
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
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
	save := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			s.u.bar.show("The backup could not be saved: " + err.Error())
			return
		}
		if wc != nil {
			s.writeBackup(wc, pass)
		}
	}, s.w)
	save.SetFileName(backupFileName())
	save.Show()
}

// writeBackup writes the encrypted backup in the worker, with a progress
// dialog meanwhile. A backup that fails is deleted, so no half-written file
// is left to be mistaken for a good one.
func (s *settingsScreen) writeBackup(wc fyne.URIWriteCloser, pass string) {
	progress := dialog.NewCustomWithoutButtons("Backing up…", widget.NewProgressBarInfinite(), s.w)
	progress.Show()
	store, dir := s.u.session.store, s.u.vaultDir
	var err error
	s.u.work.run(func() {
		err = backupVault(wc, dir, store, pass)
		if cerr := wc.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			_ = storage.Delete(wc.URI())
		}
	}, func() {
		progress.Hide()
		if err != nil {
			s.u.bar.show("The backup was not made. " + messageFor(err))
			return
		}
		s.u.bar.show("Backup saved to " + wc.URI().Name() + ". Keep it, and its passphrase, somewhere safe.")
	})
}

// backupVault writes the backup of the vault in dir to w, sealed with pass:
// the same file as the command line's backup, so 'msprecords restore'
// reads either.
func backupVault(w io.Writer, dir string, store *store.Store, pass string) error {
	return backup.Write(w, dir, store, pass, 0)
}
