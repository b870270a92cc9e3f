package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"msprecords/crypto"
)

// setupCodeOf finds the code in what 'slots add NAME --setup-code' printed.
var setupCodeOf = regexp.MustCompile(`\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\b`)

// addColleague runs 'slots add NAME --setup-code' and returns the code.
func addColleague(t *testing.T, v testVault, name string) string {
	t.Helper()
	out := ok(t, v.args("slots", "add", name, "--setup-code")...)
	code := setupCodeOf.FindString(out)
	expires := localDate(time.Now().Add(crypto.SetupCodeLife))
	if code == "" || !strings.Contains(out, "until "+expires) || !strings.Contains(out, "I have a setup code…") ||
		!strings.Contains(out, "passwd --user") {
		t.Fatalf("slots add --setup-code said %q", out)
	}
	if !ukDate.MatchString(expires) {
		t.Fatalf("expiry %q is not a UK date", expires)
	}
	return code
}

func TestSetupCodeFromTheCommandLine(t *testing.T) {
	v := newVault(t, "Alice", "alice's passphrase")
	code := addColleague(t, v, "Carol")

	list := ok(t, "slots", "list", "--vault", v.dir)
	if want := "setup\tCarol\tpractitioner\twaiting, expires " + localDate(time.Now().Add(crypto.SetupCodeLife)) + "\n"; !strings.Contains(list, want) {
		t.Errorf("slots list said %q, want a line %q", list, want)
	}
	out := ok(t, v.args("verify")...)
	if !strings.Contains(out, "Key slots: 1 user (Alice), 1 recovery key") || !strings.Contains(out, "Carol is waiting") {
		t.Errorf("verify said %q", out)
	}

	carolPass := writeFile(t, "carol", "carol's own passphrase\n")
	wrong := writeFile(t, "wrong", "AAAA-BBBB-CCCC\n")
	fails(t, "setup code is not right", "passwd", "--vault", v.dir, "--user", "Carol", "--setup-code",
		"--setup-code-file", wrong, "--new-passphrase-file", carolPass)
	fails(t, "12 letters and digits", "passwd", "--vault", v.dir, "--user", "Carol", "--setup-code",
		"--setup-code-file", writeFile(t, "short", "ABC\n"), "--new-passphrase-file", carolPass)
	fails(t, "no setup code is waiting for Dave", "passwd", "--vault", v.dir, "--user", "Dave", "--setup-code",
		"--setup-code-file", wrong, "--new-passphrase-file", carolPass)

	typed := strings.ToLower(strings.ReplaceAll(code, "-", " ")) // as read out over the phone
	r := msp(t, typed+"\ncarol's own passphrase\n", "passwd", "--vault", v.dir, "--user", "carol", "--setup-code")
	if r.code != 0 || !strings.Contains(r.stdout, "Your passphrase is set") {
		t.Fatalf("passwd --setup-code: exit %d, %q, %q", r.code, r.stdout, r.stderr)
	}
	ok(t, "list", "--vault", v.dir, "--passphrase-file", carolPass, "--user", "Carol")
	fails(t, "used already", "passwd", "--vault", v.dir, "--user", "Carol", "--setup-code",
		"--setup-code-file", writeFile(t, "code", code+"\n"), "--new-passphrase-file", carolPass)

	list = ok(t, "slots", "list", "--vault", v.dir)
	if strings.Contains(list, "setup\t") || !strings.Contains(list, "passphrase\tCarol\t") {
		t.Errorf("slots list after the claim said %q", list)
	}
	out = ok(t, v.args("verify")...)
	if !strings.Contains(out, "Key slots: 2 users (Alice, Carol), 1 recovery key") {
		t.Errorf("verify after the claim said %q", out)
	}
}

