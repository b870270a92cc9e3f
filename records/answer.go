package records

import (
	"bytes"
	"errors"
	"fmt"
)

// Answer is the answer to a yes/no question of the record: yes, no, or
// not answered. Its zero value is Unanswered, so a question nobody has
// answered is never mistaken for a no.
type Answer uint8

// The three answers.
const (
	Unanswered Answer = iota
	Yes
	No
)

// ErrNotAnAnswer is returned for a JSON value that is not an answer.
var ErrNotAnAnswer = errors.New(`not "yes", "no" or null`)

// Known reports whether the question has been answered, yes or no.
func (a Answer) Known() bool { return a == Yes || a == No }

// Yes reports whether the answer is yes.
func (a Answer) Yes() bool { return a == Yes }

// No reports whether the answer is no: answered, and not yes.
func (a Answer) No() bool { return a == No }

// String is the answer as a person reads it: "Yes", "No" or "Not answered".
func (a Answer) String() string {
	if int(a) < len(answerLabels) {
		return answerLabels[a]
	}
	return answerLabels[Unanswered]
}

// Answers lists the three answers in the order a form offers them.
func Answers() []Answer { return []Answer{Yes, No, Unanswered} }

// AnswerOf is Yes for true and No for false: for a question whose answer
// is worked out rather than asked.
func AnswerOf(b bool) Answer {
	if b {
		return Yes
	}
	return No
}

// MarshalJSON writes "yes" or "no", and null for a question not answered.
func (a Answer) MarshalJSON() ([]byte, error) {
	switch a {
	case Yes:
		return []byte(`"yes"`), nil
	case No:
		return []byte(`"no"`), nil
	}
	return []byte("null"), nil
}

// UnmarshalJSON reads "yes", "no" or null. It also reads the true and false
// of case schema 1, which had no way to leave a question unanswered: true
// is yes, and false is not answered, since an unticked box said nothing
// (see docs/format.md and Case.Upgrade).
func (a *Answer) UnmarshalJSON(b []byte) error {
	switch string(bytes.TrimSpace(b)) {
	case `"yes"`, "true":
		*a = Yes
	case `"no"`:
		*a = No
	case "null", "false":
		*a = Unanswered
	default:
		return fmt.Errorf("%w: %s", ErrNotAnAnswer, Shorten(string(b), 24))
	}
	return nil
}

// MinSchemaVersion is the oldest Case schema this build reads; a document
// of an older version is upgraded as it is read (see Case.Upgrade).
const MinSchemaVersion = 1

// ReadsSchema reports whether this build reads Case documents of version v.
func ReadsSchema(v int) bool { return v >= MinSchemaVersion && v <= SchemaVersion }

// Upgrade brings a case just read from a document of an older schema up to
// SchemaVersion. Schema 1 kept yes/no questions as true or false, so its
// false was both "no" and "never asked"; it reads as not answered, except
// where the rest of the record shows the answer was given:
//   - a contact with a reason for not speaking to the person alone was not
//     spoken to alone;
//   - feedback with a reason it was not given was not given;
//   - a case referred for a safeguarding adults review had one considered;
//   - a caused enquiry with the date its report came has had its report.
func (c *Case) Upgrade() {
	if c.Schema == 1 {
		upgradeFrom1(c)
	}
	c.Schema = SchemaVersion
}

func upgradeFrom1(c *Case) {
	for i := range c.Contacts {
		ct := &c.Contacts[i]
		if ct.SpokenAlone == Unanswered && ct.NotAloneReason != "" {
			ct.SpokenAlone = No
		}
	}
	o := &c.Outcome
	if o.ReferrerFeedback == Unanswered && o.NoFeedbackReason != "" {
		o.ReferrerFeedback = No
	}
	if o.SARConsidered == Unanswered && o.SARReferred == Yes {
		o.SARConsidered = Yes
	}
	if c.Caused.ReportReceived == Unanswered && !c.Caused.ReportDate.IsZero() {
		c.Caused.ReportReceived = Yes
	}
}
