package app

import (
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"msprecords/crypto"
	"msprecords/vaultopen"
)

// maxRecoveryKeyFile bounds what is read of a recovery key file: the key is
// a line long, and a wrong file chosen by mistake should not be read whole.
const maxRecoveryKeyFile = 64 << 10

// recoveryKeyForm is the dialog for someone who has forgotten their
// passphrase: the vault's recovery key, whose passphrase to set (an existing
// user's, or a new user's) and the new passphrase twice. The recovery key
// opens the master key, the new passphrase is sealed with it, and then the
// vault is unlocked with the new passphrase the usual way.
type recoveryKeyForm struct {
	s     *unlockScreen
	users []string

	key           *widget.Entry
	open          *widget.Button
	file          *widget.Label
	user          *widget.SelectEntry
	pass, again   *widget.Entry
	hint, problem *widget.Label
	ok            *widget.Button
	progress      *widget.ProgressBarInfinite
	d             *dialog.CustomDialog
}

// onRecoveryKey opens the recovery key dialog.
func (s *unlockScreen) onRecoveryKey() {
	if s.vault == nil || s.recover.Disabled() {
		return
	}
	s.recovery = newRecoveryKeyForm(s)
	s.recovery.d.Show()
	s.w.Canvas().Focus(s.recovery.key)
}

func newRecoveryKeyForm(s *unlockScreen) *recoveryKeyForm {
	users, _ := s.vault.Users() // a slot that cannot be read is no reason not to try
	f := &recoveryKeyForm{s: s, users: users,
		key: widget.NewPasswordEntry(), file: widget.NewLabel(""), user: widget.NewSelectEntry(users),
		pass: widget.NewPasswordEntry(), again: widget.NewPasswordEntry(),
		hint: widget.NewLabel(""), problem: newProblemLabel(), progress: widget.NewProgressBarInfinite()}
	f.key.SetPlaceHolder("AGE-SECRET-KEY-1…")
	f.open = widget.NewButtonWithIcon("Open the key file…", theme.FolderOpenIcon(), f.onOpenFile)
	f.file.Wrapping = fyne.TextWrapWord
	f.file.Importance = widget.LowImportance
	f.file.Hide()
	f.user.SetPlaceHolder("Choose your name, or type a new one")
	f.user.SetText(s.user.Selected)
	f.hint.Wrapping = fyne.TextWrapWord
	f.progress.Hide()
	f.pass.OnChanged = func(string) { f.updateHint() }
	f.user.OnChanged = func(string) { f.updateHint() }
	f.again.OnSubmitted = func(string) { f.onOK() }
	f.updateHint()

	intro := widget.NewLabel("The recovery key was shown once when the vault was made, to write down or save to a file. " +
		"With it you can choose a new passphrase, for your own user or as a new user.")
	intro.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(
		widget.NewFormItem("Recovery key", container.NewBorder(nil, nil, nil, f.open, f.key)),
		widget.NewFormItem("", f.file),
		widget.NewFormItem("User", f.user),
		widget.NewFormItem("New passphrase", f.pass),
		widget.NewFormItem("New passphrase again", f.again),
	)
	f.ok = widget.NewButtonWithIcon("Set the passphrase and unlock", theme.ConfirmIcon(), f.onOK)
	f.ok.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() { f.d.Hide() })
	body := container.NewVBox(intro, form, f.hint, f.progress, f.problem)
	f.d = dialog.NewCustomWithoutButtons("Use the recovery key", container.New(columnWidth(560), body), s.w)
	f.d.SetButtons([]fyne.CanvasObject{cancel, f.ok})
	f.d.SetOnClosed(func() {
		if s.recovery == f {
			s.recovery = nil
		}
	})
	return f
}

func (f *recoveryKeyForm) updateHint() {
	hint, _ := passphraseHint(f.pass.Text, strings.TrimSpace(f.user.Text))
	f.hint.SetText(hint)
}

func (f *recoveryKeyForm) fail(msg string) {
	f.problem.SetText(msg)
	f.problem.Show()
}

