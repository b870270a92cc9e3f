package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	badger "github.com/dgraph-io/badger/v4"
)

// Audit actions this file records.
const (
	// AuditChangesLost records that the commit mark named changes the
	// database no longer holds: Badger dropped them when it opened.
	AuditChangesLost = "changes lost"
	// AuditChangesUnchecked records that the commit mark was damaged or
	// not this vault's, so a loss could not be checked for.
	AuditChangesUnchecked = "changes unchecked"
	// AuditLossAcknowledged records that someone has dealt with the latest
	// loss report, and Verify stops reporting it.
	AuditLossAcknowledged = "loss acknowledged"
)

// lossReportKey holds the latest LossReport (JSON) until it is
// acknowledged: Verify reports it for as long as it is there.
const lossReportKey = "meta/loss-report"

// Loss kinds.
const (
	// LossFound: changes were lost (Count, FirstSeq to LastSeq).
	LossFound = "lost"
	// LossUnchecked: the commit mark was damaged, so a loss could not be
	// checked for.
	LossUnchecked = "unchecked"
	// LossForeign: the commit mark was not made with this vault's key (a
	// copy from another vault, or altered), so a loss could not be checked for.
	LossForeign = "foreign"
)

// LossReport is what open found when it compared the commit mark with the
// database: changes committed (the mark names them) but no longer there, or
// a mark it could not trust. It holds no personal data: counts, sequence
// numbers and times.
type LossReport struct {
	Kind     string    `json:"kind"`      // LossFound, LossUnchecked or LossForeign
	Count    int       `json:"count"`     // changes lost (audit entries); 0 unless LossFound
	FirstSeq uint64    `json:"first_seq"` // the audit entries lost, FirstSeq to LastSeq
	LastSeq  uint64    `json:"last_seq"`
	Stopped  time.Time `json:"stopped"`   // when the last lost change was committed; zero unless LossFound
	LastKept time.Time `json:"last_kept"` // the time of the latest entry kept; zero for an empty trail
	Found    time.Time `json:"found"`     // when open found it
	AuditSeq uint64    `json:"audit_seq"` // the audit entry that records it
	// MarkSeq and MarkHash are the mark's head when the loss was found, so
	// that a crash before the mark is rewritten does not report it twice.
	MarkSeq  uint64 `json:"mark_seq"`
	MarkHash string `json:"mark_hash"`
}

// LostChanges is what this open of the store found lost (nil if nothing):
// for the window and the command line to say once. Verify goes on
// reporting it until AcknowledgeLoss.
func (s *Store) LostChanges() *LossReport {
	if s.loss == nil {
		return nil
	}
	r := *s.loss
	return &r
}

// ukDate is a date as the app writes one: "4 December 2026".
func ukDate(t time.Time) string { return t.UTC().Format("2 January 2006") }

// Message says the report in words, for a person, in the same words
// wherever it is read.
func (r *LossReport) Message() string {
	const notChecked = "so MSP Records could not check whether changes made before the computer last stopped were lost. " +
		"Check that your latest cases and changes are there; if any are missing, restore them from a backup if you have one, or enter them again."
	switch r.Kind {
	case LossUnchecked:
		return fmt.Sprintf("The record of the last saved change (%s in the database folder) was found damaged on %s and has been written again, %s",
			markName, ukDate(r.Found), notChecked)
	case LossForeign:
		return fmt.Sprintf("The record of the last saved change (%s in the database folder) found on %s belongs to another vault or has been altered; "+
			"it has been written again, %s", markName, ukDate(r.Found), notChecked)
	}
	changes := "1 change"
	entries := fmt.Sprintf("audit entry %d", r.FirstSeq)
	if r.Count != 1 {
		changes = fmt.Sprintf("%d changes", r.Count)
		entries = fmt.Sprintf("audit entries %d to %d", r.FirstSeq, r.LastSeq)
	}
	kept := "none was kept"
	if !r.LastKept.IsZero() {
		kept = "the last change kept was made on " + r.LastKept.UTC().Format("2 January 2006 at 15:04 UTC")
	}
	return fmt.Sprintf("%s made before the computer stopped on %s could not be recovered (%s; %s). "+
		"Restore from a backup made before then if you have one, or enter them again.", changes, ukDate(r.Stopped), entries, kept)
}

// auditDetail is the report as the audit trail records it.
func (r *LossReport) auditDetail() string {
	switch r.Kind {
	case LossUnchecked:
		return fmt.Sprintf("the commit mark (%s) was damaged and has been written again; changes lost before this could not be checked for", markName)
	case LossForeign:
		return fmt.Sprintf("the commit mark (%s) was not made with this vault's key and has been written again; changes lost before this could not be checked for", markName)
	}
	return fmt.Sprintf("%d changes made before the computer stopped could not be recovered (audit entries %d to %d)", r.Count, r.FirstSeq, r.LastSeq)
}

