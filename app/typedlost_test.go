package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"msprecords/records"
)

// dobField is the open case's date of birth: three boxes.
func dobField(t *testing.T, u *UI) *dmyField {
	t.Helper()
	if u.current == nil {
		t.Fatal("no case is open")
	}
	p := u.current.view.parts[records.PartPerson].(*personPart)
	d, ok := p.details.field("Date of birth").(*dmyField)
	if !ok {
		t.Fatal("no date of birth boxes")
	}
	return d
}

// retype selects what a box holds and types over it, key by key, without
// leaving the box.
func retype(e *fieldEntry, text string) {
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
	test.Type(e, text)
}

const bobPass = "a long passphrase for bob"

// addUser adds a user with bobPass through the settings screen.
func addUser(t *testing.T, u *UI, name string) {
	t.Helper()
	u.showSettings()
	test.Tap(findButton(t, u.settingsUI.root, "Add a colleague…"))
	c := u.settingsUI.colleague
	test.Type(c.current, testPass)
	test.Type(c.name, name)
	c.how.SetSelected(handOver)
	test.Tap(c.ok)
	u.work.wait()
	f := u.settingsUI.userForm
	if f == nil {
		t.Fatalf("the keyboard was not handed over: %q", c.problem.Text)
	}
	test.Type(f.pass, bobPass)
	test.Type(f.again, bobPass)
	test.Tap(f.ok)
	u.work.wait()
	if users, _ := u.vault.Users(); len(users) != 2 {
		t.Fatalf("users after adding: %v (%q)", users, f.problem.Text)
	}
}

// TestLockRightAfterTypingADatePart changes the month of birth and presses
// Ctrl+L at once, with the focus still in the month box: after unlocking,
// the store holds the new month.
func TestLockRightAfterTypingADatePart(t *testing.T) {
	u := openUnlocked(t)
	newCaseThroughForm(t, u, "Ada Lovelace", "10", "3", "1915")
	id := u.current.c.ID
	d := dobField(t, u)
	u.window.Canvas().Focus(d.month)
	retype(d.month, "7")
	press(u, fyne.KeyL)
	if u.session != nil {
		t.Fatal("Ctrl+L did not lock")
	}
	unlockWith(t, u, testUser, testPass)
	c, err := u.session.store.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if want := records.NewDate(1915, 7, 10); !sameDate(c.Person.DateOfBirth, want) {
		t.Errorf("stored date of birth %v, want %v", c.Person.DateOfBirth, want)
	}
	if u.current == nil || u.current.c.ID != id {
		t.Fatal("unlocking did not go back to the case")
	}
	if _, month, _ := dobField(t, u).parts(); month != "7" {
		t.Errorf("the month box shows %q after unlocking", month)
	}
}

// TestUnlockReturnsToTheOpenCase locks with a case open at one of its
// parts: unlocking goes back to that case and part, as the store holds it.
func TestUnlockReturnsToTheOpenCase(t *testing.T) {
	u := openUnlocked(t)
	addUser(t, u, "Bob Lead")
	newCaseThroughForm(t, u, "Ada Lovelace", "10", "3", "1915")
	newCaseThroughForm(t, u, "Grace Darling", "24", "11", "1915")
	id := u.current.c.ID
	u.current.view.showPart(records.PartRisks)
	press(u, fyne.KeyL)
	unlockWith(t, u, testUser, testPass)
	if u.current == nil || u.current.c.ID != id {
		t.Fatal("unlocking did not go back to the case that was open")
	}
	if got := u.current.view.current; got != records.PartRisks {
		t.Errorf("unlocking showed %q, want %q", got, records.PartRisks)
	}
	if u.stash != nil || u.resume != nil {
		t.Error("the place to go back to was not forgotten once used")
	}

	press(u, fyne.KeyL) // another user starts at the case list
	unlockWith(t, u, "Bob Lead", bobPass)
	if !u.unlocked() {
		t.Fatalf("Bob cannot unlock: %q", u.unlock.problem.Text)
	}
	if u.current != nil {
		t.Error("another user was taken to the case the first had open")
	}
}

