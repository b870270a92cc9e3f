package practice

import (
	"fmt"
	"strconv"
	"strings"

	"msprecords/records"
)

// outcomeStageIndex is the position in Stages of "Outcome / case conference":
// from there on the enquiry is concluding, so what must be done "before
// closure" is due. Stages before it are the start of the enquiry.
const outcomeStageIndex = 4

// practiceContext is one case prepared for checking: the lookups several
// criteria share, built once.
type practiceContext struct {
	c      *records.Case
	o      Options
	linked map[string]bool // ids that a chronology entry links to
	lean   bool            // count results only: no evidence texts, no prompts
}

func newPracticeContext(c *records.Case, o Options) *practiceContext {
	linked := make(map[string]bool, len(c.Chronology))
	for _, e := range c.Chronology {
		if e.Link != "" {
			linked[e.Link] = true
		}
	}
	return &practiceContext{c: c, o: o, linked: linked}
}

// concluding reports whether the enquiry is closed or has reached its
// outcome stage, so that work due "before closure" is due now.
func (p *practiceContext) concluding() bool {
	return p.c.IsClosed() || stageIndex(p.c.Enquiry.Stage) >= outcomeStageIndex
}

// asOf is the day open work is judged by: the closing date of a closed
// case, today for an open one.
func (p *practiceContext) asOf() records.Date {
	if p.c.IsClosed() {
		return p.c.Enquiry.Closed
	}
	return p.o.Today
}

// handledElsewhere reports a concern that never became an enquiry here:
// the s42 decision found it a duplicate or sent it to another council, and
// no enquiry was started.
func handledElsewhere(c *records.Case) bool {
	d := c.Decision.Decision
	return c.Enquiry.Started.IsZero() && !c.Decision.EnquiryAnyway.Yes() && (d == decisionDuplicate || d == decisionSentElsewhere)
}

func stageIndex(stage string) int {
	for i, s := range records.Stages() {
		if s == stage {
			return i
		}
	}
	return -1
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }

// The texts of evidence say which entry, by date, position or pick-list
// label, so they never carry a name or free text. When only the gaps are
// counted (lean), no text is made: that is most of the check's work.

func (p *practiceContext) evidence(kind, id string, who func() string, what string) Evidence {
	e := Evidence{Kind: kind, ID: id}
	if !p.lean {
		e.Text = joinText(who(), what)
	}
	return e
}

func (p *practiceContext) contactEvidence(ct records.Contact, what string) Evidence {
	return p.evidence(EvidenceContact, ct.ID, func() string { return "Contact on " + dateText(ct.Date) }, what)
}

func (p *practiceContext) riskEvidence(i int, r records.Risk, what string) Evidence {
	return p.evidence(EvidenceRisk, r.ID, func() string { return "Risk " + strconv.Itoa(i+1) }, what)
}

func (p *practiceContext) actionEvidence(ri, ai int, a records.Action, what string) Evidence {
	return p.evidence(EvidenceAction, a.ID, func() string { return fmt.Sprintf("Action %d of risk %d", ai+1, ri+1) }, what)
}

func (p *practiceContext) referralEvidence(r records.AgencyReferral, what string) Evidence {
	return p.evidence(EvidenceReferral, r.ID, func() string { return "Referral to " + agencyName(r) }, what)
}

func (p *practiceContext) assessmentEvidence(m records.CapacityAssessment, what string) Evidence {
	return p.evidence(EvidenceAssessment, m.ID, func() string { return "Capacity assessment of " + dateText(m.Date) }, what)
}

func (p *practiceContext) allegedEvidence(i int, a records.AllegedPerson, what string) Evidence {
	return p.evidence(EvidenceAllegedPerson, a.ID, func() string { return "Person alleged to have caused harm " + strconv.Itoa(i+1) }, what)
}

func (p *practiceContext) outcomeEvidence(i int, d records.DesiredOutcome, what string) Evidence {
	return p.evidence(EvidenceDesiredOutcome, d.ID, func() string { return "Desired outcome " + strconv.Itoa(i+1) }, what)
}

func (p *practiceContext) challengeEvidence(ch records.Challenge, what string) Evidence {
	return p.evidence(EvidenceChallenge, ch.ID, func() string { return "Challenge on " + dateText(ch.Date) }, what)
}

func (p *practiceContext) representativeEvidence(r records.Representative, what string) Evidence {
	return p.evidence(EvidenceRepresentative, r.ID, func() string {
		if r.Kind == "" {
			return "Representative"
		}
		return r.Kind
	}, what)
}

// describe returns f() unless only gaps are being counted; for texts that
// cost a format to make.
func (p *practiceContext) describe(f func() string) string {
	if p.lean {
		return ""
	}
	return f()
}

func joinText(who, what string) string {
	if what == "" {
		return who
	}
	return who + ": " + what
}

func dateText(d records.Date) string {
	if d.IsZero() {
		return "an unrecorded date"
	}
	return d.String()
}

// listNumbers writes 1-based positions as "2", "2 and 3" or "1, 2 and 4".
func listNumbers(ns []int) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = fmt.Sprint(n)
	}
	return listWords(parts)
}

// listWords joins words as people write lists: "a", "a and b", "a, b and c".
func listWords(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// plural returns one or many by n.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
