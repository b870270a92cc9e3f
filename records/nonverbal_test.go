package records

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// A contact where the person showed their views without words: the ways
// they communicated come from the pick-list, and anything else is refused
// naming the field.
func TestCommunicatedWaysChecked(t *testing.T) {
	want := []string{"Words", "Signs or gestures", "Pictures or symbols", "Objects of reference", "Behaviour or body language"}
	if got := CommunicationWays(); !reflect.DeepEqual(got, want) {
		t.Fatalf("CommunicationWays() = %q, want %q", got, want)
	}
	if got := MustField("contacts.communicated").Choices(); !reflect.DeepEqual(got, want) {
		t.Errorf("the field offers %q, want the pick-list", got)
	}
	c := minimalCase()
	c.Contacts = []Contact{{Date: validateToday, Communicated: []string{"Behaviour or body language", "Objects of reference"},
		HelpedBy: "Mary Chen, senior carer", Shown: "Turned away and gripped the chair arm when her husband's name was said."}}
	if err := Validate(c, validateToday); err != nil {
		t.Fatalf("a contact of views shown without words: %v", err)
	}
	for _, bad := range []string{"Telepathy", "", "words"} {
		c.Contacts[0].Communicated = []string{"Words", bad}
		var ve *ValidationError
		if err := Validate(c, validateToday); !errors.As(err, &ve) || len(ve.Problems) != 1 {
			t.Fatalf("%q: got %v, want one problem", bad, err)
		}
		p := ve.Problems[0]
		if p.Field != "contacts[0].communicated[1]" || p.Message != "Select how the person communicated from the list" {
			t.Errorf("%q: problem %+v", bad, p)
		}
	}
}

// The new text fields are held to the limits of their kind, with their
// own words in the message.
func TestNonverbalFieldLimits(t *testing.T) {
	tests := []struct {
		name   string
		change func(c *Case)
		field  string
		msg    string
	}{
		{"long shown", func(c *Case) { c.Contacts[0].Shown = strings.Repeat("a", MaxTextLength+1) },
			"contacts[0].shown", "What they showed without words must be 100,000 characters or fewer"},
		{"helped by on two lines", func(c *Case) { c.Contacts[0].HelpedBy = "Mary\nChen" },
			"contacts[0].helped_by", "Who helped them communicate must not include tabs, line breaks or other control characters"},
		{"long relationship", func(c *Case) {
			c.Representatives = []Representative{{Relationship: strings.Repeat("a", MaxLineLength+1)}}
		}, "representatives[0].relationship", "Relationship to the person must be 300 characters or fewer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := minimalCase()
			c.Contacts = []Contact{{Date: validateToday}}
			tt.change(c)
			var ve *ValidationError
			if err := Validate(c, validateToday); !errors.As(err, &ve) {
				t.Fatalf("got %v, want a ValidationError", err)
			}
			if len(ve.Problems) != 1 || ve.Problems[0] != (Problem{tt.field, tt.msg}) {
				t.Errorf("problems %+v, want %s: %s", ve.Problems, tt.field, tt.msg)
			}
		})
	}
	c := minimalCase()
	c.Contacts = []Contact{{Date: validateToday, Shown: "Smiled.\r\n\tReached for my hand."}}
	if err := Validate(c, validateToday); err != nil {
		t.Errorf("line breaks in what was shown: %v", err)
	}
}

// A document of the previous schema, without the new fields, reads as it
// was and is upgraded to this schema with nothing shown or communicated.
func TestSchema2DocumentReads(t *testing.T) {
	doc := `{"schema":2,"reference":"SG-2025-0001","person":{"name":"A"},
		"contacts":[{"date":"2025-06-04","views":"I want to stay.","spoken_alone":"yes"}],
		"representatives":[{"kind":"Next of kin","name":"B"}]}`
	var c Case
	if err := json.Unmarshal([]byte(doc), &c); err != nil {
		t.Fatal(err)
	}
	if !ReadsSchema(2) || SchemaVersion < 3 {
		t.Fatalf("schema %d; reads 2: %v", SchemaVersion, ReadsSchema(2))
	}
	c.Upgrade()
	ct := c.Contacts[0]
	if c.Schema != SchemaVersion || ct.Views != "I want to stay." || ct.SpokenAlone != Yes ||
		ct.Communicated != nil || ct.HelpedBy != "" || ct.Shown != "" || c.Representatives[0].Relationship != "" {
		t.Errorf("read as %+v", c)
	}
	out, err := json.Marshal(&c)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{fmt.Sprintf(`"schema":%d`, SchemaVersion), `"communicated":null`, `"helped_by":""`, `"shown":""`, `"relationship":""`} {
		if !strings.Contains(string(out), want) {
			t.Errorf("written again without %s", want)
		}
	}
}

// A care-home manager meets the less familiar ways in the glossary.
func TestCommunicationWaysExplained(t *testing.T) {
	for _, w := range []string{"Objects of reference", "Pictures or symbols"} {
		if Explain(w) == "" {
			t.Errorf("%q is not explained", w)
		}
	}
	for _, f := range []string{"contacts.communicated", "contacts.helped_by", "contacts.shown", "representatives.relationship"} {
		if fl := MustField(f); fl.Label == "" || fl.Help == "" {
			t.Errorf("%s: label %q, help %q", f, fl.Label, fl.Help)
		}
	}
}
