package store

import (
	"strings"
	"testing"
	"time"

	badger "github.com/dgraph-io/badger/v4"
)

func TestTrailFilters(t *testing.T) {
	s := auditFixture(t)
	all := s.Summaries()
	a, b := all[0], all[1]
	if err := s.Delete(b.ID); err != nil { // 7
		t.Fatal(err)
	}
	today := day(time.Now().UTC().Year(), time.Now().UTC().Month(), time.Now().UTC().Day())
	tests := []struct {
		name string
		f    TrailFilter
		want []string // action and reference of each entry chosen
	}{
		{"everything", TrailFilter{}, []string{
			"create " + a.Reference, "create " + b.Reference, "view " + a.Reference, "change " + a.Reference,
			"export " + b.Reference, "view " + b.Reference, "delete " + b.Reference}},
		{"one case", TrailFilter{Reference: strings.ToLower(a.Reference)}, []string{
			"create " + a.Reference, "view " + a.Reference, "change " + a.Reference}},
		{"a deleted case, its export too", TrailFilter{Reference: b.Reference}, []string{
			"create " + b.Reference, "export " + b.Reference, "view " + b.Reference, "delete " + b.Reference}},
		{"one action", TrailFilter{Action: AuditView}, []string{"view " + a.Reference, "view " + b.Reference}},
		{"another user", TrailFilter{User: "Someone Else"}, nil},
		{"the user, any case", TrailFilter{User: "  " + strings.ToUpper(s.user) + " ", Action: AuditExport}, []string{"export " + b.Reference}},
		{"today", TrailFilter{From: today, To: today, Action: AuditDelete}, []string{"delete " + b.Reference}},
		{"from tomorrow", TrailFilter{From: today.AddDays(1)}, nil},
		{"until yesterday", TrailFilter{To: today.AddDays(-1)}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tr, err := s.Trail(tc.f)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range tr.Entries {
				got = append(got, e.Action+" "+e.Reference)
			}
			if strings.Join(got, "; ") != strings.Join(tc.want, "; ") {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
			if tr.Total != 7 || !tr.Verified() {
				t.Errorf("total %d, problems %q; want 7 and none", tr.Total, tr.Problems)
			}
		})
	}
	actions, err := s.Actions()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(actions, ","); got != "create,view,change,export,delete" {
		t.Errorf("actions %s", got)
	}
}

func TestTrailSaysWhenTheChainIsBroken(t *testing.T) {
	s := auditFixture(t)
	e := rawEntry(t, s, 3)
	e.User = "Someone Else"
	tamper(t, s, setEntry(e))
	tr, err := s.Trail(TrailFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if tr.Verified() || !strings.Contains(strings.Join(tr.Problems, "\n"), "Audit entry 3") {
		t.Fatalf("problems %q; want entry 3 named as altered", tr.Problems)
	}
	tamper(t, s, func(txn *badger.Txn) error { return txn.Delete(auditKey(6)) })
	tr, err = s.Trail(TrailFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(tr.Entries) != 5 || len(tr.Problems) < 2 {
		t.Fatalf("%d entries, problems %q; want 5 entries and the removal named", len(tr.Entries), tr.Problems)
	}
}
