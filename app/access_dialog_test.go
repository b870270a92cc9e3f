package app

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"msprecords/crypto"
	"msprecords/records"
	"msprecords/store"
)

const (
	nightName = "Bob Nightcarer"
	nightPass = "bob's own passphrase here"
)

// A lead restricts a case to herself through "Access…"; a practitioner
// left off sees it in the list as "Restricted case", without its name, and
// opening it says to ask a lead. The practitioner has no "Access…".
func TestLeadRestrictsACase(t *testing.T) {
	u := openUnlocked(t)
	u2, err := u.vault.Unlock(testUser, testPass)
	if err != nil {
		t.Fatal(err)
	}
	if err := u.vault.AddSlot(u2.Key, nightName, nightPass, crypto.Practitioner); err != nil {
		t.Fatal(err)
	}
	zeroKey(&u2.Key)
	c := listCase("Hermione Ashdown", records.Stages()[2], false)
	addCases(t, u, c)
	u.openCase(c.ID)
	u.work.wait()
	if u.current == nil {
		t.Fatal("the case did not open")
	}
	test.Tap(findButton(t, u.current.root, "Access…"))
	a := u.current.access
	if !a.ticks[testUser].Checked || a.ticks[nightName].Checked {
		t.Fatal("the dialog does not offer the lead alone first")
	}
	test.Tap(a.restrict)
	u.work.wait()
	u.work.wait()
	if sum, _ := u.session.store.SummaryOf(c.ID); !sum.Restricted || sum.Sealed {
		t.Fatalf("after restricting, the lead's summary is %+v (%q)", sum, a.problem.Text)
	}
	if u.current == nil || !hasLabel(u.current.root, "Restricted") {
		t.Error("the case is not shown again marked as restricted")
	}

	u.lockNow()
	unlockWith(t, u, nightName, nightPass)
	if !u.unlocked() {
		t.Fatalf("Bob cannot unlock: %q", u.unlock.problem.Text)
	}
	u.cases.refresh()
	u.work.wait()
	var row store.Summary
	for _, r := range u.cases.rows {
		if r.ID == c.ID {
			row = r
		}
	}
	if cells := caseCells(row); cells[1] != store.RestrictedCase {
		t.Errorf("Bob's list shows %q for the restricted case", cells[1])
	}
	u.openCase(c.ID)
	u.work.wait()
	if u.current != nil {
		t.Fatal("Bob opened a case restricted to others")
	}
	mustContain(t, "Bob's message", u.bar.message(), "This case is restricted. Ask a safeguarding lead for access.")
	other := listCase("Ivor Pennington", records.Stages()[2], false)
	addCases(t, u, other)
	u.openCase(other.ID)
	u.work.wait()
	if u.current == nil || hasButton(u.current.root, "Access…") {
		t.Error("a practitioner is offered Access…")
	}
}

// A case about a user of the vault warns of the conflict of interest: a
// lead is offered to restrict it, and once the user is left off it, the
// warning goes.
func TestConflictOfInterestWarned(t *testing.T) {
	u := openUnlocked(t)
	key, err := u.vault.Unlock(testUser, testPass)
	if err != nil {
		t.Fatal(err)
	}
	if err := u.vault.AddSlot(key.Key, nightName, nightPass, crypto.Practitioner); err != nil {
		t.Fatal(err)
	}
	zeroKey(&key.Key)
	c := listCase("Hermione Ashdown", records.Stages()[2], false)
	c.AllegedPersons = []records.AllegedPerson{{ID: records.NewID(), Name: nightName, Relationship: "Night carer"}}
	addCases(t, u, c)
	u.openCase(c.ID)
	u.work.wait()
	if !hasButton(u.current.root, "Restrict this case…") {
		t.Fatal("no warning of the conflict of interest")
	}
	test.Tap(findButton(t, u.current.root, "Restrict this case…"))
	if u.current.access.ticks[nightName].Checked {
		t.Error("the dialog ticks the person the case is about")
	}
	test.Tap(u.current.access.restrict)
	u.work.wait()
	u.work.wait()
	if u.current == nil || hasButton(u.current.root, "Restrict this case…") {
		t.Error("the warning stays once the case is restricted away from them")
	}
}
