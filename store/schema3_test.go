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

	badger "github.com/dgraph-io/badger/v4"
)

// schemaField is how this build writes the schema of a case document.
var schemaField = fmt.Sprintf(`"schema":%d`, records.SchemaVersion)

// Case schema 3 added what a contact shows of the person's views without
// words and a representative's relationship. They go out in an export and
// come back in an import unchanged.
func TestViewsWithoutWordsRoundTripThroughJSON(t *testing.T) {
	c := fullCase("shown")
	data := exportOf(t, c)
	for _, want := range []string{schemaField, `"communicated":["Behaviour or body language"]`, `"helped_by":"Her key worker"`,
		`"shown":"Smiled and held my hand shown"`, `"relationship":"Daughter"`} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("the export lacks %s", want)
		}
	}
	s, _, _ := newTestStore(t)
	if _, err := s.ImportJSON(bytes.NewReader(data)); err != nil {
		t.Fatal(err)
	}
	got, err := s.GetByReference(c.Reference)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Contacts, c.Contacts) || !reflect.DeepEqual(got.Representatives, c.Representatives) {
		t.Errorf("imported contacts %+v\nwant %+v", got.Contacts, c.Contacts)
	}
}

// An import refuses a way of communicating not on the pick-list, naming
// the case and the field.
func TestImportRefusesUnknownWayOfCommunicating(t *testing.T) {
	data := bytes.Replace(exportOf(t, fullCase("odd")), []byte(`"Behaviour or body language"`), []byte(`"Telepathy"`), 1)
	s, _, _ := newTestStore(t)
	_, err := s.ImportJSON(bytes.NewReader(data))
	if !errors.Is(err, ErrImport) || !strings.Contains(err.Error(), "contacts[0].communicated[0]: Select how the person communicated from the list") {
		t.Errorf("import of an unknown way: %v", err)
	}
}

// A store holding a document written by the previous schema, which knew
// nothing of the new fields, opens and reads it, and the next save
// writes this schema.
func TestOpensStoreWithSchema2Documents(t *testing.T) {
	s, dir, key := newTestStore(t)
	c := fullCase("old")
	if err := s.Create(c); err != nil {
		t.Fatal(err)
	}
	rewriteDoc(t, s, c.ID, func(m map[string]any) {
		m["schema"] = 2
		for _, ct := range m["contacts"].([]any) {
			for _, k := range []string{"communicated", "helped_by", "shown"} {
				delete(ct.(map[string]any), k)
			}
		}
		for _, r := range m["representatives"].([]any) {
			delete(r.(map[string]any), "relationship")
		}
	})
	s = reopen(t, s, dir, key)
	got, err := s.Get(c.ID)
	if err != nil {
		t.Fatalf("reading a schema 2 document: %v", err)
	}
	want := *c
	want.Contacts = append([]records.Contact(nil), c.Contacts...)
	want.Contacts[0].Communicated, want.Contacts[0].HelpedBy, want.Contacts[0].Shown = nil, "", ""
	want.Representatives = append([]records.Representative(nil), c.Representatives...)
	want.Representatives[0].Relationship = ""
	if !reflect.DeepEqual(got, &want) {
		t.Errorf("read %+v\nwant %+v", got, &want)
	}
	got.Contacts[0].Shown = "Looked away"
	if err := s.Save(got); err != nil {
		t.Fatal(err)
	}
	wantThisSchema(t, s, c.ID)
}

// rewriteDoc rewrites a stored case document as an older build would have
// written it: edit changes its JSON in place.
func rewriteDoc(t *testing.T, s *Store, id string, edit func(m map[string]any)) {
	t.Helper()
	err := update(s.db, func(txn *badger.Txn) error {
		_, doc, err := s.getCaseDoc(txn, id, true)
		if err != nil {
			return err
		}
		var m map[string]any
		if err := json.Unmarshal(doc, &m); err != nil {
			return err
		}
		edit(m)
		old, err := json.Marshal(m)
		if err != nil {
			return err
		}
		return txn.Set(caseKey(id), old)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// wantThisSchema checks that a case was saved again in this build's schema.
func wantThisSchema(t *testing.T, s *Store, id string) {
	t.Helper()
	err := view(s.db, func(txn *badger.Txn) error {
		_, doc, err := s.getCaseDoc(txn, id, true)
		if err == nil && !bytes.Contains(doc, []byte(schemaField)) {
			err = fmt.Errorf("saved again as %.40s", doc)
		}
		return err
	})
	if err != nil {
		t.Error(err)
	}
}
