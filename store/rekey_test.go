package store

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"testing"

	"filippo.io/age"
	badger "github.com/dgraph-io/badger/v4"

	"msprecords/crypto"
	"msprecords/records"
)

// rawRestricted is what the database holds of a restricted case: its
// access record and its sealed document and summary.
type rawRestricted struct {
	access             accessRecord
	acl, sealed, rsums []byte
}

func readRaw(t *testing.T, s *Store, id string) rawRestricted {
	t.Helper()
	db, err := s.use()
	if err != nil {
		t.Fatal(err)
	}
	defer s.done()
	var r rawRestricted
	err = view(db, func(txn *badger.Txn) error {
		for k, into := range map[string]*[]byte{accessPrefix: &r.acl, sealedPrefix: &r.sealed, rsumPrefix: &r.rsums} {
			item, err := txn.Get([]byte(k + id))
			if err != nil {
				return err
			}
			if *into, err = item.ValueCopy(nil); err != nil {
				return err
			}
		}
		return decodeAccess(r.acl, &r.access)
	})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// goneName is a gone function for RekeyWithout.
func goneName(names ...string) func(string) bool {
	return func(name string) bool { return crypto.HasUser(names, name) }
}

// Rob leaves: Lena gives the case restricted to both of them a new key.
// Rob's key pair no longer unwraps it, nor does the case key he could have
// kept open what is sealed now; Lena and the recovery key read it as
// before; the trail says so without a word of the case.
func TestRekeyWithoutTheLeaver(t *testing.T) {
	f := newRestrictedFixture(t)
	lena := openAs(t, f.dir, f.key, "Lena Lead", f.lena)
	before := readRaw(t, lena, f.id)
	kept, err := crypto.UnwrapCaseKey(before.access.Wrapped, f.id, f.rob)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := lena.Load(f.id)
	rekeyed, unreadable, err := lena.RekeyWithout(goneName("Rob Reader"), func(readers []string) ([]age.Recipient, error) {
		if !reflect.DeepEqual(readers, []string{"Lena Lead"}) {
			t.Errorf("recipients asked for %v", readers)
		}
		return []age.Recipient{f.lena.Recipient(), f.recovery.Recipient()}, nil
	})
	if err != nil || !reflect.DeepEqual(rekeyed, []string{f.id}) || len(unreadable) != 0 {
		t.Fatalf("RekeyWithout = %v, %v, %v", rekeyed, unreadable, err)
	}
	after := readRaw(t, lena, f.id)
	if !reflect.DeepEqual(after.access.Readers, []string{"Lena Lead"}) || after.access.By != "Lena Lead" {
		t.Errorf("access record: readers %v, by %q", after.access.Readers, after.access.By)
	}
	if _, err := crypto.UnwrapCaseKey(after.access.Wrapped, f.id, f.rob); !errors.Is(err, crypto.ErrNotOnCase) {
		t.Errorf("Rob unwraps the new key: %v, want ErrNotOnCase", err)
	}
	if _, err := kept.Open(f.id, useDocument, after.sealed); err == nil {
		t.Error("the old case key opens the document sealed again")
	}
	if _, err := kept.Open(f.id, useSummary, after.rsums); err == nil {
		t.Error("the old case key opens the summary sealed again")
	}
	got, err := lena.Load(f.id)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("Lena reads in the same session: %v", err)
	}
	checkRekeyTrail(t, lena, f.ref+" given a new case key: Rob Reader no longer a user")
	lena.Close()
	for who, pair := range map[string]*age.X25519Identity{"Lena Lead": f.lena, "": f.recovery} {
		s := openAs(t, f.dir, f.key, who, pair)
		if got, err := s.Load(f.id); err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%q after the new key: %v", who, err)
		}
		s.Close()
	}
	rob := openAs(t, f.dir, f.key, "Rob Reader", f.rob)
	if _, err := rob.Load(f.id); !errors.Is(err, ErrRestricted) {
		t.Errorf("Rob after leaving: %v, want ErrRestricted", err)
	}
}

func checkRekeyTrail(t *testing.T, s *Store, detail string) {
	t.Helper()
	trail, err := s.Trail(TrailFilter{Action: AuditRekey})
	if err != nil || !trail.Verified() {
		t.Fatalf("trail: %v, %v", err, trail)
	}
	if len(trail.Entries) != 1 || trail.Entries[0].Detail != detail || trail.Entries[0].User != s.User() {
		t.Errorf("rekey entries: %+v", trail.Entries)
	}
}

