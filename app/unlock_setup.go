package app

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"msprecords/crypto"
	"msprecords/vaultopen"
)

// setupCodeForm is the dialog for a colleague the lead has given a setup
// code: their name, the code, and the passphrase they choose, twice. The
// code opens the master key, their passphrase is sealed with it in their
// own slot, and the vault unlocks as them.
type setupCodeForm struct {
	s       *unlockScreen
	waiting []string

	user                       *widget.SelectEntry
	code, pass, again          *widget.Entry
	codeProblem, hint, problem *widget.Label
	ok                         *widget.Button
	progress                   *widget.ProgressBarInfinite
	d                          *dialog.CustomDialog
}

// newSetupButton is the unlock screen's way in for a new colleague.
func (s *unlockScreen) newSetupButton() *widget.Button {
	b := widget.NewButtonWithIcon("I have a setup code…", theme.AccountIcon(), s.onSetupCode)
	b.Importance = widget.LowImportance
	return b
}

// onSetupCode opens the setup code dialog.
func (s *unlockScreen) onSetupCode() {
	if s.vault == nil || s.setup.Disabled() {
		return
	}
	s.setupForm = newSetupCodeForm(s)
	s.setupForm.d.Show()
	s.setupForm.relayout()
	s.w.Canvas().Focus(s.setupForm.code)
}

func newSetupCodeForm(s *unlockScreen) *setupCodeForm {
	waiting, _ := s.vault.WaitingSetups() // a slot that cannot be read is no reason not to try
	f := &setupCodeForm{s: s, code: widget.NewEntry(), pass: widget.NewPasswordEntry(), again: widget.NewPasswordEntry(),
		codeProblem: newProblemLabel(), hint: widget.NewLabel(""), problem: newProblemLabel(), progress: widget.NewProgressBarInfinite()}
	for _, w := range waiting {
		f.waiting = append(f.waiting, w.Label)
	}
	f.user = widget.NewSelectEntry(f.waiting)
	f.user.SetPlaceHolder("Choose your name, or type it as the lead added you")
	if len(f.waiting) == 1 {
		f.user.SetText(f.waiting[0])
	}
	f.code.SetPlaceHolder("XXXX-XXXX-XXXX")
	f.hint.Wrapping = fyne.TextWrapWord
	f.progress.Hide()
	f.pass.OnChanged = func(string) { f.updateHint() }
	f.user.OnChanged = func(string) { f.updateHint() }
	f.again.OnSubmitted = func(string) { f.onOK() }
	f.updateHint()
	f.d = dialog.NewCustomWithoutButtons("I have a setup code", container.New(columnWidth(560), f.body()), s.w)
	f.d.SetButtons(f.buttons())
	f.d.SetOnClosed(func() {
		if s.setupForm == f {
			s.setupForm = nil
		}
	})
	return f
}

func (f *setupCodeForm) body() fyne.CanvasObject {
	intro := wrapped("The lead who added you gave you a setup code. With it you choose your own passphrase, " +
		"which only you will know; the code then stops working.")
	form := widget.NewForm(
		widget.NewFormItem("Your name", f.user),
		widget.NewFormItem("Setup code", container.NewVBox(f.code, f.codeProblem)),
		widget.NewFormItem("New passphrase", f.pass),
		widget.NewFormItem("New passphrase again", f.again),
	)
	return container.NewVBox(intro, form, f.hint, f.progress, f.problem)
}

func (f *setupCodeForm) buttons() []fyne.CanvasObject {
	f.ok = widget.NewButtonWithIcon("Set my passphrase and unlock", theme.ConfirmIcon(), f.onOK)
	f.ok.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() { f.d.Hide() })
	return []fyne.CanvasObject{cancel, f.ok}
}

func (f *setupCodeForm) updateHint() {
	hint, _ := passphraseHint(f.pass.Text, strings.TrimSpace(f.user.Text))
	sayIn(f.d, f.hint, hint)
}

func (f *setupCodeForm) fail(msg string) { sayIn(f.d, f.problem, msg) }

