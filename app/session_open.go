package app

import (
	"errors"
	"time"

	"msprecords/records"
	"msprecords/store"
)

// openGrace is how long the window waits for a case to be read before it
// carries on and shows the case when it arrives: reading a case and
// recording the view takes a few milliseconds, so it nearly always opens
// in the same frame as the click, and a stalled disk never freezes the
// window for longer than this.
const openGrace = 200 * time.Millisecond

// openCase opens a case from the list once the open case is saved: the
// store reads it, and records the view in the audit trail, in the worker.
func (u *UI) openCase(id string) {
	if !u.unlocked() {
		return
	}
	u.leaveCaseThen(func() { u.readCase(id) })
}

// readCase reads a case in the worker and shows it, unless the vault was
// locked or another screen chosen meanwhile.
func (u *UI) readCase(id string) { u.readCaseThen(id, nil) }

// readCaseThen is readCase, then calls then (if not nil) once the case is
// shown.
func (u *UI) readCaseThen(id string, then func()) {
	sess, st := u.session, u.session.store
	u.opening = id
	var c *records.Case
	var err error
	u.work.runQuick(openGrace, func() { c, err = st.Get(id) }, func() {
		if u.session != sess || u.opening != id {
			return
		}
		u.opening = ""
		if err != nil {
			u.bar.show(messageFor(err))
			return
		}
		u.showCase(c)
		if then != nil {
			then()
		}
	})
}

// showCase shows a case already read from the store.
func (u *UI) showCase(c *records.Case) {
	u.bar.clear()
	u.current = newCaseScreen(u.window, u, c)
	u.setTitle(c.Reference)
	u.show(u.current.root)
}

// showCaseList saves and closes the open case, then shows the list.
func (u *UI) showCaseList() {
	if !u.unlocked() {
		return
	}
	u.leaveCaseThen(u.showList)
}

func (u *UI) showList() {
	if !u.unlocked() || u.current != nil {
		return
	}
	u.setTitle("")
	u.cases.refresh()
	u.show(u.cases.root)
}

// leaveCaseThen saves the open case in the worker, then closes it and runs
// next, if it saved. A case that cannot be saved stays open, with a way to
// leave it anyway: nothing typed is dropped silently.
func (u *UI) leaveCaseThen(next func()) {
	cur := u.current
	if cur == nil {
		next()
		return
	}
	cur.commitTyping()
	cur.save(func(err error) {
		if u.current != cur {
			return // locked, or left another way, meanwhile
		}
		switch {
		case err != nil:
			u.cannotLeave(cur, err)
		case cur.holdsUnsaved():
			u.cannotLeaveUnsaved(cur, next)
		default:
			cur.discard()
			u.current = nil
			next()
		}
	})
}

// readyToLeave reports whether another screen may replace the open case
// now. If the case has a save to make, it makes it in the worker and calls
// again once the case is closed, and reports false.
func (u *UI) readyToLeave(again func()) bool {
	if cur := u.current; cur != nil && cur.pending() {
		u.leaveCaseThen(again)
		return false
	}
	return u.leaveCase()
}

// leaveCase is leaveCaseThen for callers that must know at once whether the
// case closed (the settings and report screens). A case with nothing to
// save closes at once; otherwise the save is flushed first, which waits for
// the store.
func (u *UI) leaveCase() bool {
	cur := u.current
	if cur == nil {
		return true
	}
	cur.commitTyping()
	if cur.pending() {
		if err := cur.flush(); err != nil {
			u.cannotLeave(cur, err)
			return false
		}
	}
	if cur.holdsUnsaved() {
		u.cannotLeaveUnsaved(cur, nil)
		return false
	}
	cur.discard()
	u.current = nil
	return true
}

// cannotLeave shows why the open case cannot be closed yet.
func (u *UI) cannotLeave(cur *caseScreen, err error) {
	if errors.Is(err, store.ErrConflict) {
		if cur.conflictUI != nil {
			cur.conflictUI.d.Show()
		}
		return
	}
	advice := " Put this right to save the case, or leave it without saving these changes."
	if errors.Is(err, store.ErrInternal) {
		advice = " You can leave the case without saving these changes."
	}
	u.bar.showAction(messageFor(err)+advice,
		"Leave without saving", func() {
			cur.discard()
			if u.current == cur {
				u.current = nil
			}
			u.bar.clear()
			u.showCaseList()
		})
}

// holdsUnsaved reports whether a field of the case shows text the case
// cannot hold yet.
func (s *caseScreen) holdsUnsaved() bool { return len(s.view.pendingFields()) > 0 }

// cannotLeaveUnsaved keeps the case open when a field shows text that
// cannot be saved yet (an impossible date): the rest is saved, the field
// is shown with its message, and the message bar offers to leave without
// that text, then to go on to next (or the case list, if nil).
func (u *UI) cannotLeaveUnsaved(cur *caseScreen, next func()) {
	n, list := cur.unsavedFields()
	what := "This change cannot be saved yet:\n"
	if n > 1 {
		what = "These changes cannot be saved yet:\n"
	}
	cur.onGoTo()
	cur.unsavedNote = what + list + "\nPut it right to save it, or leave the case without it."
	u.bar.showAction(cur.unsavedNote,
		"Leave without it", func() {
			u.bar.clear()
			if u.current != cur {
				return
			}
			cur.discard()
			u.current = nil
			if next == nil {
				next = u.showList
			}
			next()
		})
}
