package backup

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestWriteFile writes a backup file atomically, reporting progress, and
// checks that it restores.
func TestWriteFile(t *testing.T) {
	v := newVault(t)
	path := filepath.Join(t.TempDir(), "backup.age")
	var reports int
	var last int64
	err := WriteFile(context.Background(), path, v.dir, v.store, testPass, testWorkFactor, func(done, total int64) {
		if done < last || total <= 0 {
			t.Errorf("progress %d of %d after %d", done, total, last)
		}
		reports, last = reports+1, done
	})
	if err != nil {
		t.Fatal(err)
	}
	if reports == 0 {
		t.Error("no progress reported")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := restore(data, filepath.Join(t.TempDir(), "restored")); err != nil || n != len(v.cases) {
		t.Fatalf("restored %d cases, %v", n, err)
	}
	onlyFile(t, path)
}

// TestWriteFileCancelled cancels a backup in the middle of its database
// stream, and before it starts: it returns context.Canceled, leaves the
// file that was there as it was and no temporary file, and the store stays
// open.
func TestWriteFileCancelled(t *testing.T) {
	withChunkSize(t, testChunk)
	v := newVault(t)
	path := filepath.Join(t.TempDir(), "backup.age")
	if err := os.WriteFile(path, []byte("an older backup"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, when := range []string{"midway", "before"} {
		t.Run(when, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if when == "before" {
				cancel()
			}
			err := WriteFile(ctx, path, v.dir, v.store, testPass, testWorkFactor, func(done, total int64) {
				cancel() // at the first write of the database stream
			})
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("err = %v, want context.Canceled", err)
			}
			if data, _ := os.ReadFile(path); string(data) != "an older backup" {
				t.Errorf("the file became %q", data)
			}
			onlyFile(t, path)
			if len(v.store.Summaries()) != len(v.cases) {
				t.Error("the store lost its cases")
			}
		})
	}
	if err := WriteFile(context.Background(), path, v.dir, v.store, testPass, testWorkFactor, nil); err != nil {
		t.Fatalf("a backup after the cancelled ones: %v", err)
	}
}

// onlyFile checks that path is the only file in its folder.
func onlyFile(t *testing.T, path string) {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != filepath.Base(path) {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}
