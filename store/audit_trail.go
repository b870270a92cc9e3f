package store

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"msprecords/records"

	badger "github.com/dgraph-io/badger/v4"
)

// TrailFilter chooses entries of the audit trail to show. A zero field
// chooses every entry.
type TrailFilter struct {
	Reference string       // the case, by reference (also a deleted case)
	User      string       // who, as the slot label, ignoring case
	Action    string       // one of the Audit actions, or another recorded event
	From, To  records.Date // the day of the entry, in UTC as shown, both included
}

// TrailEntry is one audit entry as a person reads it: its case by reference.
type TrailEntry struct {
	AuditEntry
	Reference string // "" when the entry is about no one case
}

// Trail is the part of the audit trail a filter chose, and what the check of
// the whole chain found.
type Trail struct {
	Entries  []TrailEntry // oldest first
	Total    int          // entries in the whole trail
	Problems []string     // as Verify words them; none when the chain is unbroken
}

// Verified reports whether the whole chain checked out.
func (t *Trail) Verified() bool { return len(t.Problems) == 0 }

// Actions lists the actions recorded in the whole trail, in the order they
// first appear, so that a filter can offer only what is there.
func (s *Store) Actions() ([]string, error) {
	t, err := s.Trail(TrailFilter{})
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var out []string
	for _, e := range t.Entries {
		if !seen[e.Action] {
			seen[e.Action] = true
			out = append(out, e.Action)
		}
	}
	return out, nil
}

// Trail reads the whole audit trail in one transaction, checks its chain
// as Verify does, and returns the entries f chooses.
func (s *Store) Trail(f TrailFilter) (*Trail, error) {
	db, err := s.use()
	if err != nil {
		return nil, err
	}
	defer s.done()
	t := &Trail{}
	r := &VerifyReport{}
	refs := &caseReferences{s: s, seen: map[string]string{}}
	err = view(db, func(txn *badger.Txn) error {
		return walkAudit(txn, r, func(_ uint64, e *AuditEntry, _ error) {
			if e == nil {
				return
			}
			if te := (TrailEntry{AuditEntry: *e, Reference: refs.of(*e)}); f.matches(te) {
				t.Entries = append(t.Entries, te)
			}
		})
	})
	if err != nil {
		return nil, err
	}
	t.Total, t.Problems = r.AuditEntries, r.Problems
	return t, nil
}

// caseReferences names the cases of audit entries by reference: a case still
// in the vault by its summary, a deleted one by the reference that entries
// about it start with (create, import, view, change and delete all do).
type caseReferences struct {
	s    *Store
	seen map[string]string // case ID to reference, for deleted cases
}

// startsWithReference are the actions whose detail starts with the case's reference.
var startsWithReference = map[string]bool{
	AuditCreate: true, AuditImport: true, AuditView: true, AuditChange: true, AuditDelete: true, AuditSignOff: true,
}

func (c *caseReferences) of(e AuditEntry) string {
	if e.CaseID == "" {
		return ""
	}
	c.s.idx.mu.RLock()
	ie := c.s.idx.byID[e.CaseID]
	c.s.idx.mu.RUnlock()
	if ie != nil {
		return ie.sum.Reference
	}
	if ref, ok := c.seen[e.CaseID]; ok {
		return ref
	}
	if word, _, _ := strings.Cut(e.Detail, " "); startsWithReference[e.Action] && word != "" {
		c.seen[e.CaseID] = word
		return word
	}
	return ""
}

func (f TrailFilter) matches(e TrailEntry) bool {
	day := records.DateOf(e.Time.UTC())
	switch {
	case f.Reference != "" && !strings.EqualFold(strings.TrimSpace(f.Reference), e.Reference):
		return false
	case f.User != "" && !strings.EqualFold(strings.TrimSpace(f.User), e.User):
		return false
	case f.Action != "" && f.Action != e.Action:
		return false
	case !f.From.IsZero() && day.Before(f.From):
		return false
	case !f.To.IsZero() && day.After(f.To):
		return false
	}
	return true
}

// TrailColumns are the columns of Table, as a CSV file names them.
var TrailColumns = []string{"entry", "time_utc", "user", "action", "reference", "detail"}

// Table gives the chosen entries as rows of text under TrailColumns, the
// time in ISO 8601 UTC so that a spreadsheet sorts it.
func (t *Trail) Table() [][]string {
	rows := make([][]string, len(t.Entries))
	for i, e := range t.Entries {
		rows[i] = []string{strconv.FormatUint(e.Seq, 10), e.Time.UTC().Format(time.RFC3339), e.User, e.Action, e.Reference, e.Detail}
	}
	return rows
}

// AuditTrailSaved is the action recorded when the trail, or part of it, is
// saved as a file.
const AuditTrailSaved = "audit trail"

// TrailDetail is what the audit trail records of a saved extract of itself:
// how many entries, and the filter, which names cases by reference only.
func TrailDetail(n int, f TrailFilter) string {
	what := fmt.Sprintf("%d entries saved as CSV", n)
	if n == 1 {
		what = "1 entry saved as CSV"
	}
	parts := []string{what}
	add := func(label, v string) {
		if v != "" {
			parts = append(parts, label+" "+v)
		}
	}
	add("case", strings.TrimSpace(f.Reference))
	add("by", strings.TrimSpace(f.User))
	add("action", f.Action)
	if !f.From.IsZero() {
		add("from", f.From.String())
	}
	if !f.To.IsZero() {
		add("to", f.To.String())
	}
	return strings.Join(parts, ", ")
}
