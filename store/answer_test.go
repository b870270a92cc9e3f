package store

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"msprecords/practice"
	"msprecords/records"

	badger "github.com/dgraph-io/badger/v4"
)

// schema1File is a JSON case file written by the build before yes/no
// questions could be left unanswered (case schema 1: true and false).
const schema1File = "testdata/cases-schema1.json"

// TestAnswersRoundTripThroughJSON exports yes, no and not answered and
// imports them back unchanged; the file says "yes", "no" and null.
func TestAnswersRoundTripThroughJSON(t *testing.T) {
	c := fullCase("three")
	c.Person.InterpreterNeeded, c.Person.SubstantialDifficulty = records.Yes, records.No
	c.Enquiry.ConflictingAccounts = records.Unanswered
	c.Contacts[0].SpokenAlone, c.Contacts[0].ConsentSought = records.No, records.Unanswered
	c.Outcome.NeedsMet, c.Outcome.AbuseOrNeglect, c.Outcome.UnableToProtect = records.Yes, records.No, records.Unanswered
	data := exportOf(t, c)
	for _, want := range []string{`"interpreter_needed":"yes"`, `"substantial_difficulty":"no"`, `"conflicting_accounts":null`,
		`"spoken_alone":"no"`, `"consent_sought":null`, `"a_care_and_support_needs":"yes"`, `"b_abuse_or_neglect":"no"`, `"c_unable_to_protect":null`} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("the export lacks %s", want)
		}
	}
	if bytes.Contains(data, []byte(`"schema":1`)) || !bytes.Contains(data, []byte(schemaField)) {
		t.Errorf("the export is not of case schema %d", records.SchemaVersion)
	}
	s, _, _ := newTestStore(t)
	if _, err := s.ImportJSON(bytes.NewReader(data)); err != nil {
		t.Fatal(err)
	}
	got, err := s.GetByReference(c.Reference)
	if err != nil {
		t.Fatal(err)
	}
	got.ID, got.Revision, got.Created, got.Updated = c.ID, c.Revision, c.Created, c.Updated
	if !reflect.DeepEqual(got, c) {
		t.Errorf("imported case differs:\n got %+v %+v %+v\nwant %+v %+v %+v", got.Person, got.Contacts[0], got.Outcome, c.Person, c.Contacts[0], c.Outcome)
	}
}

// answersOf lists, field path by field path, each answer in a decoded case.
func answersOf(v reflect.Value, path string, out map[string][]records.Answer) {
	switch v.Kind() {
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[records.Date]() {
			return
		}
		for i := range v.NumField() {
			name, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("json"), ",")
			answersOf(v.Field(i), joinPath(path, name), out)
		}
	case reflect.Slice:
		for i := range v.Len() {
			answersOf(v.Index(i), path, out)
		}
	case reflect.Uint8:
		if a, ok := v.Interface().(records.Answer); ok {
			out[path] = append(out[path], a)
		}
	}
}

// rawAnswers lists, field path by field path, the true and false of the
// same fields in a schema 1 document, decoded as generic JSON.
func rawAnswers(v any, path string, paths map[string][]records.Answer, out map[string][]bool) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			rawAnswers(x, joinPath(path, k), paths, out)
		}
	case []any:
		for _, x := range v {
			rawAnswers(x, path, paths, out)
		}
	case bool:
		if _, ok := paths[path]; ok {
			out[path] = append(out[path], v)
		}
	}
}

