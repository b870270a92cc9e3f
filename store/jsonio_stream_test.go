package store

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"testing"
	"time"

	"msprecords/records"

	badger "github.com/dgraph-io/badger/v4"
)

// chunkedCases returns n full cases and their export, large enough to be
// written in several chunks once importChunk is lowered.
func chunkedCases(t *testing.T, n int) []byte {
	var cases []*records.Case
	for i := range n {
		cases = append(cases, fullCase(fmt.Sprint("chunk", i)))
	}
	return exportOf(t, cases...)
}

func lowerChunk(t *testing.T, n int) {
	old := importChunk
	importChunk = n
	t.Cleanup(func() { importChunk = old })
}

// TestImportInChunks imports a file read twice and written a chunk at a
// time under the pending-import marker, which is cleared at the end.
func TestImportInChunks(t *testing.T) {
	lowerChunk(t, 16<<10)
	data := chunkedCases(t, 30)
	s, dir, key := newTestStore(t)
	n, err := s.ImportJSON(bytes.NewReader(data))
	if err != nil || n != 30 {
		t.Fatalf("ImportJSON = %d, %v", n, err)
	}
	if pending(t, s) {
		t.Error("the marker of a finished import is still there")
	}
	s = reopen(t, s, dir, key)
	if got := len(s.Summaries()); got != 30 {
		t.Errorf("%d cases after reopening, want 30", got)
	}
	if r := mustVerify(t, s); r.AuditEntries != 30 {
		t.Errorf("%d audit entries, want one per case", r.AuditEntries)
	}
}

// TestImportInChunksRefusesLastCase refuses a file whose last case is
// wrong before writing any: the first pass reads it all.
func TestImportInChunksRefusesLastCase(t *testing.T) {
	lowerChunk(t, 16<<10)
	data := chunkedCases(t, 30)
	data = bytes.Replace(data, []byte(`"name":"Marjorie chunk29 Pennywhistle"`), []byte(`"name":"Marjorie\u0000"`), 1)
	s, _, _ := newTestStore(t)
	_, err := s.ImportJSON(bytes.NewReader(data))
	if !errors.Is(err, ErrImport) || !strings.Contains(err.Error(), "case 30 (FULL-chunk29): person.name:") {
		t.Fatalf("ImportJSON = %v", err)
	}
	if n := len(s.Summaries()); n != 0 || auditCount(t, s) != 0 {
		t.Errorf("a refused import left %d cases and %d audit entries", n, auditCount(t, s))
	}
}

// changingFile reads as one file in the first pass and another in the
// second, as a file rewritten during an import would.
type changingFile struct {
	first, second []byte
	r             *bytes.Reader
	seeks         int // to the start
}

func (f *changingFile) Read(p []byte) (int, error) { return f.r.Read(p) }

func (f *changingFile) Seek(off int64, whence int) (int64, error) {
	if whence == io.SeekStart && off == 0 {
		if f.seeks++; f.seeks == 2 { // the first rewinds after finding the size
			f.r = bytes.NewReader(f.second)
		}
	}
	return f.r.Seek(off, whence)
}

// TestImportUndoesAFileThatChanged changes the file between the passes,
// in its last case: what was written of it is removed again.
func TestImportUndoesAFileThatChanged(t *testing.T) {
	lowerChunk(t, 16<<10)
	data := chunkedCases(t, 30)
	changed := bytes.Replace(data, []byte("Calm visit chunk29"), []byte("Calm visit CHUNK29"), 1)
	s, _, _ := newTestStore(t)
	kept := mustCreate(t, s, "Kept Case")
	f := &changingFile{first: data, second: changed, r: bytes.NewReader(data)}
	_, err := s.ImportJSON(f)
	if !errors.Is(err, ErrImport) || !strings.Contains(err.Error(), "the file changed while it was being imported") {
		t.Fatalf("ImportJSON = %v", err)
	}
	if got := s.Summaries(); len(got) != 1 || got[0].ID != kept.ID {
		t.Errorf("after the refused import: %s", describeSummaries(got))
	}
	if pending(t, s) {
		t.Error("the marker of an undone import is still there")
	}
	trail, _ := s.AuditTrail()
	if last := trail[len(trail)-1]; last.Action != AuditImportUndone {
		t.Errorf("last audit entry %+v, want %q", last, AuditImportUndone)
	}
	mustVerify(t, s)
}

