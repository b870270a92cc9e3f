package app

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"msprecords/crypto"
	"msprecords/practice"
	"msprecords/store"
)

const recoverButtonText = "Forgotten your passphrase? Use the recovery key…"

// TestRecoveryKeySetsNewPassphrase is someone who has forgotten their
// passphrase: a wrong recovery key is refused and changes nothing; the right
// one, read from the note it was saved in, sets a new passphrase and opens
// the case list, after which only the new passphrase works.
func TestRecoveryKeySetsNewPassphrase(t *testing.T) {
	dir, recovery := newVaultWithRecoveryKey(t)
	_, otherKey := newVaultWithRecoveryKey(t)
	u := newTestUI(t, dir)
	mustContain(t, "unlock screen help", unlockHelpText(u), "recovery key")
	newPass := "a brand new passphrase for Alice"
	slotsBefore := readSlotFiles(t, dir)

	for _, wrong := range []string{otherKey, "AGE-SECRET-KEY-1NOTAKEY"} {
		f := openRecoveryKeyForm(t, u)
		if f.user.Text != testUser {
			t.Errorf("user offered = %q, want %q", f.user.Text, testUser)
		}
		test.Type(f.key, wrong)
		test.Type(f.pass, newPass)
		test.Type(f.again, newPass)
		test.Tap(f.ok)
		u.work.wait()
		if u.unlocked() {
			t.Fatal("a wrong recovery key unlocked the vault")
		}
		if got, want := f.problem.Text, messageFor(crypto.ErrWrongRecoveryKey); got != want || !f.problem.Visible() {
			t.Errorf("problem for a wrong key = %q (visible %v), want %q", got, f.problem.Visible(), want)
		}
		if u.window.Canvas().Overlays().Top() == nil {
			t.Error("the dialog closed after a wrong key")
		}
		f.d.Hide()
	}
	if !bytes.Equal(readSlotFiles(t, dir), slotsBefore) {
		t.Error("a wrong recovery key changed the key files")
	}
	if !vaultIsFree(t, dir) {
		t.Error("a wrong recovery key kept the vault lock")
	}

	f := openRecoveryKeyForm(t, u)
	test.Tap(f.ok)
	mustContain(t, "problem with no key", f.problem.Text, "Enter the recovery key")
	note := filepath.Join(t.TempDir(), "msp-records-recovery-key.txt")
	writeFile(t, note, "Recovery key for the vault:\n\n    "+recovery+"\n\nKeep it locked away.\n")
	rc, err := storage.Reader(storage.NewFileURI(note))
	if err != nil {
		t.Fatal(err)
	}
	f.readKeyFile(rc)
	if f.key.Text != recovery || f.problem.Visible() {
		t.Fatalf("key read from the note = %q, problem %q", f.key.Text, f.problem.Text)
	}
	test.Type(f.pass, "password")
	mustContain(t, "hint for a common password", f.hint.Text, "most common passwords")
	f.pass.SetText(newPass)
	mustContain(t, "hint for a long passphrase", f.hint.Text, "Strong")
	test.Type(f.again, newPass+"x")
	test.Tap(f.ok)
	mustContain(t, "problem for different passphrases", f.problem.Text, "not the same")
	f.again.SetText(newPass)
	test.Tap(f.ok)
	u.work.wait()
	if !u.unlocked() {
		t.Fatalf("the recovery key did not unlock: dialog says %q", f.problem.Text)
	}
	if u.session.user != testUser {
		t.Errorf("unlocked as %q, want %q", u.session.user, testUser)
	}
	if u.window.Canvas().Overlays().Top() != nil {
		t.Error("the recovery key dialog is still shown over the case list")
	}
	if users := vaultUsers(t, dir); !slices.Equal(users, []string{testUser}) {
		t.Errorf("users = %q, want only %q", users, testUser)
	}

	press(u, fyne.KeyL)
	if u.unlock == nil {
		t.Fatal("Ctrl+L did not lock")
	}
	unlockWith(t, u, testUser, testPass)
	wantProblem(t, u, crypto.ErrWrongPassphrase)
	unlockWith(t, u, testUser, newPass)
	if !u.unlocked() {
		t.Fatalf("the new passphrase did not unlock: %q", u.unlock.problem.Text)
	}
}