// onOpenFile lets the person choose the file the recovery key was saved in.
func (f *recoveryKeyForm) onOpenFile() {
	dialog.ShowFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			f.fail("The file could not be opened: " + err.Error() + ".")
			return
		}
		if rc != nil {
			f.readKeyFile(rc)
		}
	}, f.s.w)
}

// readKeyFile puts the recovery key found in a file (the key alone, or a
// note with the key in it) in the key entry.
func (f *recoveryKeyForm) readKeyFile(rc fyne.URIReadCloser) {
	defer rc.Close()
	name := rc.URI().Name()
	data, err := io.ReadAll(io.LimitReader(rc, maxRecoveryKeyFile+1))
	switch {
	case err != nil:
		f.fail("The file " + name + " could not be read: " + err.Error() + ".")
		return
	case len(data) > maxRecoveryKeyFile:
		f.fail("The file " + name + " is too large to be a recovery key file: choose another.")
		return
	}
	key, ok := crypto.FindRecoveryKey(string(data))
	if !ok {
		f.fail("There is no recovery key in " + name + ": a recovery key starts with " + crypto.RecoveryKeyPrefix + ". Choose another file, or type the key.")
		return
	}
	f.problem.Hide()
	f.key.SetText(key)
	f.file.SetText("Recovery key read from " + name + ".")
	f.file.Show()
}

// recoveryKey is the key typed, pasted or read: a note pasted whole is
// searched for the key, as a key file is.
func (f *recoveryKeyForm) recoveryKey() string {
	if key, ok := crypto.FindRecoveryKey(f.key.Text); ok {
		return key
	}
	return f.key.Text
}

// existingUser returns the vault's spelling of label when it names a user
// already there (ignoring case, as the vault does), else "".
func (f *recoveryKeyForm) existingUser(label string) string {
	for _, u := range f.users {
		if strings.EqualFold(u, label) {
			return u
		}
	}
	return ""
}

// onOK checks the form and takes the vault lock, then in the worker opens
// the master key with the recovery key, sets the new passphrase and unlocks
// with it as the unlock screen does.
func (f *recoveryKeyForm) onOK() {
	if f.ok.Disabled() {
		return
	}
	code, label, pass := f.recoveryKey(), strings.TrimSpace(f.user.Text), f.pass.Text
	if strings.TrimSpace(code) == "" {
		f.fail("Enter the recovery key, or open the file it was saved in.")
		return
	}
	if label == "" {
		f.fail("Choose your user name, or type a new one.")
		return
	}
	existing := f.existingUser(label)
	if existing != "" {
		label = existing
	}
	if msg := passphraseProblem(pass, f.again.Text, label); msg != "" {
		f.fail(msg)
		return
	}
	locked, err := vaultopen.LockVault(f.s.vault)
	if err != nil {
		f.fail(messageFor(err))
		return
	}
	f.setBusy(true)
	var (
		opened            *vaultopen.Session
		setErr, unlockErr error
	)
	f.s.work.run(func() {
		setErr = locked.SetPassphraseWithRecoveryKey(code, label, pass)
		if setErr != nil {
			locked.Release()
			return
		}
		opened, unlockErr = locked.Open(label, pass, f.s.rules)
	}, func() {
		f.setBusy(false)
		if setErr != nil {
			f.fail(recoveryKeyMessage(setErr))
			return
		}
		f.d.Hide()
		f.s.recovered(label)
		f.s.finish(newSession(opened), unlockErr)
	})
}

func (f *recoveryKeyForm) setBusy(busy bool) {
	if busy {
		f.problem.Hide()
	}
	showBusy(busy, f.progress, f.key, f.open, f.user, f.pass, f.again, f.ok)
}

// recovered shows on the unlock screen the user whose passphrase the
// recovery key just set, who may be new.
func (s *unlockScreen) recovered(label string) {
	if users, err := s.vault.Users(); err == nil {
		s.user.SetOptions(users)
	}
	s.user.SetSelected(label)
}
