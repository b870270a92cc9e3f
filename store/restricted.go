package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"filippo.io/age"
	badger "github.com/dgraph-io/badger/v4"

	"msprecords/crypto"
	"msprecords/records"
)

// A restricted case is sealed inside the database with a key of its own
// (crypto.CaseKey), wrapped with age to the users it is restricted to and
// the recovery key. Its document, its full summary and its search words are
// readable only with that key; what everyone else's case list shows is the
// public part of its access record (the reference, stage, dates and the
// lead who restricted it), and nothing of it is in txt/ for anyone to
// search. Its keys are not those of an unrestricted case, so that once it
// is restricted every earlier version of those (readable with the master
// key alone) can be dropped from the database (purge).
//
//	acl/<id>     JSON: the readers' names, who restricted it, the case key
//	             wrapped to each reader and the recovery key (an age file),
//	             and the public summary
//	sealed/<id>  the sealed document (use "document")
//	rsum/<id>    the sealed full summary and search words (use "summary")
//	purge/<id>   present while the case's earlier versions under case/, sum/
//	             and txt/ wait to be dropped (a crash between the two steps)
const (
	accessPrefix = "acl/"
	sealedPrefix = "sealed/"
	rsumPrefix   = "rsum/"
	purgePrefix  = "purge/"
)

func accessKey(id string) []byte { return []byte(accessPrefix + id) }
func sealedKey(id string) []byte { return []byte(sealedPrefix + id) }
func rsumKey(id string) []byte   { return []byte(rsumPrefix + id) }
func purgeKey(id string) []byte  { return []byte(purgePrefix + id) }

// Sealing uses of a case key: the same key seals a case's document and its
// summary, each bound to its use.
const (
	useDocument = "document"
	useSummary  = "summary"
)

// Audit actions of restricted cases.
const (
	AuditRestrict   = "restrict"
	AuditUnrestrict = "unrestrict"
	// AuditRefused records an attempt to open a case restricted to others.
	AuditRefused = "access refused"
)

// RestrictedCase is what case lists show instead of the name of a case
// restricted to other users.
const RestrictedCase = "Restricted case"

// ErrRestricted means the case is restricted to other users: this user
// holds no key that opens it.
var ErrRestricted = errors.New("the case is restricted to other users")

// accessRecord is the JSON of acl/<id>.
type accessRecord struct {
	Format  int           `json:"format"`
	Readers []string      `json:"readers"` // user names, sorted
	By      string        `json:"by"`      // the lead who restricted it last
	Wrapped []byte        `json:"wrapped"` // crypto.CaseKey.Wrap
	Public  publicSummary `json:"public"`
}

// publicSummary is what everyone sees of a restricted case.
type publicSummary struct {
	Reference string       `json:"reference"`
	Stage     string       `json:"stage"`
	Opened    records.Date `json:"opened"`
	Closed    records.Date `json:"closed"`
	IsClosed  bool         `json:"is_closed"`
}

// entry is the index entry of the public summary.
func (a accessRecord) entry(id string) *indexEntry {
	return publicEntry(id, a.Public, a.By)
}

// publicOf is what someone left off a restricted case sees of it.
func publicOf(full *indexEntry) *indexEntry {
	f := full.sum
	return publicEntry(f.ID, publicSummary{Reference: f.Reference, Stage: f.Stage, Opened: f.Opened, Closed: f.Closed, IsClosed: f.IsClosed}, f.Lead)
}

func publicEntry(id string, p publicSummary, lead string) *indexEntry {
	return &indexEntry{
		sum: Summary{ID: id, Reference: p.Reference, Stage: p.Stage, Opened: p.Opened, Closed: p.Closed,
			IsClosed: p.IsClosed, Restricted: true, Sealed: true, Lead: lead},
		refKey: referenceKey(p.Reference),
		text:   strings.ToLower(p.Reference), hasText: true,
	}
}

const accessFormat = 1

// caseKeys are the keys of the restricted cases this user can read,
// unwrapped once per session with the user's key pair.
type caseKeys struct {
	mu       sync.Mutex
	identity *age.X25519Identity
	keys     map[string]crypto.CaseKey
}

func (k *caseKeys) get(id string) (crypto.CaseKey, bool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	key, ok := k.keys[id]
	return key, ok
}

func (k *caseKeys) put(id string, key crypto.CaseKey) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.keys == nil {
		k.keys = map[string]crypto.CaseKey{}
	}
	k.keys[id] = key
}

func (k *caseKeys) forget(id string) {
	k.mu.Lock()
	defer k.mu.Unlock()
	delete(k.keys, id)
}

func (k *caseKeys) pair() *age.X25519Identity {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.identity
}

