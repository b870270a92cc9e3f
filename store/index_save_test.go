package store

import (
	"bytes"
	"encoding/json"
	"slices"
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
