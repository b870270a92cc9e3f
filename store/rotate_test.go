package store

import (
	"crypto/sha256"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	badger "github.com/dgraph-io/badger/v4"

	"msprecords/practice"
)

// readAll returns every case as Lena reads it, as JSON by id.
func readAll(t *testing.T, s *Store) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, sum := range s.Summaries() {
		c, err := s.Load(sum.ID)
		if err != nil {
			t.Fatalf("Load %s: %v", sum.Reference, err)
		}
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		out[sum.ID] = string(b)
	}
	return out
}

// dataFiles hashes Badger's tables and value-log files in dir.
func dataFiles(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	out := map[string][32]byte{}
	for _, pattern := range []string{"*.sst", "*.vlog"} {
		names, err := filepath.Glob(filepath.Join(dir, pattern))
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range names {
			b, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			out[filepath.Base(name)] = sha256.Sum256(b)
		}
	}
	if len(out) == 0 {
		t.Fatal("no tables or value-log files: nothing to compare")
	}
	return out
}

// rotatedFixture is the restricted fixture, with every case as Lena read
// it before a new key.
func rotatedFixture(t *testing.T) (*restrictedFixture, map[string]string) {
	t.Helper()
	f := newRestrictedFixture(t)
	lena := openAs(t, f.dir, f.key, "Lena Lead", f.lena)
	before := readAll(t, lena)
	if err := lena.Close(); err != nil {
		t.Fatal(err)
	}
	return f, before
}

// A new master key opens the database and every case reads the same; the
// old key no longer opens it; no table or value-log file was touched; the
// commit mark is the new key's, so the open reports no loss.
func TestRotateKey(t *testing.T) {
	f, before := rotatedFixture(t)
	files := dataFiles(t, f.dir)
	next := randomKey(t)
	if err := RotateKey(f.dir, f.key, next); err != nil {
		t.Fatal(err)
	}
	if got := dataFiles(t, f.dir); !reflect.DeepEqual(got, files) {
		t.Error("RotateKey changed the tables or value-log files")
	}
	if _, err := os.Stat(filepath.Join(f.dir, badger.KeyRegistryRewriteFileName)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("%s left behind: %v", badger.KeyRegistryRewriteFileName, err)
	}
	if _, err := Open(f.dir, f.key, "Lena Lead", practice.DefaultOptions()); !errors.Is(err, ErrWrongKey) {
		t.Errorf("Open with the old key: %v, want ErrWrongKey", err)
	}
	lena := openAs(t, f.dir, next, "Lena Lead", f.lena)
	if got := readAll(t, lena); !reflect.DeepEqual(got, before) {
		t.Error("the cases read differently under the new key")
	}
	if loss := lena.LostChanges(); loss != nil {
		t.Errorf("open under the new key reports %+v", loss)
	}
	if rep, err := lena.Verify(); err != nil || !rep.OK() {
		t.Errorf("verify: %v, %+v", err, rep)
	}
}

// RotateKey can be called again after a crash at any point: before the
// registry was written (a leftover REWRITE-KEYREGISTRY), after it was
// renamed but before the mark was finished, and once all is done. The
// store opens without a reported loss under whichever key the crash left.
func TestRotateKeyResumes(t *testing.T) {
	f, before := rotatedFixture(t)
	next := randomKey(t)
	// A crash after the mark was written for both keys, during Badger's
	// write of the registry.
	if err := writeMark(f.dir, f.key, next, true); err != nil {
		t.Fatal(err)
	}
	leftover := filepath.Join(f.dir, badger.KeyRegistryRewriteFileName)
	if err := os.WriteFile(leftover, []byte("half a registry"), 0o600); err != nil {
		t.Fatal(err)
	}
	openLenaNoLoss(t, f, f.key)
	// A crash after the rename, before the mark was finished.
	kr, err := openRegistry(f.dir, f.key[:])
	if err != nil {
		t.Fatal(err)
	}
	if err := rewriteRegistry(f.dir, kr, next[:]); err != nil {
		t.Fatal(err)
	}
	openLenaNoLoss(t, f, next)
	for i := range 2 {
		if err := RotateKey(f.dir, f.key, next); err != nil {
			t.Fatalf("RotateKey %d after the crash: %v", i+1, err)
		}
	}
	lena := openAs(t, f.dir, next, "Lena Lead", f.lena)
	if loss := lena.LostChanges(); loss != nil {
		t.Errorf("open after resuming reports %+v", loss)
	}
	if got := readAll(t, lena); !reflect.DeepEqual(got, before) {
		t.Error("the cases read differently after resuming")
	}
}

