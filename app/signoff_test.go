package app

import (
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

const (
	patUser = "Pat Practitioner"
	patPass = "pat's long passphrase"
)

// vaultWithClosedCase is a vault whose lead is testUser, with a
// practitioner, Pat, who recorded one case and closed it.
func vaultWithClosedCase(t *testing.T) (dir, id string) {
	t.Helper()
	dir = filepath.Join(t.TempDir(), "vault")
	v, created, _, err := crypto.Create(dir, testUser, testPass, crypto.MinWorkFactor)
	if err != nil {
		t.Fatal(err)
	}
	if err := v.AddSlot(created.Key, patUser, patPass, crypto.Practitioner); err != nil {
		t.Fatal(err)
	}
	s, err := store.Create(v.DBDir(), created.Key, patUser, practice.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	c := &records.Case{Person: records.Person{Name: "Edna Closewell"}}
	if err := s.Create(c); err != nil {
		t.Fatal(err)
	}
	c.Enquiry.Closed = records.Today().AddDays(-1)
	if err := s.Save(c); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return dir, c.ID
}

// showOutcome opens the case and its Outcome & evaluation part.
func showOutcome(t *testing.T, u *UI, id string) *outcomePart {
	t.Helper()
	u.openCase(id)
	u.work.wait()
	if u.current == nil {
		t.Fatalf("the case did not open: %q", u.bar.message())
	}
	u.current.view.showPart(records.PartOutcome)
	return u.current.view.parts[records.PartOutcome].(*outcomePart)
}

func labelsUnder(p *outcomePart) string {
	var b strings.Builder
	for _, o := range test.LaidOutObjects(p.signOffs) {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	}
	return b.String()
}

// Pat, a practitioner, sees the case awaiting a lead's sign-off and no
// Sign off button; the lead taps Sign off…, confirms, and the case shows
// the sign-off, with its chronology entry and audit entry stored.
func TestSignOffPatternThroughTheWindow(t *testing.T) {
	dir, id := vaultWithClosedCase(t)
	u := newTestUI(t, dir)
	unlockWith(t, u, patUser, patPass)
	if !u.unlocked() || u.session.isLead() {
		t.Fatalf("Pat did not unlock as a practitioner: %q", u.unlock.problem.Text)
	}
	p := showOutcome(t, u, id)
	mustContain(t, "Pat's sign-off card", labelsUnder(p), records.AwaitingSignOffText)
	if hasButton(u.window.Content(), "Sign off…") {
		t.Error("a practitioner is offered to sign off")
	}

	u.lockNow()
	unlockWith(t, u, testUser, testPass)
	p = showOutcome(t, u, id)
	if p.signOffButton == nil || !hasButton(u.window.Content(), "Sign off…") {
		t.Fatal("the lead is not offered to sign off")
	}
	test.Tap(p.signOffButton)
	mustContain(t, "the question", overlayText(u), "You sign off, as a safeguarding lead")
	tapOverlayButton(t, u, "Sign off")
	u.work.wait()

	c := u.current.c
	if len(c.SignOffs) != 1 || c.SignOffs[0].By != testUser || c.AwaitingSignOff() {
		t.Fatalf("after signing off: %+v (%q)", c.SignOffs, u.bar.message())
	}
	p = u.current.view.parts[records.PartOutcome].(*outcomePart)
	mustContain(t, "the lead's sign-off card", labelsUnder(p), "Closure: Signed off by "+testUser+" (safeguarding lead) on ")
	if hasButton(u.window.Content(), "Sign off…") {
		t.Error("a signed-off case still offers to sign off")
	}
	if last := c.Chronology[len(c.Chronology)-1]; last.Kind != records.SignOffChronologyKind || last.Link != c.SignOffs[0].ID {
		t.Errorf("the chronology ends %+v", last)
	}
	trail, err := u.session.store.Trail(store.TrailFilter{Action: store.AuditSignOff})
	if err != nil || len(trail.Entries) != 1 || trail.Entries[0].User != testUser {
		t.Errorf("the audit trail of sign-offs: %+v, %v", trail, err)
	}
	u.current.saveNow() // the live case saves again over the sign-off: nothing in it was rewritten
	u.work.wait()
	if u.current.failed || u.current.conflict {
		t.Errorf("saving after the sign-off: %q", u.bar.message())
	}
}

// A lead who closes a case in the window is offered to sign it off in the
// same step; as the vault's only lead and its only author, they may.
func TestLeadClosingIsOfferedSignOffPattern(t *testing.T) {
	u := openUnlocked(t)
	c := &records.Case{Person: records.Person{Name: "Olive Open"}}
	if err := u.session.store.Create(c); err != nil {
		t.Fatal(err)
	}
	p := showOutcome(t, u, c.ID)
	closed := p.closure.field(records.Label("enquiry.closed")).(*dateField)
	test.Type(closed.entry, records.Today().Short())
	u.window.Canvas().Unfocus()
	mustContain(t, "the offer", overlayText(u), "You sign off, as a safeguarding lead")
	tapOverlayButton(t, u, "Sign off")
	u.work.wait()
	got := u.current.c
	if len(got.SignOffs) != 1 || !got.SignOffs[0].OnlyAuthor || got.AwaitingSignOff() {
		t.Fatalf("after closing and signing off: %+v (%q)", got.SignOffs, u.bar.message())
	}
}

// tapOverlayButton taps a button of the dialog over the window.
func tapOverlayButton(t *testing.T, u *UI, text string) {
	t.Helper()
	top := u.window.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog is shown (wanted a %q button)", text)
	}
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("the dialog has no %q button: %s", text, overlayText(u))
}