// failCode shows a problem with the code beside it.
func (f *setupCodeForm) failCode(msg string) { sayIn(f.d, f.codeProblem, msg) }

func (f *setupCodeForm) relayout() { remeasure(f.d) }

// label returns the vault's spelling of the name typed when it is one of
// the colleagues waiting (ignoring case, as the vault does).
func (f *setupCodeForm) label() string {
	typed := strings.TrimSpace(f.user.Text)
	for _, w := range f.waiting {
		if strings.EqualFold(w, typed) {
			return w
		}
	}
	return typed
}

// check returns what is wrong with the form, and whether it is the code.
func (f *setupCodeForm) check(label string) (msg string, aboutCode bool) {
	if label == "" {
		return "Choose your name, as the lead added you.", false
	}
	if strings.TrimSpace(f.code.Text) == "" {
		return "Enter the setup code you were given.", true
	}
	if _, err := crypto.ParseSetupCode(f.code.Text); err != nil {
		return messageFor(err), true
	}
	return passphraseProblem(f.pass.Text, f.again.Text, label), false
}

// onOK checks the form and takes the vault lock, then in the worker claims
// the setup code and opens the store as the colleague.
func (f *setupCodeForm) onOK() {
	if f.ok.Disabled() {
		return
	}
	label := f.label()
	f.codeProblem.Hide()
	f.problem.Hide()
	f.relayout()
	if msg, aboutCode := f.check(label); msg != "" {
		f.show(msg, aboutCode)
		return
	}
	locked, err := vaultopen.LockVault(f.s.vault)
	if err != nil {
		f.fail(messageFor(err))
		return
	}
	f.setBusy(true)
	code, pass := f.code.Text, f.pass.Text
	var (
		opened            *vaultopen.Session
		claimErr, openErr error
	)
	f.s.work.run(func() {
		opened, claimErr, openErr = claimAndOpen(locked, label, code, pass, f.s)
	}, func() { f.finish(label, opened, claimErr, openErr) })
}

// claimAndOpen claims the setup code and opens the store with the key it
// gives. A failed claim lets go of the lock; a failed open is the unlock
// screen's to report, as for any unlock.
func claimAndOpen(locked *vaultopen.Locked, label, code, pass string, s *unlockScreen) (*vaultopen.Session, error, error) {
	u, err := locked.Vault.ClaimSetupCode(label, code, pass)
	if err != nil {
		locked.Release()
		return nil, err, nil
	}
	opened, err := locked.OpenStore(&u, s.rules)
	if err != nil {
		return nil, nil, errors.Join(err, locked.Release())
	}
	return opened, nil, nil
}

// finish reports a failed claim in the dialog, keeping what was typed, or
// closes it and goes on as the unlock screen does after an unlock.
func (f *setupCodeForm) finish(label string, opened *vaultopen.Session, claimErr, openErr error) {
	f.setBusy(false)
	switch {
	case errors.Is(claimErr, crypto.ErrNoSuchUser):
		f.fail("No setup code is waiting for " + label + ": choose your name as the lead added you, or ask them to check it.")
		f.s.w.Canvas().Focus(f.user)
		return
	case claimErr != nil:
		f.show(messageFor(claimErr), isCodeProblem(claimErr))
		return
	}
	f.d.Hide()
	f.s.recovered(label)
	f.s.finish(newSession(opened), openErr)
}

// show puts msg beside the code when it is about the code, else below.
func (f *setupCodeForm) show(msg string, aboutCode bool) {
	if aboutCode {
		f.failCode(msg)
		f.s.w.Canvas().Focus(f.code)
		return
	}
	f.fail(msg)
}

// isCodeProblem reports whether a failed claim is the code's fault.
func isCodeProblem(err error) bool {
	return errors.Is(err, crypto.ErrWrongSetupCode) || errors.Is(err, crypto.ErrSetupCodeExpired) || errors.Is(err, crypto.ErrSetupCodeUsed)
}

func (f *setupCodeForm) setBusy(busy bool) {
	showBusy(busy, f.progress, f.user, f.code, f.pass, f.again, f.ok)
}
