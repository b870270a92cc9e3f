package app

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2/dialog"

	"msprecords/crypto"
	"msprecords/store"
)

// showUnlock shows the unlock screen, with problem if opening the vault
// failed.
func (u *UI) showUnlock(problem error) {
	u.create = nil
	u.unlock = newUnlockScreen(u.window, u, problem)
	u.setTitle("")
	u.show(u.unlock.root)
	u.window.Canvas().Focus(u.unlock.pass)
}

// showCreate shows the first-run screen that makes a vault.
func (u *UI) showCreate() {
	u.create = newCreateScreen(u.window, u)
	u.setTitle("")
	u.show(u.create.root)
	if u.create.user.Text == "" {
		u.window.Canvas().Focus(u.create.user)
	} else {
		u.window.Canvas().Focus(u.create.pass)
	}
}

// onVaultCreated shows the recovery key of a vault just made; the session
// starts once the person says they have kept it.
func (u *UI) onVaultCreated(sess *session, vault *crypto.Vault, recoveryKey string) {
	u.vault = vault
	u.session = sess // so that closing the window now still closes the store
	u.recovery = newRecoveryScreen(u.window, recoveryKey, func() { u.startSession(sess); u.showGuideOnce() })
	u.show(u.recovery.root)
}

// startSession shows the case list of a vault just unlocked and starts the
// idle lock. If the same user locked the vault with a case open, it goes
// back to that case and part: the version kept in memory when not all of
// it could be saved, otherwise the case as the store holds it.
func (u *UI) startSession(sess *session) {
	u.session = sess
	u.unlock, u.create = nil, nil
	u.locked.Store(false)
	u.settings.setLastUser(sess.user)
	u.bar.clear()
	u.cases = newCaseListScreen(u.window, sess.store, u)
	u.window.SetMainMenu(u.mainMenu())
	u.addShortcuts()
	u.idle.start(time.Duration(u.settings.IdleMinutes) * u.idleUnit)
	defer u.sayLoss(sess)
	stash, back := u.takeStash(sess.user), u.takeResume(sess.user)
	switch {
	case stash != nil:
		u.showCase(stash.c)
		u.current.view.keepUnsaved(stash.unsaved)
		u.current.view.showPart(stash.part)
		u.current.showStatus()
		if stash.failed {
			u.current.retrySave()
		}
	case back != nil:
		u.showList()
		u.readCaseThen(back.id, func() { u.current.view.showPart(back.part) })
	default:
		u.showCaseList()
	}
	if d := u.draft; d != nil {
		u.draft = nil
		if d.user == sess.user {
			u.reopenNewCase(d)
		}
	}
}

// sayLoss tells the person, over the first screen, what the store found
// lost when it opened (changes the computer's stopping took with it), in
// the words the command line and verify use.
func (u *UI) sayLoss(sess *session) {
	loss := sess.store.LostChanges()
	if loss == nil {
		return
	}
	title := "Changes lost when the computer stopped"
	if loss.Kind != store.LossFound {
		title = "Lost changes could not be checked for"
	}
	msg := loss.Message() + " The audit trail records this. Once the changes are back (from a backup, or entered " +
		"again), choose “Mark as dealt with”, so that Verify stops reporting it."
	d := dialog.NewConfirm(title, msg, func(done bool) {
		if done {
			u.acknowledgeLoss(sess)
		}
	}, u.window)
	d.SetConfirmText("Mark as dealt with")
	d.SetDismissText("Not yet")
	d.Show()
}

// acknowledgeLoss records in the audit trail that the loss reported has
// been dealt with, as `verify --acknowledge-loss` does.
func (u *UI) acknowledgeLoss(sess *session) {
	var err error
	u.work.run(func() { _, err = sess.store.AcknowledgeLoss() }, func() {
		if u.session != sess {
			return
		}
		if err != nil {
			u.bar.show(messageFor(err))
			return
		}
		u.bar.show("The lost changes are marked as dealt with; the audit trail records it.")
	})
}

// unlocked reports whether the case list is open (the vault is unlocked and
// past the first-run screens).
func (u *UI) unlocked() bool { return u.session != nil && u.cases != nil }

