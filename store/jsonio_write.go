package store

import (
	"msprecords/records"

	badger "github.com/dgraph-io/badger/v4"
)

// importWriter writes the cases of an import as the second pass reads
// them, a chunk at a time, so that memory holds one chunk rather than the
// file. Before each chunk the marker of a pending import (see writeMarked)
// is extended with its ids, so that a crash at any point leaves a marker
// naming every case written; the marker is cleared after the last chunk,
// and only then do the cases join the index. All of it fitting in one
// chunk, it is written as CreateAll writes, in one transaction if it fits.
type importWriter struct {
	s       *Store
	db      *badger.DB
	chunk   []*records.Case
	size    int
	marker  pendingImport
	started bool          // a chunk has been written under the marker
	entries []*indexEntry // of the cases written, for the index at the end
}

func (w *importWriter) add(c *records.Case, size int) error {
	w.chunk = append(w.chunk, c)
	if w.size += size; w.size < importChunk {
		return nil
	}
	return w.flush()
}

func (w *importWriter) flush() error {
	if len(w.chunk) == 0 {
		return nil
	}
	docs, err := encodeAll(w.chunk, w.s.rules)
	if err != nil {
		return err
	}
	for _, sc := range docs {
		w.marker.IDs = append(w.marker.IDs, sc.c.ID)
	}
	if err := setPending(w.db, w.marker); err != nil {
		return err
	}
	w.started = true
	err = w.s.commitInBatches(w.db, len(docs), func(txn *badger.Txn, i int) error {
		return w.s.putNew(txn, docs[i], AuditImport)
	})
	if err != nil {
		return err
	}
	for _, sc := range docs {
		w.entries = append(w.entries, sc.entry)
	}
	w.chunk, w.size = w.chunk[:0], 0
	return nil
}

// finish writes what is left and clears the marker; the cases then join
// the index. On failure it undoes the import.
func (w *importWriter) finish() (int, error) {
	if !w.started {
		return len(w.chunk), w.s.writeNewCases(w.db, w.chunk, AuditImport)
	}
	err := w.flush()
	if err == nil {
		err = update(w.db, func(txn *badger.Txn) error { return txn.Delete([]byte(importPendingKey)) })
	}
	if err != nil {
		if uerr := w.abort(); uerr != nil {
			return 0, uerr
		}
		return 0, err
	}
	for _, e := range w.entries {
		w.s.idx.put(e)
	}
	return len(w.entries), nil
}

// abort removes whatever the import has written, and records that it did.
func (w *importWriter) abort() error {
	if !w.started {
		return nil
	}
	return w.s.undoImport(w.db, w.marker)
}