// checkMark compares the commit mark in dir with the database's audit head,
// just after Badger has opened and replayed its logs and before anything
// else is written, and records a loss in the database (an audit entry and
// lossReportKey) before the mark is written again. It leaves the mark open
// and registered for update. A mark of an unknown version refuses the open.
// A new database (existed false) gets a new mark, whatever was in the folder.
func (s *Store) checkMark(dir string, existed bool) error {
	macKey, err := markKey(s.key)
	if err != nil {
		return err
	}
	var rec markRecord
	var state markState
	if existed {
		if rec, state, err = readMarkFile(dir, macKey); err != nil {
			return err
		}
	}
	var head auditHead
	if err := view(s.db, func(txn *badger.Txn) (err error) { head, err = readHead(txn); return err }); err != nil {
		return err
	}
	report := s.compareMark(rec, state, head)
	if report != nil {
		if report, err = s.recordLoss(report, rec); err != nil {
			return err
		}
		if err := view(s.db, func(txn *badger.Txn) (err error) { head, err = readHead(txn); return err }); err != nil {
			return err
		}
	}
	var m *commitMark
	if state == markValid && report == nil {
		m, err = openMark(dir, macKey, rec)
		if err == nil {
			err = m.advance(head) // behind after a crash between commit and mark, or a vault an earlier version wrote to
		}
	} else {
		m, err = createMark(dir, macKey, head, nowUTC())
	}
	if err != nil {
		if m != nil {
			_ = m.close()
		}
		return fmt.Errorf("%w: writing the commit mark: %w", ErrDamagedStore, err)
	}
	s.mark, s.loss = m, report
	marks.Store(s.db, m)
	return nil
}

// compareMark works out what a mark found in state says about head: nil
// when nothing was lost (or there is no mark, as in a vault made by an
// earlier version, which is not a loss).
func (s *Store) compareMark(rec markRecord, state markState, head auditHead) *LossReport {
	r := &LossReport{Found: nowUTC(), MarkSeq: rec.Seq, MarkHash: rec.head().Hash}
	switch {
	case state == 0:
		return nil
	case state == markForeign:
		r.Kind = LossForeign
	case state != markValid:
		r.Kind = LossUnchecked
	case head.Seq > rec.Seq || head == rec.head():
		return nil
	default: // the mark is ahead, or names another entry at the same place
		r.Kind, r.Stopped = LossFound, rec.Time
		r.FirstSeq, r.LastSeq = head.Seq+1, rec.Seq
		if head.Seq == rec.Seq {
			r.FirstSeq = rec.Seq
		}
		r.Count = int(r.LastSeq - r.FirstSeq + 1)
	}
	return r
}

// recordLoss writes the report and its audit entry in one transaction,
// unless the report already stored was made from the same mark (a crash
// came after it was recorded but before the mark was written again), and
// returns the report as stored.
func (s *Store) recordLoss(r *LossReport, rec markRecord) (*LossReport, error) {
	err := update(s.db, func(txn *badger.Txn) error {
		if old, err := readLossReport(txn); err != nil || (old != nil && old.MarkSeq == r.MarkSeq && old.MarkHash == r.MarkHash && old.Kind == r.Kind) {
			r = old
			return err
		}
		if r.Kind == LossFound {
			r.LastKept = lastKept(txn, r.FirstSeq-1)
		}
		action := AuditChangesLost
		if r.Kind != LossFound {
			action = AuditChangesUnchecked
		}
		e, err := appendAudit(txn, s.user, action, "", r.auditDetail())
		if err != nil {
			return err
		}
		r.AuditSeq = e.Seq
		b, err := json.Marshal(r)
		if err != nil {
			return err
		}
		return txn.Set([]byte(lossReportKey), b)
	})
	return r, err
}

// lastKept is the time of audit entry seq, or zero.
func lastKept(txn *badger.Txn, seq uint64) time.Time {
	item, err := txn.Get(auditKey(seq))
	if err != nil {
		return time.Time{}
	}
	var e AuditEntry
	if item.Value(func(v []byte) error { return json.Unmarshal(v, &e) }) != nil {
		return time.Time{}
	}
	return e.Time
}

// readLossReport reads the loss report waiting to be acknowledged, or nil.
func readLossReport(txn *badger.Txn) (*LossReport, error) {
	item, err := txn.Get([]byte(lossReportKey))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var r LossReport
	if err := item.Value(func(v []byte) error { return json.Unmarshal(v, &r) }); err != nil {
		return nil, fmt.Errorf("%w: the loss report: %v", ErrDamagedStore, err)
	}
	return &r, nil
}

// AcknowledgeLoss records, in the audit trail, that the latest loss report
// has been dealt with (restored from a backup, or entered again), so that
// Verify stops reporting it. It returns the report acknowledged, or nil if
// there was none.
func (s *Store) AcknowledgeLoss() (*LossReport, error) {
	db, release, err := s.useForWriting()
	if err != nil {
		return nil, err
	}
	defer release()
	var r *LossReport
	err = update(db, func(txn *badger.Txn) error {
		if r, err = readLossReport(txn); err != nil || r == nil {
			return err
		}
		detail := fmt.Sprintf("the report in audit entry %d has been dealt with", r.AuditSeq)
		if _, err := appendAudit(txn, s.user, AuditLossAcknowledged, "", detail); err != nil {
			return err
		}
		return txn.Delete([]byte(lossReportKey))
	})
	return r, err
}
