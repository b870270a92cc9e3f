package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"msprecords/crypto"
	"msprecords/userwords"
	"msprecords/vaultopen"
)

// refreshUsers lists the vault's users with their roles, then the
// colleagues whose setup code is waiting. A lead also sees, beside each
// other user, a button to change their role and one to remove them (none
// for the user signed in, who cannot remove themselves while working).
func (s *settingsScreen) refreshUsers() {
	s.users.RemoveAll()
	users, err := s.u.vault.Recipients()
	if err != nil {
		s.users.Add(wrapped(messageFor(err)))
		return
	}
	lead := s.u.session.isLead()
	if lead {
		defer s.listWaiting()
	}
	for _, r := range users {
		label := widget.NewLabel(r.Label + ", " + r.Role.String())
		if r.Label == s.u.session.user {
			label.SetText(label.Text + " (you)")
		}
		if !lead || r.Label == s.u.session.user {
			s.users.Add(label)
			continue
		}
		s.users.Add(container.NewBorder(nil, nil, nil, s.userButtons(r, len(users)), label))
	}
}

// userButtons are a lead's buttons beside another user: change role, remove.
func (s *settingsScreen) userButtons(r crypto.Recipient, users int) fyne.CanvasObject {
	role, text := crypto.Lead, "Make a lead"
	if r.Role == crypto.Lead {
		role, text = crypto.Practitioner, "Make a practitioner"
	}
	change := widget.NewButton(text, func() { s.onChangeRole(r.Label, role) })
	change.Importance = widget.LowImportance
	remove := widget.NewButtonWithIcon("Remove", theme.DeleteIcon(), func() { s.onRemoveUser(r.Label) })
	remove.Importance = widget.LowImportance
	if users < 2 {
		remove.Disable()
	}
	return container.NewHBox(change, remove)
}

// onChangeRole asks for the lead's own passphrase, which unlocks the master
// key that signs the changed slot, then gives name the role.
func (s *settingsScreen) onChangeRole(name string, role crypto.Role) {
	f := newOwnPassphraseForm(s.w, "Make "+name+" a "+role.String(), "Change the role", s.u.session.user)
	f.ok.OnTapped = func() {
		s.unlockThen(f, f.current.Text, func(u crypto.Unlocked) error { return s.u.vault.SetRole(u.Key, name, role) }, func() {
			s.refreshUsers()
			s.u.bar.show(name + " is now a " + role.String() + ".")
		})
	}
	s.userForm = f
	f.d.Show()
	f.relayout()
}

// onRemoveUser asks, then asks for the lead's own passphrase (the master
// key is needed to give the vault a new one), then removes name.
func (s *settingsScreen) onRemoveUser(name string) {
	dialog.ShowConfirm("Remove "+name+"?",
		name+" will no longer be able to unlock this vault, and the vault gets a new key. "+
			"Their past work stays in the records and the audit trail. "+
			"A copy of the vault taken before, a backup included, still opens with their passphrase.",
		func(ok bool) {
			if ok {
				s.askToRemove(name)
			}
		}, s.w)
}

func (s *settingsScreen) askToRemove(name string) {
	f := newOwnPassphraseForm(s.w, "Remove "+name, "Remove", s.u.session.user)
	f.ok.OnTapped = func() {
		if f.current.Text == "" {
			f.fail("Enter your own passphrase.")
			return
		}
		f.setBusy(true)
		sess, rules := s.u.session, s.u.settings.practiceOptions()
		var r vaultopen.Removal
		s.withOwnKey(f.current.Text, func(u crypto.Unlocked) error {
			var err error
			r, err = sess.removeUser(&u, name, rules)
			return err
		}, func(err error) {
			f.setBusy(false)
			if sess.takeStore(); sess.store == nil {
				// The key change failed with the store closed: nothing is
				// left to work with. The next unlock finishes the change.
				f.d.Hide()
				s.u.lockNow()
				s.u.showUnlock(err)
				return
			}
			if err != nil {
				f.fail(messageFor(err))
				return
			}
			f.d.Hide()
			s.removed(r)
		})
	}
	s.userForm = f
	f.d.Show()
	f.relayout()
}

