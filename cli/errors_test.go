package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"msprecords/crypto"
	"msprecords/store"
)

// TestFailuresSayOneThing checks that each way a command can fail exits
// non-zero with one plain line on stderr.
func TestFailuresSayOneThing(t *testing.T) {
	v := newVault(t, "Alice", "right passphrase")
	ok(t, v.args("demo", "--cases", "2")...)
	wrong := writeFile(t, "wrong", "wrong passphrase\n")
	empty := writeFile(t, "empty", "")
	malformed := writeFile(t, "bad.json", "{")
	notOurs := writeFile(t, "other.json", `{"format":"something-else","version":1,"cases":[]}`)
	invalid := writeFile(t, "invalid.json", `{"format":"msprecords-cases","version":1,"exported":"2026-01-01T00:00:00Z","cases":[{"schema":1,"reference":"X-1","person":{"name":"","nhs_number":"1234567890"}}]}`)
	nonEmpty := t.TempDir()
	writeFile(t, "x", "")
	os.WriteFile(filepath.Join(nonEmpty, "notes.txt"), []byte("x"), 0o600)
	backup := filepath.Join(t.TempDir(), "b.backup")
	ok(t, v.args("backup", "--out", backup)...)
	garbage := writeFile(t, "garbage.backup", "this is not a backup")
	missing := filepath.Join(t.TempDir(), "nowhere")

	tests := []struct {
		name string
		want string
		args []string
	}{
		{"wrong passphrase", "the passphrase is not right for this vault. Check Caps Lock and try again (passphrases are case-sensitive).", []string{"list", "--vault", v.dir, "--passphrase-file", wrong}},
		{"no such user", "no user of that name", []string{"list", "--vault", v.dir, "--passphrase-file", v.passFile, "--user", "Zed"}},
		{"empty passphrase file", "is empty", []string{"list", "--vault", v.dir, "--passphrase-file", empty}},
		{"missing passphrase file", "does not exist", []string{"list", "--vault", v.dir, "--passphrase-file", missing}},
		{"no passphrase at all", "no passphrase was given", []string{"list", "--vault", v.dir}},
		{"missing vault", "there is no vault in the folder " + missing + ". Create one with 'msprecords init'", []string{"list", "--vault", missing, "--passphrase-file", v.passFile}},
		{"unknown case", "there is no case with that reference", v.args("show", "NO-SUCH-REF")},
		{"malformed import", "cannot be imported", v.args("import", malformed)},
		{"not a case file", "not an MSP Records case file", v.args("import", notOurs)},
		{"invalid case", "Enter the person's full name", v.args("import", invalid)},
		{"missing import file", "does not exist", v.args("import", missing)},
		{"restore into a non-empty folder", "is not empty", []string{"restore", "--backup", backup, "--vault", nonEmpty, "--passphrase-file", v.passFile}},
		{"restore with the wrong passphrase", "does not open this backup", []string{"restore", "--backup", backup, "--vault", missing, "--passphrase-file", wrong}},
		{"restore a file that is no backup", "damaged", []string{"restore", "--backup", garbage, "--vault", missing, "--passphrase-file", v.passFile}},
		{"restore a missing backup", "does not exist", []string{"restore", "--backup", missing, "--vault", missing, "--passphrase-file", v.passFile}},
		{"init over a vault", "is not empty", []string{"init", "--vault", v.dir, "--passphrase-file", v.passFile}},
		{"export to a missing folder", "cannot write", v.args("export-json", "--out", filepath.Join(missing, "x.json"))},
		{"unknown command", "there is no command", []string{"frobnicate"}},
		{"unknown flag", "flag provided but not defined", v.args("list", "--colour")},
		{"missing argument", "give the case reference", v.args("show")},
		{"extra argument", "unexpected argument", v.args("list", "extra")},
		{"missing --out", "--out FILE", v.args("backup")},
		{"bad count", "--cases must be", v.args("demo", "--cases", "0")},
		{"bad slots command", "not a slots command", v.args("slots", "juggle")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fails(t, tt.want, tt.args...)
		})
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("a failed restore left the folder behind")
	}
}

