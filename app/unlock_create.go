package app

import (
	"os/user"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"msprecords/crypto"
	"msprecords/practice"
	"msprecords/vaultopen"
)

// createScreen makes a new vault on first run: the first user's name, a
// passphrase typed twice with a hint about its strength, then the recovery
// key (see recoveryScreen).
type createScreen struct {
	w       fyne.Window
	dir     string
	work    *worker
	created func(sess *session, vault *crypto.Vault, recoveryKey string)
	rules   practice.Options // for the case list's gaps

	user     *widget.Entry
	pass     *widget.Entry
	again    *widget.Entry
	hint     *widget.Label
	button   *widget.Button
	progress *widget.ProgressBarInfinite
	problem  *widget.Label
	root     fyne.CanvasObject
}

func newCreateScreen(w fyne.Window, u *UI) *createScreen {
	s := &createScreen{w: w, dir: u.vaultDir, work: &u.work, rules: u.settings.practiceOptions()}
	s.created = func(sess *session, vault *crypto.Vault, recoveryKey string) {
		u.onVaultCreated(sess, vault, recoveryKey)
		if u.recovery != nil { // the sheet and note name the vault
			u.recovery.forVault(vault, &u.work)
		}
	}
	s.user = widget.NewEntry()
	s.user.SetText(loginName())
	s.pass = widget.NewPasswordEntry()
	s.again = widget.NewPasswordEntry()
	s.hint = widget.NewLabel("")
	s.hint.Wrapping = fyne.TextWrapWord
	s.pass.OnChanged = func(string) { s.onPassphraseChanged() }
	s.user.OnChanged = func(string) { s.onPassphraseChanged() }
	s.again.OnSubmitted = func(string) { s.onCreate() }
	s.button = widget.NewButtonWithIcon("Create the vault", theme.ConfirmIcon(), s.onCreate)
	s.button.Importance = widget.HighImportance
	s.progress = widget.NewProgressBarInfinite()
	s.progress.Hide()
	s.problem = newProblemLabel()
	s.onPassphraseChanged()
	s.root = s.layout()
	return s
}

func (s *createScreen) layout() fyne.CanvasObject {
	intro := widget.NewLabel("Your records will be kept in an encrypted vault on this computer. " +
		"Choose a passphrase that you will remember: without it, or the recovery key shown next, " +
		"nobody can open the records, not even the makers of this program.")
	intro.Wrapping = fyne.TextWrapWord
	where := widget.NewLabel("Vault folder: " + filepath.Clean(s.dir))
	where.Wrapping = fyne.TextWrapBreak
	where.Importance = widget.LowImportance
	form := widget.NewForm(
		widget.NewFormItem("Your name", s.user),
		widget.NewFormItem("Passphrase", s.pass),
		widget.NewFormItem("Passphrase again", s.again),
	)
	return centred(container.NewVBox(
		heading("Create a vault"), intro, form, s.hint, s.button, s.progress, s.problem, where,
	))
}

// onPassphraseChanged updates the strength hint as the passphrase is typed.
func (s *createScreen) onPassphraseChanged() {
	hint, _ := passphraseHint(s.pass.Text, s.user.Text)
	s.hint.SetText(hint)
}

// onCreate checks the form, then makes the vault and its database in the
// worker (vaultopen.Create): scrypt runs once for the first user's slot.
func (s *createScreen) onCreate() {
	if s.button.Disabled() {
		return
	}
	label, pass := strings.TrimSpace(s.user.Text), s.pass.Text
	if msg := newUserProblem(label, pass, s.again.Text); msg != "" {
		s.problem.SetText(msg)
		s.problem.Show()
		return
	}
	s.setBusy(true)
	var (
		opened   *vaultopen.Session
		recovery string
		err      error
	)
	s.work.run(func() {
		opened, recovery, err = vaultopen.Create(s.dir, label, pass, 0, s.rules)
	}, func() {
		s.setBusy(false)
		if err != nil {
			s.problem.SetText(messageFor(err))
			s.problem.Show()
			return
		}
		s.created(newSession(opened), opened.Vault, recovery)
	})
}

// newUserProblem checks a new user's name and passphrase, returning what to
// put right, or "".
func newUserProblem(label, pass, again string) string {
	if label == "" {
		return "Enter your name."
	}
	return passphraseProblem(pass, again, label)
}

// passphraseProblem checks a new passphrase typed twice; user, if known, must
// not be part of it.
func passphraseProblem(pass, again, user string) string {
	if hint, ok := passphraseHint(pass, user); !ok {
		return hint
	}
	if pass != again {
		return "The two passphrases are not the same: type them again."
	}
	return ""
}

func (s *createScreen) setBusy(busy bool) {
	for _, e := range []*widget.Entry{s.user, s.pass, s.again} {
		if busy {
			e.Disable()
		} else {
			e.Enable()
		}
	}
	if busy {
		s.problem.Hide()
		s.button.Disable()
		s.progress.Show()
		s.progress.Start()
		return
	}
	s.button.Enable()
	s.progress.Stop()
	s.progress.Hide()
}

// loginName is the name the operating system knows this person by, offered
// as the first user's name. A Windows domain prefix is dropped.
func loginName() string {
	u, err := user.Current()
	if err != nil {
		return ""
	}
	name := u.Username
	if i := strings.LastIndexByte(name, '\\'); i >= 0 {
		name = name[i+1:]
	}
	return name
}
