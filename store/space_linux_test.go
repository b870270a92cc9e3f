package store

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"msprecords/practice"
	"msprecords/records"

	"golang.org/x/sys/unix"
)

// These tests put a vault's database on a real, small file system (a
// tmpfs mounted for the test, which needs root, as in CI) and fill it.
// What could crash (Badger faulting with SIGBUS on a write into a sparse
// mapped file) runs in a child process of the test binary, so that a crash
// fails the test rather than ending the suite.

const (
	fullChildEnv    = "MSPRECORDS_DISKFULL_CHILD" // the scenario the child runs
	fullChildDirEnv = "MSPRECORDS_DISKFULL_DIR"
	fullChildKeyEnv = "MSPRECORDS_DISKFULL_KEY"
	tmpfsSize       = "48m"
	bigText         = 90000 // characters of concern in each big case: documents of about 100 kB
)

// smallDisks are the file systems the tests fill: tmpfs, and ext4 in a
// file (the two the crash was seen on).
var smallDisks = []struct {
	name  string
	mount func(t *testing.T) string
}{{"tmpfs", mountTmpfs}, {"ext4", mountExt4}}

// mountTmpfs mounts a small tmpfs for the test, unmounted when it ends.
func mountTmpfs(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size="+tmpfsSize+",mode=0700"); err != nil {
		t.Skipf("cannot mount a tmpfs here: %v", err)
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(dir, syscall.MNT_DETACH); err != nil {
			t.Errorf("unmounting the tmpfs: %v", err)
		}
	})
	return dir
}

// mountExt4 makes a small ext4 file system in a file (no blocks kept for
// root, who runs the tests) and mounts it for the test.
func mountExt4(t *testing.T) string {
	t.Helper()
	tmp := t.TempDir()
	img, dir := filepath.Join(tmp, "disk.img"), filepath.Join(tmp, "mnt")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(img, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(img, 56<<20); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mkfs.ext4", "-q", "-F", "-m", "0", img).CombinedOutput(); err != nil {
		t.Skipf("cannot make an ext4 file system here: %v %s", err, out)
	}
	if out, err := exec.Command("mount", "-o", "loop", img, dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount an ext4 file system here: %v %s", err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", "-d", dir).CombinedOutput(); err != nil {
			t.Errorf("unmounting the ext4 file system: %v %s", err, out)
		}
	})
	return dir
}

// fillDisk fills the file system of dir with a file until leave bytes are
// free, and returns the file.
func fillDisk(t testing.TB, dir string, leave int64) string {
	t.Helper()
	free, ok := freeSpace(dir)
	if !ok {
		t.Fatal("cannot tell the free space")
	}
	name := filepath.Join(dir, "filler")
	f, err := os.OpenFile(name, os.O_CREATE|os.O_RDWR|os.O_APPEND, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fi, _ := f.Stat()
	if n := free - leave; n > 0 {
		if err := unix.Fallocate(int(f.Fd()), 0, fi.Size(), n); err != nil {
			t.Fatalf("filling the disk: %v", err)
		}
	}
	return name
}

// bigCase is a case of about 100 kB, so that a few of them are megabytes.
func bigCase(tag string) *records.Case {
	now := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	return &records.Case{
		Schema: records.SchemaVersion, ID: records.NewID(), Revision: 1, Created: now, Updated: now,
		Reference: "BIG-" + tag,
		Person:    records.Person{Name: "Orla " + tag + " Featherstone"},
		Enquiry:   records.Enquiry{Stage: records.Stages()[0], Concern: strings.Repeat("Bruises seen "+tag+". ", bigText/(15+len(tag)))},
	}
}

func bigCases(prefix string, n int) []*records.Case {
	cs := make([]*records.Case, n)
	for i := range cs {
		cs[i] = bigCase(fmt.Sprintf("%s%d", prefix, i))
	}
	return cs
}

// diskFullVault makes a database on a fresh tmpfs with n big cases and
// returns its folder and key, closed.
func diskFullVault(t *testing.T, mount func(*testing.T) string, n int) (string, [32]byte) {
	t.Helper()
	dir := filepath.Join(mount(t), "db")
	key := randomKey(t)
	s, err := Create(dir, key, "Test User", practice.DefaultOptions())
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	if err := s.CreateAll(bigCases("B", n)); err != nil {
		t.Fatalf("CreateAll: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	return dir, key
}

// runFullChild runs scenario in a child process on the database in dir,
// and returns its standard output; a child killed by a signal (SIGBUS)
// or failing fails the test.
func runFullChild(t *testing.T, scenario, dir string, key [32]byte) string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestDiskFullChild$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), fullChildEnv+"="+scenario, fullChildDirEnv+"="+dir,
		fullChildKeyEnv+"="+hex.EncodeToString(key[:]))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			t.Fatalf("the child (%s) was killed by %v:\n%s", scenario, ws.Signal(), lastLines(stderr.String(), 12))
		}
	}
	all := stdout.String() + stderr.String()
	if i := strings.Index(all, "fatal error: "); i >= 0 {
		// The Go runtime ends a process on SIGBUS itself, with status 2,
		// "fatal error: fault" and "[signal SIGBUS: bus error ...]".
		t.Fatalf("the child (%s) crashed (%v): %s", scenario, err, firstLines(all[i:], 4))
	}
	if err != nil || !strings.Contains(stdout.String(), "CHILD DONE") {
		t.Fatalf("the child (%s) failed: %v\n%s\n%s", scenario, err, stdout.String(), lastLines(stderr.String(), 12))
	}
	return stdout.String()
}

func firstLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[:min(n, len(lines))], "\n")
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// TestDiskFullChild is the child's side of the tests below; on its own it
// does nothing.
func TestDiskFullChild(t *testing.T) {
	scenario := os.Getenv(fullChildEnv)
	if scenario == "" {
		t.Skip("run by the disk-full tests as a child process")
	}
	dir := os.Getenv(fullChildDirEnv)
	kb, _ := hex.DecodeString(os.Getenv(fullChildKeyEnv))
	var key [32]byte
	copy(key[:], kb)
	say := func(format string, args ...any) { fmt.Printf(format+"\n", args...) }
	switch scenario {
	case "full-while-open":
		childFullWhileOpen(t, dir, key, say)
	case "full-before-open":
		_, err := Open(dir, key, "Test User", practice.DefaultOptions())
		say("open: diskfull=%v damaged=%v", errors.Is(err, ErrDiskFull), errors.Is(err, ErrDamagedStore))
		say("open error: %v", err)
	case "nearly-full":
		childNearlyFull(t, dir, key, say)
	case "full-part-way":
		childFullPartWay(t, dir, key, say)
	}
	say("CHILD DONE")
}

// childFullWhileOpen opens the database, fills the disk to well below the
// reserve, and tries every kind of write.
func childFullWhileOpen(t *testing.T, dir string, key [32]byte, say func(string, ...any)) {
	s, err := Open(dir, key, "Test User", practice.DefaultOptions())
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	some := s.Summaries()[0]
	fillDisk(t, filepath.Dir(dir), 1<<20)
	c := bigCase("new")
	say("create: %v", kind(s.Create(c)))
	say("createall: %v", kind(s.CreateAll(bigCases("C", 40))))
	_, err = s.Get(some.ID)
	say("get: %v", kind(err))
	if old, err := s.Load(some.ID); err == nil {
		old.Enquiry.Concern += " More."
		say("save: %v", kind(s.Save(old)))
	}
	say("delete: %v", kind(s.Delete(some.ID)))
	say("close: %v", s.Close())
}

// childNearlyFull leaves room for a small case but not for a large import:
// the import is refused before any of it is written; the small case is saved.
func childNearlyFull(t *testing.T, dir string, key [32]byte, say func(string, ...any)) {
	s, err := Open(dir, key, "Test User", practice.DefaultOptions())
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	fillDisk(t, filepath.Dir(dir), reserve(dir)+changeRoom+(2<<20))
	say("createall: %v", kind(s.CreateAll(bigCases("N", 60))))
	say("room-for-demo: %v", kind(s.CheckRoomForCases(bigCases("D", 1), 60)))
	say("create: %v", kind(s.Create(bigCase("small"))))
	say("close: %v", s.Close())
}