// TestCommandTable checks that each line of the command table names its
// own constructor: one line per command, each buildable, none twice.
func TestCommandTable(t *testing.T) {
	seen := map[string]bool{}
	for _, e := range table {
		if seen[e.name] {
			t.Errorf("%s is in the table twice", e.name)
		}
		seen[e.name] = true
		if e.build == nil {
			t.Errorf("%s has no constructor", e.name)
			continue
		}
		cmd := e.build()
		if cmd.flags.Name() != e.name || !strings.HasPrefix(cmd.usage, e.name) {
			t.Errorf("%s builds the command %q (usage %q)", e.name, cmd.flags.Name(), cmd.usage)
		}
	}
	if !seen["export"] {
		t.Error("the export command is not in the table")
	}
}

func TestVaultAlreadyOpen(t *testing.T) {
	v := newVault(t, "Alice", "pass")
	lock, err := crypto.Lock(v.dir)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Release()
	for _, cmd := range [][]string{{"list"}, {"demo"}, {"verify"}, {"passwd"}, {"backup", "--out", filepath.Join(t.TempDir(), "b")}} {
		fails(t, "the vault is already open in another window or program", v.args(cmd...)...)
	}
}

func TestDamagedDatabase(t *testing.T) {
	v := newVault(t, "Alice", "pass")
	ok(t, v.args("demo", "--cases", "1")...)
	if err := os.Remove(filepath.Join(v.dir, "db", "MANIFEST")); err != nil {
		t.Fatal(err)
	}
	fails(t, "the case database of this vault is missing or damaged. Restore the vault from a backup. The README says how.", v.args("list")...)
	r := fails(t, "the case database of this vault is missing or damaged", v.args("verify")...)
	if r.stdout == "" {
		t.Error("verify printed nothing of what it found")
	}
}

func TestUsageAndHelp(t *testing.T) {
	if r := msp(t, ""); r.code != exitUsage || r.stdout == "" {
		t.Errorf("no arguments: exit %d, stdout %q", r.code, r.stdout)
	}
	for _, args := range [][]string{{"help"}, {"--help"}, {"list", "--help"}, {"slots", "-h"}} {
		if r := msp(t, "", args...); r.code != 0 || r.stdout == "" || r.stderr != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, r.code, r.stdout, r.stderr)
		}
	}
}

func TestVerifyReportsADamagedSlot(t *testing.T) {
	v := newVault(t, "Alice", "pass")
	if err := os.WriteFile(filepath.Join(v.dir, "slots", "0123456789abcdef0123456789abcdef.json"), []byte("not a slot"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := fails(t, "verify found 1 problem", v.args("verify")...)
	if !strings.Contains(r.stdout, "Problem: ") || !strings.Contains(r.stdout, "Database: opened") {
		t.Errorf("verify printed %q", r.stdout)
	}
	fails(t, "a key file of this vault is damaged", "slots", "list", "--vault", v.dir)
	ok(t, v.args("list")...) // the other slots still open the vault
}

// TestSharedWords checks the command line's use of the words it shares
// with the window: its own next steps, and an internal error's crash
// report kept to the one line a failure prints.
func TestSharedWords(t *testing.T) {
	if got := message(crypto.ErrWorkFactor, ""); !strings.Contains(got, testWorkFactorEnv) {
		t.Errorf("work factor: %q does not name %s", got, testWorkFactorEnv)
	}
	var out, errOut strings.Builder
	env := newEnv(strings.NewReader(""), &out, &errOut)
	internal := &store.InternalError{Report: []string{"MSP Records v1", "panic: a value of type string", "msprecords/store.(*Store).Save (store/store_case.go:1)"}}
	if code := env.fail(exitFailure, message(internal, "")); code != exitFailure {
		t.Errorf("exit %d", code)
	}
	checkFailure(t, result{exitFailure, out.String(), errOut.String()}, "something went wrong inside MSP Records (internal error). Nothing was saved.", nil)
	if !strings.Contains(errOut.String(), "msprecords/store.(*Store).Save (store/store_case.go:1)") {
		t.Errorf("no crash report in %q", errOut.String())
	}
}
