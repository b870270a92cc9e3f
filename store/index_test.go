package store

import (
	"fmt"
	"reflect"
	"sync"
	"testing"

	"msprecords/practice"
	"msprecords/records"

	badger "github.com/dgraph-io/badger/v4"
)

// searchFixture is a store with three cases of different kinds.
func searchFixture(t *testing.T) (*Store, string, [32]byte, map[string]*records.Case) {
	s, dir, key := newTestStore(t)
	open := &records.Case{Reference: "B-2", Person: records.Person{Name: "Zoë Łukasiewicz", PreferredName: "Zo"},
		Enquiry: records.Enquiry{Stage: records.Stages()[3], Concern: "Money taken by a LODGER"},
		Contacts: []records.Contact{{Date: records.Today(), Views: "I want my garden back", Notes: "Spoke in the kitchen"},
			{Date: records.Today(), Shown: "Turned away and pulled the blanket up"}},
		Risks: []records.Risk{{Description: "Financial", Actions: []records.Action{
			{What: "Bank letter", Due: records.Today().AddDays(-1), Status: records.ActionStatuses()[1]},
			{What: "Later", Due: records.Today().AddDays(5), Status: records.ActionStatuses()[0]},
		}}}}
	done := &records.Case{Reference: "A-1", Person: records.Person{Name: "Albert Ames", DateOfBirth: day(1940, 1, 2)},
		Enquiry:    records.Enquiry{Stage: records.Stages()[7], ConcernReceived: day(2025, 1, 6), Closed: day(2025, 2, 1)},
		Chronology: []records.ChronologyEntry{{ID: "c1", Date: day(2025, 1, 6), Text: "Visited the allotment"}},
		Risks:      []records.Risk{{Description: "Falls", Actions: []records.Action{{What: "Rails", Due: day(2025, 1, 10), Status: records.ActionStatuses()[2]}}}}}
	later := &records.Case{Reference: "C-3", Person: records.Person{Name: "Cyril Cobb"}, Enquiry: records.Enquiry{Stage: records.Stages()[3]},
		Risks: []records.Risk{{Description: "Self-neglect", Actions: []records.Action{{What: "Visit", Due: records.Today().AddDays(-3), Status: records.ActionStatuses()[3]}}}}}
	cases := map[string]*records.Case{"open": open, "done": done, "later": later}
	for _, c := range []*records.Case{open, done, later} {
		if err := s.Create(c); err != nil {
			t.Fatal(err)
		}
	}
	return s, dir, key, cases
}

func refs(ss []Summary) []string {
	out := []string{}
	for _, s := range ss {
		out = append(out, s.Reference)
	}
	return out
}

func TestSummaries(t *testing.T) {
	s, _, _, cases := searchFixture(t)
	got := s.Summaries()
	if want := []string{"A-1", "B-2", "C-3"}; !reflect.DeepEqual(refs(got), want) {
		t.Fatalf("order %v, want %v", refs(got), want)
	}
	done := cases["done"]
	want := Summary{ID: done.ID, Reference: "A-1", Name: "Albert Ames", Stage: records.Stages()[7], DateOfBirth: day(1940, 1, 2),
		Opened: day(2025, 1, 6), Closed: day(2025, 2, 1), IsClosed: true, Gaps: practice.CountGaps(done, practice.DefaultOptions())}
	if got[0] != want {
		t.Errorf("summary\n got %+v\nwant %+v", got[0], want)
	}
	if !got[1].Overdue || got[2].Overdue || got[0].Overdue {
		t.Errorf("overdue: %v %v %v; want only B-2 (C-3's action is cancelled)", got[0].Overdue, got[1].Overdue, got[2].Overdue)
	}
	if got[1].Opened != records.DateOf(cases["open"].Created) {
		t.Errorf("opened %v, want the day it was created", got[1].Opened)
	}
}

