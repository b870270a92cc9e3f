package store

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"

	"msprecords/practice"
	"msprecords/records"
)

func TestRoundTripFullCase(t *testing.T) {
	s, _, _ := newTestStore(t)
	c := fullCase("round")
	if err := s.Create(c); err != nil {
		t.Fatalf("Create: %v", err)
	}
	got, err := s.Get(c.ID)
	if err != nil {
		t.Fatalf("Get: %v", err)
	}
	if !reflect.DeepEqual(got, c) {
		t.Fatalf("Get differs from the case created:\n got %+v\nwant %+v", got, c)
	}

	t.Run("json export and import", func(t *testing.T) {
		var buf bytes.Buffer
		if err := s.ExportJSON(&buf, []string{c.ID}); err != nil {
			t.Fatalf("ExportJSON: %v", err)
		}
		other, _, _ := newTestStore(t)
		n, err := other.ImportJSON(&buf)
		if err != nil || n != 1 {
			t.Fatalf("ImportJSON = %d, %v", n, err)
		}
		back, err := other.Get(c.ID)
		if err != nil {
			t.Fatalf("Get after import: %v", err)
		}
		if !reflect.DeepEqual(back, c) {
			t.Fatalf("import differs:\n got %+v\nwant %+v", back, c)
		}
	})

	t.Run("backup and restore", func(t *testing.T) {
		var buf bytes.Buffer
		if err := s.Backup(&buf); err != nil {
			t.Fatalf("Backup: %v", err)
		}
		dir, key := t.TempDir()+"/restored", randomKey(t)
		if err := Restore(dir, key, "Restorer", &buf); err != nil {
			t.Fatalf("Restore: %v", err)
		}
		r, err := Open(dir, key, "Restorer", practice.DefaultOptions())
		if err != nil {
			t.Fatalf("Open after restore: %v", err)
		}
		defer r.Close()
		back, err := r.Load(c.ID)
		if err != nil {
			t.Fatalf("Load after restore: %v", err)
		}
		if !reflect.DeepEqual(back, c) {
			t.Fatalf("restore differs:\n got %+v\nwant %+v", back, c)
		}
		trail, _ := r.AuditTrail()
		if last := trail[len(trail)-1]; last.Action != AuditRestore || last.User != "Restorer" {
			t.Errorf("last audit entry after restore = %+v, want a restore by Restorer", last)
		}
		mustVerify(t, r)
	})
}

func TestCreateAssignsIDReferenceAndRevision(t *testing.T) {
	s, dir, key := newTestStore(t)
	a := mustCreate(t, s, "Ann Able")
	b := mustCreate(t, s, "Bob Baker")
	if a.ID == "" || a.ID == b.ID {
		t.Errorf("ids %q and %q: want distinct, non-empty", a.ID, b.ID)
	}
	if !refPattern.MatchString(a.Reference) || a.Reference == b.Reference {
		t.Errorf("references %q and %q: want distinct SG-YYYY-NNNNN", a.Reference, b.Reference)
	}
	if a.Revision != 1 || a.Created.IsZero() || !a.Created.Equal(a.Updated) || a.Schema != records.SchemaVersion {
		t.Errorf("created case: revision %d, created %v, updated %v, schema %d", a.Revision, a.Created, a.Updated, a.Schema)
	}
	s = reopen(t, s, dir, key)
	c := mustCreate(t, s, "Cat Carter")
	if c.Reference == a.Reference || c.Reference == b.Reference {
		t.Errorf("reference %q reused after reopening", c.Reference)
	}
	dup := &records.Case{Reference: strings.ToLower(a.Reference), Person: records.Person{Name: "Dup"}}
	if err := s.Create(dup); !errors.Is(err, ErrDuplicateReference) {
		t.Errorf("Create with a used reference (other case) = %v, want ErrDuplicateReference", err)
	}
	bad := &records.Case{}
	var ve *records.ValidationError
	if err := s.Create(bad); !errors.As(err, &ve) {
		t.Errorf("Create of a case without a name = %v, want a ValidationError", err)
	}
	if bad.ID != "" || bad.Revision != 0 {
		t.Errorf("a refused case was changed: %+v", bad)
	}
}

func TestSaveConflictAndChronology(t *testing.T) {
	s, _, _ := newTestStore(t)
	c := fullCase("conflict")
	if err := s.Create(c); err != nil {
		t.Fatal(err)
	}
	one, _ := s.Load(c.ID)
	two, _ := s.Load(c.ID)
	one.Person.Phone = "01632 960002"
	if err := s.Save(one); err != nil {
		t.Fatalf("first Save: %v", err)
	}
	if one.Revision != 2 {
		t.Errorf("revision after save = %d, want 2", one.Revision)
	}
	two.Person.Phone = "01632 960003"
	if err := s.Save(two); !errors.Is(err, ErrConflict) {
		t.Fatalf("second Save = %v, want ErrConflict", err)
	}
	if two.Revision != 1 {
		t.Errorf("a refused save changed the revision to %d", two.Revision)
	}
	stored, _ := s.Load(c.ID)
	if stored.Person.Phone != "01632 960002" || stored.Revision != 2 {
		t.Errorf("stored phone %q revision %d, want the first save's", stored.Person.Phone, stored.Revision)
	}

	t.Run("chronology rewrite refused", func(t *testing.T) {
		edit, _ := s.Load(c.ID)
		edit.Chronology[0].Text = "rewritten history"
		if err := s.Save(edit); !errors.Is(err, records.ErrChronologyRewritten) {
			t.Errorf("Save with a changed entry = %v, want ErrChronologyRewritten", err)
		}
		edit, _ = s.Load(c.ID)
		edit.Chronology = edit.Chronology[1:]
		if err := s.Save(edit); !errors.Is(err, records.ErrChronologyRewritten) {
			t.Errorf("Save with a removed entry = %v, want ErrChronologyRewritten", err)
		}
		edit, _ = s.Load(c.ID)
		edit.Chronology = append(edit.Chronology, records.ChronologyEntry{ID: records.NewID(), Date: records.Today(), Text: "New note"})
		if err := s.Save(edit); err != nil {
			t.Errorf("Save appending an entry: %v", err)
		}
	})

	t.Run("unchanged save writes nothing", func(t *testing.T) {
		edit, _ := s.Load(c.ID)
		before, rev := auditCount(t, s), edit.Revision
		if err := s.Save(edit); err != nil || edit.Revision != rev || auditCount(t, s) != before {
			t.Errorf("unchanged Save: err %v, revision %d (was %d), audit %d (was %d)", err, edit.Revision, rev, auditCount(t, s), before)
		}
	})

	t.Run("missing case", func(t *testing.T) {
		ghost := &records.Case{ID: records.NewID(), Revision: 1, Reference: "GHOST", Person: records.Person{Name: "No One"}}
		if err := s.Save(ghost); !errors.Is(err, ErrNotFound) {
			t.Errorf("Save of an unknown case = %v, want ErrNotFound", err)
		}
		if _, err := s.Get("nope"); !errors.Is(err, ErrNotFound) {
			t.Errorf("Get of an unknown id = %v, want ErrNotFound", err)
		}
	})
}

