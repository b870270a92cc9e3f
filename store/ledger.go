package store

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"path/filepath"

	"msprecords/crypto"

	badger "github.com/dgraph-io/badger/v4"
)

// The temporary-file ledger. A file the program saves outside the vault
// (a pack, a report, a JSON export, a backup) is written under a temporary
// name in the folder the user chose, and a kill before it is renamed
// leaves that temporary file behind, holding case data, in a folder the
// program cannot go looking in later. So while the store is open, every
// such writer records the temporary file's path here first
// (crypto.CreateAtomicWith with TempLedger), in the encrypted database, so
// the paths (which can name people: folder names are chosen by users) are
// never on disk in clear; and every Open removes what a killed program
// left recorded. The vault lock guarantees that no other program is
// writing those files while this one has the store open.

// tempPrefix keys the ledger: "tmp/" + the hex SHA-256 of the temporary
// file's absolute path, opaque and the same for Begin and End; the value
// is tempRecord.
const tempPrefix = "tmp/"

type tempRecord struct {
	Path string `json:"path"`
}

func tempKey(path string) []byte {
	sum := sha256.Sum256([]byte(path))
	return []byte(tempPrefix + hex.EncodeToString(sum[:]))
}

// TempLedger returns the ledger that the writers of files outside the
// vault give crypto.CreateAtomicWith while this store is open. A nil
// store gives a nil ledger, which records nothing.
func (s *Store) TempLedger() crypto.TempLedger {
	if s == nil {
		return nil
	}
	return tempLedger{s}
}

type tempLedger struct{ s *Store }

var _ crypto.TempLedger = tempLedger{}

// Begin records path durably (the store syncs every write) before the
// temporary file is made.
func (l tempLedger) Begin(path string) error {
	data, err := json.Marshal(tempRecord{Path: path})
	if err != nil {
		return err
	}
	db, err := l.s.use()
	if err != nil {
		return err
	}
	defer l.s.done()
	return update(db, func(txn *badger.Txn) error { return txn.Set(tempKey(path), data) })
}

// End forgets path. A failure (the store closed meanwhile) leaves a record
// that the next Open finds pointing at nothing, and deletes.
func (l tempLedger) End(path string) {
	db, err := l.s.use()
	if err != nil {
		return
	}
	defer l.s.done()
	_ = update(db, func(txn *badger.Txn) error { return txn.Delete(tempKey(path)) })
}

// removeLeftoverTemps removes the temporary files that the ledger still
// records, which only a program killed mid-save leaves, and deletes their
// records (see crypto.RemoveLeftoverTemp for what is kept). It runs at
// Open, under the vault lock. A failure here never stops the vault from
// opening: it is tried again at the next Open.
func (s *Store) removeLeftoverTemps() {
	db, err := s.use()
	if err != nil {
		return
	}
	defer s.done()
	paths, err := recordedTemps(db)
	if err != nil {
		return
	}
	for key, path := range paths {
		if crypto.RemoveLeftoverTemp(path) {
			_ = update(db, func(txn *badger.Txn) error { return txn.Delete([]byte(key)) })
		}
	}
}

// recordedTemps reads the ledger: key to path. A record that cannot be
// read names no file, and maps to "" (RemoveLeftoverTemp forgets it).
func recordedTemps(db *badger.DB) (map[string]string, error) {
	paths := map[string]string{}
	err := view(db, func(txn *badger.Txn) error {
		opts := badger.DefaultIteratorOptions
		opts.Prefix = []byte(tempPrefix)
		it := txn.NewIterator(opts)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			var r tempRecord
			err := it.Item().Value(func(v []byte) error { return json.Unmarshal(v, &r) })
			if err != nil && !isJSONError(err) {
				return err
			}
			paths[string(it.Item().KeyCopy(nil))] = filepath.Clean(r.Path)
		}
		return nil
	})
	return paths, err
}

func isJSONError(err error) bool {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	return errors.As(err, &se) || errors.As(err, &te)
}
