package app

import (
	"encoding/json"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"msprecords/records"
)

// heldSaves holds every save in the worker, just before it writes, until
// released; it counts the saves and the most ever in flight at once.
type heldSaves struct {
	entered  chan struct{}
	release  func()
	inFlight atomic.Int32
	most     atomic.Int32
	started  atomic.Int32
}

func holdSaves(t *testing.T, u *UI) *heldSaves {
	t.Helper()
	h := &heldSaves{entered: make(chan struct{}, 64)}
	rel := make(chan struct{})
	var once sync.Once
	h.release = func() { once.Do(func() { close(rel) }) }
	testOnlySaveHook = func() {
		n := h.inFlight.Add(1)
		for m := h.most.Load(); n > m && !h.most.CompareAndSwap(m, n); m = h.most.Load() {
		}
		h.started.Add(1)
		h.entered <- struct{}{}
		select {
		case <-rel:
		case <-time.After(time.Minute): // only if a save ran where it must not, so the test fails rather than hangs
		}
		h.inFlight.Add(-1)
	}
	t.Cleanup(func() {
		h.release()
		u.work.wait()
		testOnlySaveHook = nil
	})
	return h
}

// waitEntered waits until a held save has started in the worker.
func (h *heldSaves) waitEntered(t *testing.T) {
	t.Helper()
	select {
	case <-h.entered:
	case <-time.After(time.Minute):
		t.Fatal("the save never started")
	}
}

// TestSaveRunsInTheWorker holds a save in the worker and checks that the
// window goes on working meanwhile: typing still reaches the case, the
// status does not claim the case is saved, a second Ctrl+S waits for the
// first save rather than running beside it, and then both edits are stored.
func TestSaveRunsInTheWorker(t *testing.T) {
	u := openUnlocked(t)
	newCaseThroughForm(t, u, "Florence Nightingale", "12", "5", "1920")
	id := u.current.c.ID
	h := holdSaves(t, u)

	test.Type(personField(t, u, "Preferred name"), "Flo")
	u.onSaveNow() // Ctrl+S, without letting the worker finish
	h.waitEntered(t)
	if u.current.saving == nil {
		t.Fatal("no save in flight once Ctrl+S returned: the save ran on the UI goroutine")
	}

	// The UI goroutine is free while the save is held.
	test.Type(personField(t, u, "Lives with"), "Her sister")
	if got := u.current.status.Text; got != statusUnsaved {
		t.Errorf("status while saving = %q, want %q", got, statusUnsaved)
	}
	u.onSaveNow() // a second Ctrl+S while the first save runs
	if c, _ := u.session.store.Load(id); c.Person.PreferredName != "" {
		t.Errorf("the store has %q before the held save wrote", c.Person.PreferredName)
	}

	h.release()
	u.work.wait()
	c, err := u.session.store.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if c.Person.PreferredName != "Flo" || c.Person.LivesWith != "Her sister" {
		t.Errorf("stored %q, %q; want both edits", c.Person.PreferredName, c.Person.LivesWith)
	}
	if got := h.started.Load(); got != 2 {
		t.Errorf("%d saves, want 2 (the first, then one for the edits made meanwhile)", got)
	}
	if got := h.most.Load(); got != 1 {
		t.Errorf("%d saves ran at once, want 1", got)
	}
	if u.current.status.Text != statusSaved {
		t.Errorf("status = %q after both saves", u.current.status.Text)
	}
	if u.current.c.Revision != c.Revision {
		t.Errorf("the open case is at revision %d, the store at %d", u.current.c.Revision, c.Revision)
	}
}

// TestSavedOnlyWhenTheLatestEditIsSaved types while a save runs: when it
// ends, the status still says the case is saving, because what was typed
// meanwhile is not in the copy that was written.
func TestSavedOnlyWhenTheLatestEditIsSaved(t *testing.T) {
	u := openUnlocked(t)
	newCaseThroughForm(t, u, "Mary Seacole", "23", "11", "1905")
	id := u.current.c.ID
	h := holdSaves(t, u)

	test.Type(personField(t, u, "Language"), "English")
	u.onSaveNow()
	h.waitEntered(t)
	test.Type(personField(t, u, "Lives with"), "Alone") // starts the autosave timer
	h.release()
	// u.work.wait would wait for the autosave timer too: run results only
	// until the held save's has reached the screen.
	deliverUntil(t, u, "the save's result", func() bool { return u.current.saving == nil })

	if got := u.current.status.Text; got == statusSaved {
		t.Errorf("status = %q with an edit that is not stored", got)
	}
	if c, _ := u.session.store.Load(id); c.Person.Language != "English" || c.Person.LivesWith != "" {
		t.Errorf("stored language %q, lives with %q", c.Person.Language, c.Person.LivesWith)
	}
	press(u, fyne.KeyS)
	if c, _ := u.session.store.Load(id); c.Person.LivesWith != "Alone" {
		t.Errorf("after Ctrl+S lives with = %q", c.Person.LivesWith)
	}
	if u.current.status.Text != statusSaved {
		t.Errorf("status = %q after Ctrl+S", u.current.status.Text)
	}
}

