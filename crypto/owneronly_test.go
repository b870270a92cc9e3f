package crypto

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// TestWriteOwnerOnly writes a secret over a file that anyone could read, as
// the save dialog leaves it, and checks that only its owner can read it
// afterwards: mode 0600 beyond Windows, the owner's access list on Windows
// (checkOwnerOnly), and that nothing else is left in the folder.
func TestWriteOwnerOnly(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "recovery.txt")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o644); err != nil { // whatever the umask
		t.Fatal(err)
	}
	const secret = "AGE-SECRET-KEY-1 not a real one\n"
	if err := WriteOwnerOnly(path, []byte(secret)); err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(path); err != nil || string(got) != secret {
		t.Fatalf("read back %q, %v", got, err)
	}
	if runtime.GOOS != "windows" {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("mode %v, want 0600", fi.Mode().Perm())
		}
	}
	checkOwnerOnly(t, path)
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the folder holds %d files, want the one written", len(entries))
	}
}

// TestWriteOwnerOnlyFails: a folder that does not exist gives an error
// naming the file, and no file.
func TestWriteOwnerOnlyFails(t *testing.T) {
	path := filepath.Join(t.TempDir(), "missing", "recovery.txt")
	if err := WriteOwnerOnly(path, []byte("x")); err == nil {
		t.Fatal("WriteOwnerOnly into a missing folder succeeded")
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("a file was left: %v", err)
	}
}
