package store

import (
	"errors"
	"fmt"

	"msprecords/records"

	badger "github.com/dgraph-io/badger/v4"
)

// VerifyReport is what Verify found: how many cases and audit entries there
// are, and each problem in plain English.
type VerifyReport struct {
	Cases        int
	Restricted   int // of the cases, those restricted to other users: sealed, so not read
	AuditEntries int
	Problems     []string
	// Loss is the latest loss report not yet acknowledged (see
	// AcknowledgeLoss), also among the problems; nil if none.
	Loss *LossReport
}

// OK reports whether Verify found nothing wrong.
func (r *VerifyReport) OK() bool { return len(r.Problems) == 0 }

func (r *VerifyReport) add(format string, args ...any) {
	r.Problems = append(r.Problems, fmt.Sprintf(format, args...))
}

// Verify reads every case and walks the audit chain to its recorded head.
// It reports an altered entry, a removed entry (also the latest one) and an
// unreadable case, each by sequence number and time. The chain shows changes
// made outside the app; someone holding the master key could rewrite the
// whole chain, so it is evidence of tampering, not proof against it.
//
// It also reports changes lost when the computer stopped (see checkMark),
// until the loss is acknowledged, and a commit mark that could not be
// written this session.
func (s *Store) Verify() (*VerifyReport, error) {
	db, err := s.use()
	if err != nil {
		return nil, err
	}
	defer s.done()
	r := &VerifyReport{}
	err = view(db, func(txn *badger.Txn) error {
		if err := verifyLoss(txn, r); err != nil {
			return err
		}
		if err := s.verifyCases(txn, r); err != nil {
			return err
		}
		return verifyAudit(txn, r)
	})
	if err != nil {
		return nil, err
	}
	if err := s.mark.writeError(); err != nil {
		r.add("The record of the last saved change (%s in the database folder) could not be written (%v): "+
			"if the computer stops, changes lost then may not be noticed. Check the disk, then close and open the vault again", markName, err)
	}
	return r, nil
}

// verifyLoss reports the latest loss report not yet acknowledged.
func verifyLoss(txn *badger.Txn, r *VerifyReport) error {
	loss, err := readLossReport(txn)
	if err != nil {
		r.add("The record of changes lost when the computer stopped cannot be read")
		return nil
	}
	if loss != nil {
		r.Loss = loss
		r.add("%s", loss.Message())
	}
	return nil
}

// verifyCases reads every case and checks that each has a summary (its
// entry in the case list) and each summary a case. A case restricted to
// other users cannot be read: only its access record is checked.
func (s *Store) verifyCases(txn *badger.Txn, r *VerifyReport) error {
	listed, err := summaryIDs(txn)
	if err != nil {
		return err
	}
	opts := iteratorOptions()
	opts.Prefix = []byte(casePrefix)
	it := txn.NewIterator(opts)
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		id := string(it.Item().Key()[len(casePrefix):])
		if s.isRestricted(id) {
			delete(listed, id) // its plain copy and summary, until purged
			continue
		}
		r.Cases++
		var c *records.Case
		err := it.Item().Value(func(v []byte) error {
			var err error
			c, err = decodeCase(v)
			return err
		})
		switch {
		case err != nil:
			r.add("The case stored as %s cannot be read: %v", id, err)
		case c.ID != id:
			r.add("The case %s is stored under another case's id (%s)", c.Reference, id)
		case !listed[id]:
			r.add("The case %s is missing from the case list", c.Reference)
		}
		delete(listed, id)
	}
	for id := range listed {
		r.add("The case list names a case that does not exist (%s)", id)
	}
	return s.verifyRestricted(txn, r)
}

// verifyRestricted reads every restricted case this user can read, and of
// the others checks only that their sealed document is there.
func (s *Store) verifyRestricted(txn *badger.Txn, r *VerifyReport) error {
	return eachAccess(txn, func(id string, a accessRecord) error {
		r.Cases++
		c, err := s.getCase(txn, id)
		switch {
		case errors.Is(err, ErrRestricted):
			r.Restricted++
			if _, err := txn.Get(sealedKey(id)); err != nil {
				r.add("The restricted case %s has no document: %v", a.Public.Reference, err)
			}
		case err != nil:
			r.add("The restricted case %s cannot be read: %v", a.Public.Reference, err)
		case c.ID != id:
			r.add("The case %s is stored under another case's id (%s)", c.Reference, id)
		}
		return nil
	})
}

// summaryIDs returns the ids that have a stored summary.
func summaryIDs(txn *badger.Txn) (map[string]bool, error) {
	ids := map[string]bool{}
	opts := iteratorOptions()
	opts.Prefix = []byte(summaryPrefix)
	it := txn.NewIterator(opts)
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		ids[string(it.Item().Key()[len(summaryPrefix):])] = true
	}
	return ids, nil
}

