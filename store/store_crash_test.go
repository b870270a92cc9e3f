//go:build !windows

package store

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"msprecords/practice"
	"msprecords/records"
)

// The crash test runs this test binary again as a child that saves cases
// until it is killed. These variables tell the child where and with what key.
const (
	crashDirEnv = "MSPRECORDS_CRASH_CHILD_DIR"
	crashKeyEnv = "MSPRECORDS_CRASH_CHILD_KEY"
	crashRounds = 20
)

// TestCrashSafety kills a child process with SIGKILL while it saves, at a
// random moment, again and again; after each kill every save the child had
// acknowledged must be there, at that revision or later, and the audit
// chain must verify.
func TestCrashSafety(t *testing.T) {
	if dir := os.Getenv(crashDirEnv); dir != "" {
		crashChild(dir, os.Getenv(crashKeyEnv))
		return
	}
	s, dir, key := newTestStore(t)
	s.Close()
	acked := map[string]int64{}
	for round := range crashRounds {
		delay := time.Duration(50+rand.IntN(250)) * time.Millisecond
		got, err := runCrashChild(dir, key, delay)
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		for id, rev := range got {
			acked[id] = max(acked[id], rev)
		}
		checkAcknowledged(t, dir, key, acked, round)
	}
	t.Logf("%d rounds, %d cases acknowledged", crashRounds, len(acked))
}

// runCrashChild starts the child, waits for its first acknowledged save,
// kills it after delay and returns what it acknowledged (id to revision).
func runCrashChild(dir string, key [32]byte, delay time.Duration) (map[string]int64, error) {
	return runChild("TestCrashSafety", dir, key, nil, delay)
}

// runChild is runCrashChild for the child of the test named, with more
// environment.
func runChild(test, dir string, key [32]byte, env []string, delay time.Duration) (map[string]int64, error) {
	cmd := exec.Command(os.Args[0], "-test.run=^"+test+"$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashDirEnv+"="+dir, crashKeyEnv+"="+hex.EncodeToString(key[:]))
	cmd.Env = append(cmd.Env, env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	lines := make(chan string, 1024)
	go readLines(out, lines)
	acked := map[string]int64{}
	first := time.After(60 * time.Second)
	select {
	case line, ok := <-lines:
		if !ok {
			cmd.Wait()
			return nil, fmt.Errorf("the child ended before saving: %s", stderr.String())
		}
		parseAck(line, acked)
	case <-first:
		cmd.Process.Kill()
		cmd.Wait()
		return nil, fmt.Errorf("the child saved nothing in a minute: %s", stderr.String())
	}
	time.Sleep(delay)
	if err := cmd.Process.Kill(); err != nil { // SIGKILL: no deferred code, no Close
		return nil, err
	}
	for line := range lines {
		parseAck(line, acked)
	}
	cmd.Wait()
	return acked, nil
}

// readLines sends each complete line; a line cut off by the kill has no
// newline and is dropped.
func readLines(r io.Reader, lines chan<- string) {
	defer close(lines)
	br := bufio.NewReader(r)
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			return
		}
		lines <- strings.TrimSuffix(line, "\n")
	}
}

func parseAck(line string, acked map[string]int64) {
	f := strings.Fields(line)
	if len(f) != 3 || f[0] != "ACK" {
		return
	}
	if rev, err := strconv.ParseInt(f[2], 10, 64); err == nil {
		acked[f[1]] = max(acked[f[1]], rev)
	}
}

func checkAcknowledged(t *testing.T, dir string, key [32]byte, acked map[string]int64, round int) {
	t.Helper()
	s, err := Open(dir, key, "checker", practice.DefaultOptions())
	if err != nil {
		t.Fatalf("round %d: reopening after the kill: %v", round, err)
	}
	defer s.Close()
	for id, rev := range acked {
		c, err := s.Load(id)
		if err != nil {
			t.Fatalf("round %d: acknowledged case %s lost: %v", round, id, err)
		}
		if c.Revision < rev {
			t.Fatalf("round %d: case %s at revision %d, but revision %d was acknowledged", round, id, c.Revision, rev)
		}
	}
	r, err := s.Verify()
	if err != nil || !r.OK() {
		t.Fatalf("round %d: Verify: %v %v", round, err, r)
	}
}

// crashChild saves cases until it is killed, printing "ACK id revision"
// after each save returns.
func crashChild(dir, hexKey string) {
	var key [32]byte
	if b, err := hex.DecodeString(hexKey); err != nil || len(b) != 32 {
		fmt.Fprintln(os.Stderr, "bad key")
		os.Exit(2)
	} else {
		copy(key[:], b)
	}
	s, err := Open(dir, key, "crash child", practice.DefaultOptions())
	if err != nil {
		fmt.Fprintln(os.Stderr, "open:", err)
		os.Exit(2)
	}
	var ids []string
	for _, sum := range s.Summaries() {
		ids = append(ids, sum.ID)
	}
	for i := 0; ; i++ {
		c, err := crashStep(s, ids, i)
		if err != nil {
			fmt.Fprintln(os.Stderr, "save:", err)
			os.Exit(2)
		}
		if len(ids) == 0 || rand.IntN(8) == 0 {
			ids = append(ids, c.ID)
		}
		os.Stdout.WriteString(fmt.Sprintf("ACK %s %d\n", c.ID, c.Revision)) // one write: whole line or none
	}
}

// crashStep creates a case or changes one, adding a chronology entry.
func crashStep(s *Store, ids []string, i int) (*records.Case, error) {
	if len(ids) == 0 || rand.IntN(8) == 0 {
		c := fullCase(fmt.Sprint("crash", i))
		c.Reference = ""
		return c, s.Create(c)
	}
	c, err := s.Load(ids[rand.IntN(len(ids))])
	if err != nil {
		return nil, err
	}
	c.Person.Phone = fmt.Sprint("01632 ", i)
	c.Chronology = append(c.Chronology, records.ChronologyEntry{
		ID: records.NewID(), Date: records.Today(), Recorded: nowUTC(), Author: "crash child", Kind: "Note", Text: fmt.Sprint("Note ", i),
	})
	return c, s.Save(c)
}
