package app

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"msprecords/crypto"
	"msprecords/records"
)

// The two ways to add a colleague. Either way the colleague chooses their
// own passphrase: nobody types it for them.
const (
	giveSetupCode = "Give them a setup code"
	handOver      = "They type their passphrase now"
)

// roleChoices are the roles as the colleague form offers them.
func roleChoices() []string {
	var out []string
	for _, r := range crypto.Roles() {
		out = append(out, r.String())
	}
	return out
}

// chosenRole is the role of a choice of roleChoices.
func chosenRole(choice string) crypto.Role {
	if choice == crypto.Lead.String() {
		return crypto.Lead
	}
	return crypto.Practitioner
}

// colleagueForm is the "Add a colleague" dialog: the lead's own passphrase
// (which unlocks the master key for the moment the change needs it), the
// colleague's name, and how they will choose their passphrase.
type colleagueForm struct {
	current, name *widget.Entry
	role          *widget.RadioGroup
	how           *widget.RadioGroup
	problem       *widget.Label
	ok            *widget.Button
	progress      *widget.ProgressBarInfinite
	d             *dialog.CustomDialog

	code *setupCodeDialog // once a code has been made
}

// onAddColleague opens the "Add a colleague" dialog.
func (s *settingsScreen) onAddColleague() {
	f := &colleagueForm{current: widget.NewPasswordEntry(), name: widget.NewEntry(),
		role: widget.NewRadioGroup(roleChoices(), nil),
		how:  widget.NewRadioGroup([]string{giveSetupCode, handOver}, nil), problem: newProblemLabel(),
		progress: widget.NewProgressBarInfinite()}
	f.role.SetSelected(crypto.Practitioner.String())
	f.role.Required = true
	f.how.SetSelected(giveSetupCode)
	f.how.Required = true
	f.progress.Hide()
	intro := wrapped("Your colleague chooses their own passphrase, so that only they know it. " +
		"A setup code lets them do it later, at the unlock screen; or they can type it now, at this keyboard.")
	form := widget.NewForm(
		widget.NewFormItem("Your passphrase ("+s.u.session.user+")", f.current),
		widget.NewFormItem("Colleague's name", f.name),
		widget.NewFormItem("Their role", f.role),
		widget.NewFormItem("How they set their passphrase", f.how),
	)
	f.ok = widget.NewButtonWithIcon("Continue", theme.ConfirmIcon(), func() { s.onColleagueOK(f) })
	f.ok.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() { f.d.Hide() })
	body := container.NewVBox(intro, form, f.progress, f.problem)
	f.d = dialog.NewCustomWithoutButtons("Add a colleague", container.New(columnWidth(560), body), s.w)
	f.d.SetButtons([]fyne.CanvasObject{cancel, f.ok})
	s.colleague = f
	f.d.Show()
	s.w.Canvas().Focus(f.current)
}

func (f *colleagueForm) fail(msg string) { sayIn(f.d, f.problem, msg) }

// check returns what is wrong with the form, or "".
func (f *colleagueForm) check(users []string) string {
	name := strings.TrimSpace(f.name.Text)
	switch {
	case f.current.Text == "":
		return "Enter your own passphrase."
	case name == "":
		return "Enter your colleague's name."
	}
	for _, u := range users {
		if strings.EqualFold(u, name) {
			return u + " can already unlock the vault: choose another name."
		}
	}
	return ""
}

// onColleagueOK checks the form, then in the worker unlocks the master key
// with the lead's passphrase and either makes the setup code or, for a
// colleague who types their passphrase now, only proves the lead's
// passphrase right before the keyboard is handed over.
func (s *settingsScreen) onColleagueOK(f *colleagueForm) {
	users, _ := s.u.vault.Users()
	if msg := f.check(users); msg != "" {
		f.fail(msg)
		return
	}
	name, current, withCode := strings.TrimSpace(f.name.Text), f.current.Text, f.how.Selected == giveSetupCode
	role := chosenRole(f.role.Selected)
	f.setBusy(true)
	var (
		code     string
		expires  time.Time
		makeCode func(crypto.Unlocked) error
	)
	if v := s.u.vault; withCode {
		makeCode = func(u crypto.Unlocked) (err error) {
			code, expires, err = v.AddSetupSlot(u.Key, name, role)
			return err
		}
	}
	s.withOwnKey(current, makeCode, func(err error) {
		f.setBusy(false)
		if err != nil {
			f.fail(messageFor(err))
			return
		}
		f.d.Hide()
		if withCode {
			s.refreshUsers()
			f.code = showSetupCode(s.w, name, code, expires)
			return
		}
		s.onHandOver(name, role, current)
	})
}