// TestRecoveryKeyAddsNewUser: a name not in the vault gets a new slot, and
// the old user's passphrase is untouched.
func TestRecoveryKeyAddsNewUser(t *testing.T) {
	dir, recovery := newVaultWithRecoveryKey(t)
	u := newTestUI(t, dir)
	f := openRecoveryKeyForm(t, u)
	test.Type(f.key, recovery[:30]+" "+recovery[30:]) // as copied from paper
	f.user.SetText("Bob Newcomer")
	test.Type(f.pass, "bob's own long passphrase")
	test.Type(f.again, "bob's own long passphrase")
	test.Tap(f.ok)
	u.work.wait()
	if !u.unlocked() {
		t.Fatalf("the recovery key did not unlock: %q", f.problem.Text)
	}
	if u.session.user != "Bob Newcomer" {
		t.Errorf("unlocked as %q", u.session.user)
	}
	if users := vaultUsers(t, dir); !slices.Equal(users, []string{testUser, "Bob Newcomer"}) && !slices.Equal(users, []string{"Bob Newcomer", testUser}) {
		t.Errorf("users = %q", users)
	}
	v, err := crypto.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := v.Unlock(testUser, testPass); err != nil {
		t.Errorf("%s's passphrase stopped working: %v", testUser, err)
	}
}

// TestRecoveryKeyWhileVaultInUse says the vault is open elsewhere before
// any slow work, and changes nothing.
func TestRecoveryKeyWhileVaultInUse(t *testing.T) {
	dir, recovery := newVaultWithRecoveryKey(t)
	u := newTestUI(t, dir)
	l, err := crypto.Lock(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Release()
	f := openRecoveryKeyForm(t, u)
	test.Type(f.key, recovery)
	test.Type(f.pass, "a brand new passphrase")
	test.Type(f.again, "a brand new passphrase")
	test.Tap(f.ok)
	u.work.wait()
	if got, want := f.problem.Text, messageFor(crypto.ErrVaultInUse); got != want {
		t.Errorf("problem = %q, want %q", got, want)
	}
	v, err := crypto.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := v.Unlock(testUser, testPass); err != nil {
		t.Errorf("the old passphrase stopped working: %v", err)
	}
}

// newVaultWithRecoveryKey makes a vault with one user, testUser, and an
// empty database, and returns its folder and recovery key.
func newVaultWithRecoveryKey(t *testing.T) (dir, recoveryKey string) {
	t.Helper()
	dir = filepath.Join(t.TempDir(), "vault")
	v, created, recoveryKey, err := crypto.Create(dir, testUser, testPass, crypto.MinWorkFactor)
	key := created.Key
	if err != nil {
		t.Fatal(err)
	}
	s, err := store.Create(v.DBDir(), key, testUser, practice.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return dir, recoveryKey
}

// openRecoveryKeyForm taps the unlock screen's recovery key button.
func openRecoveryKeyForm(t *testing.T, u *UI) *recoveryKeyForm {
	t.Helper()
	if u.unlock == nil {
		t.Fatal("the unlock screen is not shown")
	}
	test.Tap(findButton(t, u.unlock.root, recoverButtonText))
	f := u.unlock.recovery
	if f == nil || u.window.Canvas().Overlays().Top() == nil {
		t.Fatal("the recovery key dialog did not open")
	}
	return f
}

// unlockHelpText is the text of the unlock screen's labels.
func unlockHelpText(u *UI) string {
	var text string
	for _, o := range test.LaidOutObjects(u.unlock.root) {
		if l, ok := o.(*widget.Label); ok {
			text += l.Text + "\n"
		}
	}
	return text
}

// readSlotFiles returns the contents of the vault's key files, in name
// order, to tell whether any changed.
func readSlotFiles(t *testing.T, dir string) []byte {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(dir, "slots"))
	if err != nil {
		t.Fatal(err)
	}
	var all []byte
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, "slots", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		all = append(append(all, e.Name()...), data...)
	}
	return all
}

func vaultUsers(t *testing.T, dir string) []string {
	t.Helper()
	v, err := crypto.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	users, err := v.Users()
	if err != nil {
		t.Fatal(err)
	}
	return users
}
