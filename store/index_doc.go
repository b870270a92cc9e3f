package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strconv"
	"time"

	"msprecords/practice"
	"msprecords/records"

	badger "github.com/dgraph-io/badger/v4"
)

// summaryVersion is the format of the stored summaries (sum/ and txt/
// records). A database whose summaries are in another format, or have
// none, has them rebuilt from the cases at open: a new search field needs
// no migration. Version 2 moved the search text out of sum/ into txt/.
const summaryVersion = 2

// textPrefix + case id + "/" + a part byte: the case's search words
// (searchText: distinct, lower case, separated by newlines), in parts of at
// most textPart bytes, written with the case and read into the index at the
// first search (loadTexts). The parts keep every word in Badger's tables, under its
// value threshold: in the value log they would lie among the documents, and
// reading them would map most of the value log into memory.
const textPrefix = "txt/"

const (
	textPart     = valueThreshold - 128
	maxTextParts = 256 // the last part takes the rest
)

func textKey(id string, part int) []byte {
	return append([]byte(textPrefix+id+"/"), byte(part))
}

// textID returns the case id of a text part's key.
func textID(key []byte) string { return string(key[len(textPrefix) : len(key)-2]) }

// putText writes a case's search words and removes parts a longer earlier
// text left.
func putText(txn *badger.Txn, id string, text []byte) error {
	n := 0
	for n == 0 || len(text) > 0 {
		k := min(len(text), textPart)
		if n == maxTextParts-1 {
			k = len(text)
		}
		if err := txn.Set(textKey(id, n), text[:k]); err != nil {
			return err
		}
		text = text[k:]
		n++
	}
	return deleteText(txn, id, n)
}

