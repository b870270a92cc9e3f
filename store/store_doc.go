package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"msprecords/records"

	badger "github.com/dgraph-io/badger/v4"
)

// encodeCase writes the stored form of a case: its JSON, the same document
// as in a JSON export (see docs/format.md).
func encodeCase(c *records.Case) ([]byte, error) {
	return json.Marshal(c)
}

// decodeCase reads a stored case document. A document of a schema version
// this build does not know gives ErrUnknownSchema, rather than being read
// wrongly and then saved back without the fields it does not know. One of
// an older version it reads is upgraded (records.Case.Upgrade), and is
// written in the new version the next time the case is saved.
func decodeCase(b []byte) (*records.Case, error) {
	var c records.Case
	if err := json.Unmarshal(b, &c); err != nil {
		if v, ok := schemaOf(b); ok && !records.ReadsSchema(v) {
			return nil, fmt.Errorf("%w: version %d", ErrUnknownSchema, v)
		}
		return nil, fmt.Errorf("%w: case document: %v", ErrDamagedStore, err)
	}
	if !records.ReadsSchema(c.Schema) {
		return nil, fmt.Errorf("%w: version %d", ErrUnknownSchema, c.Schema)
	}
	c.Upgrade()
	return &c, nil
}

// schemaOf reads only the schema version of a document that may not decode
// as this build's Case.
func schemaOf(b []byte) (int, bool) {
	var head struct {
		Schema int `json:"schema"`
	}
	if json.Unmarshal(b, &head) != nil {
		return 0, false
	}
	return head.Schema, true
}

// docBodyMark starts what follows a document's header (schema, id,
// revision, reference, created, updated): the fields of Case after those
// six, in the order encoding/json writes them. Its first occurrence is the
// key itself, as a quote inside a JSON string is always escaped.
var docBodyMark = []byte(`,"person":`)

// sameContent reports whether two stored documents of the same case differ
// at most in their revision and time of update: what a save that changed
// nothing would differ in. It compares the stored bytes, so that a save
// encodes its case once rather than the old and new copies again. A stored
// document not written by this encoder may compare unequal to the same
// case; the save then writes it again, which loses nothing.
func sameContent(old *records.Case, oldDoc []byte, next *records.Case, nextDoc []byte) bool {
	if old.Schema != next.Schema || old.ID != next.ID || old.Reference != next.Reference || !old.Created.Equal(next.Created) {
		return false
	}
	i, j := bytes.Index(oldDoc, docBodyMark), bytes.Index(nextDoc, docBodyMark)
	return i >= 0 && j >= 0 && bytes.Equal(oldDoc[i:], nextDoc[j:])
}

// getCase reads one case inside a transaction.
func (s *Store) getCase(txn *badger.Txn, id string) (*records.Case, error) {
	c, _, err := s.getCaseDoc(txn, id, false)
	return c, err
}

// getCaseDoc reads one case and, if keep, a copy of its document as JSON
// (opened with its case key if the case is restricted: ErrRestricted if
// this user cannot).
func (s *Store) getCaseDoc(txn *badger.Txn, id string, keep bool) (*records.Case, []byte, error) {
	if id == "" {
		return nil, nil, fmt.Errorf("%w: no id given", ErrNotFound)
	}
	// A restricted case's sealed copy first: until its plain keys are
	// purged (see Restrict) the plain copy is still there too.
	sealed := true
	item, err := txn.Get(sealedKey(id))
	if errors.Is(err, badger.ErrKeyNotFound) {
		item, err = txn.Get(caseKey(id))
		sealed = false
	}
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, nil, fmt.Errorf("%w: id %q", ErrNotFound, id)
	}
	if err != nil {
		return nil, nil, err
	}
	var c *records.Case
	var doc []byte
	err = item.Value(func(v []byte) error {
		switch {
		case sealed:
			if v, err = s.openSealed(txn, id, v); err != nil { // a copy of its own
				return err
			}
		case keep:
			v = append([]byte(nil), v...) // Badger's copy is valid only in here
		}
		if keep {
			doc = v
		}
		c, err = decodeCase(v)
		return err
	})
	return c, doc, err
}

// putCase encodes and writes a case and its summary, and returns the
// summary's index entry for the index once the transaction commits.
func (s *Store) putCase(txn *badger.Txn, c *records.Case) (*indexEntry, error) {
	b, err := encodeCase(c)
	if err != nil {
		return nil, err
	}
	return s.putCaseDoc(txn, c, b)
}

// putCaseDoc is putCase for a case already encoded as doc. A restricted
// case is sealed again with its key.
func (s *Store) putCaseDoc(txn *badger.Txn, c *records.Case, doc []byte) (*indexEntry, error) {
	if summariseTestHook != nil {
		summariseTestHook(c)
	}
	a, restricted, err := getAccess(txn, c.ID)
	if err != nil {
		return nil, err
	}
	if restricted {
		key, err := s.keyFor(txn, c.ID)
		if err != nil {
			return nil, err
		}
		return s.putRestricted(txn, c, doc, key, a)
	}
	if err := txn.Set(caseKey(c.ID), doc); err != nil {
		return nil, err
	}
	return s.putSummary(txn, c)
}

