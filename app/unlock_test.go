package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"msprecords/crypto"
	"msprecords/records"
	"msprecords/store"
)

// TestCreateVaultEditLockUnlock walks through first use as a person would:
// create the vault, keep the recovery key, make a case, edit it, lock, unlock
// and find every value back.
func TestCreateVaultEditLockUnlock(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "vault")
	u := newTestUI(t, dir)
	createThroughScreens(t, u)

	if got := u.cases.count.Text; got != "0 cases" {
		t.Errorf("count = %q, want 0 cases", got)
	}
	newCaseThroughForm(t, u, "Zoë Łukasiewicz", "4", "6", "1941")
	if u.current == nil {
		t.Fatalf("the new case did not open; form says %q", u.newCase.problem.Text)
	}
	ref, id := u.current.c.Reference, u.current.c.ID
	if ref == "" {
		t.Fatal("the store gave the case no reference")
	}
	if got, want := u.window.Title(), "MSP Records — "+ref; got != want {
		t.Errorf("title = %q, want %q", got, want)
	}

	test.Type(personField(t, u, "Preferred name"), "Zoë")
	press(u, fyne.KeyS)
	if c, _ := u.session.store.Load(id); c.Person.PreferredName != "Zoë" {
		t.Errorf("after Ctrl+S the store has preferred name %q", c.Person.PreferredName)
	}
	test.Type(personField(t, u, "Lives with"), "Her husband, Piotr")

	press(u, fyne.KeyL)
	if u.session != nil || u.unlock == nil {
		t.Fatal("Ctrl+L did not lock")
	}
	if u.window.Title() != "MSP Records" {
		t.Errorf("locked title = %q", u.window.Title())
	}
	if !vaultIsFree(t, dir) {
		t.Error("the vault lock is still held after locking")
	}

	unlockWith(t, u, testUser, testPass)
	if !u.unlocked() {
		t.Fatalf("unlock failed: %q", u.unlock.problem.Text)
	}
	if u.cases.count.Text != "1 case" {
		t.Errorf("count = %q after unlock", u.cases.count.Text)
	}
	u.cases.list.Select(0)
	if u.current == nil || u.current.c.ID != id {
		t.Fatal("selecting the row did not open the case")
	}
	p := u.current.c.Person
	if p.Name != "Zoë Łukasiewicz" || p.PreferredName != "Zoë" || p.LivesWith != "Her husband, Piotr" ||
		p.DateOfBirth != records.NewDate(1941, 6, 4) {
		t.Errorf("values after unlock: %+v", p)
	}
	if got := personField(t, u, "Lives with").Text; got != "Her husband, Piotr" {
		t.Errorf("the case view shows lives with %q", got)
	}
}

// createThroughScreens fills in the create-vault screen and the recovery key
// screen.
func createThroughScreens(t *testing.T, u *UI) {
	t.Helper()
	s := u.create
	if s == nil {
		t.Fatal("no create-vault screen on an empty folder")
	}
	s.user.SetText("")
	test.Type(s.user, testUser)
	test.Type(s.pass, "password")
	mustContain(t, "hint for a common password", s.hint.Text, "most common passwords")
	s.pass.SetText("")
	test.Type(s.pass, testPass)
	mustContain(t, "hint for a long passphrase", s.hint.Text, "Strong")
	test.Type(s.again, testPass+"x")
	test.Tap(s.button)
	mustContain(t, "problem for different passphrases", s.problem.Text, "not the same")
	s.again.SetText(testPass)
	test.Tap(s.button)
	u.work.wait()

	r := u.recovery
	if r == nil {
		t.Fatalf("no recovery key screen; problem %q", s.problem.Text)
	}
	if !strings.HasPrefix(r.key.Text, "AGE-SECRET-KEY-1") {
		t.Fatalf("recovery key shown = %q", r.key.Text)
	}
	if !r.button.Disabled() {
		t.Error("Continue is enabled before the key was kept")
	}
	if u.cases != nil {
		t.Error("the case list opened before the recovery key was kept")
	}
	test.Tap(r.kept)
	test.Tap(r.button)
	if !u.unlocked() {
		t.Fatal("Continue did not open the case list")
	}
	if r.key.Text != "" {
		t.Error("the recovery key is still on screen")
	}
	// The first-run guide follows, naming the vault's folder; the person closes it.
	if text := overlayText(u); !strings.Contains(text, "Your records are in a vault") || !strings.Contains(text, u.vaultDir) {
		t.Errorf("after the recovery key step the window shows %q; want the guide naming %s", text, u.vaultDir)
	}
	u.clearDialogs()
}