func TestSaveRefusesAnotherCasesReference(t *testing.T) {
	s, _, _ := newTestStore(t)
	a := mustCreate(t, s, "Ann Able")
	b := mustCreate(t, s, "Bob Baker")
	b.Reference = a.Reference
	if err := s.Save(b); !errors.Is(err, ErrDuplicateReference) {
		t.Errorf("Save taking another case's reference = %v, want ErrDuplicateReference", err)
	}
}

func TestDeleteRemovesAndAudits(t *testing.T) {
	s, dir, key := newTestStore(t)
	a := mustCreate(t, s, "Ann Able")
	b := mustCreate(t, s, "Bob Baker")
	if err := s.Delete(a.ID); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if _, err := s.Load(a.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("Load after Delete = %v, want ErrNotFound", err)
	}
	if err := s.Delete(a.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("second Delete = %v, want ErrNotFound", err)
	}
	s = reopen(t, s, dir, key)
	if got := s.Summaries(); len(got) != 1 || got[0].ID != b.ID {
		t.Errorf("summaries after delete and reopen: %s", describeSummaries(got))
	}
	trail, _ := s.AuditTrail()
	found := false
	for _, e := range trail {
		if e.Action == AuditDelete && e.CaseID == a.ID && e.Detail == a.Reference {
			found = true
		}
		if strings.Contains(e.Detail, "Ann") {
			t.Errorf("audit detail holds a name: %+v", e)
		}
	}
	if !found {
		t.Errorf("no delete entry naming %s in %+v", a.Reference, trail)
	}
	mustVerify(t, s)
}

func TestEveryActionIsAudited(t *testing.T) {
	s, _, _ := newTestStore(t)
	c := mustCreate(t, s, "Ann Able")
	if _, err := s.Get(c.ID); err != nil {
		t.Fatal(err)
	}
	c.Person.Phone = "01632 960004"
	if err := s.Save(c); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordExport(c.ID, "meeting pack, all sections, encrypted"); err != nil {
		t.Fatal(err)
	}
	if err := s.ExportJSON(&bytes.Buffer{}, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(&bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(c.ID); err != nil {
		t.Fatal(err)
	}
	trail, err := s.AuditTrail()
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for i, e := range trail {
		actions = append(actions, e.Action)
		if e.Seq != uint64(i+1) || e.User != "Test User" || e.Time.Location().String() != "UTC" {
			t.Errorf("entry %d: %+v", i, e)
		}
	}
	want := []string{AuditCreate, AuditView, AuditChange, AuditExport, AuditExport, AuditBackup, AuditDelete}
	if !reflect.DeepEqual(actions, want) {
		t.Errorf("actions %v, want %v", actions, want)
	}
	if err := s.RecordExport("no-such-case", "x"); !errors.Is(err, ErrNotFound) {
		t.Errorf("RecordExport of an unknown case = %v, want ErrNotFound", err)
	}
}

func TestClosedStoreRefusesCalls(t *testing.T) {
	s, _, _ := newTestStore(t)
	c := mustCreate(t, s, "Ann Able")
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close = %v", err)
	}
	if _, err := s.Get(c.ID); !errors.Is(err, ErrStoreClosed) {
		t.Errorf("Get after Close = %v", err)
	}
	if err := s.Save(c); !errors.Is(err, ErrStoreClosed) {
		t.Errorf("Save after Close = %v", err)
	}
	if got := s.Summaries(); len(got) != 0 {
		t.Errorf("Summaries after Close = %d entries", len(got))
	}
	if err := s.ExportJSON(io.Discard, nil); !errors.Is(err, ErrStoreClosed) {
		t.Errorf("ExportJSON after Close = %v", err)
	}
	if _, err := s.ImportJSON(strings.NewReader("{}")); !errors.Is(err, ErrStoreClosed) {
		t.Errorf("ImportJSON after Close = %v", err)
	}
	if _, err := s.Verify(); !errors.Is(err, ErrStoreClosed) {
		t.Errorf("Verify after Close = %v", err)
	}
}

func TestNilCaseIsRefused(t *testing.T) {
	s, _, _ := newTestStore(t)
	if err := s.Create(nil); err == nil {
		t.Error("Create(nil) succeeded")
	}
	if err := s.Save(nil); err == nil {
		t.Error("Save(nil) succeeded")
	}
}