// UseIdentity gives the store the user's key pair (from their slot): every
// restricted case whose key is wrapped to it becomes readable, and its full
// summary replaces the public one in the case list. The window and the
// command line call it once, right after Open.
func (s *Store) UseIdentity(id *age.X25519Identity) error {
	s.keys.mu.Lock()
	s.keys.identity = id
	s.keys.mu.Unlock()
	entries, err := s.restrictedEntries() // ErrStoreClosed for a closed store, as for any use
	for _, e := range entries {
		s.idx.put(e)
	}
	return err
}

// restrictedEntries returns the index entries of the restricted cases: the
// full summary of those this user can read, the public one of the others.
func (s *Store) restrictedEntries() ([]*indexEntry, error) {
	db, err := s.use()
	if err != nil {
		return nil, err
	}
	defer s.done()
	var entries []*indexEntry
	err = view(db, func(txn *badger.Txn) error {
		return eachAccess(txn, func(caseID string, a accessRecord) error {
			key, err := s.keyFor(txn, caseID)
			if errors.Is(err, ErrRestricted) {
				entries = append(entries, a.entry(caseID))
				return nil
			}
			if err != nil {
				return err
			}
			e, err := readFullSummary(txn, caseID, key)
			if err != nil {
				return err
			}
			entries = append(entries, e)
			return nil
		})
	})
	return entries, err
}

// eachAccess calls fn with every restricted case's access record.
func eachAccess(txn *badger.Txn, fn func(id string, a accessRecord) error) error {
	opts := iteratorOptions()
	opts.Prefix = []byte(accessPrefix)
	it := txn.NewIterator(opts)
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		id := string(it.Item().Key()[len(accessPrefix):])
		var a accessRecord
		if err := it.Item().Value(func(v []byte) error { return decodeAccess(v, &a) }); err != nil {
			return fmt.Errorf("%w: restricted case %s: %v", ErrDamagedStore, id, err)
		}
		if err := fn(id, a); err != nil {
			return err
		}
	}
	return nil
}

func decodeAccess(v []byte, a *accessRecord) error {
	if err := json.Unmarshal(v, a); err != nil {
		return err
	}
	if a.Format != accessFormat {
		return fmt.Errorf("access record format %d (this version reads %d)", a.Format, accessFormat)
	}
	return nil
}

// getAccess reads a case's access record; ok is false for a case that is
// not restricted.
func getAccess(txn *badger.Txn, id string) (accessRecord, bool, error) {
	item, err := txn.Get(accessKey(id))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return accessRecord{}, false, nil
	}
	if err != nil {
		return accessRecord{}, false, err
	}
	var a accessRecord
	err = item.Value(func(v []byte) error { return decodeAccess(v, &a) })
	if err != nil {
		return accessRecord{}, false, fmt.Errorf("%w: restricted case %s: %v", ErrDamagedStore, id, err)
	}
	return a, true, nil
}

// keyFor returns the key of the restricted case id, unwrapping it with the
// user's key pair the first time; ErrRestricted if the user is not one of
// its readers.
func (s *Store) keyFor(txn *badger.Txn, id string) (crypto.CaseKey, error) {
	if key, ok := s.keys.get(id); ok {
		return key, nil
	}
	a, restricted, err := getAccess(txn, id)
	switch {
	case err != nil:
		return crypto.CaseKey{}, err
	case !restricted:
		return crypto.CaseKey{}, fmt.Errorf("%w: case %s is sealed but has no access record", ErrDamagedStore, id)
	case s.keys.pair() == nil:
		return crypto.CaseKey{}, ErrRestricted
	}
	key, err := crypto.UnwrapCaseKey(a.Wrapped, id, s.keys.pair())
	if errors.Is(err, crypto.ErrNotOnCase) {
		return crypto.CaseKey{}, ErrRestricted
	}
	if err != nil {
		return crypto.CaseKey{}, fmt.Errorf("%w: restricted case %s: %v", ErrDamagedStore, id, err)
	}
	s.keys.put(id, key)
	return key, nil
}

// openSealed opens a restricted case's sealed document.
func (s *Store) openSealed(txn *badger.Txn, id string, sealed []byte) ([]byte, error) {
	key, err := s.keyFor(txn, id)
	if err != nil {
		return nil, err
	}
	plain, err := key.Open(id, useDocument, sealed)
	if err != nil {
		return nil, fmt.Errorf("%w: restricted case %s: %v", ErrDamagedStore, id, err)
	}
	return plain, nil
}

// putRestricted writes a restricted case sealed with key: its document
// and its full summary and search words sealed, and its access record a
// with the public summary. It returns the full index entry (the writer can
// read it).
func (s *Store) putRestricted(txn *badger.Txn, c *records.Case, doc []byte, key crypto.CaseKey, a accessRecord) (*indexEntry, error) {
	sealed, err := key.Seal(c.ID, useDocument, doc)
	if err != nil {
		return nil, err
	}
	if err := txn.Set(sealedKey(c.ID), sealed); err != nil {
		return nil, err
	}
	return s.putRestrictedSummary(txn, c, key, a)
}

