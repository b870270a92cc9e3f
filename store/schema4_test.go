package store

import (
	"reflect"
	"testing"
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
	rewriteDoc(t, s, c.ID, func(m map[string]any) {
		m["schema"] = 3
		delete(m, "sign_offs")
	})
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
	wantThisSchema(t, s, c.ID)
}
