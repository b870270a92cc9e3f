package practice

import "msprecords/records"

// AuditResult is a dip-sample audit: how the sample was drawn, the share
// of cases meeting each criterion, and each case's findings. Cases are
// known only by reference: an audit result carries no names.
type AuditResult struct {
	Date    records.Date // the day the audit was made
	Filter  Filter
	Size    int // the sample size asked for
	Seed    int64
	Matched int // cases the filter chose
	// Unreadable counts the cases restricted to others that the filter
	// could not look at (Sample.Unreadable).
	Unreadable int
	Options    Options
	Criteria   []CriterionTally
	Cases      []AuditCase
}

// CriterionTally counts the sampled cases by their result on one criterion.
type CriterionTally struct {
	CriterionInfo
	counts [NotApplicable + 1]int
}

// Count returns how many sampled cases had result r.
func (t CriterionTally) Count(r Result) int {
	if r < Met || r > NotApplicable {
		return 0
	}
	return t.counts[r]
}

// Total is the number of cases counted.
func (t CriterionTally) Total() int {
	n := 0
	for _, r := range Results {
		n += t.counts[r]
	}
	return n
}

// Percent is the share of sampled cases with result r, from 0 to 100.
func (t CriterionTally) Percent(r Result) float64 {
	if t.Total() == 0 {
		return 0
	}
	return 100 * float64(t.Count(r)) / float64(t.Total())
}

// Gaps is the number of cases where the criterion was not met or partly met.
func (t CriterionTally) Gaps() int { return t.Count(PartlyMet) + t.Count(NotMet) }

// AuditCase is one sampled case by reference, with its practice check.
type AuditCase struct {
	Reference string
	Closed    records.Date
	Report    Report
}

// Audit runs the practice check on every case of the sample.
func Audit(s Sample, o Options) AuditResult {
	o = o.normalised()
	res := AuditResult{Date: o.Today, Filter: s.Filter, Size: s.Size, Seed: s.Seed, Matched: s.Matched, Unreadable: s.Unreadable, Options: o}
	res.Criteria = make([]CriterionTally, len(criteria))
	for i, cr := range criteria {
		res.Criteria[i].CriterionInfo = cr
	}
	for _, c := range s.Cases {
		rep := Check(c, o)
		for i, f := range rep.Findings {
			res.Criteria[i].counts[f.Result]++
		}
		res.Cases = append(res.Cases, AuditCase{Reference: c.Reference, Closed: c.Enquiry.Closed, Report: rep})
	}
	return res
}

// ShortOf returns the criteria where practice fell short in at least one
// sampled case, in criterion order: the ones the report gives prompts for.
func (a AuditResult) ShortOf() []CriterionTally {
	var out []CriterionTally
	for _, t := range a.Criteria {
		if t.Gaps() > 0 {
			out = append(out, t)
		}
	}
	return out
}
