package records

import (
	"fmt"
	"strings"
	"time"
)

// A sign-off is a safeguarding lead's approval of a case's closure, or of a
// report meant for the council, kept in the case beside the chronology and,
// like it, never rewritten or removed: a closure signed off and later
// reopened and closed again is signed off again, as a new sign-off.
//
// Who may sign off is a practice rule (practice.CheckSignOff); the store
// adds a sign-off in the same transaction as its chronology entry and its
// audit entry (store.SignOff), and ordinary saves may not touch them.

// The things a lead signs off, as people read them.
const (
	SignOffClosure = "Closure"
	SignOffReport  = "Report for the council"
)

var signOffKinds = []string{SignOffClosure, SignOffReport}

// SignOffKinds lists what can be signed off.
func SignOffKinds() []string { return append([]string(nil), signOffKinds...) }

// SignOffChronologyKind is the kind of the chronology entry a sign-off
// adds: a lead's sign-off is a decision about the case.
const SignOffChronologyKind = "Decision"

// SignOff is one safeguarding lead's sign-off.
type SignOff struct {
	ID      string    `json:"id"`
	What    string    `json:"what"`    // SignOffKinds
	Closed  Date      `json:"closed"`  // for a closure: the closing date it signed off
	Purpose string    `json:"purpose"` // for a report: what the report is for
	By      string    `json:"by"`      // the user who signed off, by their name in the vault
	Role    string    `json:"role"`    // their role when they signed off, as people read it
	Time    time.Time `json:"time"`    // when, in UTC
	// OnlyAuthor records that the lead who signed off was the only author
	// of the case's work, allowed only because no other lead existed.
	OnlyAuthor bool `json:"only_author"`
}

// Equal reports whether two sign-offs say the same, comparing times as
// instants (a time read back from JSON is not == the one written).
func (s SignOff) Equal(o SignOff) bool {
	t, u := s.Time, o.Time
	s.Time, o.Time = time.Time{}, time.Time{}
	return s == o && t.Equal(u)
}

// Line is the sign-off as a pack, the window and 'show' print it:
// "Signed off by Alice Lead (safeguarding lead) on 4 June 2025".
func (s SignOff) Line() string {
	line := fmt.Sprintf("Signed off by %s (%s) on %s", s.By, s.Role, DateOf(s.Time.UTC()))
	if s.OnlyAuthor {
		line += OnlyAuthorNote
	}
	return line
}

// OnlyAuthorNote follows the line of a sign-off by the case's only author.
const OnlyAuthorNote = ", who was the only author of the case's work: no other safeguarding lead could sign it off"

// Subject says what was signed off: "closure on 4 June 2025", or the report.
func (s SignOff) Subject() string {
	if s.What == SignOffClosure {
		return "closure on " + s.Closed.String()
	}
	if s.Purpose != "" {
		return strings.ToLower(s.What[:1]) + s.What[1:] + ": " + s.Purpose
	}
	return strings.ToLower(s.What[:1]) + s.What[1:]
}

// ClosureSignOff returns the sign-off of the case's present closure: a
// closure sign-off of the closing date the case has now.
func (c *Case) ClosureSignOff() (SignOff, bool) {
	for i := len(c.SignOffs) - 1; i >= 0; i-- {
		s := c.SignOffs[i]
		if s.What == SignOffClosure && c.IsClosed() && s.Closed == c.Enquiry.Closed {
			return s, true
		}
	}
	return SignOff{}, false
}

// AwaitingSignOff reports whether the case is closed but its closure not
// yet signed off by a lead: "closed, awaiting a lead's sign-off".
func (c *Case) AwaitingSignOff() bool {
	_, signed := c.ClosureSignOff()
	return c.IsClosed() && !signed
}

// AwaitingSignOffText is how a closed case awaiting sign-off is described.
const AwaitingSignOffText = "Closed, awaiting a safeguarding lead's sign-off"

// SignedOff reports whether the case's closure or a report of it has been
// signed off, as a report for the council needs.
func (c *Case) SignedOff() bool {
	if _, ok := c.ClosureSignOff(); ok {
		return true
	}
	for _, s := range c.SignOffs {
		if s.What == SignOffReport {
			return true
		}
	}
	return false
}

// CheckSignOffsKept reports an error when next does not keep every
// sign-off of prev unchanged and in order: a sign-off stands as it was
// given, like the chronology.
func CheckSignOffsKept(prev, next []SignOff) error {
	if len(next) < len(prev) {
		return fmt.Errorf("%w: a sign-off was removed", ErrSignOffRewritten)
	}
	for i := range prev {
		if !prev[i].Equal(next[i]) {
			return fmt.Errorf("%w: the sign-off of %s was changed", ErrSignOffRewritten, DateOf(prev[i].Time.UTC()))
		}
	}
	return nil
}

// checkSignOffs holds each sign-off to saying what was signed off, by whom,
// in what role and when, as an import could otherwise bring one that
// does not.
func checkSignOffs(k *checker, list []SignOff) {
	for i, s := range list {
		f := fmt.Sprintf("sign_offs[%d]", i)
		if !Contains(signOffKinds, s.What) {
			k.add(f+".what", "Select what was signed off from the list")
		}
		k.required(f+".by", s.By, "who signed off")
		k.required(f+".role", s.Role, "the role of who signed off")
		if s.Time.IsZero() {
			k.add(f+".time", "Enter when it was signed off")
		}
		if s.What == SignOffClosure && s.Closed.IsZero() {
			k.add(f+".closed", "Enter the closing date that was signed off")
		}
	}
}
