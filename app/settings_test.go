package app

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"msprecords/backup"
	"msprecords/crypto"
	"msprecords/practice"
)

// TestSettingsPreferences changes each setting and checks it is kept in the
// preferences and read back by a new window.
func TestSettingsPreferences(t *testing.T) {
	u := openUnlocked(t)
	u.showSettings()
	s := u.settingsUI
	if s == nil {
		t.Fatal("no settings screen")
	}
	if s.idle.Selected != "5 minutes" || s.referral.Selected != "2 working days" || s.marking.Text != defaultMarking {
		t.Errorf("defaults shown: %q, %q, %q", s.idle.Selected, s.referral.Selected, s.marking.Text)
	}
	s.idle.SetSelected("15 minutes")
	s.referral.SetSelected("5 working days")
	s.marking.SetText("OFFICIAL")
	got := loadSettings(u.app.Preferences())
	if got.IdleMinutes != 15 || got.ReferralDays != 5 || got.Marking != "OFFICIAL" {
		t.Errorf("preferences read back: %+v", got)
	}
	if opts := u.settings.practiceOptions(); opts.ReferralLimitWorkingDays != 5 {
		t.Errorf("practice options: %+v", opts)
	}
	s.marking.SetText("  ")
	if u.settings.Marking != defaultMarking {
		t.Errorf("an empty marking gave %q", u.settings.Marking)
	}
}

// TestSettingsUsers adds a user, who unlocks with their own passphrase,
// changes it, and removes the first user.
func TestSettingsUsers(t *testing.T) {
	u := openUnlocked(t)
	u.showSettings()
	s := u.settingsUI

	test.Tap(findButton(t, s.root, "Add a colleague…"))
	c := s.colleague
	test.Type(c.current, "wrong")
	test.Type(c.name, "Bob Advocate")
	c.how.SetSelected(handOver)
	test.Tap(c.ok)
	u.work.wait()
	if got, want := c.problem.Text, messageFor(crypto.ErrWrongPassphrase); got != want {
		t.Errorf("with a wrong own passphrase: %q, want %q", got, want)
	}
	c.current.SetText(testPass)
	test.Tap(c.ok)
	u.work.wait()
	f := s.userForm
	if f == nil {
		t.Fatalf("no dialog to hand the keyboard over with: %q", c.problem.Text)
	}
	mustContain(t, "the handed-over dialog", f.intro.Text, "Bob Advocate: choose your own passphrase")
	test.Type(f.pass, "a long passphrase for bob")
	test.Type(f.again, "a long passphrase for bob")
	test.Tap(f.ok)
	u.work.wait()
	if users, _ := u.vault.Users(); len(users) != 2 {
		t.Fatalf("users after adding: %v (%q)", users, f.problem.Text)
	}

	u.lockNow()
	unlockWith(t, u, "Bob Advocate", "a long passphrase for bob")
	if !u.unlocked() || u.session.user != "Bob Advocate" {
		t.Fatalf("Bob cannot unlock: %q", u.unlock.problem.Text)
	}

	if u.session.isLead() || u.openTrail() != nil {
		t.Error("Bob, a practitioner, is a lead or sees the audit trail")
	}
	u.showSettings()
	s = u.settingsUI
	if hasButton(s.root, "Add a colleague…") || hasButton(s.root, "Remove") || hasButton(s.root, "Make a lead") {
		t.Error("a practitioner is offered to add, remove or promote users")
	}
	test.Tap(findButton(t, s.root, "Change my passphrase…"))
	f = s.userForm
	test.Type(f.current, "a long passphrase for bob")
	test.Type(f.pass, "bob's brand new passphrase")
	test.Type(f.again, "bob's brand new passphrase")
	test.Tap(f.ok)
	u.work.wait()
	if f.problem.Visible() {
		t.Fatalf("change refused: %q", f.problem.Text)
	}

	// Alice, the lead, makes Bob a lead too.
	u.lockNow()
	unlockWith(t, u, testUser, testPass)
	u.showSettings()
	s = u.settingsUI
	test.Tap(findButton(t, s.root, "Make a lead"))
	f = s.userForm
	test.Type(f.current, testPass)
	test.Tap(f.ok)
	u.work.wait()
	if role, _ := u.vault.RoleOf("Bob Advocate"); role != crypto.Lead {
		t.Fatalf("Bob is %q after 'Make a lead' (%q)", role, f.problem.Text)
	}
	u.lockNow()
	unlockWith(t, u, "Bob Advocate", "bob's brand new passphrase")
	u.showSettings()
	s = u.settingsUI
	if !u.session.isLead() || !hasButton(s.root, "Add a colleague…") {
		t.Error("Bob, now a lead, is not offered to add colleagues")
	}

	newCaseThroughForm(t, u, "Ada Lovelace", "10", "12", "1915")
	u.showSettings()
	s = u.settingsUI
	removeThroughForm(t, u, s, testUser, "bob's brand new passphrase")
	if users, _ := u.vault.Users(); len(users) != 1 || users[0] != "Bob Advocate" {
		t.Errorf("users after removing: %v (%q)", users, s.userForm.problem.Text)
	}
	if !u.unlocked() || len(u.session.store.Summaries()) != 1 || u.cases.store != u.session.store {
		t.Fatal("after the removal the window does not work on the store opened under the new key")
	}
	if _, err := u.session.store.Get(u.session.store.Summaries()[0].ID); err != nil {
		t.Errorf("reading a case after the removal: %v", err)
	}
	removeThroughForm(t, u, s, "Bob Advocate", "bob's brand new passphrase")
	mustContain(t, "removing oneself", s.userForm.problem.Text, "cannot remove yourself")

	u.lockNow()
	unlockWith(t, u, "Bob Advocate", "a long passphrase for bob")
	if u.unlocked() {
		t.Fatal("the old passphrase still unlocks")
	}
	unlockWith(t, u, "Bob Advocate", "bob's brand new passphrase")
	if !u.unlocked() {
		t.Fatalf("the new passphrase does not unlock: %q", u.unlock.problem.Text)
	}
}

