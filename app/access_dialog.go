package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"msprecords/crypto"
)

// restrictedBadge marks a restricted case in its header.
func (s *caseScreen) restrictedBadge() fyne.CanvasObject {
	sum, ok := s.store.SummaryOf(s.c.ID)
	if !ok || !sum.Restricted {
		return container.NewHBox()
	}
	b := widget.NewLabelWithStyle("Restricted", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	b.Importance = widget.WarningImportance
	return b
}

// accessDialog is the lead's "Who can read this case" dialog: a tick for
// each user, and buttons to restrict the case to those ticked or to lift
// its restriction.
type accessDialog struct {
	ticks    map[string]*widget.Check
	restrict *widget.Button
	lift     *widget.Button
	problem  *widget.Label
	d        *dialog.CustomDialog
}

// onAccess opens the access dialog, with the readers ticked.
func (s *caseScreen) onAccess() {
	users, err := s.u.vault.Recipients()
	if err != nil {
		s.u.bar.show(messageFor(err))
		return
	}
	readers, _, err := s.store.Access(s.c.ID)
	if err != nil {
		s.u.bar.show(messageFor(err))
		return
	}
	a := &accessDialog{ticks: map[string]*widget.Check{}, problem: newProblemLabel()}
	intro := "Everyone who can unlock the vault can read this case. Restrict it to the people who need to know: " +
		"it is then sealed with a key only they (and the recovery key) hold, and everyone else sees only its reference, stage and lead."
	if readers != nil {
		intro = "Only the people ticked (and whoever holds the recovery key) can read this case. " +
			"Untick someone to take their access away: the case is sealed again with a new key."
	}
	box := container.NewVBox(wrapped(intro))
	for _, u := range users {
		label := u.Label + ", " + u.Role.String()
		if u.Recipient == "" {
			label += " (has not unlocked since the vault was brought up to date)"
		}
		c := widget.NewCheck(label, nil)
		c.SetChecked(crypto.HasUser(readers, u.Label) || readers == nil && u.Label == s.u.session.user)
		if u.Recipient == "" {
			c.Disable()
		}
		a.ticks[u.Label] = c
		box.Add(c)
	}
	box.Add(a.problem)
	a.restrict = widget.NewButtonWithIcon("Restrict to those ticked", theme.VisibilityOffIcon(), func() { s.applyAccess(a, false) })
	a.restrict.Importance = widget.HighImportance
	a.lift = widget.NewButtonWithIcon("Lift the restriction", theme.VisibilityIcon(), func() { s.applyAccess(a, true) })
	if readers == nil {
		a.lift.Hide()
	}
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() { a.d.Hide() })
	a.d = dialog.NewCustomWithoutButtons("Who can read "+s.c.Reference, container.New(columnWidth(560), box), s.w)
	a.d.SetButtons([]fyne.CanvasObject{cancel, a.lift, a.restrict})
	s.access = a
	a.d.Show()
	remeasure(a.d)
}

// ticked lists the users ticked, in the order shown.
func (a *accessDialog) ticked(users []crypto.Recipient) []string {
	var out []string
	for _, u := range users {
		if c := a.ticks[u.Label]; c != nil && c.Checked {
			out = append(out, u.Label)
		}
	}
	return out
}

// applyAccess saves what is on screen, then restricts the case to those
// ticked (or lifts its restriction) in the worker, and shows the case as
// it is now, or the list if the lead left themselves off.
func (s *caseScreen) applyAccess(a *accessDialog, lift bool) {
	users, _ := s.u.vault.Recipients()
	names := a.ticked(users)
	if !lift && len(names) == 0 {
		sayIn(a.d, a.problem, "Tick at least one person who may read the case.")
		return
	}
	id, sess := s.c.ID, s.u.session
	s.commitTyping()
	s.save(func(err error) {
		if err != nil {
			sayIn(a.d, a.problem, messageFor(err))
			return
		}
		s.u.work.run(func() {
			if lift {
				err = sess.vault.Unrestrict(id)
			} else {
				err = sess.vault.Restrict(id, names)
			}
		}, func() { s.accessApplied(a, id, names, lift, err) })
	})
}

func (s *caseScreen) accessApplied(a *accessDialog, id string, names []string, lift bool, err error) {
	if s.u.current != s {
		return // locked, or left, meanwhile
	}
	if err != nil {
		sayIn(a.d, a.problem, messageFor(err))
		return
	}
	a.d.Hide()
	msg := s.c.Reference + " is now restricted to " + strings.Join(names, ", ") + "."
	switch {
	case lift:
		msg = s.c.Reference + " is no longer restricted: every user of the vault can read it."
	case !crypto.HasUser(names, s.u.session.user):
		msg += " You are not one of them, so it is closed."
		s.u.leaveCaseThen(func() { s.u.showList(); s.u.bar.show(msg) })
		return
	}
	// Shown again, marked as it now is.
	s.u.leaveCaseThen(func() { s.u.readCaseThen(id, func() { s.u.bar.show(msg) }) })
}

// newInterestBanner makes the warning shown above a case whose person
// alleged to have caused harm may be able to read it.
func (s *caseScreen) newInterestBanner() *fyne.Container {
	if sum, ok := s.store.SummaryOf(s.c.ID); ok && sum.Restricted {
		s.readers, _, _ = s.store.Access(s.c.ID) // an unreadable access record shows no warning, as the case did not open
	}
	s.users, _ = s.u.vault.Users()
	b := container.NewVBox()
	s.interest = b
	s.refreshInterest()
	return b
}

// refreshInterest shows the warning while the case is open to someone it
// is about: a user named as the person alleged to have caused harm, or, on
// an unrestricted case, someone recorded as staff.
func (s *caseScreen) refreshInterest() {
	if s.interest == nil {
		return
	}
	var who []string
	for _, c := range s.c.Conflicts(s.users) {
		switch {
		case c.User != "" && (s.readers == nil || crypto.HasUser(s.readers, c.User)):
			who = append(who, c.Alleged+" can unlock this vault")
		case c.User == "" && s.readers == nil:
			who = append(who, c.Alleged+" is recorded as staff")
		}
	}
	warning := strings.Join(who, "; ")
	if warning == s.warning {
		return // as shown: a keystroke elsewhere lays nothing out again
	}
	s.warning = warning
	s.interest.RemoveAll()
	defer s.interest.Refresh()
	if len(who) == 0 {
		return
	}
	text := "Conflict of interest: the person alleged to have caused harm may be able to read this case (" + warning + "). "
	var action fyne.CanvasObject = layout.NewSpacer()
	if s.u.session.isLead() {
		text += "Restrict it to the people who need to know."
		action = widget.NewButtonWithIcon("Restrict this case…", theme.VisibilityOffIcon(), s.onAccess)
	} else {
		text += "Ask a safeguarding lead to restrict it before you record more."
	}
	l := wrapped(text)
	l.Importance = widget.WarningImportance
	s.interest.Add(container.NewBorder(nil, nil, nil, action, l))
}