// openLenaNoLoss opens the fixture's store as Lena with key and checks that
// the open found no loss, and closes it.
func openLenaNoLoss(t *testing.T, f *restrictedFixture, key [32]byte) {
	t.Helper()
	s := openAs(t, f.dir, key, "Lena Lead", f.lena)
	if loss := s.LostChanges(); loss != nil {
		t.Errorf("open reports %+v", loss)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

// A half-rotated vault that a crash left: opened with the old key and
// changed (the mark moves on under the old key) before RotateKey is called
// again; the new key's open then reports no loss either.
func TestRotateKeyAfterChangesUnderOldKey(t *testing.T) {
	f, _ := rotatedFixture(t)
	next := randomKey(t)
	if err := writeMark(f.dir, f.key, next, true); err != nil {
		t.Fatal(err)
	}
	lena := openAs(t, f.dir, f.key, "Lena Lead", f.lena)
	c, err := lena.Get(f.open.ID)
	if err != nil {
		t.Fatal(err)
	}
	c.Contacts[0].Notes = "changed after the crash"
	if err := lena.Save(c); err != nil {
		t.Fatal(err)
	}
	lena.Close()
	if err := RotateKey(f.dir, f.key, next); err != nil {
		t.Fatal(err)
	}
	openLenaNoLoss(t, f, next)
}

// Keys that do not open the database are refused, and the database is left
// as it was; so is a store open in this program.
func TestRotateKeyRefuses(t *testing.T) {
	f, _ := rotatedFixture(t)
	if err := RotateKey(f.dir, randomKey(t), randomKey(t)); !errors.Is(err, ErrWrongKey) || !strings.Contains(err.Error(), "neither") {
		t.Errorf("RotateKey with wrong keys: %v, want ErrWrongKey", err)
	}
	if err := RotateKey(t.TempDir(), f.key, randomKey(t)); !errors.Is(err, ErrDamagedStore) {
		t.Errorf("RotateKey of an empty folder: %v, want ErrDamagedStore", err)
	}
	s := openAs(t, f.dir, f.key, "Lena Lead", f.lena)
	if err := RotateKey(f.dir, f.key, randomKey(t)); !errors.Is(err, ErrStoreInUse) {
		t.Errorf("RotateKey of an open store: %v, want ErrStoreInUse", err)
	}
	s.Close()
	if ok, err := KeyOpens(f.dir, f.key); !ok || err != nil {
		t.Errorf("after the refusals the old key opens: %v, %v", ok, err)
	}
}

func TestKeyOpens(t *testing.T) {
	f, _ := rotatedFixture(t)
	next := randomKey(t)
	cases := []struct {
		name string
		key  [32]byte
		want bool
	}{
		{"the old key before", f.key, true},
		{"the new key before", next, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got, err := KeyOpens(f.dir, c.key); got != c.want || err != nil {
				t.Errorf("KeyOpens = %v, %v; want %v", got, err, c.want)
			}
		})
	}
	if err := RotateKey(f.dir, f.key, next); err != nil {
		t.Fatal(err)
	}
	if old, _ := KeyOpens(f.dir, f.key); old {
		t.Error("the old key opens the rotated registry")
	}
	if now, err := KeyOpens(f.dir, next); !now || err != nil {
		t.Errorf("the new key: %v, %v", now, err)
	}
	if _, err := KeyOpens(t.TempDir(), next); !errors.Is(err, ErrDamagedStore) {
		t.Errorf("KeyOpens of an empty folder: %v, want ErrDamagedStore", err)
	}
}
