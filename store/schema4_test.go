package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"testing"

	badger "github.com/dgraph-io/badger/v4"
)

// Case schema 4 added a lead's sign-offs. A store holding a schema 3
// document, which has none, opens and reads it with no sign-offs, and the
// next save writes this schema.
func TestOpensStoreWithSchema3Documents(t *testing.T) {
	s, dir, key := newTestStore(t)
	c := fullCase("three")
	if err := s.Create(c); err != nil {
		t.Fatal(err)
	}
	err := update(s.db, func(txn *badger.Txn) error {
		_, doc, err := s.getCaseDoc(txn, c.ID, true)
		if err != nil {
			return err
		}
		var m map[string]any
		if err := json.Unmarshal(doc, &m); err != nil {
			return err
		}
		m["schema"] = 3
		delete(m, "sign_offs")
		old, err := json.Marshal(m)
		if err != nil {
			return err
		}
		return txn.Set(caseKey(c.ID), old)
	})
	if err != nil {
		t.Fatal(err)
	}
	s = reopen(t, s, dir, key)
	got, err := s.Get(c.ID)
	if err != nil {
		t.Fatalf("reading a schema 3 document: %v", err)
	}
	want := *c
	want.SignOffs = nil
	if !reflect.DeepEqual(got, &want) {
		t.Errorf("read %+v\nwant %+v", got, &want)
	}
	got.Outcome.ClosureReason = "Risk removed"
	if err := s.Save(got); err != nil {
		t.Fatal(err)
	}
	err = view(s.db, func(txn *badger.Txn) error {
		_, doc, err := s.getCaseDoc(txn, c.ID, true)
		if err == nil && !bytes.Contains(doc, []byte(schemaField)) {
			err = fmt.Errorf("saved again as %.40s", doc)
		}
		return err
	})
	if err != nil {
		t.Error(err)
	}
}
