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

// header is the start of an import file, for files written by hand.
const header = `{"format":"msprecords-cases","version":1,"exported":"2026-01-01T00:00:00Z","cases":[`

// hostileImports are files an import must refuse, each with what the one
// line of the refusal must say: the case, and the field in it.
func hostileImports(t testing.TB) map[string]struct {
	data []byte
	want string
} {
	valid := exportOf(t, fullCase("one"), fullCase("two"))
	edit := func(fn func(file map[string]any, cases []any)) []byte { return editExport(t, valid, fn) }
	swap := func(old, new string) []byte {
		if !bytes.Contains(valid, []byte(old)) {
			t.Fatalf("the export lacks %q", old)
		}
		return bytes.Replace(valid, []byte(old), []byte(new), 1)
	}
	contact := func(i int, key string, v any) func(map[string]any, []any) {
		return func(_ map[string]any, cs []any) {
			cs[i].(map[string]any)["contacts"].([]any)[0].(map[string]any)[key] = v
		}
	}
	deep := strings.Repeat("[", 20000) + strings.Repeat("]", 20000)
	return map[string]struct {
		data []byte
		want string
	}{
		"empty":             {nil, "not a JSON case file: the file is empty"},
		"not json":          {[]byte("name,dob\nAnn,1/1/1950\n"), "not a JSON case file: line 1, column 1 (byte 0): expected { to begin the file, found n"},
		"truncated":         {valid[:len(valid)/2], "not a JSON case file: the file ends too soon, in cases[0]"},
		"trailing data":     {append(append([]byte{}, valid...), []byte(`{"more":1}`)...), "after the end of the file"},
		"wrong format":      {[]byte(`{"format":"other-app","version":1,"cases":[]}`), `format "other-app"`},
		"no format":         {[]byte(`{"cases":[]}`), "not an MSP Records case file"},
		"wrong version":     {edit(func(f map[string]any, _ []any) { f["version"] = 2 }), "version 2 of msprecords-cases"},
		"unknown field":     {edit(func(f map[string]any, _ []any) { f["owner"] = "x" }), `unknown field "owner"`},
		"case unknown":      {edit(func(_ map[string]any, cs []any) { person(cs[1])["nickname"] = "x" }), `case 2 (FULL-two): person.nickname: this version of MSP Records has no such field`},
		"case schema":       {edit(func(_ map[string]any, cs []any) { cs[0].(map[string]any)["schema"] = 7 }), "case 1 (FULL-one): unknown record format version: version 7"},
		"invalid date":      {edit(func(_ map[string]any, cs []any) { person(cs[1])["date_of_birth"] = "31/02/1950" }), "case 2 (FULL-two): person.date_of_birth: Date of birth must be a real date, written as YYYY-MM-DD"},
		"impossible day":    {edit(func(_ map[string]any, cs []any) { person(cs[0])["date_of_birth"] = "1950-02-30" }), "case 1 (FULL-one): person.date_of_birth: Date of birth must be a real date"},
		"contact date":      {edit(contact(0, "date", "2026-02-31")), "case 1 (FULL-one): contacts[0].date: Date of contact must be a real date"},
		"recorded time":     {edit(func(_ map[string]any, cs []any) { cs[1].(map[string]any)["created"] = "yesterday" }), "case 2 (FULL-two): created: Created must be a date and time"},
		"invalid nhs":       {edit(func(_ map[string]any, cs []any) { person(cs[1])["nhs_number"] = "1234567890" }), "case 2 (FULL-two): person.nhs_number: Enter a real NHS number, like 999 123 4560"},
		"no name":           {edit(func(_ map[string]any, cs []any) { person(cs[0])["name"] = " " }), "case 1 (FULL-one): person.name: Enter the person's full name"},
		"huge field":        {edit(func(_ map[string]any, cs []any) { person(cs[1])["name"] = strings.Repeat("A", 10<<20) }), "case 2 (FULL-two): person.name: Full name must be 300 characters or fewer"},
		"long reference":    {edit(func(_ map[string]any, cs []any) { cs[1].(map[string]any)["reference"] = strings.Repeat("R", 101) }), "reference: Case reference must be 100 characters or fewer"},
		"long notes":        {edit(contact(1, "notes", strings.Repeat("a", records.MaxTextLength+1))), "case 2 (FULL-two): contacts[0].notes: Notes must be 100,000 characters or fewer"},
		"NUL in a name":     {edit(func(_ map[string]any, cs []any) { person(cs[0])["name"] = "Ann\x00Able" }), "case 1 (FULL-one): person.name: Full name must not include tabs, line breaks or other control characters"},
		"NUL in notes":      {edit(contact(1, "notes", "Calm\x00visit")), "case 2 (FULL-two): contacts[0].notes: Notes must not include control characters (tabs and line breaks are fine)"},
		"bare CR":           {edit(contact(0, "views", "one\rtwo")), "case 1 (FULL-one): contacts[0].views: Views must not include control characters"},
		"raw NUL":           {swap("Calm visit two", "Calm\x00visit"), "in cases[1].contacts[0].notes: text holds a control character (U+0000)"},
		"invalid UTF-8":     {swap("Marjorie two", "Marjorie \xebtwo"), "case 2 (FULL-two): person.name: Full name must be UTF-8 text"},
		"lone surrogate":    {swap("Marjorie one", `Marjorie \ud800one`), "case 1 (FULL-one): person.name: Full name must be UTF-8 text (line 2, byte "},
		"negative rev":      {edit(func(_ map[string]any, cs []any) { cs[0].(map[string]any)["revision"] = -3 }), "case 1 (FULL-one): revision: Revision must be between 0 and 9,007,199,254,740,991"},
		"cases twice":       {[]byte(header + `{"schema":1,"reference":"R1","person":{"name":"A"}}],"cases":[]}`), `the field "cases" appears twice`},
		"version as text":   {[]byte(`{"format":"msprecords-cases","version":"1","cases":[]}`), "version: Version must be a whole number, not text"},
		"exported not time": {[]byte(`{"format":"msprecords-cases","version":1,"exported":"today","cases":[]}`), "exported: Exported must be a date and time"},
		"no cases":          {[]byte(header + `]}`), "the file holds no cases"},
		"no cases field":    {[]byte(`{"format":"msprecords-cases","version":1}`), "the file holds no cases"},
		"only whitespace":   {[]byte(header + strings.Repeat(" \n\t", 1<<20) + `]}`), "the file holds no cases"},
		"blank file":        {bytes.Repeat([]byte(" \r\n"), 1<<20), "not a JSON case file: the file is empty"},
		"not an answer": {edit(func(_ map[string]any, cs []any) { person(cs[0])["interpreter_needed"] = "maybe" }),
			`case 1 (FULL-one): person.interpreter_needed: Interpreter needed must be "yes", "no" or null for not answered, not "maybe"`},
		"answer in a list": {edit(contact(1, "spoken_alone", 1)),
			`case 2 (FULL-two): contacts[0].spoken_alone: Spoken alone must be "yes", "no" or null for not answered, not 1`},
		"wrong type":      {edit(func(_ map[string]any, cs []any) { person(cs[0])["name"] = 42 }), "case 1 (FULL-one): person.name: Full name must be text, not 42"},
		"list not list":   {edit(func(_ map[string]any, cs []any) { cs[0].(map[string]any)["contacts"] = "x" }), "case 1 (FULL-one): contacts: Contacts must be a list, not text"},
		"case not object": {edit(func(_ map[string]any, cs []any) { cs[1] = "hello" }), "case 2: The case must be an object, not text"},
		"deeply nested":   {[]byte(header + deep + `]}`), "not a JSON case file: line 1, column 99 (byte 98), in cases[0]" + strings.Repeat("[0]", 14) + ": lists and objects are nested more than 16 deep"},
		"nested in case":  {[]byte(header + `{"schema":1,"person":{"name":` + deep + `}}]}`), "in cases[0].person.name[0][0]"},
		"too many":        {[]byte(header + `{"schema":1,"reference":"R1","contacts":[` + strings.Repeat("{},", records.MaxListEntries) + `{}]}]}`), "case 1 (R1): contacts: Contacts must have 10,000 entries or fewer"},
		"bad syntax":      {[]byte(header + `{"schema":1,"person":{"name":"A",}}]}`), "not a JSON case file: line 1, column 118 (byte 117), in cases[0].person: expected a field name in quotes, found }"},
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
