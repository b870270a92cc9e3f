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
		"Deputy - health and welfare", "Deputy - property and financial affairs",
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

// The terms the issue names are choices of the representatives' own
// pick-list, so the window explains them under "Type of representative".
func TestRepresentativeKindsNamedInTheIssueAreExplained(t *testing.T) {
	kinds := MustField("representatives.kind").Choices()
	for _, want := range []string{"IMCA", "IMHA", "IDVA", "ISVA",
		"Attorney under LPA - health and welfare", "Attorney under LPA - property and financial affairs",
		"Deputy - health and welfare", "Deputy - property and financial affairs"} {
		if !slices.Contains(kinds, want) {
			t.Errorf("%q is not a choice of %q", want, Label("representatives.kind"))
		}
		if Explain(want) == "" {
			t.Errorf("%q is not explained", want)
		}
	}
}

// Whole pick-lists a care-home manager meets without the words for them:
// every choice is explained, but for those that explain themselves.
func TestWholePickListsAreExplained(t *testing.T) {
	plain := map[string]bool{"Other": true, "Own Home": true, "No action": true}
	for _, path := range []string{"enquiry.stage", "enquiry.type", "allegations.abuse_type", "allegations.location",
		"allegations.source", "representatives.kind", "advocacy.response", "consent.override_reason",
		"s42_decision.decision", "s42_decision.other_handling", "outcome.finding", "outcome.risk_outcome",
		"risks.evaluation.result"} {
		for _, choice := range MustField(path).Choices() {
			if !plain[choice] && Explain(choice) == "" {
				t.Errorf("%s: %q is not explained", path, choice)
			}
		}
	}
}

// A meaning is one or two sentences: it is read under a pick-list as the
// choice is made, not studied.
func TestMeaningsAreShort(t *testing.T) {
	for _, term := range Glossary() {
		if n := strings.Count(term.Meaning, ". "); n > 1 {
			t.Errorf("%q is explained in %d sentences; keep it to one or two: %q", term.Term, n+1, term.Meaning)
		}
	}
}
