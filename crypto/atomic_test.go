package crypto

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "file.json")
	for _, content := range []string{"first", "second, longer than the first", ""} {
		if err := WriteFileAtomic(path, []byte(content), 0o600); err != nil {
			t.Fatalf("WriteFileAtomic: %v", err)
		}
		if got := readFile(t, path); !bytes.Equal(got, []byte(content)) {
			t.Errorf("file holds %q, want %q", got, content)
		}
	}
	wantNoTempFiles(t, dir)
	if runtime.GOOS != "windows" {
		info, err := os.Stat(path)
		if err != nil || info.Mode().Perm() != 0o600 {
			t.Errorf("mode = %v, %v; want 0600", info.Mode(), err)
		}
	}
}

func TestWriteFileAtomicPerm(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix modes on Windows")
	}
	path := filepath.Join(t.TempDir(), "file")
	for _, perm := range []os.FileMode{0o644, 0o400, 0o600} {
		if err := WriteFileAtomic(path, []byte("x"), perm); err != nil {
			t.Fatal(err)
		}
		if info, _ := os.Stat(path); info.Mode().Perm() != perm {
			t.Errorf("mode = %v, want %v", info.Mode().Perm(), perm)
		}
	}
}

func TestWriteFileAtomicFails(t *testing.T) {
	dir := t.TempDir()
	for _, sub := range []string{"empty", "full"} {
		if err := os.Mkdir(filepath.Join(dir, sub), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(t, filepath.Join(dir, "full", "x"), nil)
	tests := []struct{ name, path string }{
		{"missing folder", filepath.Join(dir, "nope", "file")},
		{"path is an empty folder", filepath.Join(dir, "empty")},
		{"path is a folder", filepath.Join(dir, "full")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := WriteFileAtomic(tt.path, []byte("data"), 0o600); err == nil {
				t.Error("WriteFileAtomic succeeded")
			}
			wantNoTempFiles(t, dir)
		})
	}
}

// wantNoTempFiles fails if dir holds a temporary file of WriteFileAtomic.
func wantNoTempFiles(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") || strings.HasPrefix(e.Name(), ".") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}
