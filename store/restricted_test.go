package store

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"filippo.io/age"
	badger "github.com/dgraph-io/badger/v4"

	"msprecords/practice"
	"msprecords/records"
)

func newPair(t *testing.T) *age.X25519Identity {
	t.Helper()
	id, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// openAs opens the store in dir as user, with their key pair.
func openAs(t *testing.T, dir string, key [32]byte, user string, pair *age.X25519Identity) *Store {
	t.Helper()
	s, err := Open(dir, key, user, practice.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	if err := s.UseIdentity(pair); err != nil {
		t.Fatal(err)
	}
	return s
}

// restrictedFixture: Lena (a lead) restricts a case about a member of
// staff to herself and Rob; Olly, the member of staff, is left out.
type restrictedFixture struct {
	dir              string
	key              [32]byte
	lena, rob, olly  *age.X25519Identity
	recovery         *age.X25519Identity
	id, ref          string
	secrets          []string
	open, restricted *records.Case
}

func newRestrictedFixture(t *testing.T) *restrictedFixture {
	t.Helper()
	s, dir, key := newTestStore(t)
	f := &restrictedFixture{dir: dir, key: key, lena: newPair(t), rob: newPair(t), olly: newPair(t), recovery: newPair(t)}
	c := fullCase("restricted")
	c.Person.Name = "Philippa Marchbank"
	c.Contacts[0].Views = "Olly shouts at me when the others have gone to bed"
	c.Chronology[0].Text = "Night carer Olly Tranter named in the concern"
	c.Enquiry.Closed = day(2025, 6, 2)
	if err := s.Create(c); err != nil {
		t.Fatal(err)
	}
	other := fullCase("open")
	if err := s.Create(other); err != nil {
		t.Fatal(err)
	}
	f.id, f.ref, f.restricted, f.open = c.ID, c.Reference, c, other
	f.secrets = []string{"Philippa Marchbank", "shouts at me", "Olly Tranter"}
	s.Close()
	lena := openAs(t, dir, key, "Lena Lead", f.lena)
	if err := lena.Restrict(f.id, []string{"Lena Lead", "Rob Reader"}, []age.Recipient{f.lena.Recipient(), f.rob.Recipient(), f.recovery.Recipient()}); err != nil {
		t.Fatal(err)
	}
	if got, _ := lena.Get(f.id); got == nil || got.Person.Name != "Philippa Marchbank" {
		t.Fatal("the lead who restricted the case cannot read it")
	}
	lena.Close()
	return f
}

// Someone left off a restricted case sees only its reference, stage and
// lead; cannot search its words, open, export or count it; and the attempt
// to open it is in the audit trail.
func TestRestrictedCaseHiddenFromOthers(t *testing.T) {
	f := newRestrictedFixture(t)
	s := openAs(t, f.dir, f.key, "Olly Tranter", f.olly)
	var sum Summary
	for _, x := range s.Summaries() {
		if x.ID == f.id {
			sum = x
		}
	}
	if !sum.Sealed || !sum.Restricted || sum.Name != "" || sum.Reference != f.ref || sum.Lead != "Lena Lead" {
		t.Errorf("the outsider's summary: %+v", sum)
	}
	for _, word := range []string{"Philippa", "shouts", "Tranter", "Marchbank"} {
		if got := s.Search(Query{Text: word}); len(got) > 0 {
			t.Errorf("searching %q finds %v", word, refs(got))
		}
	}
	if got := s.Search(Query{Text: f.ref}); len(got) != 1 {
		t.Errorf("searching the reference finds %v", refs(got))
	}
	if _, err := s.Get(f.id); !errors.Is(err, ErrRestricted) {
		t.Errorf("Get: %v, want ErrRestricted", err)
	}
	if _, err := s.Load(f.id); !errors.Is(err, ErrRestricted) {
		t.Errorf("Load: %v, want ErrRestricted", err)
	}
	trail, err := s.Trail(TrailFilter{Reference: f.ref})
	if err != nil {
		t.Fatal(err)
	}
	if last := trail.Entries[len(trail.Entries)-1]; last.Action != AuditRefused || last.User != "Olly Tranter" {
		t.Errorf("the last entry is %+v, want the refused attempt", last)
	}
	var out bytes.Buffer
	if err := s.ExportJSON(&out, nil); err != nil {
		t.Fatal(err)
	}
	if s.Unreadable() != 1 || strings.Contains(out.String(), f.ref) || !strings.Contains(out.String(), f.open.Reference) {
		t.Errorf("export of everything: %d unreadable; holds the restricted case %v", s.Unreadable(), strings.Contains(out.String(), f.ref))
	}
	if err := s.ExportJSON(&out, []string{f.id}); !errors.Is(err, ErrRestricted) {
		t.Errorf("export of the case: %v", err)
	}
	figures, err := LoadFigures(s, mustYear(t, "2025-26"))
	if err != nil {
		t.Fatal(err)
	}
	if figures.Unreadable != 1 {
		t.Errorf("figures: %d unreadable, want 1", figures.Unreadable)
	}
	rep, err := s.Verify()
	if err != nil || !rep.OK() || rep.Restricted != 1 {
		t.Errorf("verify: %v, %+v", err, rep)
	}
	for _, text := range []string{out.String(), strings.Join(trailDetails(trail), "\n")} {
		for _, secret := range f.secrets {
			if strings.Contains(text, secret) {
				t.Errorf("%q in what the outsider can produce", secret)
			}
		}
	}
	// A change of the practice rules rebuilds the summaries the outsider
	// can read, and keeps the restricted one.
	rules := practice.DefaultOptions()
	rules.ReferralLimitWorkingDays = 5
	if err := s.SetPracticeRules(rules); err != nil {
		t.Fatal(err)
	}
	if n := s.Unreadable(); n != 1 || len(s.Summaries()) != 2 {
		t.Errorf("after new rules: %d unreadable of %d", n, len(s.Summaries()))
	}
}

func trailDetails(t *Trail) []string {
	var out []string
	for _, e := range t.Entries {
		out = append(out, e.Detail)
	}
	return out
}

// A reader reads and changes the restricted case; it stays sealed: walked
// key by key with the master key, the database holds none of its words.
func TestRestrictedCaseSealedInTheDatabase(t *testing.T) {
	f := newRestrictedFixture(t)
	s := openAs(t, f.dir, f.key, "Rob Reader", f.rob)
	c, err := s.Get(f.id)
	if err != nil {
		t.Fatal(err)
	}
	c.Contacts[0].Notes = "Olly Tranter was moved to days"
	if err := s.Save(c); err != nil {
		t.Fatal(err)
	}
	if got := s.Search(Query{Text: "marchbank"}); len(got) != 1 {
		t.Errorf("the reader's search finds %v", refs(got))
	}
	s.Close()
	found := walkForSecrets(t, f.dir, f.key, f.secrets)
	if len(found) > 0 {
		t.Errorf("in clear in the database: %v", found)
	}
	if len(walkForSecrets(t, f.dir, f.key, []string{f.open.Person.Name})) == 0 {
		t.Fatal("the walk does not see an unrestricted case's name: it cannot find anything")
	}
}

// walkForSecrets opens the database with the master key alone and returns
// the secrets found in any key or value.
func walkForSecrets(t *testing.T, dir string, key [32]byte, secrets []string) []string {
	t.Helper()
	db, err := badger.Open(badgerOptions(dir, key[:])) // the store is closed; read-only mode is not on Windows
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var found []string
	err = db.View(func(txn *badger.Txn) error {
		opts := badger.DefaultIteratorOptions
		opts.AllVersions = true // what a case held before it was restricted, too
		it := txn.NewIterator(opts)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			all := string(it.Item().Key()) + "\x00" + string(v)
			for _, s := range secrets {
				if strings.Contains(all, s) || strings.Contains(strings.ToLower(all), strings.ToLower(s)) {
					found = append(found, s+" under "+string(it.Item().Key()))
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

// Revoking replaces the case key: the reader taken off can no longer read
// it; the recovery key still can; lifting the restriction opens it to all.
func TestRestrictionChangedAndLifted(t *testing.T) {
	f := newRestrictedFixture(t)
	lena := openAs(t, f.dir, f.key, "Lena Lead", f.lena)
	if err := lena.Restrict(f.id, []string{"Lena Lead"}, []age.Recipient{f.lena.Recipient(), f.recovery.Recipient()}); err != nil {
		t.Fatal(err)
	}
	readers, by, err := lena.Access(f.id)
	if err != nil || len(readers) != 1 || readers[0] != "Lena Lead" || by != "Lena Lead" {
		t.Errorf("Access = %v, %q, %v", readers, by, err)
	}
	lena.Close()
	rob := openAs(t, f.dir, f.key, "Rob Reader", f.rob)
	if _, err := rob.Load(f.id); !errors.Is(err, ErrRestricted) {
		t.Errorf("Rob after being taken off: %v", err)
	}
	rob.Close()
	rec := openAs(t, f.dir, f.key, "", f.recovery)
	if _, err := rec.Load(f.id); err != nil {
		t.Errorf("the recovery key: %v", err)
	}
	if err := rec.Unrestrict(f.id); err != nil {
		t.Fatal(err)
	}
	rec.Close()
	olly := openAs(t, f.dir, f.key, "Olly Tranter", f.olly)
	if c, err := olly.Load(f.id); err != nil || c.Person.Name != "Philippa Marchbank" {
		t.Errorf("after the restriction was lifted: %v", err)
	}
	if olly.Unreadable() != 0 {
		t.Error("a case is still unreadable after the restriction was lifted")
	}
	if readers, _, _ := olly.Access(f.id); readers != nil {
		t.Errorf("readers of an unrestricted case: %v", readers)
	}
}

func mustYear(t *testing.T, s string) practice.FinancialYear {
	t.Helper()
	y, err := practice.ParseFinancialYear(s)
	if err != nil {
		t.Fatal(err)
	}
	return y
}
