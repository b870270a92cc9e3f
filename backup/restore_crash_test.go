//go:build !windows

package backup

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"msprecords/demo"
)

// The killed-restore test runs this test binary again as a child that
// restores a backup whose reader stops part way, and kills it there. These
// variables tell the child what to restore, where, and where to stop.
const (
	restoreChildBackupEnv = "MSPRECORDS_RESTORE_CHILD_BACKUP"
	restoreChildTargetEnv = "MSPRECORDS_RESTORE_CHILD_TARGET"
	restoreChildStopEnv   = "MSPRECORDS_RESTORE_CHILD_STOP"
)

// stallingReader gives the first n bytes of r, then says so on stdout and
// blocks for ever, as a restore from a slow disk would when it is killed.
type stallingReader struct {
	r io.Reader
	n int
}

func (s *stallingReader) Read(p []byte) (int, error) {
	if s.n <= 0 {
		fmt.Println("stalled")
		select {}
	}
	if len(p) > s.n {
		p = p[:s.n]
	}
	n, err := s.r.Read(p)
	s.n -= n
	return n, err
}

// TestKilledRestore kills a restore part way with SIGKILL: no vault may be
// at the target, the hidden folder must survive another restore beside it
// while the child still holds it, and the next restore into the target
// must succeed and remove what the killed one left.
func TestKilledRestore(t *testing.T) {
	if path := os.Getenv(restoreChildBackupEnv); path != "" {
		restoreChild(path, os.Getenv(restoreChildTargetEnv), os.Getenv(restoreChildStopEnv))
		return
	}
	withChunkSize(t, testChunk)
	v := newVault(t)
	more := demo.CasesFrom(len(v.cases), 60, 1)
	if _, err := v.store.ImportJSON(bytes.NewReader(caseFile(t, more))); err != nil {
		t.Fatal(err)
	}
	data := v.backup(t)
	backupFile := filepath.Join(t.TempDir(), "backup")
	if err := os.WriteFile(backupFile, data, 0o600); err != nil {
		t.Fatal(err)
	}
	parent := t.TempDir()
	into := filepath.Join(parent, "restored")

	cmd := exec.Command(os.Args[0], "-test.run=^TestKilledRestore$", "-test.count=1")
	cmd.Env = append(os.Environ(), restoreChildBackupEnv+"="+backupFile,
		restoreChildTargetEnv+"="+into, restoreChildStopEnv+"="+strconv.Itoa(len(data)*7/10))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	killed := false
	defer func() {
		if !killed {
			cmd.Process.Kill()
			cmd.Wait()
		}
	}()
	stalled := make(chan bool, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if sc.Text() == "stalled" {
				stalled <- true
				break
			}
		}
		io.Copy(io.Discard, out)
		close(stalled)
	}()
	select {
	case ok := <-stalled:
		if !ok {
			t.Fatalf("the child ended before stalling: %s", stderr.String())
		}
	case <-time.After(60 * time.Second):
		t.Fatalf("the child did not stall within a minute: %s", stderr.String())
	}

	// The child is mid-restore: its hidden folder holds the vault's files
	// and some of the database, and nothing is at the target.
	var hidden string
	deadline := time.Now().Add(10 * time.Second)
	for {
		if found := hiddenFolders(t, parent); len(found) == 1 {
			if _, err := os.Stat(filepath.Join(found[0], headerName)); err == nil {
				hidden = found[0]
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("the child's hidden folder with its vault files did not appear: %v", hiddenFolders(t, parent))
		}
		time.Sleep(10 * time.Millisecond)
	}
	assertGone(t, into)

	// Another restore beside it leaves the live child's folder alone.
	beside := filepath.Join(parent, "beside")
	if _, err := restore(data, beside); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(hidden); err != nil {
		t.Fatalf("a restore beside a running one removed its folder: %v", err)
	}

	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	killed = true
	assertGone(t, into)
	if _, err := os.Stat(hidden); err != nil {
		t.Fatalf("the killed restore's folder is gone already (%v); the test proves nothing", err)
	}

	n, err := restore(data, into)
	if err != nil {
		t.Fatalf("restore after a killed one: %v", err)
	}
	if want := len(v.cases) + len(more); n != want {
		t.Errorf("restored %d cases, want %d", n, want)
	}
	sameCases(t, v.store, openRestored(t, into))
	assertNoHidden(t, parent)
}

// restoreChild restores the backup at path into target, stalling after
// stop bytes until it is killed.
func restoreChild(path, target, stop string) {
	n, err := strconv.Atoi(stop)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	f, err := os.Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	_, err = Restore(&stallingReader{r: f, n: n}, target, testPass, unlockWith(testPass))
	fmt.Fprintf(os.Stderr, "the restore ended without stalling: %v\n", err)
	os.Exit(2)
}
