package app

import (
	"errors"
	"net/url"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"msprecords/crypto"
	"msprecords/export"
)

// The recovery key's note and sheet are written where the person chooses,
// starting on a removable drive when there is one, and only ever there:
// whole under a temporary name beside the file, then renamed, readable by
// the person alone (crypto.WriteOwnerOnly). Neither goes through a
// temporary folder.

// onSave asks where to save the recovery note, a small text file with the
// vault, the date, the key in its groups and the advice.
func (s *recoveryScreen) onSave() {
	s.askWhere(recoveryFileName, ".txt", s.saveTo)
}

// onPrint asks where to save the recovery sheet, a one-page PDF, then offers
// to open it in the system's viewer to print it.
func (s *recoveryScreen) onPrint() {
	s.askWhere(recoverySheetName, ".pdf", s.printTo)
}

// askWhere asks where to save (askSaveAs), starting on a removable drive
// if one is found, and gives chosen the path picked.
func (s *recoveryScreen) askWhere(name, ext string, chosen func(path string)) {
	d := askSaveAs(s.w, "Save the recovery key", name, ext, chosen)
	if dir := s.startIn(); dir != "" {
		d.folder = dir
		d.showFolder()
	}
}

// saveTo writes the recovery note to path, for the person alone.
func (s *recoveryScreen) saveTo(path string) {
	note := export.RecoveryNote(s.sheet)
	var err error
	s.run(func() { err = crypto.WriteOwnerOnly(path, note) }, func() {
		if err != nil {
			s.say("The recovery key was not saved. " + messageFor(err) + " Try another place, or write the key down.")
			return
		}
		s.say("Saved to " + baseName(path) + ", readable only by you. " + export.RecoveryKeepAdvice)
	})
}

// printTo draws the recovery sheet and writes it to path, for the person
// alone, then offers to open it to print.
func (s *recoveryScreen) printTo(path string) {
	var err error
	s.run(func() {
		var pdf []byte
		if pdf, err = export.WriteRecoverySheet(s.sheet); err == nil {
			err = crypto.WriteOwnerOnly(path, pdf)
		}
	}, func() {
		if err != nil {
			s.say("The recovery sheet was not saved. " + messageFor(err) + " Try another place, or write the key down.")
			return
		}
		s.say("The recovery sheet was saved as " + baseName(path) + ", readable only by you. " +
			"Once it is printed, delete the file unless it is on a removable drive you keep locked away.")
		s.offerToOpen(path)
	})
}

// offerToOpen asks whether to open the sheet just saved, to print it.
func (s *recoveryScreen) offerToOpen(path string) {
	msg := widget.NewLabel("The recovery sheet is saved as " + baseName(path) + ". Open it to print it? " +
		"Keep the printed sheet in a locked drawer or a safe.")
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm("Print the recovery sheet", "Open to print", "Not now",
		container.New(columnWidth(420), msg), func(open bool) {
			if !open {
				return
			}
			if err := s.openFile(path); err != nil {
				s.say("The sheet could not be opened: " + err.Error() + ". Open " + baseName(path) + " yourself to print it.")
			}
		}, s.w)
	d.Show()
}

// run does work beside the window and then on the window's goroutine.
func (s *recoveryScreen) run(work, then func()) {
	if s.work == nil {
		work()
		then()
		return
	}
	s.work.run(work, then)
}

// openInViewer opens a file with the program the system uses for it.
func openInViewer(path string) error {
	u, err := url.Parse(storage.NewFileURI(path).String())
	if err != nil {
		return err
	}
	a := fyne.CurrentApp()
	if a == nil {
		return errors.New("the window has closed")
	}
	return a.OpenURL(u)
}
