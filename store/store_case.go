package store

import (
	"errors"
	"fmt"
	"reflect"

	"msprecords/records"

	badger "github.com/dgraph-io/badger/v4"
)

// Get returns a copy of a case and records a "view" in the audit trail. It
// also refreshes the case's summary, whose practice-check gaps are otherwise
// as of the last save. A case that does not exist gives ErrNotFound; one
// restricted to other users ErrRestricted, and the attempt is recorded.
func (s *Store) Get(id string) (*records.Case, error) {
	db, release, err := s.useForWriting()
	if err != nil {
		return nil, err
	}
	defer release()
	var c *records.Case
	var e *indexEntry
	err = update(db, func(txn *badger.Txn) error {
		var err error
		if c, err = s.getCase(txn, id); err != nil {
			return err
		}
		if e, err = s.resummarise(txn, c); err != nil { // brings its practice-check gaps up to today
			return err
		}
		_, err = appendAudit(txn, s.user, AuditView, id, c.Reference)
		return err
	})
	if errors.Is(err, ErrRestricted) {
		s.refuse(db, id)
	}
	if err != nil {
		return nil, err
	}
	s.idx.put(e)
	return c, nil
}

// Load returns a copy of a case without recording a view: for the store's
// own use and for exports, which record their own entries.
func (s *Store) Load(id string) (*records.Case, error) {
	db, err := s.use()
	if err != nil {
		return nil, err
	}
	defer s.done()
	var c *records.Case
	err = view(db, func(txn *badger.Txn) error {
		var err error
		c, err = s.getCase(txn, id)
		return err
	})
	return c, err
}

// GetByReference is Get for a case reference, ignoring case.
func (s *Store) GetByReference(ref string) (*records.Case, error) {
	id, ok := s.idx.idByReference(ref)
	if !ok {
		return nil, fmt.Errorf("%w: reference %q", ErrNotFound, ref)
	}
	return s.Get(id)
}

// Create stores a new case. It tidies c (Normalise), gives it an id if it
// has none (or one in use) and a reference if it has none (e.g.
// "SG-2026-00042"), validates it and sets Revision to 1, Created and Updated.
// A reference already in use gives ErrDuplicateReference; an invalid case a
// *ValidationError. c is changed only when the case was stored.
func (s *Store) Create(c *records.Case) error {
	if c == nil {
		return errNoCase
	}
	db, release, err := s.useForWriting()
	if err != nil {
		return err
	}
	defer release()
	records.Normalise(c)
	now := nowUTC()
	n := *c
	n.Schema, n.Revision, n.Created, n.Updated = records.SchemaVersion, 1, now, now
	if _, used := s.idx.get(n.ID); used || n.ID == "" {
		n.ID = records.NewID()
	}
	var e *indexEntry
	err = update(db, func(txn *badger.Txn) error {
		var err error
		if n.Reference == "" {
			if n.Reference, err = s.nextReference(txn); err != nil {
				return err
			}
		}
		if err = s.checkNew(&n); err != nil {
			return err
		}
		if e, err = s.putCase(txn, &n); err != nil {
			return err
		}
		_, err = appendAudit(txn, s.user, AuditCreate, n.ID, n.Reference)
		return err
	})
	if err != nil {
		return err
	}
	*c = n
	s.idx.put(e)
	return nil
}

var errNoCase = errors.New("no case given")

// checkNew validates a case about to be written and checks that its
// reference is not another case's.
func (s *Store) checkNew(c *records.Case) error {
	if other, ok := s.idx.idByReference(c.Reference); ok && other != c.ID {
		return fmt.Errorf("%w: %s", ErrDuplicateReference, c.Reference)
	}
	return records.Validate(c, records.Today())
}

