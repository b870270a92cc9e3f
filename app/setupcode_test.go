package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"msprecords/crypto"
)

const (
	carolName = "Carol Practitioner"
	carolPass = "carol's very own passphrase"
)

// giveSetupCode adds carol through Settings with a setup code, and returns
// the code the dialog shows.
func giveSetupCodeTo(t *testing.T, u *UI, name string) string {
	t.Helper()
	u.showSettings()
	test.Tap(findButton(t, u.settingsUI.root, "Add a colleague…"))
	c := u.settingsUI.colleague
	if c.how.Selected != giveSetupCode {
		t.Errorf("the dialog offers %q first, want a setup code", c.how.Selected)
	}
	test.Type(c.current, testPass)
	test.Type(c.name, name)
	test.Tap(c.ok)
	u.work.wait()
	if c.code == nil {
		t.Fatalf("no setup code shown: %q", c.problem.Text)
	}
	code := c.code.code.Text
	if _, err := crypto.ParseSetupCode(code); err != nil || len(code) != 14 {
		t.Fatalf("the dialog shows %q: %v", code, err)
	}
	test.Tap(c.code.copy)
	if got := u.app.Clipboard().Content(); got != code {
		t.Errorf("Copy put %q on the clipboard", got)
	}
	c.code.d.Hide()
	return code
}

// TestSetupCodeAtTheUnlockScreen: the lead gives Carol a setup code; she is
// listed as waiting, not as a user; at the unlock screen a wrong code is
// refused beside the field with nothing lost, and the right one (typed as
// read out) sets her passphrase and unlocks as her.
func TestSetupCodeAtTheUnlockScreen(t *testing.T) {
	u := openUnlocked(t)
	code := giveSetupCodeTo(t, u, carolName)
	expires := setupDate(time.Now().Add(crypto.SetupCodeLife))
	waitingText := carolName + " (waiting for their setup code, until " + expires + ")"
	if !hasLabel(u.settingsUI.root, waitingText) {
		t.Errorf("the user list does not show %q", waitingText)
	}

	u.lockNow()
	if got := u.unlock.user.Options; len(got) != 1 || got[0] != testUser {
		t.Errorf("the unlock screen offers %q, want only %q", got, testUser)
	}
	test.Tap(findButton(t, u.unlock.root, "I have a setup code…"))
	f := u.unlock.setupForm
	if f.user.Text != carolName {
		t.Errorf("the only colleague waiting is not chosen: %q", f.user.Text)
	}
	wrong := "ZZZZ-ZZZZ-ZZZZ"
	if wrong == code {
		wrong = "YYYY-YYYY-YYYY"
	}
	test.Type(f.code, wrong)
	test.Type(f.pass, carolPass)
	test.Type(f.again, carolPass)
	test.Tap(f.ok)
	u.work.wait()
	if u.unlocked() || !f.codeProblem.Visible() || f.codeProblem.Text != messageFor(crypto.ErrWrongSetupCode) {
		t.Fatalf("a wrong code: unlocked %v, beside the code %q", u.unlocked(), f.codeProblem.Text)
	}
	if f.pass.Text != carolPass || f.again.Text != carolPass || f.user.Text != carolName {
		t.Error("a wrong code lost what was typed")
	}

	f.code.SetText(strings.ToLower(strings.ReplaceAll(code, "-", " ")))
	test.Tap(f.ok)
	u.work.wait()
	if !u.unlocked() || u.session.user != carolName {
		t.Fatalf("not unlocked as Carol: %q, %q", f.problem.Text, f.codeProblem.Text)
	}
	if users, _ := u.vault.Users(); len(users) != 2 {
		t.Errorf("users after the claim: %q", users)
	}
	if waiting, _ := u.vault.WaitingSetups(); len(waiting) != 0 {
		t.Errorf("still waiting after the claim: %+v", waiting)
	}

	u.lockNow()
	unlockWith(t, u, carolName, carolPass)
	if !u.unlocked() || u.session.user != carolName {
		t.Fatalf("Carol cannot unlock with her passphrase: %q", u.unlock.problem.Text)
	}
}

// TestSetupCodeRefusedAtTheUnlockScreen: a malformed code is refused
// before any work, an expired one after, each beside the field; and
// Remove in Settings takes a code back.
func TestSetupCodeRefusedAtTheUnlockScreen(t *testing.T) {
	u := openUnlocked(t)
	code := giveSetupCodeTo(t, u, carolName)
	u.lockNow()
	test.Tap(findButton(t, u.unlock.root, "I have a setup code…"))
	f := u.unlock.setupForm
	test.Type(f.code, "1234")
	test.Type(f.pass, carolPass)
	test.Type(f.again, carolPass)
	test.Tap(f.ok)
	mustContain(t, "a short code", f.codeProblem.Text, "12 letters and digits")

	f.code.SetText(code)
	f.user.SetText("Dave")
	test.Tap(f.ok)
	u.work.wait()
	mustContain(t, "a name with no code", f.problem.Text, "No setup code is waiting for Dave")
	f.user.SetText(carolName)

	restore := crypto.SetTestOnlyClock(crypto.SetupCodeLife + time.Hour)
	defer restore()
	f.code.SetText(code)
	test.Tap(f.ok)
	u.work.wait()
	if u.unlocked() {
		t.Fatal("an expired code unlocked")
	}
	mustContain(t, "an expired code", f.codeProblem.Text, "Ask the lead who added you for a new one")
	restore()
	f.d.Hide()

	unlockWith(t, u, testUser, testPass)
	u.showSettings()
	u.settingsUI.takeBackCode(carolName)
	if waiting, _ := u.vault.WaitingSetups(); len(waiting) != 0 {
		t.Errorf("still waiting after Remove: %+v", waiting)
	}
}

// hasLabel reports whether a label under root shows text.
func hasLabel(root fyne.CanvasObject, text string) bool {
	for _, o := range test.LaidOutObjects(root) {
		if l, ok := o.(*widget.Label); ok && l.Text == text {
			return true
		}
	}
	return false
}

// A lead adding a colleague chooses their role, which the setup code
// carries to the colleague's own slot.
func TestColleagueAddedAsALead(t *testing.T) {
	u := openUnlocked(t)
	u.showSettings()
	test.Tap(findButton(t, u.settingsUI.root, "Add a colleague…"))
	c := u.settingsUI.colleague
	if c.role.Selected != crypto.Practitioner.String() {
		t.Errorf("the role offered first is %q, want practitioner", c.role.Selected)
	}
	c.role.SetSelected(crypto.Lead.String())
	test.Type(c.current, testPass)
	test.Type(c.name, carolName)
	test.Tap(c.ok)
	u.work.wait()
	if c.code == nil {
		t.Fatalf("no setup code shown: %q", c.problem.Text)
	}
	claimed, err := u.vault.ClaimSetupCode(carolName, c.code.code.Text, carolPass)
	if err != nil {
		t.Fatal(err)
	}
	zeroKey(&claimed.Key)
	if claimed.Role != crypto.Lead {
		t.Errorf("Carol joined as %q, want a lead", claimed.Role)
	}
}
