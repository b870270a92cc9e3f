package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"reflect"
	"testing"

	"msprecords/records"
)

// FuzzImportJSON feeds import files to the import's reading and checking
// (its first pass, everything but the writing) against one real store:
// whatever the bytes, it either accepts cases that are valid and as many as
// the file holds, or refuses the file with ErrImport; it never panics, and
// never accepts what encoding/json would not read as the same cases.
//
// It writes nothing: a Badger commit (with its fsync) per exec held the
// fuzzer to a few execs a second, and to none while it minimised an input.
// The writing, all or nothing, is tested by TestImportRefusesBadFiles and
// TestImportInChunks with the same files.
func FuzzImportJSON(f *testing.F) {
	for _, seed := range smallImports {
		f.Add([]byte(seed))
	}
	if !fuzzing() {
		f.Add(exportOf(f, fullCase("one")))
		for _, tc := range hostileImports(f) {
			if len(tc.data) < 64<<10 {
				f.Add(tc.data)
			}
		}
	}
	s, _, _ := newTestStore(f)
	today := records.Today()
	f.Fuzz(func(t *testing.T, data []byte) {
		first, err := s.checkImportFile(bytes.NewReader(data))
		if err != nil {
			if !errors.Is(err, ErrImport) {
				t.Fatalf("checkImportFile error %v is not ErrImport", err)
			}
			return
		}
		var file struct {
			Cases []json.RawMessage `json:"cases"`
		}
		if err := json.Unmarshal(data, &file); err != nil {
			t.Fatalf("accepted a file encoding/json refuses: %v", err)
		}
		if len(first.hashes) != len(file.Cases) || (first.kept != nil && len(first.kept) != len(file.Cases)) {
			t.Fatalf("accepted %d cases of %d", len(first.hashes), len(file.Cases))
		}
		for _, c := range first.kept {
			if err := records.Validate(c, today); err != nil {
				t.Fatalf("accepted an invalid case: %v", err)
			}
		}
	})
}

// smallImports are the seeds the fuzzer starts from: one of each kind of
// file, each a few hundred bytes at most, as the fuzzer's speed (and the
// time it takes to minimise what it finds) goes with the size of its
// inputs. Normal tests also run the hostile files of the table as seeds.
var smallImports = []string{
	header + `{"schema":1,"reference":"R1","person":{"name":"A"}}]}`,
	header + `{"schema":1,"id":"abc","revision":3,"reference":"R1","person":{"name":"Zoë Ada","date_of_birth":"1940-03-01","nhs_number":"943 476 5919","postcode":"sw1a1aa"},` +
		`"enquiry":{"concern_received":"2026-01-01","concern":"a\tb\r\nc"},"contacts":[{"date":"2026-01-02","method":"Visit","notes":"seen \u00e9 \ud83d\ude00"}],` +
		`"risks":[{"description":"d","actions":[{"what":"w"}]}],"chronology":[{"id":"c1","text":"t"},{"id":"c2","text":"u","corrects":"c1"}],"meetings":[{"attendees":[{"name":"N"}]}]},` +
		`{"schema":1,"reference":"R2","person":{"name":"B"}}]}`,
	`{"cases":[{"schema":1,"reference":"R1","person":{"name":"A"}}],"exported":"2026-01-01T00:00:00Z","format":"msprecords-cases","version":1}`,
	header + `{"schema":1,"reference":"R1","person":{"name":"A\u0000B"}}]}`,
	header + `{"schema":1,"reference":"R1","person":{"name":"A\ud800"}}]}`,
	header + "{\"schema\":1,\"reference\":\"R1\",\"person\":{\"name\":\"Zo\xebe\"}}]}",
	header + "{\"schema\":1,\"reference\":\"R1\",\"person\":{\"name\":\"A\x00\"}}]}",
	header + `{"schema":1,"revision":-1,"reference":"R1","person":{"name":"A"}}]}`,
	header + `{"schema":1,"reference":"R1","person":{"name":42}}]}`,
	header + `{"schema":1,"reference":"R1","person":{"name":"A","nickname":"x"}}]}`,
	header + `{"schema":1,"reference":"R1","person":{"name":"A"},"contacts":[{"date":"2026-02-31"}]}]}`,
	header + `{"schema":1,"reference":"R1","person":{"name":"A"},"contacts":[{"date":"31/02/2026"}]}]}`,
	header + `{"schema":2,"reference":"R1"}]}`,
	header + `{"schema":1,"reference":"R1","person":{"name":"A"}},{"schema":1,"reference":"r1","person":{"name":"B"}}]}`,
	header + `[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]}`,
	header + `"hello"]}`,
	header + `]}`,
	header + `{"schema":1,"person":{"name":"A",}}]}`,
	header + `{"schema":1,"reference":"R1","person":{"name":"A"}}]}{"more":1}`,
	`{"format":"msprecords-cases","version":2,"cases":[]}`,
	`{"format":"other","version":1,"cases":[]}`,
	"",
	"   \n",
	"[1,2,3e4,-0.5,true,false,null]",
}

// smallCase is a stored document with a little of every kind of value.
const smallCase = `{"schema":1,"id":"abc","revision":2,"reference":"R1","created":"2026-01-01T10:00:00Z","person":{"name":"Zoë","date_of_birth":"1940-03-01","interpreter_needed":true},` +
	`"contacts":[{"date":"2026-01-02","notes":"a\nb"}],"risks":[{"actions":[{"what":"w","due":"2026-02-01"}]}],"chronology":[{"id":"c1","recorded":"2026-01-02T09:00:00+01:00","text":"t"}],"outcome":{"adult_outcomes":["x"]}}`

// fuzzing reports whether the test is run with -fuzz.
func fuzzing() bool {
	f := flag.Lookup("test.fuzz")
	return f != nil && f.Value.String() != ""
}

// FuzzDecodeCase feeds stored-document bytes to the case decoder: it never
// panics, and what it accepts encodes and decodes to the same case.
func FuzzDecodeCase(f *testing.F) {
	if !fuzzing() { // a 6 KB seed: the fuzzer starts from the small ones below
		full, _ := encodeCase(fullCase("fuzz"))
		f.Add(full)
		f.Add(full[:len(full)/2])
	}
	f.Add([]byte(smallCase))
	f.Add([]byte(`{"schema":1}`))
	f.Add([]byte(`{"schema":2,"person":{"name":"A"}}`))
	f.Add([]byte(`{"schema":1,"person":{"date_of_birth":"2020-02-30"}}`))
	f.Add([]byte(`{"schema":1,"chronology":[{"recorded":"not a time"}]}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(smallCase[:len(smallCase)/2]))
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
