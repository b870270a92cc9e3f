package records

import (
	"slices"
	"sort"
	"time"
)

var chronologyKinds = []string{
	"Note", "Contact", "Decision", "Meeting", "Referral", "Action", "Capacity", "Challenge", "Correction",
}

// AddChronology appends an entry to the case notes, giving it an id and the
// time it was recorded. Entries are never changed afterwards.
func (c *Case) AddChronology(e ChronologyEntry, now time.Time) ChronologyEntry {
	e.ID = NewID()
	e.Recorded = now
	c.Chronology = append(c.Chronology, e)
	return e
}

// Correction returns a new entry correcting old: the same day and the old
// text to start from, linked to the entry it corrects. Nothing of old changes.
func Correction(old ChronologyEntry) ChronologyEntry {
	return ChronologyEntry{Date: old.Date, Kind: "Correction", Text: old.Text, Corrects: old.ID, Link: old.Link}
}

// CorrectionsOf returns the entries that correct the entry with the given id,
// in the order they were made.
func (c *Case) CorrectionsOf(id string) []ChronologyEntry {
	var out []ChronologyEntry
	for _, e := range c.Chronology {
		if id != "" && e.Corrects == id {
			out = append(out, e)
		}
	}
	return out
}

// ChronologyEntry returns the entry with the given id.
func (c *Case) ChronologyEntry(id string) (ChronologyEntry, bool) {
	for _, e := range c.Chronology {
		if e.ID == id {
			return e, true
		}
	}
	return ChronologyEntry{}, false
}

// ChronologyNewestFirst returns the positions of the chronology's entries,
// newest first: by the day it happened, then by when it was recorded.
func (c *Case) ChronologyNewestFirst() []int {
	order := make([]int, len(c.Chronology))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		x, y := c.Chronology[order[a]], c.Chronology[order[b]]
		if !sameDay(x.Date, y.Date) {
			return x.Date.After(y.Date)
		}
		return x.Recorded.After(y.Recorded)
	})
	return order
}

func sameDay(a, b Date) bool { return !a.Before(b) && !a.After(b) }

// ChronologyKinds returns the kinds of chronology entry. The record of an
// intervention names what it was; "Correction" marks an entry that corrects
// an earlier one.
func ChronologyKinds() []string { return slices.Clone(chronologyKinds) }
