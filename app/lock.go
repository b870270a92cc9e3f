package app

import (
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

// startSession shows the case list of a vault just unlocked (or reopens a
// case whose edits could not be saved when it last locked) and starts the
// idle lock.
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
	if c := u.takeStash(sess.user); c != nil {
		u.showCase(c)
		u.current.retrySave()
		return
	}
	u.showCaseList()
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
	dialog.ShowInformation(title, loss.Message()+" The audit trail records this.", u.window)
}

// unlocked reports whether the case list is open (the vault is unlocked and
// past the first-run screens).
func (u *UI) unlocked() bool { return u.session != nil && u.cases != nil }

// onIdle locks the vault after the idle time.
func (u *UI) onIdle() { u.lockNow() }

// lockNow cancels long work (a backup stops and removes its file), flushes
// the open case, closes the store (which forgets the key), lets go of the
// vault and shows the unlock screen. Edits that cannot be saved are kept in
// memory for the same user's next unlock.
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
	if u.current != nil {
		if c := u.current.closeCase(); c != nil {
			u.stash = &stashedCase{c: c, user: u.session.user}
		}
		u.current = nil
	}
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
// open case and closes the store before the window goes. If the case cannot
// be saved, it asks first, because quitting would lose the edits.
func (u *UI) onClose() {
	if u.current != nil && u.current.flush() != nil {
		dialog.ShowConfirm("Quit without saving?",
			"The open case has changes that cannot be saved yet (see the message at the top of the window). "+
				"If you quit now, those changes are lost.",
			func(quit bool) {
				if quit {
					u.quit()
				}
			}, u.window)
		return
	}
	u.quit()
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
