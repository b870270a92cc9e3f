package records

import (
	"encoding/json"
	"errors"
	"testing"
)

func TestAnswerJSON(t *testing.T) {
	for _, tt := range []struct {
		a    Answer
		json string
	}{{Yes, `"yes"`}, {No, `"no"`}, {Unanswered, `null`}} {
		b, err := json.Marshal(tt.a)
		if err != nil || string(b) != tt.json {
			t.Errorf("Marshal(%v) = %s, %v; want %s", tt.a, b, err, tt.json)
		}
		var back Answer = 99
		if err := json.Unmarshal(b, &back); err != nil || back != tt.a {
			t.Errorf("Unmarshal(%s) = %v, %v; want %v", b, back, err, tt.a)
		}
	}
}

func TestAnswerReadsSchema1(t *testing.T) {
	for in, want := range map[string]Answer{"true": Yes, "false": Unanswered, " null ": Unanswered} {
		var a Answer = 99
		if err := json.Unmarshal([]byte(in), &a); err != nil || a != want {
			t.Errorf("Unmarshal(%s) = %v, %v; want %v", in, a, err, want)
		}
	}
}

func TestAnswerRefusesOtherValues(t *testing.T) {
	for _, in := range []string{`"maybe"`, `"Yes"`, `""`, `1`, `{}`, `[]`} {
		var a Answer
		if err := json.Unmarshal([]byte(in), &a); !errors.Is(err, ErrNotAnAnswer) {
			t.Errorf("Unmarshal(%s) = %v, want ErrNotAnAnswer", in, err)
		}
	}
}

func TestAnswerWords(t *testing.T) {
	for a, want := range map[Answer]string{Yes: "Yes", No: "No", Unanswered: "Not answered", 7: "Not answered"} {
		if got := a.String(); got != want {
			t.Errorf("%d.String() = %q, want %q", a, got, want)
		}
	}
	if !Yes.Known() || !No.Known() || Unanswered.Known() || !Yes.Yes() || No.Yes() || !No.No() || Unanswered.No() {
		t.Error("Known, Yes or No is wrong")
	}
}

func TestUpgradeFromSchema1(t *testing.T) {
	c := &Case{Schema: 1,
		Contacts: []Contact{{NotAloneReason: "Her son would not leave"}, {}, {SpokenAlone: Yes}},
		Outcome:  Outcome{NoFeedbackReason: "Referrer unreachable", SARReferred: Yes},
		Caused:   CausedEnquiry{ReportDate: NewDate(2025, 6, 1)},
	}
	c.Upgrade()
	if c.Schema != SchemaVersion {
		t.Errorf("schema %d after Upgrade", c.Schema)
	}
	got := []Answer{c.Contacts[0].SpokenAlone, c.Contacts[1].SpokenAlone, c.Contacts[2].SpokenAlone,
		c.Outcome.ReferrerFeedback, c.Outcome.SARConsidered, c.Caused.ReportReceived}
	want := []Answer{No, Unanswered, Yes, No, Yes, Yes}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("answer %d: %v, want %v", i, got[i], want[i])
		}
	}
	// A schema 2 case is left as it is: not answered stays not answered.
	c2 := &Case{Schema: 2, Contacts: []Contact{{NotAloneReason: "x"}}}
	c2.Upgrade()
	if c2.Contacts[0].SpokenAlone != Unanswered {
		t.Error("Upgrade changed a schema 2 case")
	}
	if ReadsSchema(0) || !ReadsSchema(1) || !ReadsSchema(SchemaVersion) || ReadsSchema(SchemaVersion+1) {
		t.Error("ReadsSchema is wrong")
	}
}
