package store

import (
	"errors"
	"reflect"
	"testing"

	"msprecords/practice"
	"msprecords/records"
)

func TestSummaryEncoding(t *testing.T) {
	c := fullCase("sum")
	c.Risks[0].Actions[0].Status = records.ActionStatuses()[0]
	e, text := summarise(c, practice.DefaultOptions())
	if e.firstDue.IsZero() || text == "" {
		t.Fatalf("fixture: %+v", e)
	}
	b, err := encodeSummary(e)
	if err != nil {
		t.Fatal(err)
	}
	back, err := decodeSummary(b)
	if err != nil {
		t.Fatal(err)
	}
	e.text, e.hasText = "", false // the search words are a record of their own
	if !reflect.DeepEqual(back, e) {
		t.Errorf("summary round trip:\n got %+v\nwant %+v", back, e)
	}
	for n := range b {
		if _, err := decodeSummary(b[:n]); !errors.Is(err, ErrDamagedStore) {
			t.Fatalf("summary cut to %d bytes: %v", n, err)
		}
	}
}

// FuzzDecodeSummary: the summary decoder never panics, and what it accepts
// encodes back to the same bytes.
func FuzzDecodeSummary(f *testing.F) {
	e, _ := summarise(fullCase("fuzz"), practice.DefaultOptions())
	b, _ := encodeSummary(e)
	f.Add(b)
	f.Add([]byte{summaryVersion})
	f.Add([]byte{summaryVersion, 0xff, 0xff, 0xff, 0xff, 0x0f})
	f.Fuzz(func(t *testing.T, data []byte) {
		e, err := decodeSummary(data)
		if err != nil {
			return
		}
		again, _ := encodeSummary(e)
		if back, err := decodeSummary(again); err != nil || !reflect.DeepEqual(back, e) {
			t.Fatalf("re-encoded summary differs: %v", err)
		}
	})
}
