package store

import (
	"errors"
	"testing"

	"msprecords/crypto"
	"msprecords/practice"
	"msprecords/records"
)

// reopenAs closes s and opens the store in dir as user, as a session of theirs would.
func reopenAs(t *testing.T, s *Store, dir string, key [32]byte, user string) *Store {
	t.Helper()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(dir, key, user, practice.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s2.Close() })
	return s2
}

// closedCase creates a case closed yesterday, by the store's user.
func closedCase(t *testing.T, s *Store) *records.Case {
	t.Helper()
	c := mustCreate(t, s, "Edna Closewell")
	c.Enquiry.Closed = records.Today().AddDays(-1)
	if err := s.Save(c); err != nil {
		t.Fatal(err)
	}
	return c
}

func leadRequest(leads ...string) SignOffRequest {
	return SignOffRequest{What: records.SignOffClosure, Role: crypto.Lead, Leads: leads}
}

// A lead signs off a practitioner's closed case: the sign-off, its
// chronology entry and its audit entry are written together and read back
// after the store is opened again.
func TestSignOffIsRecordedInCaseChronologyAndTrail(t *testing.T) {
	s, dir, key := newTestStore(t)
	s = reopenAs(t, s, dir, key, "Bob Worker")
	c := closedCase(t, s)
	s = reopenAs(t, s, dir, key, "Alice Lead")
	got, so, err := s.SignOff(c.ID, SignOffRequest{What: records.SignOffClosure, Role: crypto.Lead,
		Leads: []string{"Alice Lead", "Carol Lead"}, Revision: c.Revision})
	if err != nil {
		t.Fatal(err)
	}
	if so.By != "Alice Lead" || so.Role != "safeguarding lead" || so.OnlyAuthor || so.Closed != c.Enquiry.Closed {
		t.Errorf("sign-off %+v", so)
	}
	if got.Revision != c.Revision+1 || got.AwaitingSignOff() {
		t.Errorf("signed case at revision %d, awaiting %v", got.Revision, got.AwaitingSignOff())
	}
	s = reopenAs(t, s, dir, key, "Alice Lead")
	stored, err := s.Load(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(stored.SignOffs) != 1 || !stored.SignOffs[0].Equal(so) {
		t.Fatalf("stored sign-offs %+v", stored.SignOffs)
	}
	last := stored.Chronology[len(stored.Chronology)-1]
	if last.Kind != records.SignOffChronologyKind || last.Link != so.ID || last.Author != "Alice Lead" ||
		last.Text != "Signed off the closure on "+c.Enquiry.Closed.String()+" as safeguarding lead." {
		t.Errorf("chronology entry %+v", last)
	}
	trail, err := s.Trail(TrailFilter{Reference: c.Reference, Action: AuditSignOff})
	if err != nil {
		t.Fatal(err)
	}
	if len(trail.Entries) != 1 || trail.Entries[0].User != "Alice Lead" || trail.Entries[0].Detail != c.Reference+" closure" {
		t.Errorf("audit entries %+v", trail.Entries)
	}
	mustVerify(t, s)
}

// The only author of the work is refused while another lead exists, with
// nothing written; with no other lead, the sign-off says they were.
func TestOnlyAuthorSignsOffOnlyWithoutAnotherLead(t *testing.T) {
	s, _, _ := newTestStore(t)
	c := closedCase(t, s)
	before := auditCount(t, s)
	_, _, err := s.SignOff(c.ID, leadRequest("Test User", "Carol Lead"))
	var only *practice.OnlyAuthorError
	if !errors.As(err, &only) || len(only.Others) != 1 || only.Others[0] != "Carol Lead" {
		t.Fatalf("sign-off by the only author: %v", err)
	}
	if stored, _ := s.Load(c.ID); len(stored.SignOffs) != 0 || stored.Revision != c.Revision || auditCount(t, s) != before {
		t.Errorf("a refused sign-off wrote something: %+v", stored.SignOffs)
	}
	got, so, err := s.SignOff(c.ID, leadRequest("Test User"))
	if err != nil || !so.OnlyAuthor {
		t.Fatalf("sign-off by the only lead: %+v, %v", so, err)
	}
	if last := got.Chronology[len(got.Chronology)-1]; last.Link != so.ID ||
		last.Text != "Signed off the closure on "+c.Enquiry.Closed.String()+" as safeguarding lead. "+
			"They were the only author of the case's work; no other safeguarding lead could sign it off." {
		t.Errorf("chronology entry %q", last.Text)
	}
}

// What cannot be signed off says why, and writes nothing.
func TestSignOffRefusals(t *testing.T) {
	s, _, _ := newTestStore(t)
	open := mustCreate(t, s, "Olive Open")
	closed := closedCase(t, s)
	if _, _, err := s.SignOff(open.ID, leadRequest("Test User")); !errors.Is(err, ErrNothingToSignOff) {
		t.Errorf("an open case: %v", err)
	}
	pract := leadRequest("Test User")
	pract.Role = crypto.Practitioner
	if _, _, err := s.SignOff(closed.ID, pract); !errors.Is(err, crypto.ErrNotLead) {
		t.Errorf("a practitioner: %v", err)
	}
	stale := leadRequest("Test User")
	stale.Revision = closed.Revision - 1
	if _, _, err := s.SignOff(closed.ID, stale); !errors.Is(err, ErrConflict) {
		t.Errorf("an older revision: %v", err)
	}
	if _, _, err := s.SignOff(closed.ID, leadRequest("Test User")); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.SignOff(closed.ID, leadRequest("Test User")); !errors.Is(err, ErrAlreadySignedOff) {
		t.Errorf("signed off twice: %v", err)
	}
}

// Save keeps sign-offs as stored: it refuses to change, remove or add one.
func TestSaveRefusesRewrittenSignOff(t *testing.T) {
	s, _, _ := newTestStore(t)
	c := closedCase(t, s)
	signed, _, err := s.SignOff(c.ID, leadRequest("Test User"))
	if err != nil {
		t.Fatal(err)
	}
	changes := map[string]func(c *records.Case){
		"changed": func(c *records.Case) { c.SignOffs[0].By = "Someone Else" },
		"removed": func(c *records.Case) { c.SignOffs = nil },
		"added": func(c *records.Case) {
			c.SignOffs = append(c.SignOffs, records.SignOff{ID: records.NewID(), What: records.SignOffReport,
				By: "Test User", Role: "safeguarding lead", Time: c.Updated})
		},
	}
	for name, change := range changes {
		t.Run(name, func(t *testing.T) {
			n, err := s.Load(signed.ID)
			if err != nil {
				t.Fatal(err)
			}
			change(n)
			if err := s.Save(n); !errors.Is(err, records.ErrSignOffRewritten) {
				t.Errorf("save of a %s sign-off: %v", name, err)
			}
		})
	}
	n, _ := s.Load(signed.ID)
	n.Outcome.ClosureReason = "Risk removed"
	if err := s.Save(n); err != nil {
		t.Errorf("a save keeping the sign-off: %v", err)
	}
}