func (f *colleagueForm) setBusy(busy bool) {
	if busy {
		f.problem.Hide()
	}
	showBusy(busy, f.progress, f.current, f.name, f.role, f.how, f.ok)
}

// setupCodeDialog shows a new setup code once, large, with what to tell
// the colleague. The code is not kept anywhere else: closing the dialog
// forgets it (a new code can always be made).
type setupCodeDialog struct {
	code *widget.Label
	copy *widget.Button
	d    *dialog.CustomDialog
}

func showSetupCode(w fyne.Window, name, code string, expires time.Time) *setupCodeDialog {
	c := &setupCodeDialog{code: widget.NewLabelWithStyle(code, fyne.TextAlignCenter, fyne.TextStyle{Monospace: true})}
	c.code.SizeName = theme.SizeNameHeadingText
	c.copy = widget.NewButtonWithIcon("Copy", theme.ContentCopyIcon(), func() {
		fyne.CurrentApp().Clipboard().SetContent(code)
		c.copy.SetText("Copied")
	})
	body := container.NewVBox(
		wrapped("Give "+name+" this setup code, in person or by phone:"),
		container.NewBorder(nil, nil, nil, c.copy, c.code),
		wrapped("It works once, until "+setupDate(expires)+"."),
		wrapped("Tell them: At the unlock screen, choose 'I have a setup code…', then your name, this code and the passphrase you choose."),
		wrapped("If it is lost or runs out, add "+name+" again for a new code; Remove takes it back."),
	)
	c.d = dialog.NewCustom("Setup code for "+name, "Done", container.New(columnWidth(520), body), w)
	c.d.Show()
	c.d.Refresh() // measured again at the dialog's width, so the wrapped lines fit
	return c
}

// setupDate is the day a setup code expires, on this computer's calendar.
func setupDate(t time.Time) string { return records.DateOf(t.Local()).String() }

// listWaiting adds to the user list the colleagues whose setup code is not
// used yet, each with Remove, which takes the code back.
func (s *settingsScreen) listWaiting() {
	waiting, _ := s.u.vault.WaitingSetups() // refreshUsers has shown any unreadable slot
	for _, w := range waiting {
		text := w.Label + " (waiting for their setup code, until " + setupDate(w.Expires) + ")"
		if w.Expired() {
			text = w.Label + " (their setup code expired on " + setupDate(w.Expires) + ": add them again for a new one)"
		}
		who := w.Label
		remove := widget.NewButtonWithIcon("Remove", theme.DeleteIcon(), func() { s.onTakeBackCode(who) })
		remove.Importance = widget.LowImportance
		s.users.Add(container.NewBorder(nil, nil, nil, remove, wrapped(text)))
	}
	if s.root != nil {
		s.root.Refresh() // the list has grown or shrunk: lay the screen out again
	}
}

// onTakeBackCode asks, then removes a waiting colleague's setup code.
func (s *settingsScreen) onTakeBackCode(name string) {
	dialog.ShowConfirm("Take back "+name+"'s setup code?",
		"The code will stop working, and "+name+" will not be able to join with it. You can add them again for a new code.",
		func(ok bool) {
			if ok {
				s.takeBackCode(name)
			}
		}, s.w)
}

// takeBackCode removes a setup code not yet used. The colleague never
// opened the vault, so it keeps its key.
func (s *settingsScreen) takeBackCode(name string) {
	if err := s.u.vault.RemoveSlot(name); err != nil {
		s.u.bar.show(messageFor(err))
	}
	s.refreshUsers()
}