// statOnly is a file whose size says it is too large, and which must not
// be read.
type statOnly struct{ t *testing.T }

func (s statOnly) Read([]byte) (int, error) {
	s.t.Error("the file was read")
	return 0, io.EOF
}
func (s statOnly) Stat() (fs.FileInfo, error) { return bigFile{}, nil }

type bigFile struct{}

func (bigFile) Name() string       { return "big.json" }
func (bigFile) Size() int64        { return MaxImportSize + 1 }
func (bigFile) Mode() fs.FileMode  { return 0o600 }
func (bigFile) ModTime() time.Time { return time.Time{} }
func (bigFile) IsDir() bool        { return false }
func (bigFile) Sys() any           { return nil }

func TestImportRefusesTooLargeFileUnread(t *testing.T) {
	s, _, _ := newTestStore(t)
	if _, err := s.ImportJSON(statOnly{t}); !errors.Is(err, ErrImport) || !strings.Contains(err.Error(), "larger than 256 MB") {
		t.Errorf("ImportJSON = %v", err)
	}
}

func TestImportRefusesTooLargeCase(t *testing.T) {
	old := maxCaseSize
	maxCaseSize = 64 << 10
	t.Cleanup(func() { maxCaseSize = old })
	c := fullCase("big")
	c.Enquiry.Concern = strings.Repeat("Long notes. ", 8000)
	s, _, _ := newTestStore(t)
	_, err := s.ImportJSON(bytes.NewReader(exportOf(t, fullCase("small"), c)))
	if !errors.Is(err, ErrImport) || !strings.Contains(err.Error(), "case 2 (FULL-big): The case takes more than 64 KB of the file") {
		t.Errorf("ImportJSON = %v", err)
	}
}

// TestImportFromAStream reads a file that cannot seek (held in memory).
func TestImportFromAStream(t *testing.T) {
	s, _, _ := newTestStore(t)
	data := chunkedCases(t, 3)
	if n, err := s.ImportJSON(io.MultiReader(bytes.NewReader(data))); err != nil || n != 3 {
		t.Errorf("ImportJSON = %d, %v", n, err)
	}
}

func pending(t *testing.T, s *Store) bool {
	t.Helper()
	found := false
	err := view(s.db, func(txn *badger.Txn) error {
		_, err := txn.Get([]byte(importPendingKey))
		found = err == nil
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

// TestScanInvalidUTF8PerByte checks that bytes which are not UTF-8 cost no
// allocation each, where no problem is kept for them: in a field name at
// the top of the file, and in a case after its first problem. The scanner
// once built the JSON path for every such byte, which held the fuzzer to
// milliseconds an input for a few kilobytes of them.
func TestScanInvalidUTF8PerByte(t *testing.T) {
	s, _, _ := newTestStore(t)
	files := map[string]func(n int) string{
		"field name": func(n int) string { return `{"` + strings.Repeat("\xba", n) + `":1}` },
		"in a case": func(n int) string {
			return header + `{"schema":1,"reference":"R1","person":{"name":"` + strings.Repeat("\xba", n) + `"}}]}`
		},
	}
	for name, file := range files {
		t.Run(name, func(t *testing.T) {
			allocs := func(n int) float64 {
				data := []byte(file(n))
				return testing.AllocsPerRun(3, func() {
					if _, err := s.checkImportFile(bytes.NewReader(data)); !errors.Is(err, ErrImport) {
						t.Fatalf("checkImportFile = %v, want ErrImport", err)
					}
				})
			}
			if few, many := allocs(10), allocs(5000); many > few+10 {
				t.Errorf("%.0f allocations for 5,000 bytes that are not UTF-8, %.0f for 10", many, few)
			}
		})
	}
}
