package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"msprecords/records"
)

// exportOf returns the JSON export of the given cases, as ExportJSON writes it.
func exportOf(t testing.TB, cases ...*records.Case) []byte {
	t.Helper()
	s, _, _ := newTestStore(t)
	var ids []string
	for _, c := range cases {
		if err := s.Create(c); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, c.ID)
	}
	var buf bytes.Buffer
	if err := s.ExportJSON(&buf, ids); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// editExport decodes an export into generic JSON, lets edit change it, and
// encodes it again.
func editExport(t testing.TB, data []byte, edit func(file map[string]any, cases []any)) []byte {
	t.Helper()
	var file map[string]any
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	edit(file, file["cases"].([]any))
	out, err := json.Marshal(file)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func person(c any) map[string]any { return c.(map[string]any)["person"].(map[string]any) }

func hostileImports(t testing.TB) map[string]struct {
	data []byte
	want string
} {
	valid := exportOf(t, fullCase("one"), fullCase("two"))
	edit := func(fn func(file map[string]any, cases []any)) []byte { return editExport(t, valid, fn) }
	deep := strings.Repeat("[", 20000) + strings.Repeat("]", 20000)
	return map[string]struct {
		data []byte
		want string
	}{
		"empty":           {nil, "not a JSON case file"},
		"not json":        {[]byte("name,dob\nAnn,1/1/1950\n"), "not a JSON case file"},
		"truncated":       {valid[:len(valid)/2], "not a JSON case file"},
		"trailing data":   {append(append([]byte{}, valid...), []byte(`{"more":1}`)...), "after the end of the file"},
		"wrong format":    {[]byte(`{"format":"other-app","version":1,"cases":[]}`), `format "other-app"`},
		"no format":       {[]byte(`{"cases":[]}`), "not an MSP Records case file"},
		"wrong version":   {edit(func(f map[string]any, _ []any) { f["version"] = 2 }), "version 2 of msprecords-cases"},
		"unknown field":   {edit(func(f map[string]any, _ []any) { f["owner"] = "x" }), `unknown field "owner"`},
		"case unknown":    {edit(func(_ map[string]any, cs []any) { person(cs[1])["nickname"] = "x" }), `case 2 (FULL-two): unknown field "nickname"`},
		"case schema":     {edit(func(_ map[string]any, cs []any) { cs[0].(map[string]any)["schema"] = 7 }), "case 1 (FULL-one): unknown record format version: version 7"},
		"invalid date":    {edit(func(_ map[string]any, cs []any) { person(cs[1])["date_of_birth"] = "31/02/1950" }), "case 2 (FULL-two): not a real date"},
		"impossible day":  {edit(func(_ map[string]any, cs []any) { person(cs[0])["date_of_birth"] = "1950-02-30" }), "case 1 (FULL-one): not a real date"},
		"invalid nhs":     {edit(func(_ map[string]any, cs []any) { person(cs[1])["nhs_number"] = "1234567890" }), "case 2 (FULL-two): Enter a real NHS number, like 999 123 4560 (person.nhs_number)"},
		"no name":         {edit(func(_ map[string]any, cs []any) { person(cs[0])["name"] = " " }), "case 1 (FULL-one): Enter the person's full name"},
		"huge field":      {edit(func(_ map[string]any, cs []any) { person(cs[1])["name"] = strings.Repeat("A", 10<<20) }), "case 2 (FULL-two): Text must be 100000 characters or fewer (person.name)"},
		"wrong type":      {edit(func(_ map[string]any, cs []any) { person(cs[0])["name"] = 42 }), "case 1 (FULL-one): person.name must be text, not number"},
		"case not object": {edit(func(_ map[string]any, cs []any) { cs[1] = "hello" }), "case 2: the case must be an object, not string"},
		"deeply nested":   {[]byte(`{"format":"msprecords-cases","version":1,"cases":[` + deep + `]}`), "not a JSON case file"},
		"nested in case":  {[]byte(`{"format":"msprecords-cases","version":1,"cases":[{"schema":1,"person":{"name":` + deep + `}}]}`), "not a JSON case file"},
		"same reference twice": {edit(func(_ map[string]any, cs []any) { cs[1].(map[string]any)["reference"] = "full-ONE" }),
			"case 2 (full-ONE): another case already has this reference: case 1 of the file has it too"},
		"reference in vault": {edit(func(_ map[string]any, cs []any) { cs[1].(map[string]any)["reference"] = "EXISTING-1" }),
			"case 2 (EXISTING-1): another case already has this reference in this vault"},
	}
}

func TestImportRefusesBadFiles(t *testing.T) {
	s, _, _ := newTestStore(t)
	existing := fullCase("existing")
	existing.Reference = "EXISTING-1"
	if err := s.Create(existing); err != nil {
		t.Fatal(err)
	}
	before, entries := s.Summaries(), auditCount(t, s)
	for name, tc := range hostileImports(t) {
		t.Run(name, func(t *testing.T) {
			n, err := s.ImportJSON(bytes.NewReader(tc.data))
			if !errors.Is(err, ErrImport) || n != 0 {
				t.Fatalf("ImportJSON = %d, %v; want ErrImport", n, err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q\ndoes not say %q", records.Shorten(err.Error(), 300), tc.want)
			}
			if after := s.Summaries(); !reflect.DeepEqual(after, before) {
				t.Errorf("summaries changed: %s", describeSummaries(after))
			}
			if got := auditCount(t, s); got != entries {
				t.Errorf("audit entries %d, want %d", got, entries)
			}
		})
	}
	var ie *ImportError
	_, err := s.ImportJSON(bytes.NewReader(hostileImports(t)["invalid nhs"].data))
	var ve *records.ValidationError
	if !errors.As(err, &ie) || ie.Position != 2 || ie.Reference != "FULL-two" || !errors.As(err, &ve) {
		t.Errorf("error %#v: want an ImportError for case 2 wrapping a ValidationError", err)
	}
}

func TestImportRefusesTooLargeFile(t *testing.T) {
	defer func(n int64) { maxImportSize = n }(maxImportSize)
	maxImportSize = 1 << 20
	s, _, _ := newTestStore(t)
	valid := exportOf(t, fullCase("one"))
	padded := append(bytes.Repeat([]byte(" "), 1<<20), valid...)
	if _, err := s.ImportJSON(bytes.NewReader(padded)); !errors.Is(err, ErrImport) || !strings.Contains(err.Error(), "larger than 1 MB") {
		t.Errorf("import of a file over the limit = %v", err)
	}
	if _, err := s.ImportJSON(bytes.NewReader(valid)); err != nil {
		t.Errorf("import of a file under the limit = %v", err)
	}
}

func TestImportGivesNewIDsAndKeepsTheRest(t *testing.T) {
	s, _, _ := newTestStore(t)
	a := mustCreate(t, s, "Ann Able")
	var buf bytes.Buffer
	if err := s.ExportJSON(&buf, nil); err != nil {
		t.Fatal(err)
	}
	again := editExport(t, buf.Bytes(), func(f map[string]any, cs []any) {
		second := map[string]any{}
		for k, v := range cs[0].(map[string]any) {
			second[k] = v
		}
		cs[0].(map[string]any)["reference"] = "COPY-1"
		second["reference"] = "COPY-2"
		f["cases"] = append(cs, second)
	})
	if _, err := s.ImportJSON(bytes.NewReader(again)); err != nil {
		t.Fatal(err)
	}
	copyID, ok := s.idx.idByReference("COPY-1")
	copy2ID, ok2 := s.idx.idByReference("COPY-2")
	if !ok || !ok2 || copyID == a.ID || copy2ID == a.ID || copyID == copy2ID {
		t.Fatalf("imported copies have ids %q and %q (original %q)", copyID, copy2ID, a.ID)
	}
	c, err := s.Load(copyID)
	if err != nil || c.Person.Name != "Ann Able" || c.Revision != 1 {
		t.Errorf("imported copy: %+v, %v", c, err)
	}
	mustVerify(t, s)
}

// TestImportLargerThanATransaction imports more than one Badger transaction
// holds, which is written in batches under a marker.
func TestImportLargerThanATransaction(t *testing.T) {
	var cases []*records.Case
	for i := range 400 {
		c := fullCase(fmt.Sprint(i))
		c.Enquiry.Concern = strings.Repeat("Long notes. ", 400)
		cases = append(cases, c)
	}
	data := exportOf(t, cases...)
	s, dir, key := newTestStore(t)
	n, err := s.ImportJSON(bytes.NewReader(data))
	if err != nil || n != len(cases) {
		t.Fatalf("ImportJSON = %d, %v", n, err)
	}
	s = reopen(t, s, dir, key)
	if got := len(s.Summaries()); got != len(cases) {
		t.Errorf("%d cases after reopening, want %d", got, len(cases))
	}
	r := mustVerify(t, s)
	if r.AuditEntries != len(cases) {
		t.Errorf("%d audit entries, want one per case", r.AuditEntries)
	}
}

// TestInterruptedImportIsUndone leaves an import marker and some of its
// cases, as a crash during a batched import would, and reopens.
func TestInterruptedImportIsUndone(t *testing.T) {
	s, dir, key := newTestStore(t)
	kept := mustCreate(t, s, "Kept Case")
	var cases []*records.Case
	for i := range 3 {
		c := fullCase(fmt.Sprint("cut", i))
		c.ID = records.NewID()
		cases = append(cases, c)
	}
	p := pendingImport{IDs: []string{cases[0].ID, cases[1].ID, cases[2].ID}}
	if err := setPending(s.db, p); err != nil {
		t.Fatal(err)
	}
	if err := s.writeNewCases(s.db, cases[:2], AuditImport); err != nil {
		t.Fatal(err)
	}
	s = reopen(t, s, dir, key)
	if got := s.Summaries(); len(got) != 1 || got[0].ID != kept.ID {
		t.Errorf("after reopening: %s; want only the kept case", describeSummaries(got))
	}
	trail, _ := s.AuditTrail()
	if last := trail[len(trail)-1]; last.Action != AuditImportUndone {
		t.Errorf("last entry %+v, want %q", last, AuditImportUndone)
	}
	mustVerify(t, s)
	s = reopen(t, s, dir, key)
	if n := auditCount(t, s); n != len(trail) {
		t.Errorf("undone twice: %d entries, was %d", n, len(trail))
	}
}

func TestExportJSONFormat(t *testing.T) {
	s, _, _ := newTestStore(t)
	b := mustCreate(t, s, "Bob Baker")
	a := mustCreate(t, s, "Ann Able")
	var buf bytes.Buffer
	if err := s.ExportJSON(&buf, nil); err != nil {
		t.Fatal(err)
	}
	var f struct {
		Format   string
		Version  int
		Exported string
		Cases    []records.Case
	}
	if err := json.Unmarshal(buf.Bytes(), &f); err != nil {
		t.Fatalf("export is not JSON: %v\n%s", err, buf.String())
	}
	if f.Format != ExportFormat || f.Version != 1 || f.Exported == "" || len(f.Cases) != 2 {
		t.Fatalf("export header %q %d %q, %d cases", f.Format, f.Version, f.Exported, len(f.Cases))
	}
	if f.Cases[0].ID != b.ID || f.Cases[1].ID != a.ID {
		t.Errorf("cases not in reference order")
	}
	var empty bytes.Buffer
	if err := s.ExportJSON(&empty, []string{}); err != nil || !json.Valid(empty.Bytes()) {
		t.Errorf("export of no cases: %v %s", err, empty.String())
	}
	if err := s.ExportJSON(&empty, []string{"missing"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("export of an unknown id = %v, want ErrNotFound", err)
	}
}
