package app

import (
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"msprecords/crypto"
	"msprecords/export"
)

// Files offered when keeping the recovery key. They name the app, never a
// person or a case.
const (
	recoveryFileName  = "msp-records-recovery-key.txt"
	recoverySheetName = "msp-records-recovery-sheet.pdf"
)

// clipboardKeyTime is how long a copied recovery key may stay on the
// clipboard: long enough to paste it where it is kept, short enough that
// it is not pasted by mistake later. It is then cleared, if the clipboard
// still holds it; Continue clears it at once.
const clipboardKeyTime = 2 * time.Minute

// recoveryScreen shows the recovery key once, right after the vault is made.
// The key is not stored anywhere by the app; the person must keep it before
// going on: copied, printed on the recovery sheet, or saved in a note on a
// removable drive (see recovery_keep.go).
type recoveryScreen struct {
	w     fyne.Window
	code  string
	sheet export.RecoverySheet // what the sheet and note say; see forVault
	work  *worker              // writes the files; nil: on the UI goroutine
	done  func()

	// openFile opens a file in the system's viewer (the sheet, to print it);
	// tests replace it.
	openFile func(path string) error
	// startIn is the folder the save dialogs start in, or "" for the
	// dialog's own choice: a removable drive if one is plugged in. Tests
	// give a temporary folder.
	startIn func() string
	clear   *time.Timer // clears the clipboard; nil until the key is copied

	key    *widget.Label
	copy   *widget.Button
	print  *widget.Button
	save   *widget.Button
	saved  *widget.Label
	kept   *widget.Check
	button *widget.Button
	root   fyne.CanvasObject
}

func newRecoveryScreen(w fyne.Window, code string, done func()) *recoveryScreen {
	s := &recoveryScreen{w: w, code: code, done: done, openFile: openInViewer, startIn: removableDrive,
		sheet: export.RecoverySheet{Key: crypto.GroupRecoveryKey(code), Made: time.Now()}}
	s.key = widget.NewLabelWithStyle(s.sheet.Key, fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	s.key.SizeName = theme.SizeNameSubHeadingText
	s.key.Selectable = true
	s.copy = widget.NewButtonWithIcon("Copy", theme.ContentCopyIcon(), s.onCopy)
	s.print = widget.NewButtonWithIcon("Print…", theme.DocumentPrintIcon(), s.onPrint)
	s.save = widget.NewButtonWithIcon("Save to file…", theme.DocumentSaveIcon(), s.onSave)
	s.saved = widget.NewLabel("")
	s.saved.Wrapping = fyne.TextWrapWord
	s.saved.Hide()
	s.button = widget.NewButtonWithIcon("Continue", theme.NavigateNextIcon(), s.onContinue)
	s.button.Importance = widget.HighImportance
	s.button.Disable()
	s.kept = widget.NewCheck("I have kept the recovery key somewhere safe", s.onKept)
	s.root = s.layout()
	return s
}

// forVault names the vault on the sheet and in the note (its folder's name,
// its id and the day it was made) and gives the screen the worker that
// writes the files.
func (s *recoveryScreen) forVault(v *crypto.Vault, work *worker) {
	if v != nil {
		s.sheet.VaultName = filepath.Base(v.Dir)
		s.sheet.VaultID = v.Header.VaultID
		s.sheet.Made = v.Header.Created
	}
	s.work = work
}

func (s *recoveryScreen) layout() fyne.CanvasObject {
	intro := widget.NewLabel("This is the vault's recovery key. If every passphrase is forgotten, " +
		"it is the only way to open the records. It is shown this once and is not stored by MSP Records.")
	intro.Wrapping = fyne.TextWrapWord
	advice := widget.NewLabel(export.RecoveryKeepAdvice + " Anyone with the key and a copy of the vault can read every case.")
	advice.Wrapping = fyne.TextWrapWord
	advice.Importance = widget.MediumImportance
	return container.NewCenter(container.New(columnWidth(560), container.NewVBox(
		heading("Keep the recovery key"), intro,
		widget.NewCard("", "", container.NewCenter(s.key)), // the lines left-aligned, the block centred
		container.NewHBox(s.print, s.save, s.copy), advice, s.saved,
		s.kept, s.button,
	)))
}

// say shows how keeping the key went.
func (s *recoveryScreen) say(text string) {
	s.saved.SetText(text)
	s.saved.Show()
}

// onCopy puts the key on the clipboard, on one line with no spaces, as a
// password box or another program takes it, and clears it again later.
func (s *recoveryScreen) onCopy() {
	fyne.CurrentApp().Clipboard().SetContent(s.code)
	if s.clear != nil {
		s.clear.Stop()
	}
	s.clear = time.AfterFunc(clipboardKeyTime, func() { fyne.Do(s.clearClipboard) })
	s.say("Copied. Paste it where you will keep it, not into a file on this computer. " +
		"The clipboard will be cleared in two minutes, if it still holds the key.")
}

// clearClipboard empties the clipboard if it still holds the key: something
// copied since is left alone.
func (s *recoveryScreen) clearClipboard() {
	cb := fyne.CurrentApp().Clipboard()
	if cb.Content() == s.code {
		cb.SetContent("")
	}
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
	if s.clear != nil {
		s.clear.Stop()
		s.clearClipboard()
	}
	s.key.SetText("")
	s.done()
}
