package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestUsersAndPassphrases(t *testing.T) {
	v := newVault(t, "Alice", "alice's passphrase")
	bobPass := writeFile(t, "bob", "bob's passphrase\n")
	ok(t, v.args("slots", "add", "Bob", "--new-passphrase-file", bobPass)...)
	fails(t, "already a user of that name", v.args("slots", "add", "bob", "--new-passphrase-file", bobPass)...)
	ok(t, "list", "--vault", v.dir, "--passphrase-file", bobPass, "--user", "Bob")
	ok(t, "list", "--vault", v.dir, "--passphrase-file", bobPass) // every user's slot is tried

	list := ok(t, "slots", "list", "--vault", v.dir)
	if !strings.Contains(list, "passphrase\tAlice\t") || !strings.Contains(list, "passphrase\tBob\t") || !strings.Contains(list, "recovery\t") {
		t.Errorf("slots list said %q", list)
	}

	// Alice changes her passphrase: the old one stops working.
	newAlice := writeFile(t, "alice2", "alice's new passphrase\n")
	ok(t, v.args("passwd", "--user", "Alice", "--new-passphrase-file", newAlice)...)
	fails(t, "passphrase is not right", v.args("list", "--user", "Alice")...)
	ok(t, "list", "--vault", v.dir, "--passphrase-file", newAlice)

	// Bob forgets his: the recovery key lets him set a new one.
	recovery := writeFile(t, "recovery.txt", "Recovery key for the vault:\n\n    "+v.recoveryKey+"\n")
	bobNew := writeFile(t, "bob2", "bob's new passphrase\n")
	ok(t, "passwd", "--vault", v.dir, "--recovery-key-file", recovery, "--user", "Bob", "--new-passphrase-file", bobNew)
	fails(t, "passphrase is not right", "list", "--vault", v.dir, "--passphrase-file", bobPass, "--user", "Bob")
	ok(t, "list", "--vault", v.dir, "--passphrase-file", bobNew, "--user", "Bob")
	fails(t, "say whose passphrase", "passwd", "--vault", v.dir, "--recovery-key-file", recovery, "--new-passphrase-file", bobNew)
	wrongKey := writeFile(t, "wrongkey", "AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ\n")
	fails(t, "recovery key is not right", "passwd", "--vault", v.dir, "--recovery-key-file", wrongKey, "--user", "Bob", "--new-passphrase-file", bobNew)

	// The recovery key can also add a user when no passphrase is known.
	carol := writeFile(t, "carol", "carol's passphrase\n")
	ok(t, "slots", "add", "Carol", "--vault", v.dir, "--recovery-key-file", recovery, "--new-passphrase-file", carol)
	ok(t, "list", "--vault", v.dir, "--passphrase-file", carol)

	ok(t, "slots", "remove", "Bob", "--vault", v.dir, "--passphrase-file", newAlice)
	fails(t, "passphrase is not right", "list", "--vault", v.dir, "--passphrase-file", bobNew)
	ok(t, "slots", "remove", "Carol", "--vault", v.dir, "--passphrase-file", newAlice)
	fails(t, "cannot remove yourself", "slots", "remove", "Alice", "--vault", v.dir, "--passphrase-file", newAlice)
	fails(t, "no user of that name", "slots", "remove", "Dave", "--vault", v.dir, "--passphrase-file", newAlice)
}

func TestPassphraseFromStdin(t *testing.T) {
	v := newVault(t, "Alice", "from a file")
	if r := msp(t, "from a file\n", "demo", "--cases", "1", "--vault", v.dir); r.code != 0 {
		t.Fatalf("passphrase on stdin: %q", r.stderr)
	}
	// passwd reads the current passphrase, then the new one, a line each.
	if r := msp(t, "from a file\r\nfrom stdin\n", "passwd", "--vault", v.dir); r.code != 0 {
		t.Fatalf("passwd with stdin: %q", r.stderr)
	}
	if r := msp(t, "from stdin", "list", "--vault", v.dir); r.code != 0 || strings.Count(r.stdout, "\n") != 1 {
		t.Fatalf("after passwd: exit %d, %q, %q", r.code, r.stdout, r.stderr)
	}
	dir := filepath.Join(t.TempDir(), "v")
	if r := msp(t, "typed once\n", "init", "--vault", dir, "--user", "Eve"); r.code != 0 || !strings.Contains(r.stdout, recoveryKeyPrefix) {
		t.Fatalf("init with stdin: %q", r.stderr)
	}
}

func TestBackupWithItsOwnPassphrase(t *testing.T) {
	v := newVault(t, "Alice", "alice's passphrase")
	ok(t, v.args("demo", "--cases", "3")...)
	backupPass := writeFile(t, "bp", "backup passphrase\n")
	backup := filepath.Join(t.TempDir(), "b.backup")
	ok(t, v.args("backup", "--out", backup, "--backup-passphrase-file", backupPass)...)
	into := filepath.Join(t.TempDir(), "restored")
	fails(t, "does not open this backup", "restore", "--backup", backup, "--vault", into, "--passphrase-file", v.passFile)
	wrong := writeFile(t, "wrong", "nope\n")
	fails(t, "passphrase is not right for this vault", "restore", "--backup", backup, "--vault", into, "--backup-passphrase-file", backupPass, "--passphrase-file", wrong)
	ok(t, "restore", "--backup", backup, "--vault", into, "--backup-passphrase-file", backupPass, "--passphrase-file", v.passFile)
	if got, want := ok(t, "list", "--vault", into, "--passphrase-file", v.passFile), ok(t, v.args("list")...); got != want {
		t.Errorf("restored list %q, want %q", got, want)
	}
	ok(t, "verify", "--vault", into, "--passphrase-file", v.passFile)
}

func TestDemoAddsMoreWithoutClashing(t *testing.T) {
	v := newVault(t, "Alice", "p")
	ok(t, v.args("demo", "--cases", "3")...)
	ok(t, v.args("demo", "--cases", "2", "--seed", "9")...)
	list := ok(t, v.args("list")...)
	if n := strings.Count(list, "\n"); n != 5 || !strings.Contains(list, "-0005\t") {
		t.Errorf("after two demo runs the list is\n%s", list)
	}
}