// chainWalk follows the audit entries in order, remembering the last good one.
type chainWalk struct {
	r        *VerifyReport
	last     *AuditEntry // the latest readable entry
	lastSeq  uint64      // the latest sequence number seen, readable or not
	lastHash string      // the stored hash of the latest entry, as the next one should name it
}

func verifyAudit(txn *badger.Txn, r *VerifyReport) error { return walkAudit(txn, r, nil) }

// walkAudit walks the audit chain into r as verifyAudit does, and calls
// each, if not nil, with every entry too.
func walkAudit(txn *badger.Txn, r *VerifyReport, each func(seq uint64, e *AuditEntry, err error)) error {
	w := &chainWalk{r: r}
	err := eachAudit(txn, func(seq uint64, e *AuditEntry, err error) {
		w.step(seq, e, err)
		if each != nil {
			each(seq, e, err)
		}
	})
	if err != nil {
		return err
	}
	head, err := readHead(txn)
	if err != nil {
		r.add("The record of the latest audit entry cannot be read")
		return nil
	}
	w.checkHead(head)
	return nil
}

func (w *chainWalk) step(seq uint64, e *AuditEntry, err error) {
	w.r.AuditEntries++
	if seq > w.lastSeq+1 {
		w.reportGap(w.lastSeq+1, seq-1, e)
	}
	defer func() { w.lastSeq = seq }()
	if err != nil {
		w.r.add("Audit entry %d cannot be read: it has been altered or damaged", seq)
		w.last, w.lastHash = nil, ""
		return
	}
	switch {
	case e.Seq != seq:
		w.r.add("Audit entry %d (%s) has been altered: it claims to be entry %d", seq, e.When(), e.Seq)
	case e.ComputeHash() != e.Hash:
		w.r.add("Audit entry %d (%s) has been altered: its contents no longer match its hash", seq, e.When())
	case seq == w.lastSeq+1 && w.lastSeq > 0 && w.last != nil && e.Prev != w.lastHash:
		w.r.add("Audit entry %d (%s) does not follow on from entry %d (%s): the trail has been altered",
			seq, e.When(), w.lastSeq, w.last.When())
	case seq == 1 && e.Prev != "":
		w.r.add("Audit entry 1 (%s) has been altered: the first entry follows no other", e.When())
	}
	w.last, w.lastHash = e, e.Hash
}

// reportGap names missing entries from..to, with the times around them.
func (w *chainWalk) reportGap(from, to uint64, next *AuditEntry) {
	which := fmt.Sprintf("Audit entry %d is missing", from)
	if to > from {
		which = fmt.Sprintf("Audit entries %d to %d are missing", from, to)
	}
	switch {
	case w.last != nil && next != nil:
		w.r.add("%s: removed between entry %d (%s) and entry %d (%s)", which, w.lastSeq, w.last.When(), to+1, next.When())
	case next != nil:
		w.r.add("%s: removed before entry %d (%s)", which, to+1, next.When())
	default:
		w.r.add("%s: removed before entry %d", which, to+1)
	}
}

// checkHead compares the end of the chain with the recorded head, which
// catches the removal of the latest entries.
func (w *chainWalk) checkHead(head auditHead) {
	switch {
	case head.Seq == 0 && w.lastSeq > 0:
		w.r.add("The record of the latest audit entry is missing: the trail ends at entry %d", w.lastSeq)
	case head.Seq > w.lastSeq:
		w.reportTail(head.Seq)
	case head.Seq < w.lastSeq:
		w.r.add("Audit entries after entry %d were added outside the app (the trail ends at entry %d)", head.Seq, w.lastSeq)
	case w.last != nil && head.Hash != w.last.Hash:
		w.r.add("The latest audit entry %d (%s) has been altered or replaced", head.Seq, w.last.When())
	}
}

func (w *chainWalk) reportTail(headSeq uint64) {
	which := fmt.Sprintf("The latest audit entry (%d) is missing", headSeq)
	if headSeq > w.lastSeq+1 {
		which = fmt.Sprintf("The latest audit entries (%d to %d) are missing", w.lastSeq+1, headSeq)
	}
	switch {
	case w.last != nil:
		w.r.add("%s: the trail now ends at entry %d (%s)", which, w.lastSeq, w.last.When())
	case w.lastSeq > 0:
		w.r.add("%s: the trail now ends at entry %d", which, w.lastSeq)
	default:
		w.r.add("%s: the trail is empty", which)
	}
}
