package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestDocumentHeader guards what sameContent relies on: a stored document
// starts with the six fields a save may change or keeps, then the person.
func TestDocumentHeader(t *testing.T) {
	c := fullCase("header")
	doc, err := encodeCase(c)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(doc, docBodyMark)
	if i < 0 {
		t.Fatalf("no %s in the document", docBodyMark)
	}
	var head map[string]json.RawMessage
	if err := json.Unmarshal(append(doc[:i:i], '}'), &head); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for k := range head {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if want := []string{"created", "id", "reference", "revision", "schema", "updated"}; !slices.Equal(keys, want) {
		t.Fatalf("header fields %v, want %v", keys, want)
	}
}

func TestSameContent(t *testing.T) {
	old := fullCase("same")
	oldDoc, _ := encodeCase(old)
	next := *old
	next.Revision++
	next.Updated = next.Updated.Add(time.Hour)
	doc, _ := encodeCase(&next)
	if !sameContent(old, oldDoc, &next, doc) {
		t.Error("a new revision of the same content counts as changed")
	}
	next.Person.Phone += "9"
	doc, _ = encodeCase(&next)
	if sameContent(old, oldDoc, &next, doc) {
		t.Error("a changed phone number counts as the same")
	}
	next = *old
	next.Reference += "X"
	doc, _ = encodeCase(&next)
	if sameContent(old, oldDoc, &next, doc) {
		t.Error("a changed reference counts as the same")
	}
}

// TestLongSearchTextInParts: search words longer than one part are found
// whole, before and after the index has loaded them, and a shorter text or a
// deletion leaves no stale parts.
func TestLongSearchTextInParts(t *testing.T) {
	s, dir, key := newTestStore(t)
	c := fullCase("long")
	if err := s.Create(c); err != nil {
		t.Fatal(err)
	}
	var long strings.Builder
	for i := range 3 * textPart / 8 {
		fmt.Fprintf(&long, "w%06d ", i)
	}
	long.WriteString("zanzibar")
	c.Contacts[0].Notes = long.String()
	if err := s.Save(c); err != nil {
		t.Fatal(err)
	}
	if n := textParts(t, s, c.ID); n < 3 {
		t.Fatalf("%d parts for %d bytes of words", n, long.Len())
	}
	for i := range 2 {
		if i == 1 {
			s = reopen(t, s, dir, key) // the words come from the store, then from the loader
		}
		if got := s.Search(Query{Text: "zanzibar w000001"}); len(got) != 1 {
			t.Fatalf("found %d cases", len(got))
		}
	}
	c, _ = s.Load(c.ID)
	c.Contacts[0].Notes = "short"
	if err := s.Save(c); err != nil {
		t.Fatal(err)
	}
	if n := textParts(t, s, c.ID); n != 1 {
		t.Errorf("%d parts after shortening", n)
	}
	if got := s.Search(Query{Text: "zanzibar"}); len(got) != 0 {
		t.Errorf("a removed word is still found")
	}
	if err := s.Delete(c.ID); err != nil {
		t.Fatal(err)
	}
	if n := textParts(t, s, c.ID); n != 0 {
		t.Errorf("%d parts after deletion", n)
	}
}

func textParts(t *testing.T, s *Store, id string) int {
	t.Helper()
	keys, err := keysWithPrefix(s.db, textPrefix+id+"/")
	if err != nil {
		t.Fatal(err)
	}
	return len(keys)
}
