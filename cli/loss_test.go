package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"msprecords/practice"
	"msprecords/records"
	"msprecords/vaultopen"
)

// crashVault saves n cases in v and leaves its database as a crash would:
// copied while open, so the cases are in Badger's memtable log, whose
// middle byte is then damaged. Badger drops every commit after it.
func crashVault(t *testing.T, v testVault, n int) {
	t.Helper()
	sess, err := vaultopen.Open(v.dir, "", "correct horse battery staple", practice.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		c := &records.Case{Person: records.Person{Name: fmt.Sprint("Person ", i)}, Enquiry: records.Enquiry{Stage: records.Stages()[0]}}
		if err := sess.Store.Create(c); err != nil {
			t.Fatal(err)
		}
	}
	db := sess.Vault.DBDir()
	crashed := t.TempDir()
	copyFiles(t, db, crashed)
	if err := sess.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(db); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(db, 0o700); err != nil {
		t.Fatal(err)
	}
	copyFiles(t, crashed, db)
	damageMiddle(t, db, ".mem")
}

// copyFiles copies every file of from but Badger's LOCK into to.
func copyFiles(t *testing.T, from, to string) {
	t.Helper()
	entries, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() == "LOCK" || e.IsDir() {
			continue
		}
		in, err := os.Open(filepath.Join(from, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out, err := os.Create(filepath.Join(to, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		_, err = io.Copy(out, in)
		in.Close()
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}

// damageMiddle flips the middle byte of the written part (Badger's logs
// are made at full size in zeros) of the file in dir with extension ext.
func damageMiddle(t *testing.T, dir, ext string) {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(dir, "*"+ext))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		used := len(b)
		for used > 0 && b[used-1] == 0 {
			used--
		}
		if used == 0 {
			continue
		}
		b[used/2] ^= 0xff
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Fatalf("no written %s file in %s", ext, dir)
}

// TestLossSaidByCommands: after changes were lost, the first command to
// open the vault (list) warns on stderr, once; verify reports it and exits
// 1 until it is acknowledged with --acknowledge-loss.
func TestLossSaidByCommands(t *testing.T) {
	const n = 40
	v := newVault(t, "Alice", "correct horse battery staple")
	crashVault(t, v, n)

	r := msp(t, "", v.args("list")...)
	kept := strings.Count(r.stdout, "\n")
	lost := n - kept
	t.Logf("list after the crash: %d of %d cases; stderr: %s", kept, n, r.stderr)
	if r.code != 0 || lost <= 0 {
		t.Fatalf("list after the crash: exit %d, %d cases listed of %d; stderr %q", r.code, kept, n, r.stderr)
	}
	want := regexp.MustCompile(fmt.Sprintf(`^msprecords: warning: %d changes made before the computer stopped on \d{1,2} [A-Z][a-z]+ \d{4} could not be recovered`, lost))
	if !want.MatchString(r.stderr) || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, "--acknowledge-loss") {
		t.Errorf("list after the crash warned %q, want one line matching %q", r.stderr, want)
	}
	if r := msp(t, "", v.args("list")...); r.code != 0 || r.stderr != "" {
		t.Errorf("a second list warned again: exit %d, %q", r.code, r.stderr)
	}

	r = msp(t, "", v.args("verify")...)
	t.Logf("verify after the crash (exit %d):\n%s", r.code, r.stdout)
	problem := fmt.Sprintf("Problem: %d changes made before the computer stopped on", lost)
	if r.code != 1 || !strings.Contains(r.stdout, problem) || !strings.Contains(r.stdout, "enter them again") ||
		strings.Contains(r.stdout, "Everything checked is in order") {
		t.Errorf("verify after the loss: exit %d, stdout\n%s", r.code, r.stdout)
	}

	r = msp(t, "", v.args("verify", "--acknowledge-loss")...)
	if r.code != 0 || !strings.Contains(r.stdout, "Lost changes: acknowledged") || !strings.Contains(r.stdout, "Everything checked is in order") {
		t.Errorf("verify --acknowledge-loss: exit %d, stdout\n%s\nstderr %q", r.code, r.stdout, r.stderr)
	}
	if got := ok(t, v.args("verify")...); !strings.Contains(got, "Everything checked is in order") {
		t.Errorf("verify after the acknowledgement said\n%s", got)
	}
	sess, err := vaultopen.Open(v.dir, "", "correct horse battery staple", practice.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	trail, err := sess.Store.AuditTrail()
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, e := range trail[kept:] {
		actions = append(actions, e.Action)
	}
	if got := strings.Join(actions, ", "); got != "changes lost, loss acknowledged" {
		t.Errorf("after the cases kept, the audit trail records %q", got)
	}
}
