package practice

import (
	"strings"

	"msprecords/records"
)

// s42Criteria are the outcome's answers to the three s42(1) criteria, each
// with the path of its field.
func s42Criteria(o records.Outcome) []struct {
	path   string
	answer records.Answer
} {
	return []struct {
		path   string
		answer records.Answer
	}{
		{"outcome.a_care_and_support_needs", o.NeedsMet},
		{"outcome.b_abuse_or_neglect", o.AbuseOrNeglect},
		{"outcome.c_unable_to_protect", o.UnableToProtect},
	}
}

// checkS42Criteria: once the enquiry is concluding, the outcome says
// whether each of the s42(1) criteria (A, B and C) was met. A criterion
// not answered is a gap: it is not the same as a criterion not met.
func checkS42Criteria(p *practiceContext) Finding {
	if !p.concluding() {
		return Finding{Result: NotApplicable}
	}
	var good, bad []Evidence
	var missing []string
	for _, cr := range s42Criteria(p.c.Outcome) {
		label := records.Label(cr.path)
		if cr.answer.Known() {
			good = append(good, Evidence{Kind: EvidenceOutcome, Text: label + ": " + cr.answer.String()})
			continue
		}
		bad = append(bad, Evidence{Kind: EvidenceOutcome, Text: label + ": " + cr.answer.String()})
		missing = append(missing, label[:1])
	}
	return p.judged(good, bad, func() string {
		return "Record in the outcome whether each section 42 criterion was met (" + strings.Join(missing, ", ") +
			" not answered). Not answered is not the same as no."
	})
}