// TestImportsSchema1File imports a file the previous version wrote: true
// is yes; false is not answered, except where the record shows a no (a
// reason for not being spoken to alone).
func TestImportsSchema1File(t *testing.T) {
	data, err := os.ReadFile(schema1File)
	if err != nil {
		t.Fatal(err)
	}
	var file struct{ Cases []map[string]any }
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	s, _, _ := newTestStore(t)
	if n, err := s.ImportJSON(bytes.NewReader(data)); err != nil || n != len(file.Cases) {
		t.Fatalf("ImportJSON = %d, %v", n, err)
	}
	yes, unanswered, no := 0, 0, 0
	for _, raw := range file.Cases {
		c, err := s.GetByReference(raw["reference"].(string))
		if err != nil {
			t.Fatal(err)
		}
		if c.Schema != records.SchemaVersion {
			t.Errorf("%s: schema %d after import", c.Reference, c.Schema)
		}
		got := map[string][]records.Answer{}
		answersOf(reflect.ValueOf(*c), "", got)
		old := map[string][]bool{}
		rawAnswers(raw, "", got, old)
		for path, answers := range got {
			if len(old[path]) != len(answers) {
				t.Fatalf("%s %s: %d answers, %d in the file", c.Reference, path, len(answers), len(old[path]))
			}
			for i, a := range answers {
				want := records.Unanswered
				switch {
				case old[path][i]:
					want = records.Yes
				case path == "contacts.spoken_alone" && c.Contacts[i].NotAloneReason != "":
					want = records.No
				}
				if a != want {
					t.Errorf("%s %s[%d]: %v in the file is %s, want %s", c.Reference, path, i, old[path][i], a, want)
				}
				switch a {
				case records.Yes:
					yes++
				case records.No:
					no++
				default:
					unanswered++
				}
			}
		}
	}
	if yes == 0 || no == 0 || unanswered == 0 {
		t.Errorf("the fixture gave %d yes, %d no and %d not answered: it tests too little", yes, no, unanswered)
	}
}

// TestOpensStoreWithSchema1Documents puts documents of case schema 1 in
// the store, as the previous version stored them, and summaries made with
// the previous rules: the store opens, reads them upgraded, remakes the
// summaries and writes this schema at the next change.
func TestOpensStoreWithSchema1Documents(t *testing.T) {
	data, err := os.ReadFile(schema1File)
	if err != nil {
		t.Fatal(err)
	}
	var file struct{ Cases []json.RawMessage }
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	s, dir, key := newTestStore(t)
	if _, err := s.ImportJSON(bytes.NewReader(data)); err != nil {
		t.Fatal(err)
	}
	want := map[string]*records.Case{}
	err = update(s.db, func(txn *badger.Txn) error {
		for _, raw := range file.Cases {
			var head struct{ Reference string }
			if err := json.Unmarshal(raw, &head); err != nil {
				return err
			}
			c, err := s.GetByReference(head.Reference)
			if err != nil {
				return err
			}
			want[c.ID] = c
			// The stored document as the previous version wrote it: the
			// file's case with this store's id, revision and times.
			var m map[string]any
			if err := json.Unmarshal(raw, &m); err != nil {
				return err
			}
			m["id"], m["revision"], m["created"], m["updated"] = c.ID, c.Revision, c.Created, c.Updated
			doc, err := json.Marshal(m)
			if err != nil {
				return err
			}
			if err := txn.Set(caseKey(c.ID), doc); err != nil {
				return err
			}
		}
		old := strings.Replace(s.summaryVersion(), "rules "+strconv.Itoa(practice.RulesVersion), "rules 1", 1)
		return txn.Set([]byte(summaryVersionKey), []byte(old))
	})
	if err != nil {
		t.Fatal(err)
	}
	s = reopen(t, s, dir, key)
	if v, err := readSummaryVersion(s.db); err != nil || v != s.summaryVersion() {
		t.Errorf("summary version after open %q, %v; want %q", v, err, s.summaryVersion())
	}
	for _, sum := range s.Summaries() {
		c, err := s.Get(sum.ID)
		if err != nil {
			t.Fatalf("%s: %v", sum.Reference, err)
		}
		if !reflect.DeepEqual(c, want[c.ID]) {
			t.Errorf("%s read from a schema 1 document differs from the same case imported", c.Reference)
		}
		if g := practice.CountGaps(c, s.rules); sum.Gaps != g {
			t.Errorf("%s: summary says %d gaps, the check %d", c.Reference, sum.Gaps, g)
		}
	}
	for id, c := range want {
		c.Outcome.ClosureReason += " (edited)"
		if err := s.Save(c); err != nil {
			t.Fatal(err)
		}
		var doc []byte
		err := view(s.db, func(txn *badger.Txn) error {
			_, d, err := s.getCaseDoc(txn, id, true)
			doc = d
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(doc, []byte(schemaField)) || bytes.Contains(doc, []byte(`"spoken_alone":true`)) || bytes.Contains(doc, []byte(`"spoken_alone":false`)) {
			t.Errorf("%s saved again is not of schema %d: %.200s", c.Reference, records.SchemaVersion, doc)
		}
	}
}
