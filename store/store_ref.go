package store

import (
	"encoding/json"
	"errors"
	"fmt"

	"msprecords/records"

	badger "github.com/dgraph-io/badger/v4"
)

// refCounter is the stored counter behind new references. It restarts each
// year, as references carry the year: SG-2026-00001, SG-2026-00002, ...
type refCounter struct {
	Year int `json:"year"`
	Next int `json:"next"`
}

// referencePrefix begins every reference the app gives a case.
const referencePrefix = "SG"

// nextReference takes the next free reference of this year inside txn, so
// that the counter moves only if the case is stored. References already
// taken (by an import, say) are skipped.
func (s *Store) nextReference(txn *badger.Txn) (string, error) {
	rc, err := readRefCounter(txn)
	if err != nil {
		return "", err
	}
	if year := records.Today().Time().Year(); rc.Year != year {
		rc = refCounter{Year: year, Next: 1}
	}
	var ref string
	for {
		ref = fmt.Sprintf("%s-%d-%05d", referencePrefix, rc.Year, rc.Next)
		rc.Next++
		if _, used := s.idx.idByReference(ref); !used {
			break
		}
	}
	b, err := json.Marshal(rc)
	if err != nil {
		return "", err
	}
	return ref, txn.Set([]byte(refSeqKey), b)
}

func readRefCounter(txn *badger.Txn) (refCounter, error) {
	var rc refCounter
	item, err := txn.Get([]byte(refSeqKey))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return rc, nil
	}
	if err != nil {
		return rc, err
	}
	err = item.Value(func(v []byte) error { return json.Unmarshal(v, &rc) })
	if err != nil {
		return rc, fmt.Errorf("%w: reference counter: %v", ErrDamagedStore, err)
	}
	return rc, nil
}