// deleteText deletes a case's text parts from part from on.
func deleteText(txn *badger.Txn, id string, from int) error {
	for p := from; p < maxTextParts; p++ {
		_, err := txn.Get(textKey(id, p))
		if errors.Is(err, badger.ErrKeyNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		if err := txn.Delete(textKey(id, p)); err != nil {
			return err
		}
	}
	return nil
}

// eachText calls fn with every case's search words, whole, in key order.
func eachText(txn *badger.Txn, stop func() bool, fn func(id string, text []byte)) error {
	opts := iteratorOptions()
	opts.Prefix = []byte(textPrefix)
	it := txn.NewIterator(opts)
	defer it.Close()
	var id string
	var text []byte
	for it.Rewind(); it.Valid(); it.Next() {
		if stop() {
			return errStopLoading
		}
		next := textID(it.Item().Key())
		if next != id && id != "" {
			fn(id, text)
			text = text[:0]
		}
		id = next
		if err := it.Item().Value(func(v []byte) error {
			text = append(text, v...)
			return nil
		}); err != nil {
			return err
		}
	}
	if id != "" {
		fn(id, text)
	}
	return nil
}

// A stored summary is written with its case in the same transaction.
// Unlocking reads these small records rather than every case document: with
// 10,000 cases about a megabyte to decrypt instead of a hundred. They are
// binary, not JSON, because decoding them is most of an unlock:
//
//	byte     summaryVersion
//	strings  id, reference, name, preferred name, stage
//	         (each a uvarint length and UTF-8 bytes)
//	dates    date of birth, opened, closed, first open due date
//	         (each a byte 0 for none, or 1 and a varint of days since 1970-01-01)
//	byte     1 if closed
//	uvarint  practice-check gaps (as of the day the case was last saved or viewed)
//	then, only in a restricted case's sealed summary (rsum/): byte 1, and
//	the lead's name as a string (absent from every sum/ record, so summaries
//	written before restricted cases read unchanged)
//
// The search words are not in it but in a txt/ record of its own, read
// after open, so that unlocking to the case list decodes only these.
func encodeSummary(e *indexEntry) ([]byte, error) {
	s := e.sum
	b := make([]byte, 0, 64+len(s.ID)+len(s.Reference)+len(s.Name)+len(s.PreferredName)+len(s.Stage))
	b = append(b, summaryVersion)
	for _, str := range []string{s.ID, s.Reference, s.Name, s.PreferredName, s.Stage} {
		b = binary.AppendUvarint(b, uint64(len(str)))
		b = append(b, str...)
	}
	for _, d := range []records.Date{s.DateOfBirth, s.Opened, s.Closed, e.firstDue} {
		if d.IsZero() {
			b = append(b, 0)
			continue
		}
		b = binary.AppendVarint(append(b, 1), d.Time().Unix()/secondsPerDay)
	}
	b = append(b, boolByte(s.IsClosed))
	b = binary.AppendUvarint(b, uint64(max(s.Gaps, 0)))
	if s.Restricted {
		b = append(b, 1)
		b = binary.AppendUvarint(b, uint64(len(s.Lead)))
		b = append(b, s.Lead...)
	}
	return b, nil
}

const secondsPerDay = 24 * 60 * 60

func boolByte(v bool) byte {
	if v {
		return 1
	}
	return 0
}

// decodeSummary reads a stored summary; anything malformed is ErrDamagedStore.
func decodeSummary(b []byte) (*indexEntry, error) {
	r := &summaryReader{b: b}
	if r.byte() != summaryVersion {
		return nil, fmt.Errorf("%w: a case summary of an unknown format", ErrDamagedStore)
	}
	e := &indexEntry{}
	s := &e.sum
	s.ID, s.Reference, s.Name, s.PreferredName, s.Stage = r.str(), r.str(), r.str(), r.str(), r.stage()
	s.DateOfBirth, s.Opened, s.Closed, e.firstDue = r.date(), r.date(), r.date(), r.date()
	s.IsClosed = r.byte() == 1
	s.Gaps = int(r.uvarint())
	if len(r.b) > 0 { // a restricted case's full summary (rsum/, see readFullSummary)
		if r.byte() != 1 {
			r.err = errShortSummary
		}
		s.Restricted, s.Lead = true, r.str()
	}
	if r.err != nil || len(r.b) != 0 {
		return nil, fmt.Errorf("%w: a case summary is damaged", ErrDamagedStore)
	}
	e.refKey = referenceKey(s.Reference)
	return e, nil
}

// summaryReader reads a summary's fields, remembering the first problem.
type summaryReader struct {
	b   []byte
	err error
}

var errShortSummary = errors.New("summary too short")

func (r *summaryReader) byte() byte {
	if len(r.b) == 0 {
		r.err = errShortSummary
		return 0
	}
	v := r.b[0]
	r.b = r.b[1:]
	return v
}

func (r *summaryReader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 || v > 1<<31 {
		r.err = errShortSummary
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *summaryReader) str() string {
	n := r.uvarint()
	if r.err != nil || n > uint64(len(r.b)) {
		r.err = errShortSummary
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

// stage reads a stage, sharing the string of the common ones: there are a
// handful of stages and tens of thousands of summaries.
func (r *summaryReader) stage() string {
	n := r.uvarint()
	if r.err != nil || n > uint64(len(r.b)) {
		r.err = errShortSummary
		return ""
	}
	v := r.b[:n]
	r.b = r.b[n:]
	for _, st := range records.Stages() {
		if string(v) == st {
			return st
		}
	}
	return string(v)
}

func (r *summaryReader) date() records.Date {
	switch r.byte() {
	case 0:
		return records.Date{}
	case 1:
	default:
		r.err = errShortSummary
		return records.Date{}
	}
	days, n := binary.Varint(r.b)
	if n <= 0 || days < -1e6 || days > 1e6 {
		r.err = errShortSummary
		return records.Date{}
	}
	r.b = r.b[n:]
	return records.DateOf(time.Unix(days*secondsPerDay, 0).UTC())
}

// putSummary writes the summary and search text of c and returns its index
// entry, for the index once the transaction commits.
func (s *Store) putSummary(txn *badger.Txn, c *records.Case) (*indexEntry, error) {
	e, text := summarise(c, s.rules)
	b, err := encodeSummary(e)
	if err != nil {
		return nil, err
	}
	if err := txn.Set(summaryKey(c.ID), b); err != nil {
		return nil, err
	}
	return e, putText(txn, c.ID, []byte(text))
}

// ensureSummaries rebuilds the stored summaries when they are missing or in
// another format; on a new database it only records the format.
func (s *Store) ensureSummaries() error {
	v, err := readSummaryVersion(s.db)
	if err != nil || v == s.summaryVersion() {
		return err
	}
	return s.remakeSummaries()
}

// remakeSummaries rebuilds every stored summary with the store's rules and
// then records what they were made with.
func (s *Store) remakeSummaries() error {
	if err := s.rebuildSummaries(); err != nil {
		return err
	}
	return update(s.db, func(txn *badger.Txn) error {
		return txn.Set([]byte(summaryVersionKey), []byte(s.summaryVersion()))
	})
}

// summaryVersion names what the stored summaries were made with: their
// format and the practice rules and options that worked out their gaps. A
// change of any of them rebuilds the summaries at open.
func (s *Store) summaryVersion() string {
	return strconv.Itoa(summaryVersion) + "; " + s.rules.Fingerprint()
}

func readSummaryVersion(db *badger.DB) (string, error) {
	v := ""
	err := view(db, func(txn *badger.Txn) error {
		item, err := txn.Get([]byte(summaryVersionKey))
		if errors.Is(err, badger.ErrKeyNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		return item.Value(func(b []byte) error {
			v = string(b)
			return nil
		})
	})
	return v, err
}

// rebuildSummaries drops every stored summary and search text and writes
// them again for each case. Of the restricted cases, those this user can
// read have their sealed summaries written again; the others keep theirs,
// and their gaps are worked out again when a reader next reads or saves
// them.
func (s *Store) rebuildSummaries() error {
	old, err := keysWithPrefix(s.db, summaryPrefix)
	if err != nil {
		return err
	}
	texts, err := keysWithPrefix(s.db, textPrefix)
	if err != nil {
		return err
	}
	old = append(old, texts...)
	err = s.commitInBatches(s.db, len(old), func(txn *badger.Txn, i int) error { return txn.Delete(old[i]) })
	if err != nil {
		return err
	}
	ids, err := keysWithPrefix(s.db, casePrefix)
	if err != nil {
		return err
	}
	err = s.commitInBatches(s.db, len(ids), func(txn *badger.Txn, i int) error {
		c, err := s.getCase(txn, string(ids[i][len(casePrefix):]))
		if err != nil {
			return err
		}
		_, err = s.putSummary(txn, c)
		return err
	})
	if err != nil {
		return err
	}
	restricted, err := keysWithPrefix(s.db, accessPrefix)
	if err != nil {
		return err
	}
	return s.commitInBatches(s.db, len(restricted), func(txn *badger.Txn, i int) error {
		c, err := s.getCase(txn, string(restricted[i][len(accessPrefix):]))
		if errors.Is(err, ErrRestricted) {
			return nil
		}
		if err != nil {
			return err
		}
		_, err = s.resummarise(txn, c)
		return err
	})
}

// keysWithPrefix lists the keys under a prefix without reading values.
func keysWithPrefix(db *badger.DB, prefix string) ([][]byte, error) {
	var keys [][]byte
	err := view(db, func(txn *badger.Txn) error {
		opts := iteratorOptions()
		opts.Prefix = []byte(prefix)
		it := txn.NewIterator(opts)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			keys = append(keys, it.Item().KeyCopy(nil))
		}
		return nil
	})
	return keys, err
}

// SetPracticeRules works out every case's gaps again with rules, when they
// differ from those the store has, so that the case list agrees with the
// practice check after a setting changes. It reads every case, so the
// window calls it off its own goroutine.
func (s *Store) SetPracticeRules(rules practice.Options) (err error) {
	_, release, err := s.useForWriting()
	if err != nil {
		return err
	}
	defer release()
	if rules.Fingerprint() == s.rules.Fingerprint() {
		return nil
	}
	old := s.rules
	s.rules = rules
	defer func() {
		if err != nil {
			s.rules = old
		}
	}()
	defer recoverInto(&err)
	if err := s.remakeSummaries(); err != nil {
		return err
	}
	return s.buildIndex()
}
