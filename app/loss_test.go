package app

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"msprecords/crypto"
	"msprecords/practice"
	"msprecords/records"
	"msprecords/store"
)

// TestLossSaidAfterUnlock: a vault whose memtable log was damaged in a
// crash unlocks to the case list with a dialog saying how many changes
// were lost; the next unlock says nothing more.
func TestLossSaidAfterUnlock(t *testing.T) {
	dir := crashedVault(t, 30)
	u := newTestUI(t, dir)
	unlockWith(t, u, testUser, testPass)
	if !u.unlocked() {
		t.Fatalf("not unlocked: %q", u.unlock.problem.Text)
	}
	got := overlayText(u)
	mustContain(t, "the dialog after unlock", got, "changes made before the computer stopped on")
	mustContain(t, "the dialog after unlock", got, "could not be recovered")
	u.lockNow()
	unlockWith(t, u, testUser, testPass)
	if got := overlayText(u); strings.Contains(got, "could not be recovered") {
		t.Errorf("the second unlock said the loss again: %q", got)
	}
}

// overlayText is the text of the dialog over the window, if any.
func overlayText(u *UI) string {
	var b strings.Builder
	if top := u.window.Canvas().Overlays().Top(); top != nil {
		for _, o := range test.LaidOutObjects(top) {
			switch l := o.(type) {
			case *widget.Label:
				b.WriteString(l.Text + "\n")
			case *widget.RichText:
				b.WriteString(l.String() + "\n")
			}
		}
	}
	return b.String()
}

// crashedVault is a vault of n cases whose database is left as a crash
// leaves it (copied while open: the cases are in the memtable log), with
// the middle byte of the log's written part damaged.
func crashedVault(t *testing.T, n int) string {
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
	for i := range n {
		c := &records.Case{Person: records.Person{Name: fmt.Sprint("Person ", i)}, Enquiry: records.Enquiry{Stage: records.Stages()[0]}}
		if err := s.Create(c); err != nil {
			t.Fatal(err)
		}
	}
	crashed := t.TempDir()
	copyDBFiles(t, v.DBDir(), crashed)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	copyDBFiles(t, crashed, v.DBDir())
	paths, _ := filepath.Glob(filepath.Join(v.DBDir(), "*.mem"))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		used := len(b)
		for used > 0 && b[used-1] == 0 {
			used--
		}
		if used > 0 {
			b[used/2] ^= 0xff
			if err := os.WriteFile(p, b, 0o600); err != nil {
				t.Fatal(err)
			}
			return dir
		}
	}
	t.Fatal("no written memtable log")
	return ""
}

// copyDBFiles copies every file of from but Badger's LOCK over those of to,
// removing the files of to that from does not have.
func copyDBFiles(t *testing.T, from, to string) {
	t.Helper()
	if old, err := os.ReadDir(to); err == nil {
		for _, e := range old {
			if err := os.Remove(filepath.Join(to, e.Name())); err != nil {
				t.Fatal(err)
			}
		}
	}
	entries, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() == "LOCK" || e.IsDir() {
			continue
		}
		in, err := os.Open(filepath.Join(from, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out, err := os.Create(filepath.Join(to, e.Name()))
		if err == nil {
			_, err = io.Copy(out, in)
			if cerr := out.Close(); err == nil {
				err = cerr
			}
		}
		in.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
}

// TestLossMarkedAsDealtWith: "Mark as dealt with" in the dialog after
// unlock records the acknowledgement, so Verify stops reporting the loss.
func TestLossMarkedAsDealtWith(t *testing.T) {
	dir := crashedVault(t, 30)
	u := newTestUI(t, dir)
	unlockWith(t, u, testUser, testPass)
	if rep, err := u.session.store.Verify(); err != nil || rep.Loss == nil {
		t.Fatalf("verify does not report the loss before it is dealt with (%v)", err)
	}
	test.Tap(findButton(t, u.window.Canvas().Overlays().Top(), "Mark as dealt with"))
	u.work.wait()
	mustContain(t, "the message bar", u.bar.message(), "marked as dealt with")
	if rep, err := u.session.store.Verify(); err != nil || rep.Loss != nil {
		t.Errorf("verify still reports the loss (%v)", err)
	}
}
