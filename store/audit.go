package store

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	badger "github.com/dgraph-io/badger/v4"
)

// Audit actions. Every create, change, view, export, delete, import, restore
// and backup is recorded; RecordEvent may add others.
const (
	AuditCreate  = "create"
	AuditChange  = "change"
	AuditView    = "view"
	AuditExport  = "export"
	AuditDelete  = "delete"
	AuditImport  = "import"
	AuditRestore = "restore"
	AuditBackup  = "backup"
	// AuditSignOff records a safeguarding lead's sign-off (see SignOff).
	AuditSignOff = "sign off"
	// AuditImportUndone records cases of an interrupted import removed at open.
	AuditImportUndone = "import undone"
)

// AuditEntry is one line of the audit trail: who did what to which case and
// when. Detail never holds personal data: it names a case by its reference.
// Hash chains the entries: it is the SHA-256 of Prev followed by the entry's
// canonical JSON (the entry without Hash), so a changed or removed entry
// breaks the chain (see docs/format.md).
type AuditEntry struct {
	Seq    uint64    `json:"seq"`
	Time   time.Time `json:"time"` // UTC
	User   string    `json:"user"` // the slot label that unlocked the vault
	Action string    `json:"action"`
	CaseID string    `json:"case_id"`
	Detail string    `json:"detail"`
	Prev   string    `json:"prev"` // hex hash of the entry before; "" for the first
	Hash   string    `json:"hash,omitempty"`
}

// auditHead records the latest entry, so that removing the last entries of
// the trail is detected as well as removing one in the middle.
type auditHead struct {
	Seq  uint64 `json:"seq"`
	Hash string `json:"hash"`
}

// ComputeHash returns the entry's hash from its other fields: hex SHA-256 of
// Prev (as hex text) followed by the canonical JSON of the entry without Hash.
func (e AuditEntry) ComputeHash() string {
	e.Hash = ""
	body, err := json.Marshal(e)
	if err != nil {
		return "" // only a time outside years 0-9999, which no stored entry has; matches no hash
	}
	h := sha256.New()
	h.Write([]byte(e.Prev))
	h.Write(body)
	return hex.EncodeToString(h.Sum(nil))
}

// When shows the entry's time as people read it, in UTC.
func (e AuditEntry) When() string { return formatAuditTime(e.Time) }

func formatAuditTime(t time.Time) string {
	return t.UTC().Format("2 January 2006 15:04:05 UTC")
}

func readHead(txn *badger.Txn) (auditHead, error) {
	var h auditHead
	item, err := txn.Get([]byte(auditHeadKey))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return h, nil
	}
	if err != nil {
		return h, err
	}
	err = item.Value(func(v []byte) error { return json.Unmarshal(v, &h) })
	if err != nil {
		return h, fmt.Errorf("%w: audit head: %v", ErrDamagedStore, err)
	}
	return h, nil
}

// appendAudit adds an entry inside txn, so that it is committed with the
// change it records, or not at all.
func appendAudit(txn *badger.Txn, user, action, caseID, detail string) (AuditEntry, error) {
	head, err := readHead(txn)
	if err != nil {
		return AuditEntry{}, err
	}
	e := AuditEntry{
		Seq: head.Seq + 1, Time: nowUTC(), User: user,
		Action: action, CaseID: caseID, Detail: detail, Prev: head.Hash,
	}
	e.Hash = e.ComputeHash()
	b, err := json.Marshal(e)
	if err != nil {
		return e, err
	}
	hb, err := json.Marshal(auditHead{Seq: e.Seq, Hash: e.Hash})
	if err != nil {
		return e, err
	}
	if err := txn.Set(auditKey(e.Seq), b); err != nil {
		return e, err
	}
	if err := txn.Set([]byte(auditHeadKey), hb); err != nil {
		return e, err
	}
	heads.Store(txn, auditHead{Seq: e.Seq, Hash: e.Hash})
	return e, nil
}

// heads holds the audit head each transaction in progress has written, so
// that update can move the commit mark once it commits without reading the
// head back (a read would add the head to the transaction's reads, and so
// make it conflict with any other commit).
var heads sync.Map // *badger.Txn → auditHead

// newHead is the head txn has written, if it appended to the audit trail.
func newHead(txn *badger.Txn) (auditHead, bool) {
	h, ok := heads.Load(txn)
	if !ok {
		return auditHead{}, false
	}
	return h.(auditHead), true
}

// forgetHead drops what txn wrote from heads, once it has finished.
func forgetHead(txn *badger.Txn) { heads.Delete(txn) }

// RecordExport records that a case was exported; detail says the purpose,
// the sections and whether the file was encrypted, never personal data.
// ExportJSON records its own entries.
func (s *Store) RecordExport(id, detail string) error {
	if _, err := s.use(); err != nil {
		return err
	}
	s.done()
	if _, ok := s.idx.get(id); !ok {
		return fmt.Errorf("%w: id %q", ErrNotFound, id)
	}
	return s.RecordEvent(AuditExport, id, detail)
}

// RecordEvent adds an audit entry for an action the store does not record
// itself (caseID may be empty for the vault as a whole). detail must not hold
// personal data: name a case by its reference.
func (s *Store) RecordEvent(action, caseID, detail string) error {
	if strings.TrimSpace(action) == "" {
		return errors.New("an audit entry needs an action")
	}
	db, release, err := s.useForWriting()
	if err != nil {
		return err
	}
	defer release()
	return update(db, func(txn *badger.Txn) error {
		_, err := appendAudit(txn, s.user, action, caseID, detail)
		return err
	})
}

// AuditTrail returns every audit entry, oldest first. An entry that cannot
// be read is left out and reported as ErrDamagedStore, with the entries that
// could be read; Verify says which.
func (s *Store) AuditTrail() ([]AuditEntry, error) {
	db, err := s.use()
	if err != nil {
		return nil, err
	}
	defer s.done()
	var out []AuditEntry
	var bad []string
	err = view(db, func(txn *badger.Txn) error {
		return eachAudit(txn, func(seq uint64, e *AuditEntry, err error) {
			if err != nil {
				bad = append(bad, fmt.Sprint(seq))
				return
			}
			out = append(out, *e)
		})
	})
	if err == nil && len(bad) > 0 {
		err = fmt.Errorf("%w: audit entries %s cannot be read", ErrDamagedStore, strings.Join(bad, ", "))
	}
	return out, err
}

// eachAudit calls fn for every audit key in order, with the decoded entry or
// the reason it could not be decoded.
func eachAudit(txn *badger.Txn, fn func(seq uint64, e *AuditEntry, err error)) error {
	opts := iteratorOptions()
	opts.Prefix = []byte(auditPrefix)
	it := txn.NewIterator(opts)
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		item := it.Item()
		seq, kerr := auditSeq(item.Key())
		var e AuditEntry
		err := item.Value(func(v []byte) error { return json.Unmarshal(v, &e) })
		if err == nil {
			err = kerr
		}
		if err != nil {
			fn(seq, nil, err)
			continue
		}
		fn(seq, &e, nil)
	}
	return nil
}
