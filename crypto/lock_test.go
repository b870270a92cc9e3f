package crypto

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// lockHelperEnv, when set to a folder, turns the test binary into a helper
// process that locks that folder, says "locked", and holds the lock until
// its standard input closes (see TestMain).
const lockHelperEnv = "MSPRECORDS_CRYPTO_LOCK_HELPER"

func lockHelper(dir string) int {
	l, err := Lock(dir)
	if err != nil {
		fmt.Println("error:", err)
		return 1
	}
	fmt.Println("locked")
	io.Copy(io.Discard, os.Stdin)
	if err := l.Release(); err != nil {
		return 1
	}
	return 0
}

func TestLockTwice(t *testing.T) {
	dir := t.TempDir()
	l, err := Lock(dir)
	if err != nil {
		t.Fatalf("Lock: %v", err)
	}
	for _, other := range []string{dir, dir + string(filepath.Separator) + ".", filepath.Join(dir, "x", "..")} {
		if _, err := Lock(other); !isInUse(err) {
			t.Errorf("second Lock(%q) = %v, want ErrVaultInUse", other, err)
		}
	}
	if err := l.Release(); err != nil {
		t.Fatalf("Release: %v", err)
	}
	if err := l.Release(); err != nil {
		t.Errorf("second Release: %v", err)
	}
	l2, err := Lock(dir)
	if err != nil {
		t.Fatalf("Lock after Release: %v", err)
	}
	l2.Release()
	var none *VaultLock
	if err := none.Release(); err != nil {
		t.Errorf("nil Release: %v", err)
	}
}

func TestLockMissingFolder(t *testing.T) {
	_, err := Lock(filepath.Join(t.TempDir(), "nope"))
	if err == nil || isInUse(err) {
		t.Errorf("Lock of a missing folder = %v", err)
	}
	// The failure must not leave the path claimed.
	dir := t.TempDir()
	l, err := Lock(dir)
	if err != nil {
		t.Fatal(err)
	}
	l.Release()
}

// TestLockOtherProcess holds the lock in a child process, checks that it
// excludes us, and that it is released when the child exits or is killed.
func TestLockOtherProcess(t *testing.T) {
	tests := []struct {
		name string
		end  func(cmd *exec.Cmd, stdin io.Closer)
	}{
		{"child exits", func(_ *exec.Cmd, stdin io.Closer) { stdin.Close() }},
		{"child killed", func(cmd *exec.Cmd, _ io.Closer) { cmd.Process.Kill() }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			cmd, stdin := startLockHelper(t, dir)
			if _, err := Lock(dir); !isInUse(err) {
				t.Errorf("Lock while the child holds it = %v, want ErrVaultInUse", err)
			}
			tt.end(cmd, stdin)
			cmd.Wait()
			l, err := Lock(dir)
			if err != nil {
				t.Fatalf("Lock after the child ended: %v", err)
			}
			l.Release()
		})
	}
}

// startLockHelper starts a copy of the test binary that locks dir, and
// waits until it holds the lock.
func startLockHelper(t *testing.T, dir string) (*exec.Cmd, io.WriteCloser) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), lockHelperEnv+"="+dir)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	line, _ := bufio.NewReader(stdout).ReadString('\n')
	if strings.TrimSpace(line) != "locked" {
		t.Fatalf("helper said %q", line)
	}
	return cmd, stdin
}

func isInUse(err error) bool {
	return errors.Is(err, ErrVaultInUse)
}
