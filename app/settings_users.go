package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"msprecords/crypto"
)

// refreshUsers lists the vault's users, each with a Remove button (none for
// the user signed in, who cannot remove themselves while working), then
// the colleagues whose setup code is waiting.
func (s *settingsScreen) refreshUsers() {
	s.users.RemoveAll()
	users, err := s.u.vault.Users()
	if err != nil {
		s.users.Add(wrapped(messageFor(err)))
		return
	}
	defer s.listWaiting()
	for _, name := range users {
		label := widget.NewLabel(name)
		if name == s.u.session.user {
			label.SetText(name + " (you)")
			s.users.Add(label)
			continue
		}
		who := name
		remove := widget.NewButtonWithIcon("Remove", theme.DeleteIcon(), func() { s.onRemoveUser(who) })
		remove.Importance = widget.LowImportance
		if len(users) < 2 {
			remove.Disable()
		}
		s.users.Add(container.NewBorder(nil, nil, nil, remove, label))
	}
}

// onRemoveUser asks, then removes a user's passphrase slot (or a waiting
// colleague's setup code). The vault refuses to remove the last user.
func (s *settingsScreen) onRemoveUser(name string) {
	dialog.ShowConfirm("Remove "+name+"?",
		name+" will no longer be able to unlock this vault. Their past work stays in the records and the audit trail.",
		func(ok bool) {
			if ok {
				s.removeUser(name)
			}
		}, s.w)
}

func (s *settingsScreen) removeUser(name string) {
	if err := s.u.vault.RemoveSlot(name); err != nil {
		s.u.bar.show(messageFor(err))
	}
	s.refreshUsers()
}

// passphraseForm is a dialog asking for passphrases (and, to add a user, a
// name). The current user's passphrase is asked for every change: it proves
// who is at the keyboard, and it unlocks the master key for the moment the
// change needs it, so the key is never kept while the vault is open.
type passphraseForm struct {
	current, pass, again *widget.Entry
	forName              string // whose passphrase, when not the signed-in user's
	intro, hint, problem *widget.Label
	ok                   *widget.Button
	progress             *widget.ProgressBarInfinite
	d                    *dialog.CustomDialog
}

func newPassphraseForm(w fyne.Window, title, okLabel string, user string) *passphraseForm {
	f := &passphraseForm{current: widget.NewPasswordEntry(), pass: widget.NewPasswordEntry(),
		again: widget.NewPasswordEntry(), intro: wrapped(""), hint: widget.NewLabel(""), problem: newProblemLabel(),
		progress: widget.NewProgressBarInfinite()}
	f.intro.Hide()
	f.hint.Wrapping = fyne.TextWrapWord
	f.progress.Hide()
	var items []*widget.FormItem
	if user != "" {
		items = append(items, widget.NewFormItem("Your passphrase ("+user+")", f.current))
	}
	items = append(items, widget.NewFormItem("New passphrase", f.pass), widget.NewFormItem("New passphrase again", f.again))
	f.pass.OnChanged = func(string) { f.updateHint() }
	f.updateHint()
	f.ok = widget.NewButtonWithIcon(okLabel, theme.ConfirmIcon(), nil)
	f.ok.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() { f.d.Hide() })
	body := container.NewVBox(f.intro, widget.NewForm(items...), f.hint, f.progress, f.problem)
	f.d = dialog.NewCustomWithoutButtons(title, container.New(columnWidth(520), body), w)
	f.d.SetButtons([]fyne.CanvasObject{cancel, f.ok})
	return f
}

// forUser makes the form one for name to fill in alone: the strength
// check knows their name, and the dialog says the passphrase is theirs.
func (f *passphraseForm) forUser(name string) {
	f.forName = name
	f.intro.SetText(name + ": choose your own passphrase and type it twice. Nobody else sees it, and nobody else needs to know it. " +
		"Then hand the keyboard back.")
	f.intro.Show()
	f.updateHint()
}

func (f *passphraseForm) updateHint() {
	hint, _ := passphraseHint(f.pass.Text, f.forName)
	f.hint.SetText(hint)
	f.relayout()
}

func (f *passphraseForm) fail(msg string) {
	f.problem.SetText(msg)
	f.problem.Show()
	f.relayout()
}

// relayout measures the dialog again, as a wrapped line that has changed
// may now take more or fewer lines. Twice: a label just shown learns its
// width in the first layout, and only then how many lines it needs.
func (f *passphraseForm) relayout() {
	if f.d != nil {
		f.d.Refresh()
		f.d.Refresh()
	}
}

func (f *passphraseForm) setBusy(busy bool) {
	if busy {
		f.problem.Hide()
		f.ok.Disable()
		f.progress.Show()
		f.progress.Start()
		return
	}
	f.ok.Enable()
	f.progress.Stop()
	f.progress.Hide()
}

// withKey checks the form, then in the worker unlocks the master key with
// the current user's passphrase, runs change with it and zeroes it.
func (s *settingsScreen) withKey(f *passphraseForm, label string, change func(crypto.MasterKey) error, done func()) {
	s.withKeyOf(f, label, f.current.Text, change, done)
}

// withKeyOf is withKey with the current user's passphrase given, for a
// form that does not ask for it (the colleague's, at the handed-over
// keyboard).
func (s *settingsScreen) withKeyOf(f *passphraseForm, label, current string, change func(crypto.MasterKey) error, done func()) {
	if msg := newUserProblem(label, f.pass.Text, f.again.Text); msg != "" {
		f.fail(msg)
		return
	}
	if current == "" {
		f.fail("Enter your own passphrase.")
		return
	}
	f.setBusy(true)
	v, user := s.u.vault, s.u.session.user
	var err error
	s.u.work.run(func() {
		var key crypto.MasterKey
		key, _, err = v.Unlock(user, current)
		if err == nil {
			err = change(key)
		}
		zeroKey(&key)
	}, func() {
		if s.u.session == nil {
			return // locked meanwhile: the dialog is gone
		}
		f.setBusy(false)
		if err != nil {
			f.fail(messageFor(err))
			return
		}
		f.d.Hide()
		done()
	})
}

// onHandOver asks the colleague, at the keyboard the lead has handed them,
// for their new passphrase twice, and adds their passphrase slot with the
// master key that the lead's passphrase (already checked) unlocks.
func (s *settingsScreen) onHandOver(name, leadPass string) {
	f := newPassphraseForm(s.w, "Hand the keyboard to "+name, "Set my passphrase", "")
	f.forUser(name)
	f.ok.OnTapped = func() {
		pass := f.pass.Text
		s.withKeyOf(f, name, leadPass, func(key crypto.MasterKey) error {
			return s.u.vault.AddSlot(key, name, pass)
		}, func() {
			s.refreshUsers()
			s.u.bar.show(name + " can now unlock the vault with their own passphrase.")
		})
	}
	s.userForm = f
	f.d.Show()
	f.relayout()
	s.w.Canvas().Focus(f.pass)
}

// onChangePassphrase rewrites the current user's slot with a new passphrase.
func (s *settingsScreen) onChangePassphrase() {
	user := s.u.session.user
	f := newPassphraseForm(s.w, "Change my passphrase", "Change it", user)
	f.ok.OnTapped = func() {
		pass := f.pass.Text
		s.withKey(f, user, func(key crypto.MasterKey) error {
			return s.u.vault.ChangePassphrase(key, user, pass)
		}, func() {
			s.u.bar.show("Your passphrase was changed. Use the new one from now on.")
		})
	}
	s.userForm = f
	f.d.Show()
}
