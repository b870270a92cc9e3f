package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// recoveryFileName is offered when saving the recovery key. It names the app,
// never a person or a case.
const recoveryFileName = "msp-records-recovery-key.txt"

// recoveryScreen shows the recovery key once, right after the vault is made.
// The key is not stored anywhere by the app; the person must keep it (on
// paper, or in a file they choose) before going on.
type recoveryScreen struct {
	w    fyne.Window
	code string
	done func()

	key    *widget.Label
	save   *widget.Button
	saved  *widget.Label
	kept   *widget.Check
	button *widget.Button
	root   fyne.CanvasObject
}

func newRecoveryScreen(w fyne.Window, code string, done func()) *recoveryScreen {
	s := &recoveryScreen{w: w, code: code, done: done}
	s.key = widget.NewLabelWithStyle(code, fyne.TextAlignCenter, fyne.TextStyle{Monospace: true})
	s.key.Selectable = true
	s.key.Wrapping = fyne.TextWrapBreak
	s.save = widget.NewButtonWithIcon("Save to file…", theme.DocumentSaveIcon(), s.onSave)
	s.saved = widget.NewLabel("")
	s.saved.Hide()
	s.button = widget.NewButtonWithIcon("Continue", theme.NavigateNextIcon(), s.onContinue)
	s.button.Importance = widget.HighImportance
	s.button.Disable()
	s.kept = widget.NewCheck("I have kept the recovery key somewhere safe", s.onKept)
	s.root = s.layout()
	return s
}

func (s *recoveryScreen) layout() fyne.CanvasObject {
	intro := widget.NewLabel("This is the vault's recovery key. If every passphrase is forgotten, " +
		"it is the only way to open the records. It is shown this once and is not stored by MSP Records.")
	intro.Wrapping = fyne.TextWrapWord
	advice := widget.NewLabel("Write it down or save it to a file, and keep it away from this computer, " +
		"for example on a USB stick in a locked drawer. Anyone with the key and a copy of the vault can read every case.")
	advice.Wrapping = fyne.TextWrapWord
	return centred(container.NewVBox(
		heading("Keep the recovery key"), intro,
		widget.NewCard("", "", s.key),
		advice, container.NewHBox(s.save), s.saved, s.kept, s.button,
	))
}

// onSave writes the recovery key, and nothing else, to a file the person
// chooses.
func (s *recoveryScreen) onSave() {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			dialog.ShowError(err, s.w)
			return
		}
		if wc == nil {
			return // cancelled
		}
		s.writeKey(wc)
	}, s.w)
	d.SetFileName(recoveryFileName)
	d.Show()
}

func (s *recoveryScreen) writeKey(wc fyne.URIWriteCloser) {
	_, err := wc.Write([]byte(s.code + "\n"))
	if cerr := wc.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		s.saved.SetText("The recovery key could not be saved: " + err.Error() + ". Try another place, or write it down.")
	} else {
		s.saved.SetText("Saved to " + wc.URI().Name() + ".")
	}
	s.saved.Show()
}

func (s *recoveryScreen) onKept(kept bool) {
	if kept {
		s.button.Enable()
	} else {
		s.button.Disable()
	}
}

func (s *recoveryScreen) onContinue() {
	if !s.kept.Checked {
		return
	}
	s.key.SetText("")
	s.done()
}
