package app

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestIdleLock leaves the window alone with a case open and unsaved edits:
// it locks by itself, the edits are saved first, and the vault is let go.
func TestIdleLock(t *testing.T) {
	dir := newVault(t)
	u := newTestUI(t, dir)
	unlockWith(t, u, testUser, testPass)
	newCaseThroughForm(t, u, "Ada Lovelace", "10", "12", "1915")
	id := u.current.c.ID
	test.Type(personField(t, u, "Preferred name"), "Ada")

	// Only now a short idle time, so that the lock cannot fire while the
	// test itself is still using the window.
	u.settings.setIdleMinutes(1)
	u.idleUnit = 50 * time.Millisecond
	u.idle.start(time.Duration(u.settings.IdleMinutes) * u.idleUnit)
	waitFor(t, "the idle lock", u.locked.Load)
	if u.session != nil || u.unlock == nil || u.current != nil {
		t.Fatal("locked, but the session or case is still open")
	}
	if !vaultIsFree(t, dir) {
		t.Error("the vault lock is still held after the idle lock")
	}

	u.idleUnit = time.Minute
	unlockWith(t, u, testUser, testPass)
	c, err := u.session.store.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if c.Person.PreferredName != "Ada" {
		t.Errorf("edit before the idle lock was not saved: %q", c.Person.PreferredName)
	}
}

// TestActivityPostponesIdleLock checks that touching the window restarts
// the idle time (polling, not timing: the lock must come only after
// activity stops).
func TestActivityPostponesIdleLock(t *testing.T) {
	u := newTestUI(t, newVault(t))
	u.idleUnit = time.Hour
	unlockWith(t, u, testUser, testPass)
	before := u.idle.last.Load()
	time.Sleep(2 * time.Millisecond)
	u.window.Content().(*activityWatcher).Cursor()
	if u.idle.last.Load() <= before {
		t.Error("a mouse move over the window was not counted as activity")
	}
	before = u.idle.last.Load()
	time.Sleep(2 * time.Millisecond)
	u.window.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyDown})
	if u.idle.last.Load() <= before {
		t.Error("a key press was not counted as activity")
	}
}

// TestLockKeepsEditsThatCannotBeSaved locks with a case whose edits do not
// validate: they are kept in memory and shown again to the same user.
func TestLockKeepsEditsThatCannotBeSaved(t *testing.T) {
	u := openUnlocked(t)
	newCaseThroughForm(t, u, "Mary Seacole", "23", "11", "1905")
	id := u.current.c.ID
	test.Type(personField(t, u, "Lives with"), "Alone")
	personField(t, u, "Full name").SetText("")
	press(u, fyne.KeyS)
	mustContain(t, "message bar", u.bar.message(), "Enter the person's full name")
	if u.current.c.Person.LivesWith != "Alone" {
		t.Fatal("the typed text was lost after a failed save")
	}

	press(u, fyne.KeyL)
	if u.stash == nil {
		t.Fatal("the unsaved edits were not kept")
	}
	unlockWith(t, u, testUser, testPass)
	if u.current == nil || u.current.c.ID != id {
		t.Fatal("the case with unsaved edits was not reopened")
	}
	if got := personField(t, u, "Lives with").Text; got != "Alone" {
		t.Errorf("lives with = %q after unlock", got)
	}
	mustContain(t, "message bar after unlock", u.bar.message(), "Enter the person's full name")

	test.Type(personField(t, u, "Full name"), "Mary Seacole")
	press(u, fyne.KeyS)
	if u.bar.message() != "" {
		t.Errorf("message bar still shows %q after a good save", u.bar.message())
	}
	if c, _ := u.session.store.Load(id); c.Person.LivesWith != "Alone" || c.Person.Name != "Mary Seacole" {
		t.Errorf("saved %+v", c.Person)
	}
}

// TestLockHidesDialogs locks with the new case form open: nothing of it
// stays on screen.
func TestLockHidesDialogs(t *testing.T) {
	u := openUnlocked(t)
	press(u, fyne.KeyN)
	test.Type(u.newCase.name, "Ada Lovelace")
	if u.window.Canvas().Overlays().Top() == nil {
		t.Fatal("the new case form is not shown")
	}
	press(u, fyne.KeyL)
	if top := u.window.Canvas().Overlays().Top(); top != nil {
		t.Errorf("a dialog is still shown after locking: %T", top)
	}
	press(u, fyne.KeyN)
	if u.window.Canvas().Overlays().Top() != nil {
		t.Error("Ctrl+N works while locked")
	}
}

// TestQuitSavesTheOpenCase closes the window with an unsaved edit: it is
// saved, the store is closed and the vault let go.
func TestQuitSavesTheOpenCase(t *testing.T) {
	dir := newVault(t)
	u := newTestUI(t, dir)
	unlockWith(t, u, testUser, testPass)
	newCaseThroughForm(t, u, "Ada Lovelace", "10", "12", "1915")
	id := u.current.c.ID
	test.Type(personField(t, u, "Language"), "English")
	u.onClose()
	if u.session != nil || !vaultIsFree(t, dir) {
		t.Fatal("quitting left the vault open")
	}

	again := newTestUI(t, dir)
	unlockWith(t, again, testUser, testPass)
	c, err := again.session.store.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if c.Person.Language != "English" {
		t.Errorf("the edit before quitting was lost: %q", c.Person.Language)
	}
}