// TestLockRightAfterTyping locks with Ctrl+L straight after typing, once
// with no save started and once with a save still in flight: after
// unlocking, the case shows everything typed.
func TestLockRightAfterTyping(t *testing.T) {
	t.Run("no save started", func(t *testing.T) {
		u := openUnlocked(t)
		newCaseThroughForm(t, u, "Ada Lovelace", "10", "12", "1915")
		test.Type(personField(t, u, "Language"), "English")
		press(u, fyne.KeyL)
		reopenFirstCase(t, u)
		if got := personField(t, u, "Language").Text; got != "English" {
			t.Errorf("language after unlock = %q", got)
		}
	})
	t.Run("a save in flight", func(t *testing.T) {
		u := openUnlocked(t)
		newCaseThroughForm(t, u, "Ada Lovelace", "10", "12", "1915")
		h := holdSaves(t, u)
		test.Type(personField(t, u, "Language"), "English")
		u.onSaveNow()
		h.waitEntered(t)
		test.Type(personField(t, u, "Lives with"), "Alone")
		go h.release() // the lock waits for the held save, whenever it ends
		press(u, fyne.KeyL)
		if u.session != nil || u.stash != nil {
			t.Fatalf("locking left session %v, stash %v", u.session != nil, u.stash != nil)
		}
		reopenFirstCase(t, u)
		if got := personField(t, u, "Language").Text; got != "English" {
			t.Errorf("language after unlock = %q", got)
		}
		if got := personField(t, u, "Lives with").Text; got != "Alone" {
			t.Errorf("lives with after unlock = %q", got)
		}
		if u.current.conflict {
			t.Error("the case is in conflict with itself after the lock")
		}
	})
}

// deliverUntil runs the worker's results on this goroutine, as the event
// loop would, until cond holds.
func deliverUntil(t *testing.T, u *UI, what string, cond func() bool) {
	t.Helper()
	for !cond() {
		select {
		case then := <-u.work.queue:
			then()
		case <-time.After(time.Minute):
			t.Fatalf("gave up waiting for %s", what)
		}
	}
}

// reopenFirstCase unlocks and opens the first case of the list.
func reopenFirstCase(t *testing.T, u *UI) {
	t.Helper()
	unlockWith(t, u, testUser, testPass)
	if !u.unlocked() {
		t.Fatalf("unlock failed: %q", u.unlock.problem.Text)
	}
	u.cases.list.Select(0)
	u.work.wait()
	if u.current == nil {
		t.Fatal("the case did not open")
	}
}

func TestCloneCaseSharesNothing(t *testing.T) {
	c := &records.Case{ID: "x", Revision: 4, Person: records.Person{Name: "Edith Cavell"},
		Contacts: []records.Contact{{ID: "c1", Notes: "Spoke at home"}}}
	clone, err := cloneCase(c)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := json.Marshal(c)
	got, _ := json.Marshal(clone)
	if string(got) != string(want) {
		t.Errorf("the copy differs:\n%s\n%s", got, want)
	}
	clone.Contacts[0].Notes = "changed"
	clone.Person.Name = "changed"
	if c.Contacts[0].Notes != "Spoke at home" || c.Person.Name != "Edith Cavell" {
		t.Error("changing the copy changed the case")
	}
}

// TestConflictFoundInTheWorker saves a case that was changed elsewhere
// while the person goes on typing: the save is refused, nothing is
// overwritten, and the conflict dialog lists what was typed before and
// during the save.
func TestConflictFoundInTheWorker(t *testing.T) {
	u, id := openCaseChangedElsewhere(t)

	h := holdSaves(t, u)
	test.Type(personField(t, u, "Preferred name"), "Flo")
	u.onSaveNow()
	h.waitEntered(t)
	test.Type(personField(t, u, "Language"), "English")
	h.release()
	deliverUntil(t, u, "the conflict", func() bool { return u.current.conflictUI != nil })

	if c, _ := u.session.store.Load(id); c.Person.LivesWith != "Her sister" || c.Person.PreferredName != "" {
		t.Fatalf("the store was overwritten: %+v", c.Person)
	}
	mustContain(t, "unsaved changes", u.current.conflictUI.text.Text, "person.preferred_name: Flo")
	mustContain(t, "unsaved changes", u.current.conflictUI.text.Text, "person.language: English")
	if u.current.status.Text != statusConflict {
		t.Errorf("status = %q", u.current.status.Text)
	}
	press(u, fyne.KeyS) // refused again, without writing
	if c, _ := u.session.store.Load(id); c.Person.PreferredName != "" {
		t.Error("Ctrl+S wrote over the newer version")
	}
}
