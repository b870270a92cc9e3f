//go:build !windows

package vaultopen_test

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"testing"
	"time"

	"msprecords/crypto"
	"msprecords/practice"
	"msprecords/vaultopen"
)

const (
	removeCrashDirEnv = "MSPRECORDS_REMOVE_CRASH_DIR"
	roundsEnv         = "MSPRECORDS_REMOVE_CRASH_ROUNDS"
)

// removeCrashRounds is how many kills TestRemoveUserCrashSafety makes:
// a few in 'make test', more in 'make soak' (MSPRECORDS_REMOVE_CRASH_ROUNDS).
func removeCrashRounds() int {
	if n, err := strconv.Atoi(os.Getenv(roundsEnv)); err == nil && n > 0 {
		return n
	}
	return 6
}

// TestRemoveUserCrashSafety kills, with SIGKILL, a child that adds a user,
// restricts a case to them and removes them again, over and over. After
// each kill the vault opens, for the lead, for a practitioner and with the
// recovery key, with the old key or the new, never neither, and every case
// reads as before.
func TestRemoveUserCrashSafety(t *testing.T) {
	if dir := os.Getenv(removeCrashDirEnv); dir != "" {
		removeChild(dir)
		return
	}
	f := newRemovalFixture(t)
	pending := 0
	for round := range removeCrashRounds() {
		delay := time.Duration(rand.IntN(1500)) * time.Millisecond
		if err := runRemoveChild(f.dir, delay); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		if changing(t, f.dir) {
			pending++
		}
		f.reads(t, "Carol", "carol pass", false)
		f.reads(t, "Alice", "alice pass", true)
		l, err := vaultopen.Lock(f.dir)
		if err != nil {
			t.Fatal(err)
		}
		u, err := l.UnlockWithRecoveryKey(f.recovery)
		if err != nil {
			t.Fatalf("round %d: the recovery key: %v", round, err)
		}
		s, err := l.OpenStore(&u, practice.DefaultOptions())
		if err != nil {
			t.Fatalf("round %d: the recovery key opens the store: %v", round, err)
		}
		readCase(t, s, f.restricted, true)
		s.Close()
	}
	t.Logf("%d rounds, %d killed during a key change", removeCrashRounds(), pending)
}

// changing reports whether a kill left a key change under way.
func changing(t *testing.T, dir string) bool {
	v, err := crypto.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	pending, _ := v.KeyChangeState(crypto.MasterKey{})
	return pending
}

// runRemoveChild starts the child, waits for its first line, then kills it
// after delay.
func runRemoveChild(dir string, delay time.Duration) error {
	cmd := exec.Command(os.Args[0], "-test.run=^TestRemoveUserCrashSafety$", "-test.count=1")
	cmd.Env = append(os.Environ(), removeCrashDirEnv+"="+dir)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	started := make(chan bool, 1)
	go func() {
		sc := bufio.NewScanner(out)
		started <- sc.Scan()
		for sc.Scan() {
		}
	}()
	select {
	case ok := <-started:
		if !ok {
			cmd.Wait()
			return fmt.Errorf("the child ended before it started: %s", stderr.String())
		}
	case <-time.After(60 * time.Second):
		cmd.Process.Kill()
		cmd.Wait()
		return fmt.Errorf("the child did not start in a minute")
	}
	time.Sleep(delay)
	cmd.Process.Kill() // SIGKILL: no deferred code, no Close
	cmd.Wait()
	if stderr.Len() > 0 {
		return fmt.Errorf("the child failed before the kill: %s", stderr.String())
	}
	return nil
}

// removeChild adds Leaver, restricts a case to them, and removes them,
// until killed. It says "started" once.
func removeChild(dir string) {
	fail := func(err error) {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	for i := 0; ; i++ {
		l, err := vaultopen.Lock(dir)
		if err != nil {
			fail(err)
		}
		l.Vault.WorkFactor = testWorkFactor
		u, err := l.Unlock("Alice", "alice pass")
		if err != nil {
			fail(err)
		}
		key := u.Key
		s, err := l.OpenStore(&u, practice.DefaultOptions())
		if err != nil {
			fail(err)
		}
		if i == 0 {
			fmt.Println("started")
		}
		// A kill may have left Leaver in from the round before.
		if err := s.Vault.AddSlot(key, "Leaver", "leaver pass", crypto.Practitioner); err != nil && !errors.Is(err, crypto.ErrSlotExists) {
			fail(err)
		}
		id := restrictedID(s)
		if err := s.Restrict(id, []string{"Alice", "Leaver"}); err != nil {
			fail(err)
		}
		lead := crypto.Unlocked{Key: key, Label: s.User, Role: s.Role, Identity: s.Identity}
		if _, err := s.RemoveUser(&lead, "Leaver", practice.DefaultOptions()); err != nil {
			fail(err)
		}
		if err := s.Close(); err != nil {
			fail(err)
		}
	}
}

// restrictedID is the fixture's restricted case, which the child restricts
// again, to Alice and Leaver.
func restrictedID(s *vaultopen.Session) string {
	for _, sum := range s.Store.Summaries() {
		if sum.Restricted {
			return sum.ID
		}
	}
	return ""
}
