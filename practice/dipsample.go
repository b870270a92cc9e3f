package practice

import (
	"cmp"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"msprecords/records"
)

// A dip-sample audit draws a random sample of enquiries, chosen by a filter,
// and runs the practice check on each. The draw is reproducible: the same
// cases, filter, size and seed always give the same sample, so an auditor
// (or a board) can draw it again and check the work.

// ErrSampleSize is returned for a sample of fewer than one case.
var ErrSampleSize = errors.New("the sample size must be a whole number of 1 or more")

// ErrFilter is returned for a filter that cannot match as meant.
var ErrFilter = errors.New("the audit filter is not valid")

// Filter chooses the cases an audit samples from. Empty fields choose
// everything. With either closing date set, only enquiries closed within
// the dates (inclusive) are chosen; otherwise open ones can be too.
type Filter struct {
	ClosedFrom, ClosedTo records.Date
	Condition            string // found, ignoring case, in the person's diagnosis or conditions
	AbuseType            string // one of AbuseTypes, ignoring case, in any allegation
	Stage                string // one of Stages, ignoring case
}

// Check reports a filter that cannot match as meant: dates the wrong way
// round, or a type of abuse or stage not on its list. It returns the
// filter with the list's own spelling.
func (f Filter) Check() (Filter, error) {
	if !f.ClosedFrom.IsZero() && !f.ClosedTo.IsZero() && f.ClosedTo.Before(f.ClosedFrom) {
		return f, fmt.Errorf("%w: the closing dates are the wrong way round (%s to %s)", ErrFilter, f.ClosedFrom, f.ClosedTo)
	}
	var ok bool
	if f.AbuseType, ok = fromList(records.AbuseTypes(), f.AbuseType); !ok {
		return f, fmt.Errorf("%w: %q is not a type of abuse; use one of: %s", ErrFilter, f.AbuseType, strings.Join(records.AbuseTypes(), "; "))
	}
	if f.Stage, ok = fromList(records.Stages(), f.Stage); !ok {
		return f, fmt.Errorf("%w: %q is not a stage; use one of: %s", ErrFilter, f.Stage, strings.Join(records.Stages(), "; "))
	}
	f.Condition = strings.TrimSpace(f.Condition)
	return f, nil
}

// fromList finds v in list ignoring case; "" is always found.
func fromList(list []string, v string) (string, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return "", true
	}
	for _, x := range list {
		if strings.EqualFold(x, v) {
			return x, true
		}
	}
	return v, false
}

// Matches reports whether the filter chooses a case.
func (f Filter) Matches(c *records.Case) bool {
	if !f.closedWithin(c.Enquiry.Closed) {
		return false
	}
	if f.Condition != "" && !containsFold(c.Person.Conditions, f.Condition) {
		return false
	}
	if f.Stage != "" && !strings.EqualFold(c.Enquiry.Stage, f.Stage) {
		return false
	}
	return f.AbuseType == "" || slices.ContainsFunc(c.Allegations, func(a records.Allegation) bool {
		return strings.EqualFold(a.AbuseType, f.AbuseType)
	})
}

// closedWithin reports whether a closing date passes the filter's dates:
// with neither set, any case (open or closed) passes.
func (f Filter) closedWithin(closed records.Date) bool {
	if f.ClosedFrom.IsZero() && f.ClosedTo.IsZero() {
		return true
	}
	return !closed.IsZero() && !closed.Before(f.ClosedFrom) && (f.ClosedTo.IsZero() || !closed.After(f.ClosedTo))
}

func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}

// String describes the filter for a report, e.g. "closed from 1 April 2025
// to 31 March 2026; condition contains "dementia"".
func (f Filter) String() string {
	var parts []string
	switch {
	case !f.ClosedFrom.IsZero() && !f.ClosedTo.IsZero():
		parts = append(parts, "closed from "+f.ClosedFrom.String()+" to "+f.ClosedTo.String())
	case !f.ClosedFrom.IsZero():
		parts = append(parts, "closed on or after "+f.ClosedFrom.String())
	case !f.ClosedTo.IsZero():
		parts = append(parts, "closed on or before "+f.ClosedTo.String())
	}
	if f.Condition != "" {
		parts = append(parts, fmt.Sprintf("condition contains %q", f.Condition))
	}
	if f.AbuseType != "" {
		parts = append(parts, "type of abuse "+f.AbuseType)
	}
	if f.Stage != "" {
		parts = append(parts, "stage "+f.Stage)
	}
	if len(parts) == 0 {
		return "all cases"
	}
	return strings.Join(parts, "; ")
}

// Sample is a drawn dip sample: how it was drawn and the cases drawn, in
// reference order.
type Sample struct {
	Filter  Filter
	Size    int // the number asked for
	Seed    int64
	Matched int // how many cases the filter chose
	Cases   []*records.Case

	// Unreadable counts the cases restricted to other users that the
	// filter could not look at, so left out of the pool.
	Unreadable int
}

// sampleStream is the second word of the PCG state. It is fixed: changing
// it, or the way cases are picked below, would change every sample drawn
// before and break the promise that a seed draws the same sample again.
const sampleStream = 0x4d5350_41756469 // "MSP Audi"

// DrawSample chooses the cases f matches, sorts them by reference, and
// draws n of them at random with a PCG generator seeded by seed (all of
// them when fewer match). The cases themselves are not copied.
func DrawSample(cases []*records.Case, f Filter, n int, seed int64) (Sample, error) {
	if n < 1 {
		return Sample{}, ErrSampleSize
	}
	f, err := f.Check()
	if err != nil {
		return Sample{}, err
	}
	var pool []*records.Case
	for _, c := range cases {
		if f.Matches(c) {
			pool = append(pool, c)
		}
	}
	return Sample{Filter: f, Size: n, Seed: seed, Matched: len(pool), Cases: Draw(pool, n, seed)}, nil
}

// Draw sorts the pool by reference and picks n of its cases (all when
// fewer), returned in reference order: the draw DrawSample makes once it has
// filtered. It reorders pool. The store calls it with a pool it has
// filtered from summaries, so that both give the same sample for a seed.
func Draw(pool []*records.Case, n int, seed int64) []*records.Case {
	slices.SortFunc(pool, byReference)
	rng := rand.New(rand.NewPCG(uint64(seed), sampleStream))
	k := min(n, len(pool))
	for i := range k { // the first k steps of a Fisher-Yates shuffle
		j := i + rng.IntN(len(pool)-i)
		pool[i], pool[j] = pool[j], pool[i]
	}
	picked := pool[:k:k]
	slices.SortFunc(picked, byReference)
	return picked
}

// byReference orders cases by reference, then by id, so that the order
// never depends on the order cases were read in.
func byReference(a, b *records.Case) int {
	return cmp.Or(strings.Compare(a.Reference, b.Reference), strings.Compare(a.ID, b.ID))
}

// MayMatch reports whether a case closed on closed and at stage can match
// the filter, judging only those two (which the store's summaries hold), so
// that cases that cannot match are never read.
func (f Filter) MayMatch(closed records.Date, stage string) bool {
	return f.closedWithin(closed) && (f.Stage == "" || strings.EqualFold(stage, f.Stage))
}
