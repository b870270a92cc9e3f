package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestConflictIsShownNeverOverwritten saves the case through a second path
// (the store directly, as another window would), then edits it in the
// window: the save is refused, the person's edits are listed to copy, and
// the saved version can be reloaded.
func TestConflictIsShownNeverOverwritten(t *testing.T) {
	u, id := openCaseChangedElsewhere(t)

	test.Type(personField(t, u, "Preferred name"), "Flo")
	press(u, fyne.KeyS)
	cd := u.current.conflictUI
	if cd == nil {
		t.Fatal("no conflict dialog")
	}
	mustContain(t, "unsaved changes shown", cd.text.Text, "person.preferred_name: Flo")
	if c, _ := u.session.store.Load(id); c.Person.LivesWith != "Her sister" || c.Person.PreferredName != "" {
		t.Fatalf("the store was overwritten: %+v", c.Person)
	}
	if u.current.status.Text != statusConflict {
		t.Errorf("status = %q", u.current.status.Text)
	}

	test.Tap(cd.copy)
	mustContain(t, "clipboard", u.app.Clipboard().Content(), "person.preferred_name: Flo")
	test.Tap(cd.reload)
	u.work.wait()
	if got := personField(t, u, "Lives with").Text; got != "Her sister" {
		t.Errorf("after reload the case view shows lives with %q", got)
	}
	mustContain(t, "message bar after reload", u.bar.message(), "not saved are kept")

	test.Type(personField(t, u, "Preferred name"), "Flo")
	press(u, fyne.KeyS)
	if c, _ := u.session.store.Load(id); c.Person.PreferredName != "Flo" || c.Person.LivesWith != "Her sister" {
		t.Errorf("after reload and edit the store has %+v", c.Person)
	}
}

// TestAutosave checks that an edit reaches the store without Ctrl+S.
func TestAutosave(t *testing.T) {
	u := openUnlocked(t)
	u.saveDelay = 20 * time.Millisecond
	newCaseThroughForm(t, u, "Mary Seacole", "23", "11", "1905")
	id := u.current.c.ID
	personField(t, u, "Language").SetText("English") // one change: the timer starts once
	u.work.wait()                                    // the autosave timer, and the save it runs
	if c, _ := u.session.store.Load(id); c.Person.Language != "English" {
		t.Errorf("autosave wrote language %q", c.Person.Language)
	}
	if u.current.status.Text != statusSaved {
		t.Errorf("status = %q", u.current.status.Text)
	}
}

// TestLeavingAnUnsavableCaseAsks checks that going back to the list with
// edits that do not validate keeps the case open and offers a way out.
func TestLeavingAnUnsavableCaseAsks(t *testing.T) {
	u := openUnlocked(t)
	newCaseThroughForm(t, u, "Mary Seacole", "23", "11", "1905")
	personField(t, u, "Full name").SetText("")
	u.showCaseList()
	u.work.wait()
	if u.current == nil {
		t.Fatal("the case was closed with edits that could not be saved")
	}
	mustContain(t, "message bar", u.bar.message(), "Enter the person's full name")
	test.Tap(u.bar.action)
	u.work.wait()
	if u.current != nil {
		t.Error("Leave without saving did not close the case")
	}
	if u.cases.count.Text != "1 case" {
		t.Errorf("count = %q", u.cases.count.Text)
	}
}

// TestTitleNeverShowsTheName checks the window title while a case is open.
func TestTitleNeverShowsTheName(t *testing.T) {
	u := openUnlocked(t)
	newCaseThroughForm(t, u, "Grace Darling", "24", "11", "1915")
	if strings.Contains(u.window.Title(), "Grace") || !strings.Contains(u.window.Title(), u.current.c.Reference) {
		t.Errorf("title = %q", u.window.Title())
	}
	u.showCaseList()
	if u.window.Title() != appName {
		t.Errorf("title on the list = %q", u.window.Title())
	}
}

// TestCtrlEOpensExport saves the case and opens the export dialog; with
// edits that cannot be saved it says so instead.
func TestCtrlEOpensExport(t *testing.T) {
	u := openUnlocked(t)
	newCaseThroughForm(t, u, "Grace Darling", "24", "11", "1915")
	personField(t, u, "Full name").SetText("")
	press(u, fyne.KeyE)
	if u.window.Canvas().Overlays().Top() != nil {
		t.Error("export opened for a case that cannot be saved")
	}
	mustContain(t, "message bar", u.bar.message(), "Enter the person's full name")
	personField(t, u, "Full name").SetText("Grace Darling")
	press(u, fyne.KeyE)
	if u.window.Canvas().Overlays().Top() == nil {
		t.Error("Ctrl+E did not open the export dialog")
	}
}

// openCaseChangedElsewhere opens a new case in the window, then saves a
// change to it through the store directly, as another window would.
func openCaseChangedElsewhere(t *testing.T) (*UI, string) {
	t.Helper()
	u := openUnlocked(t)
	newCaseThroughForm(t, u, "Florence Nightingale", "12", "5", "1920")
	id := u.current.c.ID
	other, err := u.session.store.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	other.Person.LivesWith = "Her sister"
	if err := u.session.store.Save(other); err != nil {
		t.Fatal(err)
	}
	return u, id
}