// TestCreateRefusesAnImpossibleDate types 31/02/1938 in the new case form:
// Create is refused, with the message beside the date, and nothing is
// saved; correcting the month to another impossible date is still refused;
// a real date takes the message away at once, and Create makes the case
// with the date on screen.
func TestCreateRefusesAnImpossibleDate(t *testing.T) {
	u := openUnlocked(t)
	newCaseThroughForm(t, u, "Ada Lovelace", "31", "02", "1938")
	f := u.newCase
	refused := func(when string) {
		t.Helper()
		if u.current != nil || len(u.session.store.Summaries()) != 0 {
			t.Fatalf("%s: a case was made", when)
		}
		if !f.dob.message.Visible() || f.dob.message.Importance != widget.DangerImportance {
			t.Fatalf("%s: no red message beside the date", when)
		}
		mustContain(t, when, f.dob.message.Text, "Date of birth must be a real date")
	}
	refused("31/02/1938")
	retype(f.dob.month, "09")
	test.Tap(f.create)
	u.work.wait()
	refused("31/09/1938")

	retype(f.dob.day, "14")
	if f.dob.message.Visible() {
		t.Errorf("the message %q stays once the date is real", f.dob.message.Text)
	}
	test.Tap(f.create)
	u.work.wait()
	if u.current == nil {
		t.Fatalf("Create did not make the case: %q", f.problem.Text)
	}
	c, err := u.session.store.Load(u.current.c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := records.NewDate(1938, 9, 14); !sameDate(c.Person.DateOfBirth, want) {
		t.Errorf("stored date of birth %v, want %v", c.Person.DateOfBirth, want)
	}
}

// TestHeaderNeverClaimsSavedWhilePending types a date of birth key by key,
// through an impossible date (31/11), saving after each key: the header
// says "All changes saved" only when the store holds what is on screen.
func TestHeaderNeverClaimsSavedWhilePending(t *testing.T) {
	u := openUnlocked(t)
	newCaseThroughForm(t, u, "Ada Lovelace", "10", "3", "1915")
	id := u.current.c.ID
	d := dobField(t, u)
	status := func() string { return u.current.status.Text }

	steps := []struct {
		box   *fieldEntry
		key   string
		real  bool // the boxes make a real date after this key
		fresh bool // select what the box holds first
	}{
		{d.day, "3", true, true}, {d.day, "1", true, false}, // 3/3, 31/3
		{d.month, "1", true, true}, {d.month, "1", false, false}, // 31/1, 31/11
		{d.day, "3", true, true}, {d.day, "0", true, false}, // 3/11, 30/11
	}
	for i, st := range steps {
		if st.fresh {
			st.box.TypedShortcut(&fyne.ShortcutSelectAll{})
		}
		test.Type(st.box, st.key)
		if status() == statusSaved {
			t.Fatalf("key %d: %q before it is saved", i, statusSaved)
		}
		press(u, fyne.KeyS)
		if st.real {
			if status() != statusSaved {
				t.Errorf("key %d: status %q once saved", i, status())
			}
			continue
		}
		if status() != notSavedText(1) {
			t.Errorf("key %d: status %q with an impossible date on screen", i, status())
		}
		if !u.current.goTo.Visible() {
			t.Errorf("key %d: no way to the field that is not saved", i)
		}
	}
	c, _ := u.session.store.Load(id)
	if want := records.NewDate(1915, 11, 30); !sameDate(c.Person.DateOfBirth, want) {
		t.Errorf("stored %v, want %v", c.Person.DateOfBirth, want)
	}
}

// TestUnsavedTextIsCountedAndFound leaves two fields that cannot be saved
// yet and moves to another part: the header counts them, its button goes
// back to the first, which still shows what was typed and says what is
// wrong; putting them right takes the count and messages away.
func TestUnsavedTextIsCountedAndFound(t *testing.T) {
	u := openUnlocked(t)
	newCaseThroughForm(t, u, "Ada Lovelace", "10", "3", "1915")
	d := dobField(t, u)
	retype(d.day, "31")
	retype(d.month, "2")
	d.month.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter judges the date, as leaving it does
	mustContain(t, "message after Enter", d.message.Text, "Date of birth must be a real date")
	p := u.current.view.parts[records.PartPerson].(*personPart)
	nhs := p.details.field("NHS number").(*checkedField)
	test.Type(nhs.entry, "999 123")
	if got := u.current.status.Text; got != notSavedText(2) || got != "2 changes not saved" {
		t.Errorf("status = %q", got)
	}

	u.current.view.showPart(records.PartRisks)
	if got := u.current.status.Text; got != notSavedText(2) {
		t.Errorf("status on another part = %q", got)
	}
	mustContain(t, "button", u.current.goTo.Text, "Date of birth")
	test.Tap(u.current.goTo)
	if u.current.view.current != records.PartPerson {
		t.Fatalf("the button showed %q", u.current.view.current)
	}
	d = dobField(t, u)
	if day, month, year := d.parts(); day != "31" || month != "2" || year != "1915" {
		t.Errorf("the boxes show %s/%s/%s after coming back", day, month, year)
	}
	if u.window.Canvas().Focused() != d.day {
		t.Error("the button did not put the focus in the date")
	}
	if !d.message.Visible() {
		t.Error("no message beside the date after coming back")
	}

	retype(d.day, "28")
	if d.message.Visible() {
		t.Errorf("message %q stays once the date is real", d.message.Text)
	}
	if got := u.current.status.Text; got != notSavedText(1) {
		t.Errorf("status = %q with the NHS number still half typed", got)
	}
	p = u.current.view.parts[records.PartPerson].(*personPart)
	nhs = p.details.field("NHS number").(*checkedField)
	retype(nhs.entry, records.FormatNHSNumber(records.DemoNHSNumber(1)))
	press(u, fyne.KeyS)
	if got := u.current.status.Text; got != statusSaved || u.current.goTo.Visible() {
		t.Errorf("status = %q once all is put right and saved", got)
	}
}

// TestLockKeepsAnImpossibleDate locks with 31/02 in the boxes: the rest is
// saved, the store keeps the date held before the typing (not 31/03, typed
// on the way), and after unlocking the boxes
// show what was typed, with the message, until it is put right.
func TestLockKeepsAnImpossibleDate(t *testing.T) {
	u := openUnlocked(t)
	newCaseThroughForm(t, u, "Ada Lovelace", "10", "3", "1915")
	id := u.current.c.ID
	test.Type(personField(t, u, "Language"), "English")
	d := dobField(t, u)
	retype(d.day, "31")
	retype(d.month, "2")
	press(u, fyne.KeyL)
	if u.session != nil || u.stash == nil {
		t.Fatal("locked without keeping the date typed")
	}
	unlockWith(t, u, testUser, testPass)
	c, _ := u.session.store.Load(id)
	if c.Person.Language != "English" || !sameDate(c.Person.DateOfBirth, records.NewDate(1915, 3, 10)) {
		t.Errorf("stored language %q, born %v", c.Person.Language, c.Person.DateOfBirth)
	}
	if u.current == nil || u.current.c.ID != id {
		t.Fatal("the case was not shown again")
	}
	d = dobField(t, u)
	if day, month, _ := d.parts(); day != "31" || month != "2" || !d.message.Visible() {
		t.Errorf("after unlock the boxes show %s/%s, message shown %v", day, month, d.message.Visible())
	}
	if got := u.current.status.Text; got != notSavedText(1) {
		t.Errorf("status after unlock = %q", got)
	}
	retype(d.month, "1")
	press(u, fyne.KeyS)
	c, _ = u.session.store.Load(id)
	if !sameDate(c.Person.DateOfBirth, records.NewDate(1915, 1, 31)) || u.current.status.Text != statusSaved {
		t.Errorf("stored %v, status %q", c.Person.DateOfBirth, u.current.status.Text)
	}
}

// TestLeavingWithAnImpossibleDateAsks goes to the case list with 31/02 in
// the boxes: the case stays open at the field, and the message bar offers
// to leave without it; putting it right takes the message away.
func TestLeavingWithAnImpossibleDateAsks(t *testing.T) {
	u := openUnlocked(t)
	newCaseThroughForm(t, u, "Ada Lovelace", "10", "3", "1915")
	d := dobField(t, u)
	retype(d.day, "31")
	retype(d.month, "2")
	u.showCaseList()
	u.work.wait()
	if u.current == nil {
		t.Fatal("the case closed, losing the date typed")
	}
	mustContain(t, "message bar", u.bar.message(), "Date of birth must be a real date")
	retype(d.month, "3")
	if u.bar.message() != "" {
		t.Errorf("the message bar still says %q once it is put right", u.bar.message())
	}
	u.showCaseList()
	u.work.wait()
	if u.current != nil {
		t.Error("the case did not close once put right")
	}
}

// TestQuitAsksWithAnImpossibleDate closes the window with 31/02 in the
// boxes: it asks first rather than losing it.
func TestQuitAsksWithAnImpossibleDate(t *testing.T) {
	u := openUnlocked(t)
	newCaseThroughForm(t, u, "Ada Lovelace", "10", "3", "1915")
	d := dobField(t, u)
	retype(d.day, "31")
	retype(d.month, "2")
	u.onClose()
	if u.closed || u.session == nil {
		t.Fatal("the window closed without asking")
	}
	if u.window.Canvas().Overlays().Top() == nil {
		t.Error("no question before quitting")
	}
}

// TestLockSavesAnOpenTextEditor types in a long text's editor and presses
// Ctrl+L without pressing its Save: the text is saved.
func TestLockSavesAnOpenTextEditor(t *testing.T) {
	u := openUnlocked(t)
	newCaseThroughForm(t, u, "Ada Lovelace", "10", "3", "1915")
	id := u.current.c.ID
	p := u.current.view.parts[records.PartPerson].(*personPart)
	lt := p.details.field("Address").(*longText)
	test.Tap(lt.edit)
	test.Type(lt.editor, "1 Seaview Road")
	press(u, fyne.KeyL)
	unlockWith(t, u, testUser, testPass)
	if c, _ := u.session.store.Load(id); c.Person.Address != "1 Seaview Road" {
		t.Errorf("stored address %q", c.Person.Address)
	}
}

// TestUnsavedDateOfAListEntry types an impossible date in a contact, moves
// to another part and back: the contact still shows it, counted in the
// header; removing the contact takes the count away.
func TestUnsavedDateOfAListEntry(t *testing.T) {
	u := openUnlocked(t)
	newCaseThroughForm(t, u, "Ada Lovelace", "10", "3", "1915")
	p := u.current.view.parts[records.PartPerson].(*personPart)
	test.Tap(p.contacts.addBtn)
	d := p.contacts.form.field("Date of contact").(*dateField)
	d.entry.TypedShortcut(&fyne.ShortcutSelectAll{}) // a new contact is dated today
	test.Type(d.entry, "31/02/2026")
	if got := u.current.status.Text; got != notSavedText(1) {
		t.Fatalf("status = %q", got)
	}
	u.current.view.showPart(records.PartRisks)
	test.Tap(u.current.goTo)
	p = u.current.view.parts[records.PartPerson].(*personPart)
	if p.contacts.form == nil {
		t.Fatal("the contact is not shown after coming back")
	}
	d = p.contacts.form.field("Date of contact").(*dateField)
	if d.entry.Text != "31/02/2026" || !d.message.Visible() {
		t.Errorf("the contact's date shows %q, message shown %v", d.entry.Text, d.message.Visible())
	}
	u.current.view.edit(func() { u.current.c.Contacts = nil }) // the contact removed
	press(u, fyne.KeyS)
	if got := u.current.status.Text; got != statusSaved {
		t.Errorf("status = %q once the contact is gone", got)
	}
}

// TestLockKeepsTheNewCaseForm locks with the new case form half filled in:
// the same user's unlock shows it again as it was, another user's does not,
// and nothing reached the store meanwhile.
func TestLockKeepsTheNewCaseForm(t *testing.T) {
	u := openUnlocked(t)
	addUser(t, u, "Bob Lead")
	u.onNewCase()
	test.Type(u.newCase.name, "Ada Lovelace")
	test.Type(u.newCase.dob.day, "31")
	test.Type(u.newCase.dob.month, "02")
	u.lockNow()
	if u.newCase != nil {
		t.Fatal("the form outlived the lock")
	}
	unlockWith(t, u, testUser, testPass)
	f := u.newCase
	if f == nil || !f.shown {
		t.Fatal("unlocking did not show the new case form again")
	}
	if day, month, year := f.dob.parts(); f.name.Text != "Ada Lovelace" || day != "31" || month != "02" || year != "" {
		t.Errorf("the form came back as %q %q/%q/%q", f.name.Text, day, month, year)
	}
	if n := len(u.session.store.Summaries()); n != 0 {
		t.Errorf("%d cases made by locking", n)
	}

	u.lockNow()
	unlockWith(t, u, "Bob Lead", bobPass)
	if u.newCase != nil || u.draft != nil {
		t.Error("another user was shown the first user's new case form")
	}
}

// TestQuitAsksWithANewCaseForm closes the window while the new case form
// holds a name: it asks first; an empty form does not.
func TestQuitAsksWithANewCaseForm(t *testing.T) {
	u := openUnlocked(t)
	u.onNewCase()
	if u.newCase.typedSoFar(testUser) != nil {
		t.Fatal("an empty form counts as typed")
	}
	test.Type(u.newCase.name, "Ada Lovelace")
	u.onClose()
	if u.closed || u.session == nil {
		t.Fatal("the window closed without asking")
	}
}
