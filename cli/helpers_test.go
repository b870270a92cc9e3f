package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"msprecords/crypto"
)

func TestMain(m *testing.M) {
	// Fast scrypt for the slots and backups the tests make (see testWorkFactorEnv).
	os.Setenv(testWorkFactorEnv, "10")
	os.Exit(m.Run())
}

// result is what one run of the command line gave.
type result struct {
	code           int
	stdout, stderr string
}

// msp runs the command line in-process with stdin.
func msp(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Main(args, strings.NewReader(stdin), &out, &errOut)
	return result{code, out.String(), errOut.String()}
}

// ok runs a command that must succeed and returns its stdout.
func ok(t *testing.T, args ...string) string {
	t.Helper()
	r := msp(t, "", args...)
	if r.code != 0 {
		t.Fatalf("msprecords %s: exit %d, stderr %q", strings.Join(args, " "), r.code, r.stderr)
	}
	return r.stdout
}

// fails runs a command that must fail with one line on stderr containing want.
func fails(t *testing.T, want string, args ...string) result {
	t.Helper()
	r := msp(t, "", args...)
	checkFailure(t, r, want, args)
	return r
}

func checkFailure(t *testing.T, r result, want string, args []string) {
	t.Helper()
	if r.code == 0 {
		t.Fatalf("msprecords %s succeeded; want a failure", strings.Join(args, " "))
	}
	if strings.Count(r.stderr, "\n") != 1 || !strings.HasSuffix(r.stderr, "\n") || !strings.HasPrefix(r.stderr, "msprecords: ") {
		t.Errorf("msprecords %s: stderr is not one line: %q", strings.Join(args, " "), r.stderr)
	}
	if !strings.Contains(r.stderr, want) {
		t.Errorf("msprecords %s: stderr %q does not say %q", strings.Join(args, " "), r.stderr, want)
	}
}

// writeFile writes a small file in the test's folder and returns its path.
func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// testVault is a vault made by init in a temporary folder.
type testVault struct {
	dir, passFile, recoveryKey string
}

// newVault makes a vault for user with passphrase.
func newVault(t *testing.T, user, passphrase string) testVault {
	t.Helper()
	v := testVault{dir: filepath.Join(t.TempDir(), "vault"), passFile: writeFile(t, "pass", passphrase+"\n")}
	out := ok(t, "init", "--vault", v.dir, "--passphrase-file", v.passFile, "--user", user)
	v.recoveryKey, _ = crypto.FindRecoveryKey(out) // printed in groups
	if v.recoveryKey == "" {
		t.Fatalf("init printed no recovery key: %q", out)
	}
	return v
}

// flags are the flags that open v.
func (v testVault) flags() []string {
	return []string{"--vault", v.dir, "--passphrase-file", v.passFile}
}

// args returns a command line with v's flags after the command's own arguments.
func (v testVault) args(cmd ...string) []string {
	return append(cmd, v.flags()...)
}
