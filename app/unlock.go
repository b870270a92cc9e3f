package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"msprecords/crypto"
	"msprecords/practice"
	"msprecords/vaultopen"
)

// unlockScreen asks who is there and for their passphrase, then unlocks the
// vault and opens the store off the UI goroutine (scrypt takes about a
// second on purpose).
type unlockScreen struct {
	w        fyne.Window
	vault    *crypto.Vault
	work     *worker
	unlocked func(*session)
	retry    func()
	rules    practice.Options // for the case list's gaps

	user      *widget.Select
	pass      *widget.Entry
	button    *widget.Button
	progress  *widget.ProgressBarInfinite
	problem   *widget.Label
	again     *widget.Button
	recover   *widget.Button   // opens the recovery key dialog
	recovery  *recoveryKeyForm // while that dialog is open
	setup     *widget.Button   // opens the setup code dialog
	setupForm *setupCodeForm   // while that dialog is open
	root      fyne.CanvasObject
}

// newUnlockScreen builds the screen; problem is an error found opening the
// vault, shown at once.
func newUnlockScreen(w fyne.Window, u *UI, problem error) *unlockScreen {
	s := &unlockScreen{w: w, vault: u.vault, work: &u.work, unlocked: u.startSession, retry: u.showStart, rules: u.settings.practiceOptions()}
	s.user = widget.NewSelect(nil, nil)
	s.pass = widget.NewPasswordEntry()
	s.pass.SetPlaceHolder("Passphrase")
	s.pass.OnSubmitted = func(string) { s.onUnlock() }
	s.button = widget.NewButtonWithIcon("Unlock", theme.LoginIcon(), s.onUnlock)
	s.button.Importance = widget.HighImportance
	s.progress = widget.NewProgressBarInfinite()
	s.progress.Hide()
	s.problem = newProblemLabel()
	s.recover = widget.NewButtonWithIcon("Forgotten your passphrase? Use the recovery key…", theme.AccountIcon(), s.onRecoveryKey)
	s.recover.Importance = widget.LowImportance
	s.setup = s.newSetupButton()
	s.root = s.layout()
	s.load(u.settings.LastUser, problem)
	return s
}

func (s *unlockScreen) layout() fyne.CanvasObject {
	form := widget.NewForm(
		widget.NewFormItem("User", s.user),
		widget.NewFormItem("Passphrase", s.pass),
	)
	s.again = widget.NewButtonWithIcon("Try again", theme.ViewRefreshIcon(), s.retry)
	s.again.Hide()
	help := widget.NewLabel("Forgotten your passphrase? Another user of this vault can remove you and add you again in Settings, " +
		"with a setup code for you to choose a new passphrase. Or use the vault's recovery key, kept when the vault " +
		"was made, to choose a new one yourself.")
	help.Wrapping = fyne.TextWrapWord
	help.Importance = widget.LowImportance
	box := container.NewVBox(
		heading("Unlock MSP Records"),
		form,
		container.NewHBox(s.button, s.again),
		s.progress,
		s.problem,
		help,
		container.NewHBox(s.recover),
		container.NewHBox(s.setup),
	)
	return centred(box)
}

// load fills the user list from the vault's slots and shows problem (or a
// problem reading the slots).
func (s *unlockScreen) load(last string, problem error) {
	if problem == nil && s.vault != nil {
		users, err := s.vault.Users()
		problem = err
		s.user.SetOptions(users)
		s.selectUser(users, last)
	}
	if problem != nil {
		s.showProblem(problem)
		s.button.Disable()
		s.again.Show()
	}
	if s.vault == nil { // the recovery key cannot mend the vault's header
		s.recover.Disable()
		s.setup.Disable()
	}
}

// selectUser picks the user who last unlocked, or the only one.
func (s *unlockScreen) selectUser(users []string, last string) {
	for _, name := range users {
		if name == last {
			s.user.SetSelected(name)
			return
		}
	}
	if len(users) > 0 {
		s.user.SetSelected(users[0])
	}
}

func (s *unlockScreen) showProblem(err error) {
	s.problem.SetText(messageFor(err))
	s.problem.Show()
}

// onUnlock takes the vault lock first (so "already open elsewhere" is said
// before any waiting), then runs scrypt and opens the store in the worker,
// as every opener of a vault does (package vaultopen).
func (s *unlockScreen) onUnlock() {
	if s.button.Disabled() || s.vault == nil {
		return
	}
	user, pass := s.user.Selected, s.pass.Text
	if user == "" {
		s.problem.SetText("Select your user name.")
		s.problem.Show()
		return
	}
	if pass == "" {
		s.problem.SetText("Enter your passphrase.")
		s.problem.Show()
		return
	}
	locked, err := vaultopen.LockVault(s.vault)
	if err != nil {
		s.showProblem(err)
		return
	}
	s.setBusy(true)
	var opened *vaultopen.Session
	s.work.run(func() {
		opened, err = locked.Open(user, pass, s.rules)
	}, func() { s.finish(newSession(opened), err) })
}

func (s *unlockScreen) finish(sess *session, err error) {
	s.setBusy(false)
	if err != nil {
		s.showProblem(err)
		s.pass.SetText("")
		s.w.Canvas().Focus(s.pass)
		return
	}
	s.pass.SetText("")
	s.unlocked(sess)
}

func (s *unlockScreen) setBusy(busy bool) {
	if busy {
		s.problem.Hide()
		s.again.Hide()
		s.progress.Show()
		s.progress.Start()
		s.button.Disable()
		s.recover.Disable()
		s.setup.Disable()
		s.pass.Disable()
		s.user.Disable()
		return
	}
	s.progress.Stop()
	s.progress.Hide()
	s.button.Enable()
	if s.vault != nil {
		s.recover.Enable()
		s.setup.Enable()
	}
	s.pass.Enable()
	s.user.Enable()
}

// heading is a screen's title.
func heading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

// newProblemLabel is a hidden label for a problem to put right, in the
// theme's error colour.
func newProblemLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.DangerImportance
	l.Hide()
	return l
}

// centred places a column of a comfortable reading width in the middle of
// the window, as sign-in screens are usually laid out.
func centred(o fyne.CanvasObject) fyne.CanvasObject {
	return container.NewCenter(container.New(columnWidth(480), o))
}

// columnWidth lays out its objects one over the other at a fixed width and
// their own height, so wrapped text wraps at that width.
type columnWidth float32

func (w columnWidth) MinSize(objects []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objects {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(float32(w), h)
}

func (w columnWidth) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}