// removeThroughForm asks to remove name, as Remove's confirmation does,
// and gives the lead's own passphrase in the dialog that follows.
func removeThroughForm(t *testing.T, u *UI, s *settingsScreen, name, own string) {
	t.Helper()
	s.askToRemove(name)
	f := s.userForm
	test.Type(f.current, own)
	test.Tap(f.ok)
	u.work.wait()
}

// TestSettingsBackup writes a backup through the settings (the file dialog
// itself is the system's) and checks that it decrypts with the backup
// passphrase into the command line's archive.
func TestSettingsBackup(t *testing.T) {
	u := openUnlocked(t)
	newCaseThroughForm(t, u, "Ada Lovelace", "10", "12", "1915")
	u.showSettings()
	s := u.settingsUI
	test.Tap(s.backup)
	f := s.backupUI
	test.Type(f.pass, "backup passphrase here")
	test.Type(f.again, "backup passphrase")
	test.Tap(f.ok)
	mustContain(t, "problem for different passphrases", f.problem.Text, "not the same")

	path := filepath.Join(t.TempDir(), backupFileName())
	s.writeBackup(path, "backup passphrase here")
	u.work.wait()
	mustContain(t, "message bar", u.bar.message(), "Backup saved to "+backupFileName())
	file, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	restored := filepath.Join(t.TempDir(), "restored")
	unlock := func(v *crypto.Vault) (crypto.MasterKey, string, error) {
		u, err := v.Unlock("", testPass)
		return u.Key, u.Label, err
	}
	n, err := backup.Restore(file, restored, "backup passphrase here", unlock)
	if err != nil {
		t.Fatalf("the window's backup does not restore: %v", err)
	}
	if n != len(u.session.store.Summaries()) {
		t.Errorf("restored %d cases, want %d", n, len(u.session.store.Summaries()))
	}
}

func TestLabelsWith(t *testing.T) {
	tests := []struct {
		current int
		want    []string
	}{
		{5, []string{"1 minute", "2 minutes", "5 minutes", "10 minutes"}},
		{3, []string{"1 minute", "2 minutes", "3 minutes", "5 minutes", "10 minutes"}},
		{99, []string{"1 minute", "2 minutes", "5 minutes", "10 minutes", "99 minutes"}},
	}
	for _, tt := range tests {
		got := minutesLabels([]int{1, 2, 5, 10}, tt.current)
		if len(got) != len(tt.want) {
			t.Errorf("minutesLabels(%d) = %q", tt.current, got)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] || labelNumber(got[i]) == 0 {
				t.Errorf("minutesLabels(%d) = %q", tt.current, got)
				break
			}
		}
	}
}

func TestLoadSettingsFallbacks(t *testing.T) {
	a := test.NewTempApp(t)
	p := a.Preferences()
	p.SetInt(prefIdleMinutes, -3)
	p.SetInt(prefReferralDays, 1000)
	p.SetString(prefMarking, " ")
	s := loadSettings(p)
	if s.IdleMinutes != defaultIdleMinutes || s.ReferralDays != practice.DefaultReferralLimit || s.Marking != defaultMarking {
		t.Errorf("fallbacks: %+v", s)
	}
}

// TestGapsColumnFollowsReferralSetting: after the referral limit changes in
// Settings, the case list's Gaps column and the practice panel of each case
// agree, without locking and unlocking.
func TestGapsColumnFollowsReferralSetting(t *testing.T) {
	u := openUnlocked(t)
	withDemoCases(t, u, 24)
	changed := 0
	before := map[string]int{}
	for _, r := range u.cases.rows {
		before[r.ID] = r.Gaps
	}
	for _, choice := range []string{"1 working day", "10 working days"} {
		u.showSettings()
		u.settingsUI.referral.SetSelected(choice)
		u.work.wait()
		u.showCaseList()
		u.work.wait()
		for _, r := range u.cases.rows {
			u.openCase(r.ID)
			u.work.wait()
			if u.current == nil {
				t.Fatalf("%s did not open", r.Reference)
			}
			if got := u.current.practice.report.Gaps(); got != r.Gaps {
				t.Errorf("%s with %s: list shows %d gaps, practice panel %d", choice, r.Reference, r.Gaps, got)
			}
			if r.Gaps != before[r.ID] {
				changed++
			}
		}
		u.showCaseList()
		u.work.wait()
	}
	if changed == 0 {
		t.Error("no case's gaps changed with the referral limit: the test proves nothing")
	}
}

// hasButton reports whether a button labelled text is on screen under root.
func hasButton(root fyne.CanvasObject, text string) bool {
	for _, o := range test.LaidOutObjects(root) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
			return true
		}
	}
	return false
}
