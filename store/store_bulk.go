package store

import (
	"encoding/json"
	"errors"
	"fmt"

	"msprecords/practice"
	"msprecords/records"

	badger "github.com/dgraph-io/badger/v4"
)

// pendingImport is the marker (importPendingKey) of an import too large for
// one Badger transaction while it is written in several. Until the last
// batch is committed it lists the new case ids; at open a marker left by a
// crash means the import was interrupted, and its cases are removed again,
// so an import is all or nothing even across a crash.
type pendingImport struct {
	IDs []string `json:"ids"`
}

// storedCase is a case with its encoded document and summary, encoded once
// however many times a batch is tried.
type storedCase struct {
	c              *records.Case
	doc, sum, text []byte
	entry          *indexEntry
}

func encodeAll(cases []*records.Case, rules practice.Options) ([]storedCase, error) {
	out := make([]storedCase, len(cases))
	for i, c := range cases {
		doc, err := encodeCase(c)
		if err != nil {
			return nil, err
		}
		e, text := summarise(c, rules)
		sum, err := encodeSummary(e)
		if err != nil {
			return nil, err
		}
		out[i] = storedCase{c, doc, sum, []byte(text), e}
	}
	return out, nil
}

// putNew writes one new case, its summary and its audit entry.
func (s *Store) putNew(txn *badger.Txn, sc storedCase, action string) error {
	if err := txn.Set(caseKey(sc.c.ID), sc.doc); err != nil {
		return err
	}
	if err := txn.Set(summaryKey(sc.c.ID), sc.sum); err != nil {
		return err
	}
	if err := putText(txn, sc.c.ID, sc.text); err != nil {
		return err
	}
	_, err := appendAudit(txn, s.user, action, sc.c.ID, sc.c.Reference)
	return err
}

// writeNewCases stores new, already validated cases with an audit entry
// each: in one transaction when they fit (Badger limits a transaction to a
// share of its memtable), else in batches under an import marker. It then
// adds them to the index.
func (s *Store) writeNewCases(db *badger.DB, cases []*records.Case, action string) error {
	docs, err := encodeAll(cases, s.rules)
	if err != nil {
		return err
	}
	if err := s.writeDocs(db, docs, action); err != nil {
		return err
	}
	for _, sc := range docs {
		s.idx.put(sc.entry)
	}
	return nil
}

func (s *Store) writeDocs(db *badger.DB, docs []storedCase, action string) error {
	if err := roomFor(db, docsSize(docs)); err != nil {
		return err
	}
	err := update(db, func(txn *badger.Txn) error {
		for _, sc := range docs {
			if err := s.putNew(txn, sc, action); err != nil {
				return err
			}
		}
		return nil
	})
	if !errors.Is(err, badger.ErrTxnTooBig) {
		return err
	}
	return s.writeMarked(db, docs, action)
}

func (s *Store) writeMarked(db *badger.DB, docs []storedCase, action string) error {
	p := pendingImport{IDs: make([]string, len(docs))}
	for i, sc := range docs {
		p.IDs[i] = sc.c.ID
	}
	if err := setPending(db, p); err != nil {
		return err
	}
	// Each batch counts its room again (it was asked for the whole import
	// before it began), so that an import the disk fills meanwhile stops
	// before a batch that would not fit, and is undone.
	var batch *badger.Txn
	var room roomMeter
	err := s.commitInBatches(db, len(docs), func(txn *badger.Txn, i int) error {
		if txn != batch {
			batch, room = txn, newRoomMeter(db)
		}
		if err := room.take(docsSize(docs[i : i+1])); err != nil {
			return err
		}
		return s.putNew(txn, docs[i], action)
	})
	if err != nil {
		if uerr := s.undoImport(db, p); uerr != nil {
			return fmt.Errorf("%w (and undoing the import failed: %v)", err, uerr)
		}
		return err
	}
	return update(db, func(txn *badger.Txn) error { return txn.Delete([]byte(importPendingKey)) })
}

func setPending(db *badger.DB, p pendingImport) error {
	b, err := json.Marshal(p)
	if err != nil {
		return err
	}
	return update(db, func(txn *badger.Txn) error { return txn.Set([]byte(importPendingKey), b) })
}

// commitInBatches runs step for 0..n-1, committing as many steps in each
// transaction as fit. A transaction that overflows is discarded and its
// steps up to the one that overflowed are committed on their own. Before
// each batch it asks for room for an ordinary change (see space.go), so
// that a long rewrite (the summaries remade at open, say) stops with
// ErrDiskFull rather than fill the disk.
func (s *Store) commitInBatches(db *badger.DB, n int, step func(txn *badger.Txn, i int) error) error {
	return s.commitBatches(db, n, step, true)
}

// commitBatches is commitInBatches, asking for room before each batch if
// askRoom: undoing an import does not, as its deletions are small and are
// what gives the space back.
func (s *Store) commitBatches(db *badger.DB, n int, step func(txn *badger.Txn, i int) error, askRoom bool) error {
	for start := 0; start < n; {
		if askRoom {
			if err := roomFor(db, changeRoom); err != nil {
				return err
			}
		}
		end := n
		for {
			stop := end
			err := update(db, func(txn *badger.Txn) error {
				for i := start; i < stop; i++ {
					if err := step(txn, i); err != nil {
						if errors.Is(err, badger.ErrTxnTooBig) && i > start {
							end = i
						}
						return err
					}
				}
				return nil
			})
			if err == nil {
				start = stop
				break
			}
			if !errors.Is(err, badger.ErrTxnTooBig) || end == stop {
				return err
			}
		}
	}
	return nil
}

// finishInterruptedImport removes the cases of an import that a crash cut
// short, if any, and records that it did.
func (s *Store) finishInterruptedImport() error {
	var p pendingImport
	found := false
	err := view(s.db, func(txn *badger.Txn) error {
		item, err := txn.Get([]byte(importPendingKey))
		if errors.Is(err, badger.ErrKeyNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		found = true
		return item.Value(func(v []byte) error { return json.Unmarshal(v, &p) })
	})
	if err != nil || !found {
		return err
	}
	return s.undoImport(s.db, p)
}

// undoImport deletes the cases listed in p, records it, and clears the
// marker last, so that an undo cut short is done again at the next open.
func (s *Store) undoImport(db *badger.DB, p pendingImport) error {
	err := s.commitBatches(db, len(p.IDs), func(txn *badger.Txn, i int) error {
		return deleteCase(txn, p.IDs[i])
	}, false)
	if err != nil {
		return err
	}
	return update(db, func(txn *badger.Txn) error {
		detail := fmt.Sprintf("%d cases of an interrupted import removed", len(p.IDs))
		if _, err := appendAudit(txn, s.user, AuditImportUndone, "", detail); err != nil {
			return err
		}
		return txn.Delete([]byte(importPendingKey))
	})
}
