package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// mainOK runs one command line and fails the benchmark on an error.
func mainOK(b *testing.B, args ...string) {
	var errOut bytes.Buffer
	if Main(args, strings.NewReader(""), io.Discard, &errOut) != 0 {
		b.Fatal(errOut.String())
	}
}

// BenchmarkCommands10000 runs whole commands on a vault of 10,000 demo
// cases (made first, not timed): unlock at the test work factor, open the
// database and its index, do the work, save the files, close.
//
//   - audit: draw 100 cases, check them, save the PDF and CSV; the goal for
//     an audit of a sample of 100 with its PDF is under 2 s.
//   - audit-dementia: the same with a filter that reads every document's
//     diagnosis.
//   - stats: the year's figures; the goal is under 1 s.
//
// "list" is there for comparison: what opening the vault costs every command.
func BenchmarkCommands10000(b *testing.B) {
	dir := b.TempDir()
	v := testVault{dir: filepath.Join(dir, "vault"), passFile: filepath.Join(dir, "pass")}
	if err := os.WriteFile(v.passFile, []byte("bench passphrase\n"), 0o600); err != nil {
		b.Fatal(err)
	}
	mainOK(b, "init", "--vault", v.dir, "--passphrase-file", v.passFile, "--user", "Bench")
	mainOK(b, v.args("demo", "--cases", "10000")...)
	out := filepath.Join(dir, "out")
	for _, bench := range []struct {
		name string
		args []string
	}{
		{"list", v.args("list")}, // for comparison: unlock, open and list, no audit
		{"audit", v.args("audit", "--sample", "100", "--seed", "42", "--out", out+".pdf", "--csv", out+".csv")},
		{"audit-dementia", v.args("audit", "--condition", "dementia", "--sample", "100", "--seed", "42", "--out", out+".pdf")},
		{"stats", v.args("stats", "--year", "2025-26", "--out", out+".csv")},
	} {
		b.Run(bench.name, func(b *testing.B) {
			for b.Loop() {
				mainOK(b, bench.args...)
			}
		})
	}
}