// childFullPartWay writes a large import in batches (as CreateAll does
// with what does not fit one transaction) with room for some of them only,
// past the check of the whole import: it stops between batches and is
// undone, so that none of it is left.
func childFullPartWay(t *testing.T, dir string, key [32]byte, say func(string, ...any)) {
	s, err := Open(dir, key, "Test User", practice.DefaultOptions())
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	docs, err := encodeAll(bigCases("P", 80), s.rules)
	if err != nil {
		t.Fatal(err)
	}
	fillDisk(t, filepath.Dir(dir), reserve(dir)+changeRoom+(3<<20))
	db, release, err := s.useForWriting()
	if err != nil {
		t.Fatal(err)
	}
	err = s.writeMarked(db, docs, AuditCreate)
	release()
	say("part-way: %v", kind(err))
	say("close: %v", s.Close())
}

func kind(err error) string {
	switch {
	case err == nil:
		return "ok"
	case errors.Is(err, ErrDiskFull):
		return "diskfull"
	}
	return "other " + err.Error()
}

func wantLines(t *testing.T, out string, lines ...string) {
	t.Helper()
	for _, l := range lines {
		if !strings.Contains(out, l+"\n") {
			t.Errorf("the child did not say %q; it said:\n%s", l, out)
		}
	}
}

// reopenCount opens the database after the filler is removed and checks
// it holds want cases and verifies clean.
func reopenCount(t *testing.T, dir string, key [32]byte, want int) {
	t.Helper()
	if err := os.Remove(filepath.Join(filepath.Dir(dir), "filler")); err != nil {
		t.Fatal(err)
	}
	s, err := Open(dir, key, "Test User", practice.DefaultOptions())
	if err != nil {
		t.Fatalf("Open after space was freed: %v", err)
	}
	defer s.Close()
	if got := len(s.Summaries()); got != want {
		t.Errorf("%d cases after space was freed, want %d", got, want)
	}
	mustVerify(t, s)
}

func TestDiskFullWhileOpen(t *testing.T) {
	for _, disk := range smallDisks {
		t.Run(disk.name, func(t *testing.T) {
			dir, key := diskFullVault(t, disk.mount, 10)
			out := runFullChild(t, "full-while-open", dir, key)
			wantLines(t, out, "create: diskfull", "createall: diskfull", "get: diskfull", "save: diskfull",
				"delete: diskfull", "close: <nil>")
			reopenCount(t, dir, key, 10)
		})
	}
}

func TestDiskFullBeforeOpen(t *testing.T) {
	for _, disk := range smallDisks {
		t.Run(disk.name, func(t *testing.T) {
			dir, key := diskFullVault(t, disk.mount, 10)
			fillDisk(t, filepath.Dir(dir), 1<<20)
			out := runFullChild(t, "full-before-open", dir, key)
			wantLines(t, out, "open: diskfull=true damaged=false")
			reopenCount(t, dir, key, 10)
		})
	}
}

func TestDiskNearlyFullRefusesLargeImport(t *testing.T) {
	for _, disk := range smallDisks {
		t.Run(disk.name, func(t *testing.T) {
			dir, key := diskFullVault(t, disk.mount, 10)
			out := runFullChild(t, "nearly-full", dir, key)
			wantLines(t, out, "createall: diskfull", "room-for-demo: diskfull", "create: ok", "close: <nil>")
			reopenCount(t, dir, key, 11)
		})
	}
}

func TestDiskFullPartWayThroughAnImport(t *testing.T) {
	for _, disk := range smallDisks {
		t.Run(disk.name, func(t *testing.T) {
			dir, key := diskFullVault(t, disk.mount, 10)
			out := runFullChild(t, "full-part-way", dir, key)
			wantLines(t, out, "part-way: diskfull", "close: <nil>")
			reopenCount(t, dir, key, 10)
		})
	}
}
