package store

import (
	"errors"
	"fmt"

	"msprecords/practice"
	"msprecords/records"

	badger "github.com/dgraph-io/badger/v4"
)

// Audits and figures read many cases, and decoding a whole case document is
// most of the cost of reading it (10,000 demo cases take over a second of
// CPU). So they read as little as they can: the summaries first, then only
// the parts of the documents that the question needs, and whole documents
// only for the cases sampled.

// LoadSample draws a dip sample from the store: the same sample DrawSample
// draws from every case, read at a fraction of the cost. The summaries
// judge the closing dates and stage; the diagnosis and types of abuse are
// read only when the filter asks about them; only the sampled cases are
// read whole.
func LoadSample(s *Store, f practice.Filter, n int, seed int64) (practice.Sample, error) {
	if n < 1 {
		return practice.Sample{}, practice.ErrSampleSize
	}
	f, err := f.Check()
	if err != nil {
		return practice.Sample{}, err
	}
	pool, unreadable, err := filterPool(s, f)
	if err != nil {
		return practice.Sample{}, err
	}
	picked := practice.Draw(pool, n, seed)
	for i, p := range picked {
		c, err := s.Load(p.ID)
		if err != nil {
			return practice.Sample{}, err
		}
		picked[i] = c
	}
	return practice.Sample{Filter: f, Size: n, Seed: seed, Matched: len(pool), Cases: picked, Unreadable: unreadable}, nil
}

// filterPool returns a sketch of each case the filter matches: its id,
// reference, and what the filter read; and how many cases it might have
// matched are restricted to other users.
func filterPool(s *Store, f practice.Filter) ([]*records.Case, int, error) {
	sketches := map[string]*records.Case{}
	unreadable := 0
	for _, sum := range s.Summaries() {
		if sum.Sealed && f.MayMatch(sum.Closed, sum.Stage) {
			unreadable++
			continue
		}
		if f.MayMatch(sum.Closed, sum.Stage) {
			sketches[sum.ID] = &records.Case{ID: sum.ID, Reference: sum.Reference,
				Enquiry: records.Enquiry{Closed: sum.Closed, Stage: sum.Stage}}
		}
	}
	if f.Condition != "" || f.AbuseType != "" {
		more, err := readParts(s, sketches, func(c *records.Case, doc []byte) error {
			fields := map[string]any{}
			if f.Condition != "" {
				fields["person"] = &c.Person
			}
			if f.AbuseType != "" {
				fields["allegations"] = &c.Allegations
			}
			return decodeFields(doc, fields)
		})
		if err != nil {
			return nil, 0, err
		}
		unreadable += more
	}
	var pool []*records.Case
	for _, c := range sketches {
		if f.Matches(c) {
			pool = append(pool, c)
		}
	}
	return pool, unreadable, nil
}

// readParts reads the document of every case in cases, in one pass in key
// order, and has fill copy what it needs from it into the case. fill sees
// the document in place, without a copy (10,000 copies of whole documents
// cost more than reading the parts wanted); a document that cannot be read
// stops the pass with ErrDamagedStore. A case restricted to other users is
// taken out of cases and counted.
func readParts(s *Store, cases map[string]*records.Case, fill func(c *records.Case, doc []byte) error) (unreadable int, err error) {
	db, err := s.use()
	if err != nil {
		return 0, err
	}
	defer s.done()
	err = view(db, func(txn *badger.Txn) error {
		opts := iteratorOptions()
		opts.Prefix = []byte(casePrefix)
		it := txn.NewIterator(opts)
		defer it.Close()
		seen := make(map[string]bool, len(cases))
		for it.Rewind(); it.Valid(); it.Next() {
			item := it.Item()
			id := string(item.Key()[len(casePrefix):])
			c := cases[id]
			if c == nil || s.isRestricted(id) { // a restricted case's plain copy, until purged
				continue
			}
			seen[id] = true
			err := item.Value(func(doc []byte) error {
				if err := fill(c, doc); err != nil {
					return fmt.Errorf("%w: case %s: %v", ErrDamagedStore, c.Reference, err)
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
		unreadable, err = s.readRestrictedParts(txn, cases, seen, fill)
		return err
	})
	return unreadable, err
}

// readRestrictedParts is readParts for the cases of cases not stored in
// clear: restricted cases, opened if this user can, else taken out of
// cases and counted.
func (s *Store) readRestrictedParts(txn *badger.Txn, cases map[string]*records.Case, seen map[string]bool,
	fill func(c *records.Case, doc []byte) error) (unreadable int, err error) {
	for id, c := range cases {
		if seen[id] {
			continue
		}
		item, err := txn.Get(sealedKey(id))
		if err != nil {
			return unreadable, fmt.Errorf("%w: case %s: %v", ErrDamagedStore, c.Reference, err)
		}
		err = item.Value(func(v []byte) error {
			doc, err := s.openSealed(txn, id, v)
			if err != nil {
				return err
			}
			return fill(c, doc)
		})
		switch {
		case errors.Is(err, ErrRestricted):
			delete(cases, id)
			unreadable++
		case err != nil:
			return unreadable, fmt.Errorf("%w: case %s: %v", ErrDamagedStore, c.Reference, err)
		}
	}
	return unreadable, nil
}
