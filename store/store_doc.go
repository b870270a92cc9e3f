package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"msprecords/records"

	badger "github.com/dgraph-io/badger/v4"
)

// encodeCase writes the stored form of a case: its JSON, the same document
// as in a JSON export (see docs/format.md).
func encodeCase(c *records.Case) ([]byte, error) {
	return json.Marshal(c)
}

// decodeCase reads a stored case document. A document of a schema version
// this build does not know gives ErrUnknownSchema, rather than being read
// wrongly and then saved back without the fields it does not know.
func decodeCase(b []byte) (*records.Case, error) {
	var c records.Case
	if err := json.Unmarshal(b, &c); err != nil {
		if v, ok := schemaOf(b); ok && v != records.SchemaVersion {
			return nil, fmt.Errorf("%w: version %d", ErrUnknownSchema, v)
		}
		return nil, fmt.Errorf("%w: case document: %v", ErrDamagedStore, err)
	}
	if c.Schema != records.SchemaVersion {
		return nil, fmt.Errorf("%w: version %d", ErrUnknownSchema, c.Schema)
	}
	return &c, nil
}

// schemaOf reads only the schema version of a document that may not decode
// as this build's Case.
func schemaOf(b []byte) (int, bool) {
	var head struct {
		Schema int `json:"schema"`
	}
	if json.Unmarshal(b, &head) != nil {
		return 0, false
	}
	return head.Schema, true
}

// getCase reads one case inside a transaction.
func getCase(txn *badger.Txn, id string) (*records.Case, error) {
	if id == "" {
		return nil, fmt.Errorf("%w: no id given", ErrNotFound)
	}
	item, err := txn.Get(caseKey(id))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, fmt.Errorf("%w: id %q", ErrNotFound, id)
	}
	if err != nil {
		return nil, err
	}
	var c *records.Case
	err = item.Value(func(v []byte) error {
		c, err = decodeCase(v)
		return err
	})
	return c, err
}

// putCase writes a case and its summary, and returns the summary's index
// entry for the index once the transaction commits.
func (s *Store) putCase(txn *badger.Txn, c *records.Case) (*indexEntry, error) {
	b, err := encodeCase(c)
	if err != nil {
		return nil, err
	}
	if err := txn.Set(caseKey(c.ID), b); err != nil {
		return nil, err
	}
	return s.putSummary(txn, c)
}

// nowUTC is the time stamped on saves and audit entries: UTC, so that the
// same instant reads the same on every PC, and without the monotonic clock
// reading, so that it survives a JSON round trip unchanged.
func nowUTC() time.Time { return time.Now().UTC() }

// update runs fn in a read-write transaction and commits it (with fsync).
// A panic inside Badger, seen only with damaged files, becomes ErrDamagedStore.
func update(db *badger.DB, fn func(*badger.Txn) error) (err error) {
	defer recoverInto(&err)
	return db.Update(fn)
}

// view runs fn in a read-only transaction.
func view(db *badger.DB, fn func(*badger.Txn) error) (err error) {
	defer recoverInto(&err)
	return db.View(fn)
}

func recoverInto(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("%w: %v", ErrDamagedStore, r)
	}
}

// iteratorOptions reads values in the calling goroutine: Badger's prefetch
// runs in goroutines of its own, where an error is dropped and a panic on a
// damaged file could not be recovered.
func iteratorOptions() badger.IteratorOptions {
	opts := badger.DefaultIteratorOptions
	opts.PrefetchValues = false
	return opts
}