// TestUnlockErrorsShownInWindow checks that each way an unlock can fail
// gives its own plain message in the window.
func TestUnlockErrorsShownInWindow(t *testing.T) {
	t.Run("wrong passphrase", func(t *testing.T) {
		dir := newVault(t)
		u := newTestUI(t, dir)
		unlockWith(t, u, testUser, "not the passphrase")
		wantProblem(t, u, crypto.ErrWrongPassphrase)
		if !vaultIsFree(t, dir) {
			t.Error("a failed unlock kept the vault lock")
		}
		unlockWith(t, u, testUser, testPass)
		if !u.unlocked() {
			t.Errorf("the right passphrase then failed: %q", u.unlock.problem.Text)
		}
	})
	t.Run("already open elsewhere", func(t *testing.T) {
		dir := newVault(t)
		u := newTestUI(t, dir)
		l, err := crypto.Lock(dir)
		if err != nil {
			t.Fatal(err)
		}
		defer l.Release()
		unlockWith(t, u, testUser, testPass)
		wantProblem(t, u, crypto.ErrVaultInUse)
	})
	t.Run("damaged vault", func(t *testing.T) {
		dir := newVault(t)
		writeFile(t, filepath.Join(dir, "vault.json"), "{not json")
		u := newTestUI(t, dir)
		wantProblem(t, u, crypto.ErrDamagedHeader)
		if !u.unlock.button.Disabled() {
			t.Error("Unlock is offered on a damaged vault")
		}
	})
	t.Run("unknown format", func(t *testing.T) {
		dir := newVault(t)
		data, err := os.ReadFile(filepath.Join(dir, "vault.json"))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, "vault.json"), strings.Replace(string(data), `"format": 2`, `"format": 99`, 1))
		u := newTestUI(t, dir)
		wantProblem(t, u, crypto.ErrUnknownFormat)
	})
	t.Run("damaged database", func(t *testing.T) {
		dir := newVault(t)
		if err := os.RemoveAll(filepath.Join(dir, "db")); err != nil {
			t.Fatal(err)
		}
		u := newTestUI(t, dir)
		unlockWith(t, u, testUser, testPass)
		wantProblem(t, u, store.ErrDamagedStore)
	})
	t.Run("foreign slot", func(t *testing.T) {
		dir, other := newVault(t), newVault(t)
		replaceSlots(t, dir, other)
		u := newTestUI(t, dir)
		unlockWith(t, u, testUser, testPass)
		wantProblem(t, u, crypto.ErrForeignSlot)
	})
}

func wantProblem(t *testing.T, u *UI, err error) {
	t.Helper()
	if u.unlocked() {
		t.Fatal("the vault unlocked")
	}
	want := messageFor(err)
	if got := u.unlock.problem.Text; got != want || !u.unlock.problem.Visible() {
		t.Errorf("problem shown = %q (visible %v), want %q", got, u.unlock.problem.Visible(), want)
	}
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}

// replaceSlots puts the slot files of vault other in place of dir's, as if
// someone had copied key files between vaults.
func replaceSlots(t *testing.T, dir, other string) {
	t.Helper()
	slots := filepath.Join(dir, "slots")
	if err := os.RemoveAll(slots); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(slots, os.DirFS(filepath.Join(other, "slots"))); err != nil {
		t.Fatal(err)
	}
}