// onIdle locks the vault after the idle time.
func (u *UI) onIdle() { u.lockNow() }

// lockNow cancels long work (a backup stops and removes its file), saves
// the open case and waits for the save, closes the store (which forgets
// the key), lets go of the vault and shows the unlock screen. Edits that
// cannot be saved, and text a field shows that the case cannot hold yet,
// are kept in memory for the same user's next unlock, which goes back to
// the case.
//
// This is the one place the UI goroutine waits for the store: the unlock
// screen takes the vault lock again, so the store must be closed before it
// shows. The wait is for at most the save in flight and one more, and for
// cancelled work to notice.
func (u *UI) lockNow() {
	if u.session == nil {
		return
	}
	u.idle.stop()
	u.session.stop()
	if cur := u.current; cur != nil {
		cur.commitTyping()
		err := cur.flush()
		user, part := u.session.user, cur.view.current
		if pending := cur.view.pendingFields(); err != nil || len(pending) > 0 {
			u.stash = &stashedCase{c: cur.c, user: user, part: part, unsaved: cur.view.unsaved, failed: err != nil}
		}
		u.resume = &resumePoint{id: cur.c.ID, part: part, user: user}
		cur.discard()
		u.current = nil
	}
	u.draft = u.newCase.typedSoFar(u.session.user)
	u.newCase = nil
	u.endSession()
	u.showUnlock(nil)
	u.locked.Store(true)
}

// endSession forgets every screen that shows case data and closes the store.
func (u *UI) endSession() {
	u.clearDialogs()
	u.bar.clear()
	u.window.SetMainMenu(nil)
	u.removeShortcuts()
	u.cases = nil
	if err := u.session.close(); err != nil {
		u.bar.show(messageFor(err))
	}
	u.session = nil
}

// onClose runs when the window is closed or Quit is chosen: it saves the
// open case and closes the store before the window goes. If some of the
// case cannot be saved (a change refused, or a field showing text the case
// cannot hold yet), it asks first, because quitting would lose it.
func (u *UI) onClose() {
	if cur := u.current; cur != nil {
		cur.commitTyping()
		err := cur.flush()
		n, list := cur.unsavedFields()
		if err != nil || n > 0 {
			u.askQuit(cur, err, n, list)
			return
		}
	}
	if u.session != nil && u.newCase.typedSoFar(u.session.user) != nil {
		u.askQuitNewCase()
		return
	}
	u.quit()
}

// askQuitNewCase asks before quitting loses a new case not yet created.
func (u *UI) askQuitNewCase() {
	d := dialog.NewConfirm("Quit without creating the case?",
		"The new case has not been created yet. If you quit now, what you typed in the form is lost.",
		func(quit bool) {
			if quit {
				u.quit()
			}
		}, u.window)
	d.SetConfirmText("Quit anyway")
	d.SetDismissText("Go back")
	d.Show()
}

// askQuit asks before quitting loses what could not be saved.
func (u *UI) askQuit(cur *caseScreen, err error, n int, list string) {
	msg := "The open case has changes that cannot be saved yet (see the message at the top of the window). " +
		"If you quit now, those changes are lost."
	if err == nil {
		what := "1 change that cannot be saved yet"
		if n > 1 {
			what = strconv.Itoa(n) + " changes that cannot be saved yet"
		}
		msg = "The open case has " + what + ":\n" + list + "\nIf you quit now, what you typed there is lost."
	}
	d := dialog.NewConfirm("Quit without saving?", msg, func(quit bool) {
		if quit {
			u.quit()
		} else if u.current == cur {
			cur.onGoTo()
		}
	}, u.window)
	d.SetConfirmText("Quit anyway")
	d.SetDismissText("Go back")
	d.Show()
}

func (u *UI) quit() {
	if u.closed {
		return
	}
	u.closed = true
	u.idle.stop()
	if u.current != nil {
		u.current.discard()
		u.current = nil
	}
	if u.session != nil {
		u.endSession()
	}
	u.window.Close()
}
