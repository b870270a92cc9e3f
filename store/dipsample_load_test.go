package store

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"msprecords/demo"
	"msprecords/practice"
	"msprecords/records"
)

// TestLoadSampleDrawsAsDrawSample: drawing from the store, reading only
// what the filter needs, gives the sample DrawSample gives from every case;
// LoadFigures counts as ComputeFigures does.
func TestLoadSampleDrawsAsDrawSample(t *testing.T) {
	s, _, _ := newTestStore(t)
	all := demo.Cases(36, 9)
	for _, c := range all {
		if err := s.Create(c); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []practice.Filter{
		{},
		{ClosedFrom: records.NewDate(2025, time.January, 1), ClosedTo: records.NewDate(2026, time.June, 30), Condition: "dementia"},
		{AbuseType: "neglect and acts of omission"},
		{Stage: records.Stages()[7], Condition: "DEMENTIA"},
	} {
		want, err := practice.DrawSample(all, f, 5, 11)
		if err != nil {
			t.Fatal(err)
		}
		got, err := LoadSample(s, f, 5, 11)
		if err != nil {
			t.Fatal(err)
		}
		if got.Matched != want.Matched || !slices.Equal(references(got.Cases), references(want.Cases)) {
			t.Errorf("%s: store drew %v of %d, want %v of %d", f, references(got.Cases), got.Matched, references(want.Cases), want.Matched)
		}
		for _, c := range got.Cases {
			if c.ID == "" || len(c.Contacts) == 0 {
				t.Errorf("%s: sampled case %s not read whole", f, c.Reference)
			}
		}
	}
	y, _ := practice.ParseFinancialYear("2025-26")
	figures, err := LoadFigures(s, y)
	if err != nil {
		t.Fatal(err)
	}
	if want := practice.ComputeFigures(all, y); !reflect.DeepEqual(figures, want) {
		t.Errorf("from the store:\n%v\nwant\n%v", figures, want)
	}
	if figures.Count(practice.TableConcluded, practice.ConcludedLabel) == 0 {
		t.Error("no enquiries concluded in 2025-26 in the test set: choose another year")
	}
}

func TestDecodeFields(t *testing.T) {
	var p records.Person
	var a []records.Allegation
	doc := []byte(`{"id":"x","person":{"name":"Ann","conditions":"Dementia"},"contacts":[{"views":"}{"}],"allegations":[{"abuse_type":"Self-Neglect"}]}`)
	if err := decodeFields(doc, map[string]any{"person": &p, "allegations": &a}); err != nil {
		t.Fatal(err)
	}
	if p.Conditions != "Dementia" || len(a) != 1 || a[0].AbuseType != "Self-Neglect" {
		t.Errorf("decoded %+v %+v", p, a)
	}
	for _, bad := range []string{``, `[]`, `{"person":`, `{"person":{"name":1}}`} {
		if err := decodeFields([]byte(bad), map[string]any{"person": &p}); err == nil {
			t.Errorf("%q decoded without error", bad)
		}
	}
}

func references(cs []*records.Case) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Reference)
	}
	return out
}