func TestSetupCodeRefusals(t *testing.T) {
	v := newVault(t, "Alice", "alice's passphrase")
	fails(t, "already a user of that name", v.args("slots", "add", "alice", "--setup-code")...)
	r := msp(t, "", v.args("slots", "add", "Carol", "--setup-code", "--new-passphrase-file", v.passFile)...)
	if r.code != 2 || !strings.Contains(r.stderr, "do not go together") {
		t.Errorf("--setup-code with --new-passphrase-file: exit %d, %q", r.code, r.stderr)
	}
	r = msp(t, "", v.args("passwd", "--user", "Carol", "--setup-code")...)
	if r.code != 2 || !strings.Contains(r.stderr, "needs no other passphrase") {
		t.Errorf("--setup-code with --passphrase-file: exit %d, %q", r.code, r.stderr)
	}

	// A second code replaces the first; remove takes it back.
	first := addColleague(t, v, "Carol")
	second := addColleague(t, v, "Carol")
	carolPass := writeFile(t, "carol", "carol's own passphrase\n")
	claim := func(code string) []string {
		return []string{"passwd", "--vault", v.dir, "--setup-code", "--setup-code-file", writeFile(t, "code", code+"\n"),
			"--new-passphrase-file", carolPass} // the only colleague waiting: no --user needed
	}
	fails(t, "setup code is not right", claim(first)...)
	ok(t, v.args("slots", "remove", "Carol")...)
	fails(t, "say whose setup code", claim(second)...)
	if list := ok(t, "slots", "list", "--vault", v.dir); strings.Contains(list, "Carol") {
		t.Errorf("slots list after remove said %q", list)
	}
}

// TestSetupCodeExpired moves the clock a week and an hour on: verify and
// slots list say the code has expired, and it no longer works.
func TestSetupCodeExpired(t *testing.T) {
	v := newVault(t, "Alice", "alice's passphrase")
	code := addColleague(t, v, "Carol")
	defer crypto.SetTestOnlyClock(crypto.SetupCodeLife + time.Hour)()
	out := ok(t, v.args("verify")...)
	if !strings.Contains(out, "Carol's setup code expired on") || !strings.Contains(out, "Key slots: 1 user (Alice)") {
		t.Errorf("verify said %q", out)
	}
	if list := ok(t, "slots", "list", "--vault", v.dir); !strings.Contains(list, "setup\tCarol\tpractitioner\texpired on ") {
		t.Errorf("slots list said %q", list)
	}
	fails(t, "expired: setup codes work for seven days. Ask the lead", "passwd", "--vault", v.dir, "--user", "Carol", "--setup-code",
		"--setup-code-file", writeFile(t, "code", code+"\n"), "--new-passphrase-file", writeFile(t, "carol", "carol's own passphrase\n"))
}

// TestVerifyRemovesASpareSetupCode leaves Carol's setup slot beside the
// passphrase slot her claim wrote, as a claim stopped halfway does: slots
// list and verify do not count her as waiting, and verify removes it.
func TestVerifyRemovesASpareSetupCode(t *testing.T) {
	v := newVault(t, "Alice", "alice's passphrase")
	code := addColleague(t, v, "Carol")
	slotsDir := filepath.Join(v.dir, "slots")
	before, err := os.ReadDir(slotsDir)
	if err != nil {
		t.Fatal(err)
	}
	kept := map[string][]byte{}
	for _, e := range before {
		data, err := os.ReadFile(filepath.Join(slotsDir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		kept[e.Name()] = data
	}
	ok(t, "passwd", "--vault", v.dir, "--user", "Carol", "--setup-code", "--setup-code-file", writeFile(t, "code", code+"\n"),
		"--new-passphrase-file", writeFile(t, "carol", "carol's own passphrase\n"))
	for name, data := range kept { // the setup slot comes back, byte for byte
		if err := os.WriteFile(filepath.Join(slotsDir, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if list := ok(t, "slots", "list", "--vault", v.dir); !strings.Contains(list, "setup\tCarol\tpractitioner\tused, left by an interrupted claim") {
		t.Errorf("slots list said %q", list)
	}
	out := ok(t, v.args("verify")...)
	if !strings.Contains(out, "removed Carol's used setup code") || strings.Contains(out, "Carol is waiting") {
		t.Errorf("verify said %q", out)
	}
	if list := ok(t, "slots", "list", "--vault", v.dir); strings.Contains(list, "setup\t") {
		t.Errorf("slots list after verify said %q", list)
	}
}
