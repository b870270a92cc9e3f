package app

import (
	"errors"

	"msprecords/records"
	"msprecords/store"
)

// openCase opens a case from the list: the store records the view in the
// audit trail.
func (u *UI) openCase(id string) {
	if !u.unlocked() || !u.leaveCase() {
		return
	}
	c, err := u.session.store.Get(id)
	if err != nil {
		u.bar.show(messageFor(err))
		return
	}
	u.showCase(c)
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
	if !u.unlocked() || !u.leaveCase() {
		return
	}
	u.setTitle("")
	u.cases.refresh()
	u.show(u.cases.root)
}

// leaveCase saves the open case before another screen replaces it, and
// reports whether it may be replaced. A case that cannot be saved stays
// open, with a way to leave it anyway: nothing typed is dropped silently.
func (u *UI) leaveCase() bool {
	cur := u.current
	if cur == nil {
		return true
	}
	err := cur.save()
	if err == nil {
		cur.discard()
		u.current = nil
		return true
	}
	if errors.Is(err, store.ErrConflict) {
		if cur.conflictUI != nil {
			cur.conflictUI.d.Show()
		}
		return false
	}
	u.bar.showAction(messageFor(err)+" Put this right to save the case, or leave it without saving these changes.",
		"Leave without saving", func() {
			cur.discard()
			if u.current == cur {
				u.current = nil
			}
			u.bar.clear()
			u.showCaseList()
		})
	return false
}
