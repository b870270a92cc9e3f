package backup

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"msprecords/crypto"
)

// failingReader gives the first n bytes of data, then fails.
type failingReader struct {
	r io.Reader
	n int
}

var errReadFailed = errors.New("the disk went away")

func (f *failingReader) Read(p []byte) (int, error) {
	if f.n <= 0 {
		return 0, errReadFailed
	}
	if len(p) > f.n {
		p = p[:f.n]
	}
	n, err := f.r.Read(p)
	f.n -= n
	return n, err
}

// hiddenFolders lists the restore folders left in parent.
func hiddenFolders(t *testing.T, parent string) []string {
	t.Helper()
	found, err := filepath.Glob(filepath.Join(parent, workPattern))
	if err != nil {
		t.Fatal(err)
	}
	return found
}

func assertNoHidden(t *testing.T, parent string) {
	t.Helper()
	if found := hiddenFolders(t, parent); len(found) > 0 {
		t.Errorf("a restore left its hidden folders behind: %v", found)
	}
}

// TestRestoreFailsMidway cuts a backup short and fails its reader part way,
// at several points, into a missing target and an empty one: each time the
// target must be as it was and no hidden folder may be left.
func TestRestoreFailsMidway(t *testing.T) {
	withChunkSize(t, testChunk)
	v := newVault(t)
	data := v.backup(t)
	for _, frac := range []int{10, 50, 90, 99} {
		n := len(data) * frac / 100
		for _, empty := range []bool{false, true} {
			parent := t.TempDir()
			into := filepath.Join(parent, "restored")
			if empty {
				if err := os.Mkdir(into, 0o700); err != nil {
					t.Fatal(err)
				}
			}
			check := func(how string, err error) {
				t.Helper()
				if err == nil {
					t.Fatalf("%s at %d%%: restore succeeded", how, frac)
				}
				if empty {
					if entries, err := os.ReadDir(into); err != nil || len(entries) > 0 {
						t.Errorf("%s at %d%%: the empty target now holds %d entries (%v)", how, frac, len(entries), err)
					}
				} else {
					assertGone(t, into)
				}
				assertNoHidden(t, parent)
			}
			_, err := restore(data[:n], into)
			check("cut short", err)
			_, err = Restore(&failingReader{r: bytes.NewReader(data), n: n}, into, testPass, unlockWith(testPass))
			check("failing reader", err)
		}
	}
}

// TestRestoreRemovesStale leaves an unlocked hidden folder, as a killed
// restore would, and a locked one, as a restore still running holds, beside
// the target: a restore removes the first and leaves the second.
func TestRestoreRemovesStale(t *testing.T) {
	v := newVault(t)
	parent := t.TempDir()
	stale := filepath.Join(parent, ".restored"+workInfix+"123")
	other := filepath.Join(parent, ".another"+workInfix+"456")
	busy := filepath.Join(parent, ".busy"+workInfix+"789")
	for _, dir := range []string{stale, other, busy} {
		if err := os.MkdirAll(filepath.Join(dir, "db"), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, headerName), []byte("{}"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	lock, err := crypto.Lock(busy)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Release()
	into := filepath.Join(parent, "restored")
	if _, err := restore(v.backup(t), into); err != nil {
		t.Fatal(err)
	}
	sameCases(t, v.store, openRestored(t, into))
	if found := hiddenFolders(t, parent); len(found) != 1 || found[0] != busy {
		t.Errorf("hidden folders after the restore: %v; want only the locked %s", found, busy)
	}
}

// TestRestoreNoHiddenOnSuccess checks that a restore leaves nothing but the
// vault, into a missing target and an empty one.
func TestRestoreNoHiddenOnSuccess(t *testing.T) {
	v := newVault(t)
	data := v.backup(t)
	for _, empty := range []bool{false, true} {
		parent := t.TempDir()
		into := filepath.Join(parent, "restored")
		if empty {
			if err := os.Mkdir(into, 0o700); err != nil {
				t.Fatal(err)
			}
		}
		n, err := restore(data, into)
		if err != nil {
			t.Fatal(err)
		}
		if n != len(v.cases) {
			t.Errorf("restored %d cases, want %d", n, len(v.cases))
		}
		entries, _ := os.ReadDir(parent)
		if len(entries) != 1 || entries[0].Name() != "restored" {
			t.Errorf("the parent folder holds %d entries, want only the vault", len(entries))
		}
	}
}