// summariseTestHook, when set, runs where a case being written is about to
// be summarised with the practice rules. Only this package's tests set it
// (see export_test.go), to make a rule panic in the middle of a save.
var summariseTestHook func(*records.Case)

// nowUTC is the time stamped on saves and audit entries: UTC, so that the
// same instant reads the same on every PC, and without the monotonic clock
// reading, so that it survives a JSON round trip unchanged.
func nowUTC() time.Time { return time.Now().UTC() }

// update runs fn in a read-write transaction and commits it (with fsync).
// A panic inside it becomes an error (see recoverInto), and nothing of the
// transaction is written. A commit that appended to the audit trail then
// moves the commit mark to the new head (see mark.go); a failure to write
// the mark does not undo the commit, and is reported by Verify.
func update(db *badger.DB, fn func(*badger.Txn) error) (err error) {
	defer recoverInto(&err)
	var head auditHead
	moved := false
	err = db.Update(func(txn *badger.Txn) error {
		defer forgetHead(txn)
		if err := fn(txn); err != nil {
			return err
		}
		head, moved = newHead(txn)
		return nil
	})
	if m := markOf(db); err == nil && moved && m != nil {
		_ = m.advance(head)
	}
	return err
}

// view runs fn in a read-only transaction.
func view(db *badger.DB, fn func(*badger.Txn) error) (err error) {
	defer recoverInto(&err)
	return db.View(fn)
}

// recoverInto, deferred, turns a panic into *err: ErrDamagedStore when the
// panic was raised inside Badger, which panics on some damaged files, and
// ErrInternal, with a crash report, when it was raised in our own code.
func recoverInto(err *error) {
	if r := recover(); r != nil {
		*err = panicError(r, panicStack())
	}
}

// panicError words a recovered panic, given the stack it was raised on.
func panicError(r any, stack []runtime.Frame) error {
	if raisedIn(stack) == badgerCode {
		return fmt.Errorf("%w: %v", ErrDamagedStore, r)
	}
	return &InternalError{Report: crashReport(r, stack)}
}

// maxReportFrames bounds the stack in a crash report: the frames nearest
// the panic are the ones that tell.
const maxReportFrames = 24

// panicStack returns, from within a deferred function, the stack of the
// goroutine as it was when it panicked: the frames below runtime.gopanic.
func panicStack() []runtime.Frame {
	pcs := make([]uintptr, 64)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(1, pcs)])
	var all []runtime.Frame
	panicked := -1
	for {
		f, more := frames.Next()
		if f.Function == "runtime.gopanic" && panicked < 0 {
			panicked = len(all)
		}
		all = append(all, f)
		if !more {
			break
		}
	}
	return all[panicked+1:] // all of it if gopanic was not seen
}

// Where a panic was raised.
const (
	ownCode = iota
	badgerCode
)

// raisedIn finds whose code raised a panic: the first frame, past the
// runtime's own (an index out of range is raised by runtime.panicIndex),
// in Badger or its cache, or in this module. Standard library frames in
// between are passed over: they were called by one or the other.
func raisedIn(stack []runtime.Frame) int {
	for _, f := range stack {
		switch {
		case strings.HasPrefix(f.Function, "github.com/dgraph-io/"):
			return badgerCode
		case strings.HasPrefix(f.Function, "msprecords/"):
			return ownCode
		}
	}
	return ownCode
}

// crashReport is what an internal error shows: the program's version, the
// panic's type and the stack. Not the panic's value, which could hold case
// data (a name in a message, say), nor even a runtime error's message,
// whose numbers (an index, a length) could come from a case: the type
// (runtime.boundsError) and the line say enough.
func crashReport(r any, stack []runtime.Frame) []string {
	kind := fmt.Sprintf("panic: a value of type %T", r)
	report := []string{"MSP Records " + programVersion(), kind}
	for _, f := range stack {
		if strings.HasPrefix(f.Function, "runtime.") {
			continue
		}
		if len(report) == maxReportFrames+2 {
			report = append(report, "…")
			break
		}
		report = append(report, fmt.Sprintf("%s (%s:%d)", f.Function, shortPath(f.File), f.Line))
	}
	return report
}

// shortPath keeps a source file's folder and name, not where it was built.
func shortPath(file string) string {
	dir, name := path.Split(filepath.ToSlash(file))
	return path.Join(path.Base(dir), name)
}

// programVersion is the module version and source revision the binary was
// built from, as the Go toolchain recorded them.
func programVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(version unknown)"
	}
	v := info.Main.Version
	for _, s := range info.Settings {
		switch {
		case s.Key == "vcs.revision" && len(s.Value) >= 12:
			v += " " + s.Value[:12]
		case s.Key == "vcs.modified" && s.Value == "true":
			v += " (modified)"
		}
	}
	return v + ", " + info.GoVersion
}

// iteratorOptions reads values in the calling goroutine: Badger's prefetch
// runs in goroutines of its own, where an error is dropped and a panic on a
// damaged file could not be recovered.
func iteratorOptions() badger.IteratorOptions {
	opts := badger.DefaultIteratorOptions
	opts.PrefetchValues = false
	return opts
}
