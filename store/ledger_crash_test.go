//go:build !windows

package store

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"msprecords/crypto"
	"msprecords/practice"
)

// The killed-save test runs this test binary again as a child that writes
// a file as the window saves a pack or a backup (crypto.CreateAtomicWith
// with the store's ledger), stalls half way and is killed there.
const (
	saveChildDirEnv = "MSPRECORDS_SAVE_CHILD_DIR"
	saveChildKeyEnv = "MSPRECORDS_SAVE_CHILD_KEY"
	saveChildOutEnv = "MSPRECORDS_SAVE_CHILD_OUT"
)

// TestKilledSaveLeavesNothing kills a save part way with SIGKILL: its
// temporary file, holding case data in clear, is in the folder the user
// chose; the next open of the vault removes it.
func TestKilledSaveLeavesNothing(t *testing.T) {
	if dir := os.Getenv(saveChildDirEnv); dir != "" {
		saveChild(dir, os.Getenv(saveChildKeyEnv), os.Getenv(saveChildOutEnv))
		return
	}
	st, dir, key := newTestStore(t)
	c := fullCase("Zoë Łukasiewicz")
	if err := st.Create(c); err != nil {
		t.Fatal(err)
	}
	st.Close()
	out := filepath.Join(t.TempDir(), "Safeguarding exports")
	if err := os.Mkdir(out, 0o700); err != nil {
		t.Fatal(err)
	}

	cmd := exec.Command(os.Args[0], "-test.run=^TestKilledSaveLeavesNothing$", "-test.count=1")
	cmd.Env = append(os.Environ(), saveChildDirEnv+"="+dir, saveChildKeyEnv+"="+hex.EncodeToString(key[:]),
		saveChildOutEnv+"="+filepath.Join(out, "cases.json"))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	stalled := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if temp, ok := strings.CutPrefix(sc.Text(), "stalled "); ok {
				stalled <- temp
			}
		}
		close(stalled)
	}()
	var temp string
	select {
	case temp = <-stalled:
		if temp == "" {
			t.Fatalf("the child ended before stalling: %s", stderr.String())
		}
	case <-time.After(60 * time.Second):
		t.Fatalf("the child did not stall within a minute: %s", stderr.String())
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()

	data, err := os.ReadFile(temp)
	if err != nil {
		t.Fatalf("the killed save left no temporary file (%v); the test proves nothing", err)
	}
	if !bytes.Contains(data, []byte("Łukasiewicz")) {
		t.Fatalf("the temporary file does not hold the case: %.80q", data)
	}
	if !crypto.IsTempName(filepath.Base(temp)) || strings.Contains(temp, "cases") {
		t.Errorf("temporary file %s is not named as a temporary file, or names its file", filepath.Base(temp))
	}

	st, err = Open(dir, key, "Test User", practice.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	wantGone(t, temp)
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Errorf("the folder still holds %v", entries)
	}
	if recs := ledgerRecords(t, st); len(recs) != 0 {
		t.Errorf("records left: %v", recs)
	}
}

// saveChild opens the store and writes its JSON export to path through an
// AtomicFile recorded in the store's ledger, stalling for ever once part of
// it is written.
func saveChild(dir, hexKey, path string) {
	var key [32]byte
	b, err := hex.DecodeString(hexKey)
	if err != nil || len(b) != 32 {
		fmt.Fprintln(os.Stderr, "bad key")
		os.Exit(2)
	}
	copy(key[:], b)
	st, err := Open(dir, key, "save child", practice.DefaultOptions())
	if err != nil {
		fmt.Fprintln(os.Stderr, "open:", err)
		os.Exit(2)
	}
	f, err := crypto.CreateAtomicWith(path, 0o600, st.TempLedger())
	if err != nil {
		fmt.Fprintln(os.Stderr, "create:", err)
		os.Exit(2)
	}
	err = st.ExportJSON(&stallingWriter{f: f, after: 256}, nil)
	fmt.Fprintln(os.Stderr, "the save ended without stalling:", err)
	os.Exit(2)
}

// stallingWriter writes to f until after bytes are on disk, then says
// where on stdout and blocks, as a save to a slow drive would when killed.
type stallingWriter struct {
	f     *crypto.AtomicFile
	after int
}

func (w *stallingWriter) Write(p []byte) (int, error) {
	n, err := w.f.Write(p)
	w.after -= n
	if err == nil && w.after <= 0 {
		fmt.Println("stalled", w.f.Name())
		select {}
	}
	return n, err
}
