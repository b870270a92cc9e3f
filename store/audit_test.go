package store

import (
	"encoding/json"
	"strings"
	"testing"

	badger "github.com/dgraph-io/badger/v4"
)

// auditFixture is a store with six audit entries.
func auditFixture(t *testing.T) *Store {
	s, _, _ := newTestStore(t)
	a := mustCreate(t, s, "Ann Able")      // 1
	b := mustCreate(t, s, "Bob Baker")     // 2
	if _, err := s.Get(a.ID); err != nil { // 3
		t.Fatal(err)
	}
	a.Person.Phone = "01632 960005"
	if err := s.Save(a); err != nil { // 4
		t.Fatal(err)
	}
	if err := s.RecordExport(b.ID, "meeting pack"); err != nil { // 5
		t.Fatal(err)
	}
	if _, err := s.Get(b.ID); err != nil { // 6
		t.Fatal(err)
	}
	r := mustVerify(t, s)
	if r.Cases != 2 || r.AuditEntries != 6 {
		t.Fatalf("fixture: %d cases, %d entries; want 2 and 6", r.Cases, r.AuditEntries)
	}
	return s
}

// rawEntry reads an audit entry straight from Badger.
func rawEntry(t *testing.T, s *Store, seq uint64) AuditEntry {
	var e AuditEntry
	err := s.db.View(func(txn *badger.Txn) error {
		item, err := txn.Get(auditKey(seq))
		if err != nil {
			return err
		}
		return item.Value(func(v []byte) error { return json.Unmarshal(v, &e) })
	})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// tamper changes the database behind the store's back, as someone with
// the key and a Badger tool could.
func tamper(t *testing.T, s *Store, fn func(txn *badger.Txn) error) {
	if err := s.db.Update(fn); err != nil {
		t.Fatal(err)
	}
}

func setEntry(e AuditEntry) func(txn *badger.Txn) error {
	return func(txn *badger.Txn) error {
		b, _ := json.Marshal(e)
		return txn.Set(auditKey(e.Seq), b)
	}
}

// wantProblem checks that Verify fails with a problem naming all of words.
func wantProblem(t *testing.T, s *Store, words ...string) {
	t.Helper()
	r, err := s.Verify()
	if err != nil {
		t.Fatalf("Verify: %v", err)
	}
	if r.OK() {
		t.Fatalf("Verify passed; want a problem naming %q", words)
	}
	for _, p := range r.Problems {
		all := true
		for _, w := range words {
			all = all && strings.Contains(p, w)
		}
		if all {
			return
		}
	}
	t.Errorf("no problem names %q: %q", words, r.Problems)
}

func TestVerifyFindsTampering(t *testing.T) {
	t.Run("entry altered", func(t *testing.T) {
		s := auditFixture(t)
		e := rawEntry(t, s, 3)
		e.User = "Someone Else"
		tamper(t, s, setEntry(e))
		wantProblem(t, s, "Audit entry 3", e.When(), "altered")
	})
	t.Run("entry altered with its hash recomputed", func(t *testing.T) {
		s := auditFixture(t)
		e := rawEntry(t, s, 3)
		e.Detail = "nothing to see"
		e.Hash = e.ComputeHash()
		tamper(t, s, setEntry(e))
		wantProblem(t, s, "Audit entry 4", "does not follow on from entry 3", e.When())
	})
	t.Run("entry bytes damaged", func(t *testing.T) {
		s := auditFixture(t)
		tamper(t, s, func(txn *badger.Txn) error { return txn.Set(auditKey(2), []byte(`{"seq":2,"ti`)) })
		wantProblem(t, s, "Audit entry 2", "cannot be read")
	})
	t.Run("entry removed", func(t *testing.T) {
		s := auditFixture(t)
		before, after := rawEntry(t, s, 3), rawEntry(t, s, 5)
		tamper(t, s, func(txn *badger.Txn) error { return txn.Delete(auditKey(4)) })
		wantProblem(t, s, "Audit entry 4 is missing", before.When(), after.When())
	})
	t.Run("first entry removed", func(t *testing.T) {
		s := auditFixture(t)
		tamper(t, s, func(txn *badger.Txn) error { return txn.Delete(auditKey(1)) })
		wantProblem(t, s, "Audit entry 1 is missing")
	})
	t.Run("last entry removed", func(t *testing.T) {
		s := auditFixture(t)
		prev := rawEntry(t, s, 5)
		tamper(t, s, func(txn *badger.Txn) error { return txn.Delete(auditKey(6)) })
		wantProblem(t, s, "latest audit entry (6) is missing", "entry 5", prev.When())
	})
	t.Run("last two entries removed", func(t *testing.T) {
		s := auditFixture(t)
		tamper(t, s, func(txn *badger.Txn) error {
			_ = txn.Delete(auditKey(6))
			return txn.Delete(auditKey(5))
		})
		wantProblem(t, s, "latest audit entries (5 to 6) are missing")
	})
	t.Run("last entry replaced", func(t *testing.T) {
		s := auditFixture(t)
		e := rawEntry(t, s, 6)
		e.Action = AuditChange
		e.Hash = e.ComputeHash()
		tamper(t, s, setEntry(e))
		wantProblem(t, s, "latest audit entry 6", "altered or replaced")
	})
	t.Run("head removed", func(t *testing.T) {
		s := auditFixture(t)
		tamper(t, s, func(txn *badger.Txn) error { return txn.Delete([]byte(auditHeadKey)) })
		wantProblem(t, s, "record of the latest audit entry is missing")
	})
	t.Run("case missing from the list", func(t *testing.T) {
		s := auditFixture(t)
		sum := s.Summaries()[0]
		tamper(t, s, func(txn *badger.Txn) error { return txn.Delete(summaryKey(sum.ID)) })
		wantProblem(t, s, "case "+sum.Reference+" is missing from the case list")
	})
	t.Run("case damaged", func(t *testing.T) {
		s := auditFixture(t)
		id := s.Summaries()[0].ID
		tamper(t, s, func(txn *badger.Txn) error { return txn.Set(caseKey(id), []byte(`{"schema":1,`)) })
		wantProblem(t, s, "case stored as "+id, "cannot be read")
	})
}

func TestAuditChainContinuesAcrossReopen(t *testing.T) {
	s, dir, key := newTestStore(t)
	mustCreate(t, s, "Ann Able")
	s = reopen(t, s, dir, key)
	mustCreate(t, s, "Bob Baker")
	r := mustVerify(t, s)
	if r.AuditEntries != 2 {
		t.Errorf("%d entries, want 2", r.AuditEntries)
	}
	trail, _ := s.AuditTrail()
	if trail[0].Prev != "" || trail[1].Prev != trail[0].Hash || trail[1].Hash != trail[1].ComputeHash() {
		t.Errorf("chain: %+v", trail)
	}
}