// Save stores a changed case. c.Revision must be the revision it was read
// at: if the case was saved since, Save returns ErrConflict and stores
// nothing. Chronology entries already saved cannot be changed or removed
// (ErrChronologyRewritten). Save tidies c (Normalise), validates it, then
// bumps c.Revision and sets c.Updated. A case with nothing changed is not
// written again and keeps its revision.
func (s *Store) Save(c *records.Case) error {
	if c == nil {
		return errNoCase
	}
	db, release, err := s.useForWriting()
	if err != nil {
		return err
	}
	defer release()
	records.Normalise(c)
	var n records.Case
	var e *indexEntry
	changed := true
	err = update(db, func(txn *badger.Txn) error {
		old, oldDoc, err := s.getCaseDoc(txn, c.ID, true)
		if err != nil {
			return err
		}
		if err := checkSave(old, c); err != nil {
			return err
		}
		n = *c
		n.Schema, n.Created, n.Updated = records.SchemaVersion, old.Created, old.Updated
		if reflect.DeepEqual(old, &n) {
			changed = false
			return nil
		}
		n.Revision, n.Updated = old.Revision+1, nowUTC()
		// The one encoding of the case: compared with the stored document
		// (does it change anything but the revision?), then stored.
		doc, err := encodeCase(&n)
		if err != nil {
			return err
		}
		if sameContent(old, oldDoc, &n, doc) {
			changed = false
			return nil
		}
		if err := s.checkNew(&n); err != nil {
			return err
		}
		if len(doc) > changeRoom/(2*writeFactor) { // a very large case: room for it as well (see space.go)
			if err := roomFor(db, commitSize(4, int64(2*len(doc)))); err != nil {
				return err
			}
		}
		if e, err = s.putCaseDoc(txn, &n, doc); err != nil {
			return err
		}
		_, err = appendAudit(txn, s.user, AuditChange, n.ID, fmt.Sprintf("%s revision %d", n.Reference, n.Revision))
		return err
	})
	if err != nil || !changed {
		return err
	}
	*c = n
	s.idx.put(e)
	return nil
}

// checkSave refuses a save over newer work and a rewritten chronology.
func checkSave(old, next *records.Case) error {
	if old.Revision != next.Revision {
		return fmt.Errorf("%w: case %s was saved as revision %d; this copy is revision %d",
			ErrConflict, old.Reference, old.Revision, next.Revision)
	}
	if err := records.CheckAppendOnly(old.Chronology, next.Chronology); err != nil {
		return err
	}
	return checkSignOffsSaved(old, next)
}

// Delete removes a case and records the deletion, then compacts the
// database so that the deleted document is dropped from its files. Badger
// rewrites files lazily: encrypted remnants of the case may persist on disk
// until later compactions (and in backups already taken). The deletion
// itself stays in the audit trail, by reference.
func (s *Store) Delete(id string) error {
	db, release, err := s.useForWriting()
	if err != nil {
		return err
	}
	defer release()
	err = update(db, func(txn *badger.Txn) error {
		c, err := s.getCase(txn, id)
		if err != nil {
			return err
		}
		if err := deleteCase(txn, id); err != nil {
			return err
		}
		_, err = appendAudit(txn, s.user, AuditDelete, id, c.Reference)
		return err
	})
	if err != nil {
		return err
	}
	s.idx.remove(id)
	if roomFor(db, compactRoom) == nil {
		compact(db)
	}
	return nil
}

// compactRoom is what compact may write beyond the reserve: a value-log
// GC pass copies the live half (at most) of one value-log file.
const compactRoom = valueLogSize/2 + changeRoom

// compact flattens the tree and rewrites value-log files that are mostly
// garbage. It is best effort: the deletion is already committed, so its
// errors are not the caller's concern. Badger advises no writes meanwhile,
// which the caller's write lock ensures.
func compact(db *badger.DB) {
	defer func() { _ = recover() }()
	_ = db.Flatten(2)
	for db.RunValueLogGC(0.5) == nil {
		// each pass rewrites at most one value-log file
	}
}

func deleteCase(txn *badger.Txn, id string) error {
	for _, k := range [][]byte{caseKey(id), accessKey(id), sealedKey(id), rsumKey(id), purgeKey(id)} {
		if err := txn.Delete(k); err != nil {
			return err
		}
	}
	if err := deleteText(txn, id, 0); err != nil {
		return err
	}
	return txn.Delete(summaryKey(id))
}
