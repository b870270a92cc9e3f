package app

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"msprecords/crypto"
	"msprecords/practice"
	"msprecords/records"
	"msprecords/store"
)

// Test users and passphrases.
const (
	testUser = "Alice Practitioner"
	testPass = "correct horse battery staple"
)

// newTestUI opens the window on a vault folder in a temporary directory,
// with scrypt at the test work factor. Autosave is off unless a test turns
// it on: the tests save with Ctrl+S, lock or leaving the case, so that no
// timer touches the widgets while the test does.
func newTestUI(t *testing.T, dir string) *UI {
	t.Helper()
	t.Cleanup(crypto.SetTestOnlyWorkFactor(crypto.MinWorkFactor))
	a := test.NewTempApp(t)
	w := test.NewWindow(nil)
	w.Resize(defaultWindowSize)
	u := New(a, w, dir)
	u.work.queue = make(chan func(), 64) // results reach the widgets in u.work.wait()
	u.saveDelay = time.Hour
	t.Cleanup(func() {
		u.work.wait()
		u.quit()
	})
	return u
}

// newVault makes a vault with an empty store in a temporary directory,
// through the crypto and records packages, for tests that do not test the
// create screens themselves.
func newVault(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "vault")
	v, created, _, err := crypto.Create(dir, testUser, testPass, crypto.MinWorkFactor)
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
	return dir
}

// unlockWith types a passphrase on the unlock screen and presses Return.
func unlockWith(t *testing.T, u *UI, user, pass string) {
	t.Helper()
	if u.unlock == nil {
		t.Fatal("the unlock screen is not shown")
	}
	u.unlock.user.SetSelected(user)
	test.Type(u.unlock.pass, pass)
	u.unlock.pass.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	u.work.wait()
}

// openUnlocked returns a window unlocked on a new vault, showing the case list.
func openUnlocked(t *testing.T) *UI {
	t.Helper()
	u := newTestUI(t, newVault(t))
	unlockWith(t, u, testUser, testPass)
	if !u.unlocked() {
		t.Fatalf("not unlocked: %q", u.unlock.problem.Text)
	}
	return u
}

// press sends a keyboard shortcut such as Ctrl+N to the window, then lets
// the store work it started finish and reach the widgets, as the event loop
// would while the person reads the screen.
func press(u *UI, key fyne.KeyName) {
	u.window.Canvas().(fyne.Shortcutable).TypedShortcut(ctrl(key))
	u.work.wait()
}

// newCaseThroughForm makes a case with Ctrl+N and the new case form.
func newCaseThroughForm(t *testing.T, u *UI, name, day, month, year string) {
	t.Helper()
	press(u, fyne.KeyN)
	f := u.newCase
	if f == nil {
		t.Fatal("Ctrl+N showed no new case form")
	}
	test.Type(f.name, name)
	test.Type(f.dob.day, day)
	test.Type(f.dob.month, month)
	test.Type(f.dob.year, year)
	test.Tap(f.create)
	u.work.wait() // the case is made, then opened, in the worker
}

// personField returns an entry of the open case's "The person" form.
func personField(t *testing.T, u *UI, label string) *widget.Entry {
	t.Helper()
	if u.current == nil {
		t.Fatal("no case is open")
	}
	p := u.current.view.parts[records.PartPerson].(*personPart)
	e, ok := p.details.field(label).(*widget.Entry)
	if !ok {
		t.Fatalf("no entry labelled %q", label)
	}
	return e
}

// waitFor polls cond until it holds or a generous deadline passes: the
// tests assert what happens, never how fast.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// vaultIsFree reports whether the vault lock can be taken, i.e. the window
// let go of it.
func vaultIsFree(t *testing.T, dir string) bool {
	t.Helper()
	l, err := crypto.Lock(dir)
	if err != nil {
		return false
	}
	l.Release()
	return true
}

func mustContain(t *testing.T, what, got, want string) {
	t.Helper()
	if !strings.Contains(got, want) {
		t.Errorf("%s = %q, want it to contain %q", what, got, want)
	}
}

// findButton finds a button by its text anywhere under root, as a person
// finds it on screen.
func findButton(t *testing.T, root fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	for _, o := range test.LaidOutObjects(root) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q", text)
	return nil
}