// removed says what the removal did, with any new setup code or recovery
// key in a dialog of its own, and lists the users again.
func (s *settingsScreen) removed(r vaultopen.Removal) {
	s.refreshUsers()
	if s.u.cases != nil {
		s.u.cases.store = s.u.session.store // the store opened under the new key
		s.u.cases.refresh()
	}
	lines := userwords.Removal(r)
	body := container.NewVBox()
	for _, line := range lines {
		body.Add(wrapped(line))
	}
	d := dialog.NewCustom(r.User+" removed", "Done", container.New(columnWidth(520), body), s.w)
	d.Show()
	d.Refresh()
	for _, c := range r.Codes {
		showSetupCode(s.w, c.Label, c.Code, c.Expires)
	}
	if r.RecoveryKey != "" {
		s.u.recovery = newRecoveryScreen(s.w, r.RecoveryKey, s.u.showSettings)
		s.u.show(s.u.recovery.root)
	}
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
	return buildPassphraseForm(w, title, okLabel, user, true)
}

// newOwnPassphraseForm asks only for the user's own passphrase, for a
// change that needs the master key but sets no passphrase (a role).
func newOwnPassphraseForm(w fyne.Window, title, okLabel string, user string) *passphraseForm {
	return buildPassphraseForm(w, title, okLabel, user, false)
}

func buildPassphraseForm(w fyne.Window, title, okLabel string, user string, withNew bool) *passphraseForm {
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
	if withNew {
		items = append(items, widget.NewFormItem("New passphrase", f.pass), widget.NewFormItem("New passphrase again", f.again))
		f.pass.OnChanged = func(string) { f.updateHint() }
		f.updateHint()
	}
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
	sayIn(f.d, f.hint, hint)
}

func (f *passphraseForm) fail(msg string) { sayIn(f.d, f.problem, msg) }

func (f *passphraseForm) relayout() { remeasure(f.d) }

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
func (s *settingsScreen) withKey(f *passphraseForm, label string, change func(crypto.Unlocked) error, done func()) {
	s.withKeyOf(f, label, f.current.Text, change, done)
}

// withKeyOf is withKey with the current user's passphrase given, for a
// form that does not ask for it (the colleague's, at the handed-over
// keyboard).
func (s *settingsScreen) withKeyOf(f *passphraseForm, label, current string, change func(crypto.Unlocked) error, done func()) {
	if msg := newUserProblem(label, f.pass.Text, f.again.Text); msg != "" {
		f.fail(msg)
		return
	}
	s.unlockThen(f, current, change, done)
}

// unlockThen unlocks the master key in the worker with the current user's
// passphrase, runs change with it, zeroes it, and reports in f.
func (s *settingsScreen) unlockThen(f *passphraseForm, current string, change func(crypto.Unlocked) error, done func()) {
	if current == "" {
		f.fail("Enter your own passphrase.")
		return
	}
	f.setBusy(true)
	s.withOwnKey(current, change, func(err error) {
		f.setBusy(false)
		if err != nil {
			f.fail(messageFor(err))
			return
		}
		f.d.Hide()
		done()
	})
}

// withOwnKey unlocks the master key with the signed-in user's passphrase
// in the worker, runs change with it (if not nil) and zeroes it; then, on
// the UI goroutine, it calls then with what went wrong, unless the vault
// was locked meanwhile (the dialog is gone).
func (s *settingsScreen) withOwnKey(current string, change func(crypto.Unlocked) error, then func(error)) {
	v, user := s.u.vault, s.u.session.user
	var err error
	s.u.work.run(func() {
		var u crypto.Unlocked
		u, err = v.Unlock(user, current)
		if err == nil && change != nil {
			err = change(u)
		}
		zeroKey(&u.Key)
	}, func() {
		if s.u.session != nil {
			then(err)
		}
	})
}

// onHandOver asks the colleague, at the keyboard the lead has handed them,
// for their new passphrase twice, and adds their passphrase slot with the
// master key that the lead's passphrase (already checked) unlocks.
func (s *settingsScreen) onHandOver(name string, role crypto.Role, leadPass string) {
	f := newPassphraseForm(s.w, "Hand the keyboard to "+name, "Set my passphrase", "")
	f.forUser(name)
	f.ok.OnTapped = func() {
		pass := f.pass.Text
		s.withKeyOf(f, name, leadPass, func(u crypto.Unlocked) error {
			return s.u.vault.AddSlot(u.Key, name, pass, role)
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
		s.withKey(f, user, func(u crypto.Unlocked) error {
			return s.u.vault.ChangePassphrase(u.Key, user, pass, u.Identity)
		}, func() {
			s.u.bar.show("Your passphrase was changed. Use the new one from now on.")
		})
	}
	s.userForm = f
	f.d.Show()
}
