package records

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func signedClosure(closed Date, by string) SignOff {
	return SignOff{ID: NewID(), What: SignOffClosure, Closed: closed, By: by, Role: "safeguarding lead",
		Time: time.Date(2025, 6, 4, 15, 30, 0, 0, time.UTC)}
}

// A sign-off stands as given: one added keeps the others; one changed,
// one removed, or the same one read back with its time in another zone is
// told apart correctly.
func TestCheckSignOffsKept(t *testing.T) {
	first := signedClosure(NewDate(2025, 6, 3), "Alice Lead")
	prev := []SignOff{first}
	grown := append(append([]SignOff(nil), prev...), signedClosure(NewDate(2025, 7, 1), "Alice Lead"))
	if err := CheckSignOffsKept(prev, grown); err != nil {
		t.Errorf("adding a sign-off: %v", err)
	}
	sameInstant := first
	sameInstant.Time = first.Time.In(time.FixedZone("BST", 3600))
	if err := CheckSignOffsKept(prev, []SignOff{sameInstant}); err != nil {
		t.Errorf("the same sign-off read back: %v", err)
	}
	changed := first
	changed.By = "Bob Worker"
	if err := CheckSignOffsKept(prev, []SignOff{changed}); !errors.Is(err, ErrSignOffRewritten) {
		t.Errorf("a changed signer: %v", err)
	}
	later := first
	later.OnlyAuthor = true
	if err := CheckSignOffsKept(prev, []SignOff{later}); !errors.Is(err, ErrSignOffRewritten) {
		t.Errorf("a changed only-author note: %v", err)
	}
	if err := CheckSignOffsKept(prev, nil); !errors.Is(err, ErrSignOffRewritten) || !strings.Contains(err.Error(), "removed") {
		t.Errorf("a removed sign-off: %v", err)
	}
}

// A case closed but not signed off awaits a lead; signing off the present
// closing date ends the wait; closing it again on another day starts it
// again, as a lead signed off the closure that was, not this one.
func TestAwaitingSignOff(t *testing.T) {
	c := &Case{}
	if c.AwaitingSignOff() || c.SignedOff() {
		t.Error("an open case awaits a sign-off")
	}
	c.Enquiry.Closed = NewDate(2025, 6, 3)
	if !c.AwaitingSignOff() {
		t.Error("a closed case does not await a sign-off")
	}
	c.SignOffs = append(c.SignOffs, signedClosure(c.Enquiry.Closed, "Alice Lead"))
	if c.AwaitingSignOff() || !c.SignedOff() {
		t.Error("a signed-off closure still awaits a sign-off")
	}
	c.Enquiry.Closed = NewDate(2025, 6, 10)
	if !c.AwaitingSignOff() || c.SignedOff() {
		t.Error("a closure on another day is taken as signed off")
	}
	c.SignOffs = append(c.SignOffs, SignOff{What: SignOffReport, By: "Alice Lead", Role: "safeguarding lead", Time: time.Now()})
	if !c.SignedOff() || !c.AwaitingSignOff() {
		t.Error("a report's sign-off does not count for a report, or counts for the closure")
	}
}

// The line a pack prints, in UK dates, with the note of an only author.
func TestSignOffLine(t *testing.T) {
	s := signedClosure(NewDate(2025, 6, 3), "Alice Lead")
	if got, want := s.Line(), "Signed off by Alice Lead (safeguarding lead) on 4 June 2025"; got != want {
		t.Errorf("line %q, want %q", got, want)
	}
	s.OnlyAuthor = true
	if got := s.Line(); !strings.HasSuffix(got, "no other safeguarding lead could sign it off") {
		t.Errorf("an only author's line %q", got)
	}
	if got := s.Subject(); got != "closure on 3 June 2025" {
		t.Errorf("subject %q", got)
	}
}

// A sign-off from a file must say what, who, in what role and when.
func TestValidateSignOffs(t *testing.T) {
	c := &Case{Reference: "SG-2025-0001", Person: Person{Name: "A"}}
	c.SignOffs = []SignOff{signedClosure(NewDate(2025, 6, 3), "Alice Lead"), {What: "Approval"}, {What: SignOffClosure}}
	err := Validate(c, NewDate(2025, 6, 5))
	var v *ValidationError
	if !errors.As(err, &v) {
		t.Fatalf("validate: %v", err)
	}
	want := map[string]string{
		"sign_offs[1].what": "Select what was signed off from the list", "sign_offs[1].by": "Enter who signed off",
		"sign_offs[1].role": "Enter the role of who signed off", "sign_offs[1].time": "Enter when it was signed off",
		"sign_offs[2].closed": "Enter the closing date that was signed off",
	}
	got := map[string]string{}
	for _, p := range v.Problems {
		got[p.Field] = p.Message
	}
	for f, m := range want {
		if got[f] != m {
			t.Errorf("%s: %q, want %q", f, got[f], m)
		}
	}
	if _, bad := got["sign_offs[0].what"]; bad {
		t.Errorf("a good sign-off refused: %v", v.Problems)
	}
}
