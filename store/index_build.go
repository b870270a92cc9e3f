package store

import (
	"errors"
	"runtime"
	"slices"
	"sync"

	badger "github.com/dgraph-io/badger/v4"
)

// buildIndex reads every case's stored summary at open. Decoding is the
// slow part, so it runs on every core while one goroutine reads.
func (s *Store) buildIndex() (err error) {
	defer recoverInto(&err)
	entries, err := scanSummaries(s.db)
	if err != nil {
		return err
	}
	restricted, err := s.restrictedEntries()
	if err != nil {
		return err
	}
	sealed := make(map[string]bool, len(restricted))
	for _, e := range restricted {
		sealed[e.sum.ID] = true
	}
	// A plain summary a restriction left, until its purge, is not listed.
	entries = slices.DeleteFunc(entries, func(e *indexEntry) bool { return sealed[e.sum.ID] })
	s.idx.load(append(entries, restricted...))
	return nil
}

func scanSummaries(db *badger.DB) ([]*indexEntry, error) {
	workers := max(1, runtime.GOMAXPROCS(0))
	docs := make(chan []byte, 4*workers)
	parts := make([][]*indexEntry, workers)
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() { parts[w], errs[w] = summariseDocs(docs) })
	}
	readErr := view(db, func(txn *badger.Txn) error { return sendValues(txn, summaryPrefix, docs) })
	close(docs)
	wg.Wait()
	if err := errors.Join(append(errs, readErr)...); err != nil {
		return nil, err
	}
	var all []*indexEntry
	for _, p := range parts {
		all = append(all, p...)
	}
	return all, nil
}

// sendValues sends a copy of every value under prefix on docs.
func sendValues(txn *badger.Txn, prefix string, docs chan<- []byte) error {
	opts := iteratorOptions()
	opts.Prefix = []byte(prefix)
	it := txn.NewIterator(opts)
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		v, err := it.Item().ValueCopy(nil)
		if err != nil {
			return err
		}
		docs <- v
	}
	return nil
}

// summariseDocs decodes summaries until docs is closed. After an error it
// keeps draining docs, so that the reader never blocks.
func summariseDocs(docs <-chan []byte) ([]*indexEntry, error) {
	var out []*indexEntry
	var first error
	for v := range docs {
		if first != nil {
			continue
		}
		e, err := decodeSummary(v)
		if err != nil {
			first = err
			continue
		}
		out = append(out, e)
	}
	return out, first
}

// textBatch is how many search texts the loader gives the index at a time.
const textBatch = 1000

// loadTexts reads every case's search words into the index in the
// background, once per index, when the first search for words needs them:
// unlocking waits only for the compact summaries, and a session that never
// searches (the command line's list, say) never loads them. It stops early
// when the store closes or the index is replaced. An empty index starts no
// loader (nor does Restore, whose failed Badger Load leaves new
// transactions waiting for ever).
func (s *Store) loadTexts() {
	gen, ok := s.idx.startLoader()
	if !ok {
		return
	}
	go func() {
		db, err := s.use()
		if err != nil {
			return
		}
		defer s.done()
		batch := make(map[string]string, textBatch)
		stopped := false
		_ = view(db, func(txn *badger.Txn) error {
			return eachText(txn, func() bool { return stopped || s.closing.Load() }, func(id string, text []byte) {
				batch[id] = string(text)
				if len(batch) == textBatch {
					stopped = !s.idx.setTexts(gen, batch)
					clear(batch)
				}
			})
		})
		if !stopped {
			s.idx.setTexts(gen, batch)
		}
	}()
}

var errStopLoading = errors.New("stopped loading search texts")
