package records

import (
	"slices"
	"strings"
	"testing"
)

// Every term written like a pick-list choice is spelled as the pick-list
// has it, so that the window explains the choice when it is made; and the
// choices a care-home manager asked about are explained.
func TestGlossaryMatchesThePickLists(t *testing.T) {
	var choices []string
	for _, f := range Fields() {
		if f.Choices != nil {
			choices = append(choices, f.Choices()...)
		}
	}
	for _, want := range []string{"IMCA", "IMHA", "IDVA", "ISVA", "Care Act advocate (s68)",
		"Attorney under LPA - health and welfare", "Attorney under LPA - property and financial affairs",
		"Section 42 enquiry", "Decision on the s42 duty", "Organisational Abuse", "Service Provider"} {
		if !slices.Contains(choices, want) {
			t.Errorf("%q is no longer a pick-list choice: update the glossary", want)
		}
		if Explain(want) == "" {
			t.Errorf("%q is not explained", want)
		}
	}
	seen := map[string]bool{}
	for _, term := range Glossary() {
		if seen[term.Term] {
			t.Errorf("%q is explained twice", term.Term)
		}
		seen[term.Term] = true
		if !strings.HasSuffix(term.Meaning, ".") || strings.Contains(strings.ToLower(term.Meaning), "perpetrator") {
			t.Errorf("%q: %q", term.Term, term.Meaning)
		}
	}
}
