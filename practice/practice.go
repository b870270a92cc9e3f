package practice

import (
	"fmt"

	"msprecords/records"
)

// The practice check reads one case and asks of it what the MSP dip-sample
// audit asked of each enquiry (see the briefing in shared/reference): were
// the person's views sought throughout, were they seen alone, was every risk
// acted on and evaluated with them, and so on. It answers from the record
// alone, so the same rules serve the live panel on a case, the gaps column
// of the case list and the audit of a sample of closed cases.

// Result is how far a case meets one criterion.
type Result int

// The results of one criterion. The zero Result means "not checked", so a
// finding that was never filled in cannot pass for met.
const (
	Met Result = iota + 1
	PartlyMet
	NotMet
	NotApplicable
)

// Results lists the results in the order reports show them.
var Results = []Result{Met, PartlyMet, NotMet, NotApplicable}

// String is the result as people read it.
func (r Result) String() string {
	switch r {
	case Met:
		return "Met"
	case PartlyMet:
		return "Partly met"
	case NotMet:
		return "Not met"
	case NotApplicable:
		return "Not applicable"
	}
	return "Not checked"
}

// IsGap reports whether the result shows practice falling short.
func (r Result) IsGap() bool { return r == PartlyMet || r == NotMet }

// Evidence kinds name the part of the record a piece of evidence is.
const (
	EvidenceContact        = "contact"
	EvidenceDesiredOutcome = "desired outcome"
	EvidenceRisk           = "risk"
	EvidenceAction         = "action"
	EvidenceReferral       = "referral"
	EvidenceAssessment     = "assessment"
	EvidenceChronology     = "chronology"
	EvidenceAllegedPerson  = "alleged person"
	EvidenceChallenge      = "challenge"
	EvidenceRepresentative = "representative"
	EvidencePerson         = "person"
	EvidenceOutcome        = "outcome"
)

// Evidence points at one entry of the case that a finding rests on. Text is
// short and built only from dates, positions and pick-list labels, never
// from free text or names, so it is safe in an anonymised audit report.
type Evidence struct {
	Kind string
	ID   string
	Text string
}

// Finding is the check of one criterion on one case.
type Finding struct {
	Criterion Criterion
	Title     string
	Result    Result
	Evidence  []Evidence
	Prompt    string // the next step, in plain English; set where practice falls short
	Part      string // the case-view part that fixes it (PartPerson…)
}

// Options are the settings the check depends on.
type Options struct {
	Today                    records.Date // the day the check is made; open cases are judged as of it
	ReferralLimitWorkingDays int          // a referral slower than this is not timely
}

// RulesVersion is the version of the rules of the check. Change it with
// any change to a criterion that can change its result on some case, so
// that results stored elsewhere (the case list's gaps) are worked out again.
//
// Version 3: views a person showed without words (records.Contact.Shown)
// count as views sought and recorded.
const RulesVersion = 3

// Fingerprint names what a result of the check depends on besides the case
// and the day: the rules and the settings. Results with the same
// fingerprint worked out on the same day agree. The day is left out on
// purpose: results stored for the case list are brought up to the day
// whenever their case is read or saved, and working out every case again
// each morning would make the first unlock of the day slow.
func (o Options) Fingerprint() string {
	return fmt.Sprintf("rules %d; referrals within %d working days", RulesVersion, o.ReferralLimitWorkingDays)
}

// DefaultReferralLimit is the default limit for a timely referral, in
// working days from identifying the need.
const DefaultReferralLimit = 2

// DefaultOptions returns the options as of today with the default
// referral limit.
func DefaultOptions() Options {
	return Options{Today: records.Today(), ReferralLimitWorkingDays: DefaultReferralLimit}
}

func (o Options) normalised() Options {
	if o.Today.IsZero() {
		o.Today = records.Today()
	}
	if o.ReferralLimitWorkingDays <= 0 {
		o.ReferralLimitWorkingDays = DefaultReferralLimit
	}
	return o
}

// Report is the practice check of one case: one finding per
// criterion, in the order of Criteria.
type Report struct {
	Findings []Finding
}

// Gaps counts the criteria not met or only partly met.
func (r Report) Gaps() int {
	n := 0
	for _, f := range r.Findings {
		if f.Result.IsGap() {
			n++
		}
	}
	return n
}

// Finding returns the finding for one criterion, and false if there is none.
func (r Report) Finding(id Criterion) (Finding, bool) {
	for _, f := range r.Findings {
		if f.Criterion == id {
			return f, true
		}
	}
	return Finding{}, false
}

// Check checks one case against every criterion. It never changes
// the case and is cheap enough to run after every edit. A concern handled
// elsewhere (a duplicate, or sent to another council) is not applicable
// throughout: the work with the person is recorded in the other case.
func Check(c *records.Case, o Options) Report {
	return checkPractice(newPracticeContext(c, o.normalised()))
}

func checkPractice(ctx *practiceContext) Report {
	elsewhere := handledElsewhere(ctx.c)
	findings := make([]Finding, len(criteria))
	for i, cr := range criteria {
		f := Finding{Result: NotApplicable}
		if !elsewhere {
			f = cr.check(ctx)
		}
		f.Criterion, f.Title = cr.ID, cr.Title
		if f.Part == "" {
			f.Part = cr.Part
		}
		if !f.Result.IsGap() {
			f.Prompt = ""
		}
		findings[i] = f
	}
	return Report{Findings: findings}
}

// CountGaps is the number of gaps Check finds in a case with these
// options, for the case list. It runs the same check without writing
// evidence or prompts, which matters when the list of 10,000 cases is built
// at unlock.
func CountGaps(c *records.Case, opts Options) int {
	ctx := newPracticeContext(c, opts)
	ctx.lean = true
	return checkPractice(ctx).Gaps()
}
