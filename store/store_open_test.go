package store

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"msprecords/practice"
	"msprecords/records"
)

func TestOpenWrongKey(t *testing.T) {
	s, dir, _ := newTestStore(t)
	mustCreate(t, s, "Ann Able")
	s.Close()
	if _, err := Open(dir, randomKey(t), "Someone", practice.DefaultOptions()); !errors.Is(err, ErrWrongKey) {
		t.Fatalf("Open with another key = %v, want ErrWrongKey", err)
	}
}

func TestOpenTwice(t *testing.T) {
	s, dir, key := newTestStore(t)
	s2, err := Open(dir, key, "Again", practice.DefaultOptions())
	if !errors.Is(err, ErrStoreInUse) {
		if s2 != nil {
			s2.Close()
		}
		t.Fatalf("second Open = %v, want ErrStoreInUse", err)
	}
	// Another program meets Badger's own lock on the folder.
	if db, err := openBadger(dir, key[:]); !errors.Is(err, ErrStoreInUse) {
		if db != nil {
			db.Close()
		}
		t.Fatalf("Badger open of an open store = %v, want ErrStoreInUse", err)
	}
	s.Close()
	s3, err := Open(dir, key, "After close", practice.DefaultOptions())
	if err != nil {
		t.Fatalf("Open after Close: %v", err)
	}
	s3.Close()
}

func TestOpenMissingStore(t *testing.T) {
	key := randomKey(t)
	missing := filepath.Join(t.TempDir(), "db")
	if _, err := Open(missing, key, "u", practice.DefaultOptions()); !errors.Is(err, ErrDamagedStore) {
		t.Errorf("Open of a missing dir = %v, want ErrDamagedStore", err)
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Errorf("Open created %s", missing)
	}
	if _, err := Open(t.TempDir(), key, "u", practice.DefaultOptions()); !errors.Is(err, ErrDamagedStore) {
		t.Errorf("Open of an empty dir = %v, want ErrDamagedStore", err)
	}
}

func TestCreateOverExistingStore(t *testing.T) {
	s, dir, key := newTestStore(t)
	s.Close()
	if _, err := Create(dir, key, "u", practice.DefaultOptions()); !errors.Is(err, ErrStoreExists) {
		t.Errorf("Create over a database = %v, want ErrStoreExists", err)
	}
	if err := Restore(dir, key, "u", strings.NewReader("")); !errors.Is(err, ErrStoreExists) {
		t.Errorf("Restore over a database = %v, want ErrStoreExists", err)
	}
}

// damages are the ways a file is damaged: emptied, cut short, or part
// overwritten at the start, middle or end.
var damages = map[string]func(path string, size int64) error{
	"emptied":            func(p string, _ int64) error { return os.Truncate(p, 0) },
	"truncated":          func(p string, n int64) error { return os.Truncate(p, n/2) },
	"tail torn":          func(p string, n int64) error { return os.Truncate(p, max(0, n-7)) },
	"overwritten start":  func(p string, n int64) error { return overwrite(p, 0) },
	"overwritten middle": func(p string, n int64) error { return overwrite(p, n/3) },
	"overwritten end":    func(p string, n int64) error { return overwrite(p, max(0, n-40)) },
}

func overwrite(path string, at int64) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.WriteAt([]byte(strings.Repeat("\xde\xad\xbe\xef", 8)), at)
	return err
}

