package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"
)

// The command line on a full disk: a vault on a small tmpfs (mounted for
// the test, which needs root, as in CI), the disk then filled. The
// commands run in a child process of the test binary, so that a crash
// (Badger faulting with SIGBUS) fails the test rather than ending the
// suite.

const diskFullArgsEnv = "MSPRECORDS_CLI_DISKFULL_ARGS" // the child's command line, as JSON

const diskFullWords = "msprecords: the disk is full. Nothing was saved: free some space and try again.\n"

func mountSmallDisk(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=32m,mode=0700"); err != nil {
		t.Skipf("cannot mount a tmpfs here: %v", err)
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(dir, syscall.MNT_DETACH); err != nil {
			t.Errorf("unmounting the tmpfs: %v", err)
		}
	})
	return dir
}

// fillSmallDisk leaves leave bytes free on the file system of dir, with a
// file it returns.
func fillSmallDisk(t *testing.T, dir string, leave int64) string {
	t.Helper()
	var st unix.Statfs_t
	if err := unix.Statfs(dir, &st); err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(dir, "filler")
	f, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if n := int64(st.Bavail)*st.Bsize - leave; n > 0 {
		if err := unix.Fallocate(int(f.Fd()), 0, 0, n); err != nil {
			t.Fatalf("filling the disk: %v", err)
		}
	}
	return name
}

// TestDiskFullCommandChild runs the command line of the disk-full tests
// in the child; on its own it does nothing.
func TestDiskFullCommandChild(t *testing.T) {
	raw := os.Getenv(diskFullArgsEnv)
	if raw == "" {
		t.Skip("run by the disk-full tests as a child process")
	}
	var args []string
	if err := json.Unmarshal([]byte(raw), &args); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	code := Main(args, strings.NewReader(""), &out, &errOut)
	os.Stdout.WriteString("CHILD STDERR " + errOut.String())
	os.Stdout.WriteString("CHILD EXIT " + map[bool]string{true: "0", false: "non-zero"}[code == 0] + "\n")
}

// mspChild runs the command line in a child process and returns what it
// printed on stderr and whether it succeeded; a crash fails the test.
func mspChild(t *testing.T, args ...string) (stderr string, succeeded bool) {
	t.Helper()
	raw, _ := json.Marshal(args)
	cmd := exec.Command(os.Args[0], "-test.run=^TestDiskFullCommandChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), diskFullArgsEnv+"="+string(raw))
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	all := out.String() + errOut.String()
	if i := strings.Index(all, "fatal error: "); i >= 0 {
		t.Fatalf("msprecords %s crashed: %.300s", strings.Join(args, " "), all[i:])
	}
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatal(err)
	}
	_, rest, found := strings.Cut(out.String(), "CHILD STDERR ")
	stderr, exit, ok := strings.Cut(rest, "CHILD EXIT ")
	if !found || !ok {
		t.Fatalf("msprecords %s: the child said %q, %q", strings.Join(args, " "), out.String(), errOut.String())
	}
	return stderr, strings.HasPrefix(exit, "0")
}

func TestDiskFullCommands(t *testing.T) {
	disk := mountSmallDisk(t)
	v := testVault{dir: filepath.Join(disk, "vault"), passFile: writeFile(t, "pass", "correct horse battery\n")}
	ok(t, "init", "--vault", v.dir, "--passphrase-file", v.passFile, "--user", "Sam")
	ok(t, v.args("demo", "--cases", "3")...)
	elsewhere := filepath.Join(t.TempDir(), "vault.backup")
	ok(t, v.args("backup", "--out", elsewhere)...)
	filler := fillSmallDisk(t, disk, 1<<20)

	for _, tt := range []struct {
		name string
		args []string
	}{
		{"demo", v.args("demo", "--cases", "50")},
		{"list", v.args("list")},
		{"backup", v.args("backup", "--out", filepath.Join(disk, "full.backup"))},
		{"restore", append([]string{"restore", "--backup", elsewhere}, "--vault", filepath.Join(disk, "restored"), "--passphrase-file", v.passFile)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			stderr, succeeded := mspChild(t, tt.args...)
			if succeeded || stderr != diskFullWords {
				t.Errorf("msprecords %s on a full disk: succeeded %v, stderr %q; want a failure saying %q",
					tt.name, succeeded, stderr, diskFullWords)
			}
		})
	}
	for _, name := range []string{"full.backup", "restored"} {
		if _, err := os.Stat(filepath.Join(disk, name)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s was left on the full disk (%v)", name, err)
		}
	}
	entries, _ := os.ReadDir(disk)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("a half-written file was left on the full disk: %s", e.Name())
		}
	}

	// With space freed, the vault is as it was.
	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	if out := ok(t, v.args("list")...); strings.Count(out, "DEMO-") != 3 {
		t.Errorf("after the disk was freed, list shows:\n%s\nwant the 3 demonstration cases", out)
	}
	ok(t, v.args("verify")...)
}

// A backup that fills the disk part way (past the estimate made before it
// began) gives the disk-full words and leaves no half-written file: the
// atomic writer's temporary file is removed.
func TestBackupFileFillsTheDisk(t *testing.T) {
	disk := mountSmallDisk(t)
	fillSmallDisk(t, disk, 1<<20)
	out := filepath.Join(disk, "vault.backup")
	f, err := createAtomic(out, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = f.Write(make([]byte, 2<<20))
	if err == nil {
		err = f.Commit()
	}
	f.abandon()
	if got, want := "msprecords: "+message(backupFailure(err, out), disk)+"\n", diskFullWords; got != want {
		t.Errorf("writing past a full disk: %q (from %v), want %q", got, err, want)
	}
	entries, _ := os.ReadDir(disk)
	for _, e := range entries {
		if e.Name() != "filler" {
			t.Errorf("%s was left on the full disk", e.Name())
		}
	}
}
