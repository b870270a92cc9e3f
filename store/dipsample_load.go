package store

import (
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
	pool, err := filterPool(s, f)
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
	return practice.Sample{Filter: f, Size: n, Seed: seed, Matched: len(pool), Cases: picked}, nil
}

// filterPool returns a sketch of each case the filter matches: its id,
// reference, and what the filter read.
func filterPool(s *Store, f practice.Filter) ([]*records.Case, error) {
	sketches := map[string]*records.Case{}
	for _, sum := range s.Summaries() {
		if f.MayMatch(sum.Closed, sum.Stage) {
			sketches[sum.ID] = &records.Case{ID: sum.ID, Reference: sum.Reference,
				Enquiry: records.Enquiry{Closed: sum.Closed, Stage: sum.Stage}}
		}
	}
	if f.Condition != "" || f.AbuseType != "" {
		err := readParts(s, sketches, func(c *records.Case, doc []byte) error {
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
			return nil, err
		}
	}
	var pool []*records.Case
	for _, c := range sketches {
		if f.Matches(c) {
			pool = append(pool, c)
		}
	}
	return pool, nil
}

// readParts reads the document of every case in cases, in one pass in key
// order, and has fill copy what it needs from it into the case. fill sees
// the document in place, without a copy (10,000 copies of whole documents
// cost more than reading the parts wanted); a document that cannot be read
// stops the pass with ErrDamagedStore.
func readParts(s *Store, cases map[string]*records.Case, fill func(c *records.Case, doc []byte) error) error {
	db, err := s.use()
	if err != nil {
		return err
	}
	defer s.done()
	return view(db, func(txn *badger.Txn) error {
		opts := iteratorOptions()
		opts.Prefix = []byte(casePrefix)
		it := txn.NewIterator(opts)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			item := it.Item()
			c := cases[string(item.Key()[len(casePrefix):])]
			if c == nil {
				continue
			}
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
		return nil
	})
}
