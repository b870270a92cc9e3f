package store

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"filippo.io/age"
	badger "github.com/dgraph-io/badger/v4"

	"msprecords/crypto"
)

// AuditRekey records that a restricted case was given a new case key
// because some of its readers are no longer users.
const AuditRekey = "rekey"

// rekeyBatch is how many cases one transaction gives new keys: one commit
// (one disk flush) per batch rather than per case, well inside Badger's
// limit on a transaction (a batch that still exceeds it is halved).
const rekeyBatch = 100

// rekeyCase is one restricted case to give a new key.
type rekeyCase struct {
	id        string
	remaining []string // its readers who are still users, sorted
	gone      []string // those who are not
	to        []age.Recipient
}

// RekeyWithout gives a new case key to every restricted case one of whose
// readers is gone (gone(name) is true), so that what is written from now
// on, and the case as it stands, cannot be opened with the key a former
// user may have kept. Each such case is sealed again with its new key,
// wrapped to to(its remaining readers) (the caller returns their
// recipients and the recovery key's), and restricted to the remaining
// readers; the lead who restricted it stays as it was.
//
// A case this user cannot read, or that would have no reader left, is
// left as it was and its id returned in unreadable: someone who can read
// it, or the recovery key, must restrict it again. rekeyed lists the cases
// given a new key, also when err stops it part way: the cases are written
// in batches, each case either wholly with its new key and readers or
// wholly as it was.
func (s *Store) RekeyWithout(gone func(name string) bool, to func(readers []string) ([]age.Recipient, error)) (rekeyed []string, unreadable []string, err error) {
	db, release, err := s.useForWriting()
	if err != nil {
		return nil, nil, err
	}
	defer release()
	cases, unreadable, err := s.rekeyPlan(db, gone, to)
	if err != nil {
		return nil, unreadable, err
	}
	for batch := range slices.Chunk(cases, rekeyBatch) {
		done, err := s.rekeyCommit(db, batch)
		rekeyed = append(rekeyed, done...)
		if err != nil {
			return rekeyed, unreadable, err
		}
	}
	return rekeyed, unreadable, nil
}

// rekeyPlan lists the restricted cases a gone user could read, with the
// recipients of their remaining readers, and the ids of those this user
// cannot give a new key. Nothing is written, so a failure of to writes
// nothing either.
func (s *Store) rekeyPlan(db *badger.DB, gone func(string) bool, to func([]string) ([]age.Recipient, error)) (cases []rekeyCase, unreadable []string, err error) {
	err = view(db, func(txn *badger.Txn) error {
		return eachAccess(txn, func(id string, a accessRecord) error {
			c := rekeyCase{id: id}
			for _, name := range a.Readers {
				if gone(name) {
					c.gone = append(c.gone, name)
				} else {
					c.remaining = append(c.remaining, name)
				}
			}
			if len(c.gone) == 0 {
				return nil
			}
			_, err := s.keyFor(txn, id)
			switch {
			case errors.Is(err, ErrRestricted), err == nil && len(c.remaining) == 0:
				unreadable = append(unreadable, id)
			case err != nil:
				return err
			default:
				cases = append(cases, c)
			}
			return nil
		})
	})
	if err != nil {
		return nil, unreadable, err
	}
	return cases, unreadable, recipientsFor(cases, to)
}

// recipientsFor fills in each case's recipients, asking to once for each
// set of remaining readers, as many cases share one.
func recipientsFor(cases []rekeyCase, to func([]string) ([]age.Recipient, error)) error {
	seen := map[string][]age.Recipient{}
	for i, c := range cases {
		k := strings.Join(c.remaining, "\x00")
		r, ok := seen[k]
		if !ok {
			var err error
			if r, err = to(c.remaining); err != nil {
				return err
			}
			if len(r) == 0 {
				return fmt.Errorf("no recipients for the readers %s", strings.Join(c.remaining, ", "))
			}
			seen[k] = r
		}
		cases[i].to = r
	}
	return nil
}

// rekeyCommit gives the cases new keys in one transaction, then puts the
// keys and summaries in the cache and index. A batch too large for one
// transaction is halved.
func (s *Store) rekeyCommit(db *badger.DB, batch []rekeyCase) ([]string, error) {
	keys := make([]crypto.CaseKey, len(batch))
	entries := make([]*indexEntry, len(batch))
	err := update(db, func(txn *badger.Txn) error {
		for i, c := range batch {
			var err error
			if keys[i], entries[i], err = s.rekeyOne(txn, c); err != nil {
				return err
			}
		}
		return nil
	})
	if errors.Is(err, badger.ErrTxnTooBig) && len(batch) > 1 {
		done, err := s.rekeyCommit(db, batch[:len(batch)/2])
		if err != nil {
			return done, err
		}
		rest, err := s.rekeyCommit(db, batch[len(batch)/2:])
		return append(done, rest...), err
	}
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(batch))
	for i, c := range batch {
		ids[i] = c.id
		s.settleKey(c, keys[i], entries[i])
	}
	return ids, nil
}

// rekeyOne seals one case again with a new key, inside txn.
func (s *Store) rekeyOne(txn *badger.Txn, c rekeyCase) (crypto.CaseKey, *indexEntry, error) {
	doc, raw, err := s.getCaseDoc(txn, c.id, true)
	if err != nil {
		return crypto.CaseKey{}, nil, err
	}
	a, _, err := getAccess(txn, c.id)
	if err != nil {
		return crypto.CaseKey{}, nil, err
	}
	key, err := crypto.NewCaseKey()
	if err != nil {
		return crypto.CaseKey{}, nil, err
	}
	if a.Wrapped, err = key.Wrap(c.id, c.to); err != nil {
		return crypto.CaseKey{}, nil, err
	}
	a.Readers = c.remaining
	e, err := s.putRestricted(txn, doc, raw, key, a)
	if err != nil {
		return crypto.CaseKey{}, nil, err
	}
	_, err = appendAudit(txn, s.user, AuditRekey, c.id, rekeyDetail(doc.Reference, c.gone))
	return key, e, err
}

// settleKey keeps a committed new key for this session if this user is
// still one of the case's readers, as Restrict does; otherwise the case
// list shows only its public summary from now on.
func (s *Store) settleKey(c rekeyCase, key crypto.CaseKey, e *indexEntry) {
	if slices.Contains(c.remaining, s.user) {
		s.keys.put(c.id, key)
	} else {
		s.keys.forget(c.id)
		e = publicOf(e)
	}
	s.idx.put(e)
}

// rekeyDetail is the audit entry's detail: the reference and the names of
// the former users, nothing of the case.
func rekeyDetail(ref string, gone []string) string {
	who := gone[0] + " no longer a user"
	if len(gone) > 1 {
		who = strings.Join(gone[:len(gone)-1], ", ") + " and " + gone[len(gone)-1] + " no longer users"
	}
	return ref + " given a new case key: " + who
}