// Cases this user cannot give a new key are reported and left as they
// were: one restricted to others (Olly is not a reader), and one whose
// readers would all be gone.
func TestRekeyWithoutLeavesUnreadable(t *testing.T) {
	f := newRestrictedFixture(t)
	cases := []struct {
		name, user string
		pair       func() *age.X25519Identity
		gone       []string
	}{
		{"restricted to others", "Olly Tranter", func() *age.X25519Identity { return f.olly }, []string{"Rob Reader"}},
		{"no reader left", "Lena Lead", func() *age.X25519Identity { return f.lena }, []string{"Rob Reader", "Lena Lead"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := openAs(t, f.dir, f.key, c.user, c.pair())
			defer s.Close()
			before := readRaw(t, s, f.id)
			rekeyed, unreadable, err := s.RekeyWithout(goneName(c.gone...), func([]string) ([]age.Recipient, error) {
				t.Error("recipients asked for")
				return nil, errors.New("none")
			})
			if err != nil || len(rekeyed) != 0 || !reflect.DeepEqual(unreadable, []string{f.id}) {
				t.Errorf("RekeyWithout = %v, %v, %v", rekeyed, unreadable, err)
			}
			after := readRaw(t, s, f.id)
			if !bytes.Equal(after.acl, before.acl) || !bytes.Equal(after.sealed, before.sealed) || !bytes.Equal(after.rsums, before.rsums) {
				t.Error("the case was changed")
			}
			if trail, _ := s.Trail(TrailFilter{Action: AuditRekey}); len(trail.Entries) != 0 {
				t.Errorf("rekey entries: %+v", trail.Entries)
			}
		})
	}
}

// A failure to find the remaining readers' recipients writes nothing; a
// closed store says so.
func TestRekeyWithoutWritesNothingOnFailure(t *testing.T) {
	f := newRestrictedFixture(t)
	lena := openAs(t, f.dir, f.key, "Lena Lead", f.lena)
	before := readRaw(t, lena, f.id)
	noSlot := errors.New("no slot for Lena Lead")
	_, _, err := lena.RekeyWithout(goneName("Rob Reader"), func([]string) ([]age.Recipient, error) { return nil, noSlot })
	if !errors.Is(err, noSlot) {
		t.Errorf("RekeyWithout: %v, want the caller's error", err)
	}
	if after := readRaw(t, lena, f.id); !bytes.Equal(after.acl, before.acl) || !bytes.Equal(after.sealed, before.sealed) {
		t.Error("the case was changed")
	}
	lena.Close()
	if _, _, err := lena.RekeyWithout(goneName("Rob Reader"), nil); !errors.Is(err, ErrStoreClosed) {
		t.Errorf("closed store: %v, want ErrStoreClosed", err)
	}
}

func TestRekeyDetail(t *testing.T) {
	cases := []struct {
		gone []string
		want string
	}{
		{[]string{"Sam Okoro"}, "DEMO-2025-0001 given a new case key: Sam Okoro no longer a user"},
		{[]string{"Sam Okoro", "Rob Reader"}, "DEMO-2025-0001 given a new case key: Sam Okoro and Rob Reader no longer users"},
		{[]string{"A", "B", "C"}, "DEMO-2025-0001 given a new case key: A, B and C no longer users"},
	}
	for _, c := range cases {
		if got := rekeyDetail("DEMO-2025-0001", c.gone); got != c.want {
			t.Errorf("rekeyDetail(%v) = %q", c.gone, got)
		}
	}
}

// More cases than one batch: every one is given a new key, each with its
// audit entry, and the case list shows each in full to its reader.
func TestRekeyWithoutManyBatches(t *testing.T) {
	s, dir, key := newTestStore(t)
	var cases []*records.Case
	for i := range rekeyBatch + 1 {
		cases = append(cases, fullCase(fmt.Sprint("many-", i)))
	}
	if err := s.CreateAll(cases); err != nil {
		t.Fatal(err)
	}
	s.Close()
	me, leaver := newPair(t), newPair(t)
	s = openAs(t, dir, key, "Test User", me)
	to := []age.Recipient{me.Recipient(), leaver.Recipient()}
	for _, c := range cases {
		if err := s.Restrict(c.ID, []string{"Test User", "Sam Okoro"}, to); err != nil {
			t.Fatal(err)
		}
	}
	rekeyed, unreadable, err := s.RekeyWithout(goneName("sam okoro"), func([]string) ([]age.Recipient, error) {
		return []age.Recipient{me.Recipient()}, nil
	})
	if err != nil || len(rekeyed) != len(cases) || len(unreadable) != 0 {
		t.Fatalf("RekeyWithout: %d rekeyed, %v, %v", len(rekeyed), unreadable, err)
	}
	if trail, err := s.Trail(TrailFilter{Action: AuditRekey}); err != nil || len(trail.Entries) != len(cases) || !trail.Verified() {
		t.Errorf("trail: %v", err)
	}
	s.Close()
	s = openAs(t, dir, key, "Test User", me)
	if n := s.Unreadable(); n != 0 {
		t.Errorf("%d cases unreadable by their reader", n)
	}
	for _, c := range cases {
		if r := readRaw(t, s, c.ID); len(r.access.Readers) != 1 {
			t.Fatalf("readers of %s: %v", c.Reference, r.access.Readers)
		}
	}
}
