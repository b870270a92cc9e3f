package store

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"msprecords/records"

	badger "github.com/dgraph-io/badger/v4"
)

// The JSON import/export file: {"format":"msprecords-cases","version":1,
// "exported":"<RFC 3339>","cases":[Case...]} (see docs/format.md).
const (
	ExportFormat  = "msprecords-cases"
	ExportVersion = 1
	// MaxImportSize bounds an import file, so that a wrong or hostile file
	// cannot exhaust memory. It is far beyond any real set of cases.
	MaxImportSize = 256 << 20
)

type exportHeader struct {
	Format   string    `json:"format"`
	Version  int       `json:"version"`
	Exported time.Time `json:"exported"`
}

// ExportJSON writes the cases with the given ids (nil: every case, sorted by
// reference) as a JSON export file, and records an "export" audit entry for
// each. The file is plaintext: callers encrypt it or warn the user.
func (s *Store) ExportJSON(w io.Writer, ids []string) error {
	if _, err := s.use(); err != nil {
		return err
	}
	s.done()
	if ids == nil {
		for _, sum := range s.Summaries() {
			ids = append(ids, sum.ID)
		}
	}
	bw := bufio.NewWriter(w)
	if err := writeExport(bw, ids, s.Load); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return s.recordExports(ids, "JSON export")
}

// writeExport writes the file one case at a time, so that exporting every
// case never holds them all in memory.
func writeExport(w io.Writer, ids []string, load func(string) (*records.Case, error)) error {
	head, err := json.Marshal(exportHeader{ExportFormat, ExportVersion, nowUTC()})
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	buf.Write(head[:len(head)-1])
	buf.WriteString(`,"cases":[`)
	for i, id := range ids {
		c, err := load(id)
		if err != nil {
			return err
		}
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteByte('\n')
		if err := json.NewEncoder(&buf).Encode(c); err != nil {
			return err
		}
		buf.Truncate(buf.Len() - 1) // Encode's newline
		if _, err := buf.WriteTo(w); err != nil {
			return err
		}
	}
	buf.WriteString("\n]}\n")
	_, err = buf.WriteTo(w)
	return err
}

func (s *Store) recordExports(ids []string, detail string) error {
	db, release, err := s.useForWriting()
	if err != nil {
		return err
	}
	defer release()
	return s.commitInBatches(db, len(ids), func(txn *badger.Txn, i int) error {
		ref := ""
		if e, ok := s.idx.get(ids[i]); ok {
			ref = e.sum.Reference
		}
		_, err := appendAudit(txn, s.user, AuditExport, ids[i], strings.TrimSpace(ref+" "+detail))
		return err
	})
}

// ImportJSON adds the cases of a JSON export file, all or nothing, and
// returns how many it added. The whole file is read and every case checked
// first: the format and version, unknown fields, each case's schema version
// and validity, and references already in use or repeated in the file. Any
// problem gives an ErrImport error naming the case (by position and
// reference) and nothing is written. Cases keep their ids unless the id is
// in use, when they get new ones. An import too large for one transaction is
// written in batches under a marker that undoes it at the next open if it
// is cut short.
func (s *Store) ImportJSON(r io.Reader) (int, error) {
	db, err := s.use()
	if err != nil {
		return 0, err
	}
	defer s.done()
	cases, err := readImport(r)
	if err != nil {
		return 0, err
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	if err := s.checkImport(cases); err != nil {
		return 0, err
	}
	if err := s.writeNewCases(db, cases, AuditImport); err != nil {
		return 0, err
	}
	return len(cases), nil
}

// CreateAll adds new cases in bulk, all or nothing, with the checks and
// the crash safety of ImportJSON, but from cases already in memory (demo
// data, for one): nothing is encoded to JSON and parsed back.
func (s *Store) CreateAll(cases []*records.Case) error {
	db, err := s.use()
	if err != nil {
		return err
	}
	defer s.done()
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	if err := s.checkImport(cases); err != nil {
		return err
	}
	return s.writeNewCases(db, cases, AuditCreate)
}

// strictDecode decodes one JSON value, refusing unknown fields and
// anything after the value.
func strictDecode(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("unexpected data after the end of the JSON value")
	}
	return nil
}

// decodeImportCase decodes one case strictly. A case of another schema
// version is named as such, whether or not it also has fields this build
// does not know.
func decodeImportCase(raw json.RawMessage) (*records.Case, error) {
	var c records.Case
	err := strictDecode(raw, &c)
	v := c.Schema
	if err != nil {
		var ok bool
		if v, ok = schemaOf(raw); !ok {
			return nil, err
		}
	}
	if v != records.SchemaVersion {
		return nil, fmt.Errorf("%w: version %d, this version of MSP Records reads version %d", ErrUnknownSchema, v, records.SchemaVersion)
	}
	return &c, err
}

// referenceIn pulls the reference out of a case that may not decode, to
// name it in an error.
func referenceIn(raw json.RawMessage) string {
	var head struct {
		Reference string `json:"reference"`
	}
	if json.Unmarshal(raw, &head) != nil {
		return ""
	}
	return head.Reference
}

// checkImport validates every case and settles ids before anything is
// written. It must run under the write lock, as it reads the index.
func (s *Store) checkImport(cases []*records.Case) error {
	refs := make(map[string]int, len(cases))
	ids := make(map[string]bool, len(cases))
	for i, c := range cases {
		fail := func(err error) error { return &ImportError{Position: i + 1, Reference: c.Reference, Err: err} }
		records.Normalise(c)
		if err := validateImported(c); err != nil {
			return fail(err)
		}
		key := referenceKey(c.Reference)
		if j, dup := refs[key]; dup {
			return fail(fmt.Errorf("%w: case %d of the file has it too", ErrDuplicateReference, j))
		}
		if _, used := s.idx.idByReference(c.Reference); used {
			return fail(fmt.Errorf("%w in this vault", ErrDuplicateReference))
		}
		refs[key] = i + 1
		if _, used := s.idx.get(c.ID); used || c.ID == "" || ids[c.ID] {
			c.ID = records.NewID()
		}
		ids[c.ID] = true
		c.Revision = max(c.Revision, 1)
	}
	return nil
}