func TestSearch(t *testing.T) {
	s, dir, key, _ := searchFixture(t)
	tests := []struct {
		name string
		q    Query
		want []string
	}{
		{"everything", Query{}, []string{"A-1", "B-2", "C-3"}},
		{"name any case", Query{Text: "ALBERT"}, []string{"A-1"}},
		{"accented name", Query{Text: "łukasiewicz"}, []string{"B-2"}},
		{"accented upper", Query{Text: "ZOË"}, []string{"B-2"}},
		{"preferred name", Query{Text: "zo"}, []string{"B-2"}},
		{"reference", Query{Text: "c-3"}, []string{"C-3"}},
		{"concern", Query{Text: "lodger"}, []string{"B-2"}},
		{"contact views", Query{Text: "garden"}, []string{"B-2"}},
		{"views shown without words", Query{Text: "blanket"}, []string{"B-2"}},
		{"contact notes", Query{Text: "kitchen"}, []string{"B-2"}},
		{"chronology", Query{Text: "allotment"}, []string{"A-1"}},
		{"all words", Query{Text: "  lodger   garden "}, []string{"B-2"}},
		{"words in different cases", Query{Text: "lodger allotment"}, []string{}},
		{"no match", Query{Text: "zebra"}, []string{}},
		{"stage", Query{Stage: records.Stages()[3]}, []string{"B-2", "C-3"}},
		{"open", Query{Open: true}, []string{"B-2", "C-3"}},
		{"closed", Query{Closed: true}, []string{"A-1"}},
		{"open and closed", Query{Open: true, Closed: true}, []string{"A-1", "B-2", "C-3"}},
		{"overdue", Query{OverdueOnly: true}, []string{"B-2"}},
		{"text and stage", Query{Text: "al", Stage: records.Stages()[7]}, []string{"A-1"}},
	}
	check := func(t *testing.T, s *Store) {
		for _, tc := range tests {
			if got := refs(s.Search(tc.q)); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("%s: Search(%+v) = %v, want %v", tc.name, tc.q, got, tc.want)
			}
		}
		gaps := refs(s.Search(Query{GapsOnly: true}))
		var want []string
		for _, sum := range s.Summaries() {
			if sum.Gaps > 0 {
				want = append(want, sum.Reference)
			}
		}
		if fmt.Sprint(gaps) != fmt.Sprint(want) {
			t.Errorf("GapsOnly = %v, want %v", gaps, want)
		}
	}
	check(t, s)
	t.Run("after reopening", func(t *testing.T) { check(t, reopen(t, s, dir, key)) })
}

func TestIndexFollowsChanges(t *testing.T) {
	s, dir, key, cases := searchFixture(t)
	c := cases["later"]
	c.Person.Name = "Cyril Renamed"
	c.Reference = "0-FIRST"
	c.Enquiry.Closed = records.Today()
	if err := s.Save(c); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(cases["done"].ID); err != nil {
		t.Fatal(err)
	}
	got := s.Summaries()
	if want := []string{"0-FIRST", "B-2"}; !reflect.DeepEqual(refs(got), want) {
		t.Fatalf("after save and delete: %v, want %v", refs(got), want)
	}
	if got[0].Name != "Cyril Renamed" || !got[0].IsClosed {
		t.Errorf("renamed summary %+v", got[0])
	}
	if r := refs(s.Search(Query{Text: "cobb"})); len(r) != 0 {
		t.Errorf("old name still found: %v", r)
	}
	if _, err := s.GetByReference("0-first"); err != nil {
		t.Errorf("GetByReference of the new reference: %v", err)
	}
	if _, err := s.GetByReference("C-3"); err == nil {
		t.Errorf("GetByReference found the old reference")
	}
	incremental := s.Summaries()
	if rebuilt := reopen(t, s, dir, key).Summaries(); !reflect.DeepEqual(rebuilt, incremental) {
		t.Errorf("index rebuilt at open differs:\n%+v\n%+v", rebuilt, incremental)
	}
}

// TestIndexUnderConcurrentUse reads the index from several goroutines while
// cases are saved, as the GUI does; run with -race.
func TestIndexUnderConcurrentUse(t *testing.T) {
	s, _, _, cases := searchFixture(t)
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for range 3 {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
					s.Search(Query{Text: "a", Open: true})
					s.Summaries()
				}
			}
		})
	}
	c := cases["open"]
	for i := range 20 {
		c.Person.PreferredName = fmt.Sprint("Zo ", i)
		if err := s.Save(c); err != nil {
			t.Error(err)
		}
		mustCreate(t, s, fmt.Sprint("Person ", i))
	}
	close(stop)
	wg.Wait()
	if n := len(s.Summaries()); n != 23 {
		t.Errorf("%d summaries, want 23", n)
	}
}

// TestSummariesRebuiltAtOpen removes the stored summaries and their format
// marker, as an older database would lack them: opening rebuilds them.
func TestSummariesRebuiltAtOpen(t *testing.T) {
	s, dir, key, _ := searchFixture(t)
	want := s.Summaries()
	tamper(t, s, func(txn *badger.Txn) error {
		for _, sum := range want {
			if err := txn.Delete(summaryKey(sum.ID)); err != nil {
				return err
			}
		}
		return txn.Delete([]byte(summaryVersionKey))
	})
	s = reopen(t, s, dir, key)
	if got := s.Summaries(); !reflect.DeepEqual(got, want) {
		t.Errorf("rebuilt summaries differ:\n got %+v\nwant %+v", got, want)
	}
	if got := refs(s.Search(Query{Text: "allotment"})); !reflect.DeepEqual(got, []string{"A-1"}) {
		t.Errorf("search after rebuild: %v", got)
	}
	mustVerify(t, s)
}