func TestOpenDamagedStore(t *testing.T) {
	closed, key := damageFixture(t, false)
	crashed, crashKey := damageFixture(t, true)
	for name, fixture := range map[string]string{"closed": closed, "crashed": crashed} {
		k := key
		if name == "crashed" {
			k = crashKey
		}
		files, _ := os.ReadDir(fixture)
		for _, f := range files {
			if f.Name() == "LOCK" {
				continue
			}
			for how, damage := range damages {
				t.Run(name+" "+f.Name()+" "+how, func(t *testing.T) {
					dir := damagedCopy(t, fixture)
					path := filepath.Join(dir, f.Name())
					info, _ := os.Stat(path)
					if err := damage(path, info.Size()); err != nil {
						t.Fatal(err)
					}
					useDamaged(t, dir, k)
				})
			}
		}
	}
	master := closed
	t.Run("file removed", func(t *testing.T) {
		for _, name := range []string{manifestName, keyRegistryName} {
			dir := copyDir(t, master)
			os.Remove(filepath.Join(dir, name))
			if _, err := Open(dir, key, "u", practice.DefaultOptions()); !errors.Is(err, ErrDamagedStore) {
				t.Errorf("without %s: Open = %v, want ErrDamagedStore", name, err)
			}
		}
	})
}

// useDamaged opens a damaged store: it must fail with one of the store's
// errors, or open and then work (Badger repairs a torn tail) without a panic.
func useDamaged(t *testing.T, dir string, key [32]byte) {
	s, err := Open(dir, key, "u", practice.DefaultOptions())
	if err != nil {
		if !errors.Is(err, ErrDamagedStore) && !errors.Is(err, ErrWrongKey) && !errors.Is(err, ErrUnknownSchema) {
			t.Errorf("Open = %v, want a store error", err)
		}
		t.Logf("refused: %v", err)
		return
	}
	defer s.Close()
	t.Logf("opened with %d cases", len(s.Summaries()))
	for _, sum := range s.Summaries() {
		_, _ = s.Load(sum.ID)
	}
	if _, err := s.Verify(); err != nil && !errors.Is(err, ErrDamagedStore) {
		t.Errorf("Verify = %v", err)
	}
	_ = s.Save(&records.Case{ID: records.NewID()})
}

// damageFixture is a store with tables, a value log and the other files
// Badger keeps, copied for each kind of damage: closed, or copied while
// open, as a crash would leave it (with a memtable log to replay).
func damageFixture(t *testing.T, crashed bool) (string, [32]byte) {
	s, dir, key := newTestStore(t)
	for i := range 30 {
		if i == 20 && crashed {
			s = reopen(t, s, dir, key) // the first cases in a table, the rest in the memtable log
		}
		c := fullCase(string(rune('a' + i%26)))
		c.Reference = ""
		if i == 0 {
			c.Enquiry.Concern = strings.Repeat("A long concern. ", 5000) // over valueThreshold: in the value log
		}
		if err := s.Create(c); err != nil {
			t.Fatal(err)
		}
	}
	if crashed {
		return copyDir(t, dir), key
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return dir, key
}

// copyDir copies a store's folder, open or closed, as a crash would leave
// it: every file but Badger's LOCK. That one holds no data, and a crash
// leaves none on Windows (Badger opens it there with share mode 0, so it
// cannot even be read while open, and delete-on-close, so the system removes
// it when the process dies); on Linux Badger makes a new one or takes over a
// stale one.
func copyDir(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	copyInto(t, src, dst)
	return dst
}

// damagedCopy is copyDir for a store about to be damaged, in a folder whose
// removal may fail on Windows. Refusing a damaged store, Badger can leave
// files it had opened open (its Open does not close everything it opened
// before the failure), and Windows cannot delete an open file; so there the
// folder is left in the temporary folder, with a note, rather than failing
// the test at cleanup. Elsewhere a failure to remove it is an error.
func damagedCopy(t *testing.T, src string) string {
	t.Helper()
	dst, err := os.MkdirTemp("", "msprecords-damaged-store-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := os.RemoveAll(dst); err != nil {
			if runtime.GOOS != "windows" {
				t.Error(err)
				return
			}
			t.Logf("left behind: %v (a file Badger kept open after refusing the damaged store)", err)
		}
	})
	copyInto(t, src, dst)
	return dst
}

func copyInto(t *testing.T, src, dst string) {
	t.Helper()
	files, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if f.Name() == "LOCK" {
			continue
		}
		copyFile(t, filepath.Join(src, f.Name()), filepath.Join(dst, f.Name()))
	}
}

func copyFile(t *testing.T, from, to string) {
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
}
