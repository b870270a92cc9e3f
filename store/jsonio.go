package store

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"hash/maphash"
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
	// MaxImportSize bounds an import file. It is far beyond any real set
	// of cases; memory does not grow with the file (it is read as a
	// stream), but a file this large takes a while to check.
	MaxImportSize = 256 << 20
	// MaxCaseSize bounds the bytes one case may take in an import file,
	// which is what an import holds in memory at once: a case filled to
	// every limit of package records, in plain ASCII, takes less.
	MaxCaseSize = 16 << 20
	// MaxImportCases bounds the cases of one file: what the import keeps
	// for each (its reference and a hash) stays a few megabytes.
	MaxImportCases = 100000
)

type exportHeader struct {
	Format   string    `json:"format"`
	Version  int       `json:"version"`
	Exported time.Time `json:"exported"`
}

// ExportJSON writes the cases with the given ids (nil: every case this user
// can read, sorted by reference; Unreadable says how many were left out) as
// a JSON export file, and records an "export" audit entry for each. The
// file is plaintext: callers encrypt it or warn the user. A case of ids
// restricted to other users gives ErrRestricted.
func (s *Store) ExportJSON(w io.Writer, ids []string) error {
	if _, err := s.use(); err != nil {
		return err
	}
	s.done()
	if ids == nil {
		for _, sum := range s.Summaries() {
			if !sum.Sealed {
				ids = append(ids, sum.ID)
			}
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
// returns how many it added. The file is read as a stream, one case at a
// time, so memory does not grow with the file: a first pass checks
// everything (the format and version, the JSON and where it goes wrong,
// unknown fields, each case's schema version and validity, references
// already in use or repeated in the file) and nothing is written unless
// all is well; any problem gives an ErrImport error naming the case (by
// position and reference) and the field. A second pass, under the write
// lock, writes the cases in batches under a marker that undoes them at the
// next open if it is cut short, and undoes them at once if the file has
// changed since the first pass. A file small enough is kept from the first
// pass and written in one transaction. A file (anything with Stat) over
// MaxImportSize is refused before a byte of it is read; a reader that
// cannot seek is read into memory, up to MaxImportSize. Cases keep their
// ids unless the id is in use, when they get new ones.
func (s *Store) ImportJSON(r io.Reader) (int, error) {
	db, err := s.use()
	if err != nil {
		return 0, err
	}
	defer s.done()
	src, err := importSource(r)
	if err != nil {
		return 0, err
	}
	first, err := s.checkImportFile(src)
	if err != nil {
		return 0, err
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	if first.kept != nil {
		if err := s.checkImport(first.kept); err != nil {
			return 0, err
		}
		return len(first.kept), s.writeNewCases(db, first.kept, AuditImport)
	}
	if _, err := src.Seek(0, io.SeekStart); err != nil {
		return 0, fmt.Errorf("%w: cannot read the file again: %v", ErrImport, err)
	}
	return s.writeImportFile(db, src, first)
}

// firstPass is what the first pass over an import file keeps: a hash of
// each case's bytes, to know the second pass reads the same, and the
// cases themselves while they are few.
type firstPass struct {
	hashes []uint64
	seed   maphash.Seed
	kept   []*records.Case // nil when there were too many to keep
}

// importChunk is how many bytes of cases are decoded and written at a time
// (and how many a file may hold to be imported in one pass); a test lowers it.
var importChunk = 2 << 20

// checkImportFile is the first pass: it checks every case of the file,
// without writing or locking anything.
func (s *Store) checkImportFile(r io.Reader) (*firstPass, error) {
	fp := &firstPass{seed: maphash.MakeSeed(), kept: []*records.Case{}}
	chk := newImportCheck()
	size := 0
	_, err := scanImport(r, func(pos int, raw []byte, ref string) error {
		c, err := chk.check(pos, raw, ref)
		if err != nil {
			return err
		}
		if _, used := s.idx.idByReference(c.Reference); used {
			return &ImportError{Position: pos, Reference: c.Reference, Err: fmt.Errorf("%w in this vault", ErrDuplicateReference)}
		}
		fp.hashes = append(fp.hashes, maphash.Bytes(fp.seed, raw))
		if size += len(raw); size > importChunk {
			fp.kept = nil
		} else if fp.kept != nil {
			fp.kept = append(fp.kept, c)
		}
		return nil
	})
	return fp, err
}

// writeImportFile is the second pass: it decodes the cases again, checks
// they are the ones the first pass checked, and writes them a chunk at a time.
func (s *Store) writeImportFile(db *badger.DB, r io.Reader, first *firstPass) (int, error) {
	w := &importWriter{s: s, db: db}
	settle := newSettler(s)
	n, err := scanImport(r, func(pos int, raw []byte, ref string) error {
		if pos > len(first.hashes) || maphash.Bytes(first.seed, raw) != first.hashes[pos-1] {
			return errFileChanged
		}
		c, err := decodeImportCase(raw)
		if err != nil {
			return errFileChanged
		}
		records.Normalise(c)
		if err := settle.settle(pos, c); err != nil {
			return err
		}
		return w.add(c, len(raw))
	})
	if err == nil && n != len(first.hashes) {
		err = errFileChanged
	}
	if err == nil {
		return w.finish()
	}
	if uerr := w.abort(); uerr != nil {
		return 0, fmt.Errorf("%w (and undoing the import failed: %v)", err, uerr)
	}
	return 0, err
}

var errFileChanged = fmt.Errorf("%w: the file changed while it was being imported; nothing was imported: try again", ErrImport)

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
// does not know; any other error names the field that is wrong.
func decodeImportCase(raw []byte) (*records.Case, error) {
	var c records.Case
	err := strictDecode(raw, &c)
	v := c.Schema
	if err != nil {
		var ok bool
		if v, ok = schemaOf(raw); !ok {
			return nil, locateError(raw, &c, err)
		}
	}
	if !records.ReadsSchema(v) {
		return nil, fmt.Errorf("%w: version %d, this version of MSP Records reads versions %d to %d",
			ErrUnknownSchema, v, records.MinSchemaVersion, records.SchemaVersion)
	}
	if err != nil {
		return nil, locateError(raw, &c, err)
	}
	c.Upgrade()
	return &c, nil
}

// importCheck checks the cases of one file in turn: each decodes, is
// valid, and has a reference no earlier case of the file has.
type importCheck struct {
	refs  map[string]int // reference key: position in the file
	today records.Date
}

func newImportCheck() *importCheck {
	return &importCheck{refs: map[string]int{}, today: records.Today()}
}

func (k *importCheck) check(pos int, raw []byte, ref string) (*records.Case, error) {
	c, err := decodeImportCase(raw)
	if err != nil {
		return nil, &ImportError{Position: pos, Reference: ref, Err: err}
	}
	return c, k.checkCase(pos, c)
}

// checkCase tidies and checks one decoded case.
func (k *importCheck) checkCase(pos int, c *records.Case) error {
	fail := func(err error) error { return &ImportError{Position: pos, Reference: c.Reference, Err: err} }
	records.Normalise(c)
	if err := records.Validate(c, k.today); err != nil {
		return fail(err)
	}
	key := referenceKey(c.Reference)
	if j, dup := k.refs[key]; dup {
		return fail(fmt.Errorf("%w: case %d of the file has it too", ErrDuplicateReference, j))
	}
	k.refs[key] = pos
	return nil
}

// settler settles checked cases against the vault just before they are
// written, under the write lock: a reference in use is refused, an id in
// use (or repeated, or missing) is replaced.
type settler struct {
	s   *Store
	ids map[string]bool
}

func newSettler(s *Store) *settler { return &settler{s: s, ids: map[string]bool{}} }

func (st *settler) settle(pos int, c *records.Case) error {
	if _, used := st.s.idx.idByReference(c.Reference); used {
		return &ImportError{Position: pos, Reference: c.Reference, Err: fmt.Errorf("%w in this vault", ErrDuplicateReference)}
	}
	if _, used := st.s.idx.get(c.ID); used || c.ID == "" || st.ids[c.ID] {
		c.ID = records.NewID()
	}
	st.ids[c.ID] = true
	c.Revision = max(c.Revision, 1)
	return nil
}

// checkImport validates every case and settles ids before anything is
// written. It must run under the write lock, as it reads the index.
func (s *Store) checkImport(cases []*records.Case) error {
	chk, settle := newImportCheck(), newSettler(s)
	for i, c := range cases {
		if err := chk.checkCase(i+1, c); err != nil {
			return err
		}
		if err := settle.settle(i+1, c); err != nil {
			return err
		}
	}
	return nil
}
