package store

import (
	"bytes"
	"errors"
	"reflect"
	"testing"

	"msprecords/records"
)

// FuzzImportJSON feeds import files to one real store: whatever the bytes,
// ImportJSON either adds every case or returns ErrImport and leaves the
// store as it was, and never panics.
func FuzzImportJSON(f *testing.F) {
	valid := exportOf(f, fullCase("one"), fullCase("two"))
	f.Add(valid)
	for _, tc := range hostileImports(f) {
		if len(tc.data) < 1<<20 {
			f.Add(tc.data)
		}
	}
	f.Add([]byte(`{"format":"msprecords-cases","version":1,"exported":"2026-01-01T00:00:00Z","cases":[]}`))
	f.Add([]byte(`{"format":"msprecords-cases","version":1,"cases":[{"schema":1,"reference":"R1","person":{"name":"A"}}]}`))
	s, _, _ := newTestStore(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		before := len(s.Summaries())
		n, err := s.ImportJSON(bytes.NewReader(data))
		after := len(s.Summaries())
		switch {
		case err != nil && !errors.Is(err, ErrImport):
			t.Fatalf("ImportJSON error %v is not ErrImport", err)
		case err != nil && after != before:
			t.Fatalf("a refused import changed the case count from %d to %d", before, after)
		case err == nil && after != before+n:
			t.Fatalf("import of %d cases took the count from %d to %d", n, before, after)
		}
	})
}

// FuzzDecodeCase feeds stored-document bytes to the case decoder: it never
// panics, and what it accepts encodes and decodes to the same case.
func FuzzDecodeCase(f *testing.F) {
	full, _ := encodeCase(fullCase("fuzz"))
	f.Add(full)
	f.Add([]byte(`{"schema":1}`))
	f.Add([]byte(`{"schema":2,"person":{"name":"A"}}`))
	f.Add([]byte(`{"schema":1,"person":{"date_of_birth":"2020-02-30"}}`))
	f.Add([]byte(`{"schema":1,"chronology":[{"recorded":"not a time"}]}`))
	f.Add([]byte(`[]`))
	f.Add(full[:len(full)/2])
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := decodeCase(data)
		if err != nil {
			if !errors.Is(err, ErrDamagedStore) && !errors.Is(err, ErrUnknownSchema) {
				t.Fatalf("decodeCase error %v is neither ErrDamagedStore nor ErrUnknownSchema", err)
			}
			return
		}
		again, err := encodeCase(c)
		if err != nil {
			t.Fatalf("a decoded case does not encode: %v", err)
		}
		c2, err := decodeCase(again)
		if err != nil || !reflect.DeepEqual(normalTimes(c), normalTimes(c2)) {
			t.Fatalf("round trip changed the case: %v", err)
		}
	})
}

// normalTimes drops time zone names, which JSON does not keep (only offsets).
func normalTimes(c *records.Case) *records.Case {
	n := *c
	n.Created, n.Updated = n.Created.UTC(), n.Updated.UTC()
	n.Chronology = append([]records.ChronologyEntry(nil), c.Chronology...)
	for i := range n.Chronology {
		n.Chronology[i].Recorded = n.Chronology[i].Recorded.UTC()
	}
	return &n
}