// putRestrictedSummary writes a restricted case's sealed full summary and
// its access record with the public summary.
func (s *Store) putRestrictedSummary(txn *badger.Txn, c *records.Case, key crypto.CaseKey, a accessRecord) (*indexEntry, error) {
	e, text := summarise(c, s.rules)
	e.sum.Restricted, e.sum.Lead = true, a.By
	full, err := encodeSummary(e)
	if err != nil {
		return nil, err
	}
	b := binary.AppendUvarint(nil, uint64(len(full)))
	b = append(append(b, full...), text...)
	if b, err = key.Seal(c.ID, useSummary, b); err != nil {
		return nil, err
	}
	if err := txn.Set(rsumKey(c.ID), b); err != nil {
		return nil, err
	}
	a.Format = accessFormat
	a.Public = publicSummary{Reference: c.Reference, Stage: c.Enquiry.Stage, Opened: c.Opened(), Closed: c.Enquiry.Closed, IsClosed: c.IsClosed()}
	rec, err := json.Marshal(a)
	if err != nil {
		return nil, err
	}
	return e, txn.Set(accessKey(c.ID), rec)
}

// readFullSummary opens a restricted case's sealed summary.
func readFullSummary(txn *badger.Txn, id string, key crypto.CaseKey) (*indexEntry, error) {
	item, err := txn.Get(rsumKey(id))
	if err != nil {
		return nil, fmt.Errorf("%w: restricted case %s has no summary: %v", ErrDamagedStore, id, err)
	}
	var e *indexEntry
	err = item.Value(func(v []byte) error {
		plain, err := key.Open(id, useSummary, v)
		if err != nil {
			return err
		}
		n, k := binary.Uvarint(plain)
		if k <= 0 || n > uint64(len(plain)-k) {
			return errShortSummary
		}
		if e, err = decodeSummary(plain[k : k+int(n)]); err != nil {
			return err
		}
		e.text, e.hasText = string(plain[k+int(n):]), true
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("%w: restricted case %s: %v", ErrDamagedStore, id, err)
	}
	return e, nil
}

// Restrict restricts a case to readers (user names) and seals it to them:
// to is their age recipients and the recovery key's, which the caller
// takes from the vault's slots. A case already restricted gets a new key,
// so that what is written from now on cannot be opened with a key
// unwrapped before; that needs this user to be one of its readers. Only a
// lead may restrict: the caller checks.
//
// A case restricted for the first time is moved from its plain keys to its
// sealed ones in one transaction; then every version under the plain keys
// is dropped from the database's tables (purge), so that nothing of the
// case stays readable with the master key alone. Remnants may persist in
// the value-log files, encrypted, until Badger rewrites them, as for a
// deleted case, and in backups taken before.
func (s *Store) Restrict(id string, readers []string, to []age.Recipient) error {
	if len(readers) == 0 || len(to) == 0 {
		return errors.New("a case must be restricted to at least one user")
	}
	db, release, err := s.useForWriting()
	if err != nil {
		return err
	}
	defer release()
	key, err := crypto.NewCaseKey()
	if err != nil {
		return err
	}
	wrapped, err := key.Wrap(id, to)
	if err != nil {
		return err
	}
	a := accessRecord{Readers: slices.Sorted(slices.Values(readers)), By: s.user, Wrapped: wrapped}
	var e *indexEntry
	first := false
	err = update(db, func(txn *badger.Txn) error {
		c, doc, err := s.getCaseDoc(txn, id, true)
		if err != nil {
			return err
		}
		_, was, err := getAccess(txn, id)
		if err != nil {
			return err
		}
		// A case restricted for the first time leaves its plain keys in
		// place for purge to find (Badger drops only prefixes that hold a
		// live key); until then the sealed copy is the one read
		// (getCaseDoc), and the case list ignores the plain summary
		// (buildIndex, isRestricted).
		if first = !was; first {
			if err := txn.Set(purgeKey(id), nil); err != nil {
				return err
			}
		}
		if e, err = s.putRestricted(txn, c, doc, key, a); err != nil {
			return err
		}
		_, err = appendAudit(txn, s.user, AuditRestrict, id, fmt.Sprintf("%s restricted to %d %s", c.Reference, len(readers), plural(len(readers), "user", "users")))
		return err
	})
	if err != nil {
		return err
	}
	if slices.Contains(a.Readers, s.user) {
		s.keys.put(id, key)
	} else {
		s.keys.forget(id) // the key it had before, if any
		e = publicOf(e)
	}
	s.idx.put(e)
	if first {
		return s.purge(db, id)
	}
	return nil
}

// purge drops every version of a restricted case's plain keys from the
// tables, then the note that they were to be dropped. Open calls it again
// for a note a crash left.
func (s *Store) purge(db *badger.DB, id string) error {
	err := db.DropPrefix(caseKey(id), summaryKey(id), []byte(textPrefix+id+"/"))
	if err != nil {
		return fmt.Errorf("restricted case %s: its earlier versions could not be dropped yet (they will be at the next open): %w", id, err)
	}
	_ = db.RunValueLogGC(0.5)
	return update(db, func(txn *badger.Txn) error { return txn.Delete(purgeKey(id)) })
}

// purgePending finishes the purges a crash interrupted; Open calls it.
func (s *Store) purgePending() error {
	ids, err := keysWithPrefix(s.db, purgePrefix)
	if err != nil {
		return err
	}
	for _, k := range ids {
		if err := s.purge(s.db, string(k[len(purgePrefix):])); err != nil {
			return err
		}
	}
	return nil
}

// Unrestrict lifts a case's restriction: it is stored in clear again (in
// the encrypted database) and everyone can read it. This user must be one
// of its readers.
func (s *Store) Unrestrict(id string) error {
	db, release, err := s.useForWriting()
	if err != nil {
		return err
	}
	defer release()
	var e *indexEntry
	err = update(db, func(txn *badger.Txn) error {
		c, doc, err := s.getCaseDoc(txn, id, true)
		if err != nil {
			return err
		}
		if _, restricted, err := getAccess(txn, id); err != nil || !restricted {
			return errors.Join(err, fmt.Errorf("%w: case %s is not restricted", ErrNotRestricted, c.Reference))
		}
		for _, k := range [][]byte{accessKey(id), sealedKey(id), rsumKey(id)} {
			if err := txn.Delete(k); err != nil {
				return err
			}
		}
		if err := txn.Set(caseKey(id), doc); err != nil {
			return err
		}
		if e, err = s.putSummary(txn, c); err != nil {
			return err
		}
		_, err = appendAudit(txn, s.user, AuditUnrestrict, id, c.Reference)
		return err
	})
	if err != nil {
		return err
	}
	s.keys.forget(id)
	s.idx.put(e)
	return nil
}

// ErrNotRestricted means Unrestrict was asked of a case that is not
// restricted.
var ErrNotRestricted = errors.New("the case is not restricted")

// Access says who may read a case: its readers and the lead who restricted
// it, or nil readers for a case that is not restricted.
func (s *Store) Access(id string) (readers []string, by string, err error) {
	db, err := s.use()
	if err != nil {
		return nil, "", err
	}
	defer s.done()
	err = view(db, func(txn *badger.Txn) error {
		a, restricted, err := getAccess(txn, id)
		if err != nil || restricted {
			readers, by = a.Readers, a.By
			return err
		}
		if _, err := txn.Get(caseKey(id)); errors.Is(err, badger.ErrKeyNotFound) {
			return fmt.Errorf("%w: id %q", ErrNotFound, id)
		}
		return nil
	})
	return readers, by, err
}

// SummaryOf returns the case list's summary of one case.
func (s *Store) SummaryOf(id string) (Summary, bool) {
	e, ok := s.idx.get(id)
	if !ok {
		return Summary{}, false
	}
	return e.summary(records.Today()), true
}

// isRestricted reports whether the index lists the case as restricted.
func (s *Store) isRestricted(id string) bool {
	e, ok := s.idx.get(id)
	return ok && e.sum.Restricted
}

// Unreadable counts the cases restricted to other users: those this user
// sees only by reference, which exports of every case leave out.
func (s *Store) Unreadable() int {
	n := 0
	for _, sum := range s.Summaries() {
		if sum.Sealed {
			n++
		}
	}
	return n
}

// refuse records an attempt to open a case restricted to others.
func (s *Store) refuse(db *badger.DB, id string) {
	ref := id
	if e, ok := s.idx.get(id); ok {
		ref = e.sum.Reference
	}
	_ = update(db, func(txn *badger.Txn) error {
		_, err := appendAudit(txn, s.user, AuditRefused, id, ref)
		return err
	})
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// resummarise writes a case's summary again, sealed for a restricted case.
func (s *Store) resummarise(txn *badger.Txn, c *records.Case) (*indexEntry, error) {
	a, restricted, err := getAccess(txn, c.ID)
	if err != nil {
		return nil, err
	}
	if !restricted {
		return s.putSummary(txn, c)
	}
	key, err := s.keyFor(txn, c.ID)
	if err != nil {
		return nil, err
	}
	return s.putRestrictedSummary(txn, c, key, a)
}
