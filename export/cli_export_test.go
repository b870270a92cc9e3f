package export_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"msprecords/cli"
	"msprecords/crypto"
	"msprecords/practice"
	"msprecords/store"
)

// This test drives the export command as a user would, through cli.Main,
// in a real vault made by init and demo, and reads the result with poppler.

type cliVault struct {
	t             *testing.T
	dir, passFile string
	pdfPassword   string
	pdfPassFile   string
	outDir        string
	reference     string
}

func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := cli.Main(args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

func newCLIVault(t *testing.T) *cliVault {
	t.Setenv("MSPRECORDS_TEST_WORK_FACTOR", "10")
	tmp := t.TempDir()
	v := &cliVault{t: t, dir: filepath.Join(tmp, "vault"), passFile: filepath.Join(tmp, "pass"), pdfPassword: "pack password",
		pdfPassFile: filepath.Join(tmp, "pdfpass"), outDir: filepath.Join(tmp, "out")}
	for path, text := range map[string]string{v.passFile: "vault passphrase\n", v.pdfPassFile: v.pdfPassword + "\n"} {
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(v.outDir, 0o700); err != nil {
		t.Fatal(err)
	}
	v.ok("init", "--user", "sam")
	v.ok("demo", "--cases", "3")
	list := v.ok("list")
	for _, w := range strings.Fields(list) {
		if strings.HasPrefix(w, "DEMO-") {
			v.reference = w
			break
		}
	}
	if v.reference == "" {
		t.Fatalf("list shows no demo case: %q", list)
	}
	return v
}

func (v *cliVault) args(args ...string) []string {
	return append(args, "--vault", v.dir, "--passphrase-file", v.passFile)
}

func (v *cliVault) ok(args ...string) string {
	v.t.Helper()
	code, out, errOut := run(v.t, v.args(args...)...)
	if code != 0 {
		v.t.Fatalf("msprecords %v: exit %d: %s", args, code, errOut)
	}
	return out
}

// exports returns the export entries of the audit trail, read from the store.
func (v *cliVault) exports() []store.AuditEntry {
	v.t.Helper()
	vault, err := crypto.Open(v.dir)
	if err != nil {
		v.t.Fatal(err)
	}
	u, err := vault.Unlock("", "vault passphrase")
	if err != nil {
		v.t.Fatal(err)
	}
	st, err := store.Open(vault.DBDir(), u.Key, u.Label, practice.DefaultOptions())
	if err != nil {
		v.t.Fatal(err)
	}
	defer st.Close()
	trail, err := st.AuditTrail()
	if err != nil {
		v.t.Fatal(err)
	}
	var out []store.AuditEntry
	for _, e := range trail {
		if e.Action == store.AuditExport {
			out = append(out, e)
		}
	}
	return out
}

func TestCLIExport(t *testing.T) {
	underWine := os.Getenv("MSPRECORDS_UNDER_WINE") != ""
	for _, tool := range []string{"pdftotext", "pdfinfo"} {
		if _, err := exec.LookPath(tool); err != nil && !underWine {
			t.Fatalf("%s is needed (apt-get install poppler-utils)", tool)
		}
	}
	v := newCLIVault(t)
	pdf := filepath.Join(v.outDir, "pack.pdf")
	v.ok("export", "--case", v.reference, "--purpose", "person", "--mask-contacts", "--out", pdf, "--pdf-password-file", v.pdfPassFile)
	if underWine {
		t.Log("the PDF is not read under Wine (scripts/wine-test.sh): pdftotext and pdfinfo are Linux programs, which a Windows program cannot start there; the Linux tests read it, and wine-test.sh reads the PDFs of the real msprecords.exe")
	} else {
		checkCLIExportPDF(t, v, pdf)
	}

	html := filepath.Join(v.outDir, "pack.html")
	v.ok("export", "--case", v.reference, "--purpose", "custom", "--sections", "views,risks", "--out", html, "--no-password")
	page, err := os.ReadFile(html)
	if err != nil || !strings.Contains(string(page), `<html lang="en-GB">`) {
		t.Errorf("the HTML pack: %v", err)
	}

	entries := v.exports()
	if len(entries) != 2 {
		t.Fatalf("%d export entries in the audit trail, want 2", len(entries))
	}
	for i, want := range []string{"purpose: person; sections: views, pen-picture, concerns, capacity, risks, referrals, chronology, outcomes; contacts masked: Yes",
		"as HTML, not encrypted; purpose: custom; sections: views, risks"} {
		e := entries[i]
		if e.User != "sam" || e.Time.IsZero() || !strings.Contains(e.Detail, want) || !strings.Contains(e.Detail, v.reference) {
			t.Errorf("audit entry %d: %+v; want user sam and %q", i, e, want)
		}
	}
	if !strings.Contains(entries[0].Detail, "PDF, encrypted (AES-256)") {
		t.Errorf("audit entry: %q does not say it was encrypted", entries[0].Detail)
	}
	if out := v.ok("verify"); !strings.Contains(out, "Everything checked is in order") {
		t.Errorf("verify after exporting: %s", out)
	}
	leftovers, _ := os.ReadDir(v.outDir)
	if len(leftovers) != 2 {
		t.Errorf("the output folder holds %d files, want the 2 packs and no temporary files", len(leftovers))
	}
}

// checkCLIExportPDF reads the exported pack with poppler: encrypted with
// AES-256, unreadable without its password, marked and referenced with it.
func checkCLIExportPDF(t *testing.T, v *cliVault, pdf string) {
	t.Helper()
	info, err := exec.Command("pdfinfo", "-upw", v.pdfPassword, pdf).CombinedOutput()
	if err != nil || !strings.Contains(string(info), "AES-256") {
		t.Errorf("pdfinfo: %v\n%s", err, info)
	}
	if err := exec.Command("pdftotext", pdf, "-").Run(); err == nil {
		t.Error("the exported PDF opens without its password")
	}
	text, err := exec.Command("pdftotext", "-upw", v.pdfPassword, pdf, "-").Output()
	if err != nil || !strings.Contains(string(text), "OFFICIAL-SENSITIVE") || !strings.Contains(string(text), v.reference) {
		t.Errorf("pdftotext with the password: %v", err)
	}
}

// The command refuses, with one line and no file, when no password choice is
// made and on other mistakes.
func TestCLIExportRefuses(t *testing.T) {
	v := newCLIVault(t)
	out := filepath.Join(v.outDir, "pack.pdf")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no password choice", []string{"--purpose", "meeting", "--out", out}, "--pdf-password-file FILE, or choose --no-password"},
		{"both", []string{"--purpose", "meeting", "--out", out, "--no-password", "--pdf-password-file", v.pdfPassFile}, "not both"},
		{"no purpose", []string{"--out", out, "--no-password"}, "--purpose"},
		{"bad purpose", []string{"--purpose", "police", "--out", out, "--no-password"}, "--purpose must be"},
		{"bad section", []string{"--purpose", "custom", "--sections", "views,gossip", "--out", out, "--no-password"}, `"gossip"`},
		{"custom without sections", []string{"--purpose", "custom", "--out", out, "--no-password"}, "needs --sections"},
		{"html with a password", []string{"--purpose", "meeting", "--format", "html", "--out", out, "--pdf-password-file", v.pdfPassFile}, "cannot have a password"},
		{"bad meeting", []string{"--purpose", "meeting", "--meeting", "99", "--out", out, "--no-password"}, "--meeting must be"},
		{"no such case", []string{"--purpose", "meeting", "--out", out, "--no-password", "--case", "NOPE-1"}, "no case with that reference"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"export"}, tt.args...)
			if !strings.Contains(strings.Join(args, " "), "--case") {
				args = append(args, "--case", v.reference)
			}
			code, _, errOut := run(t, v.args(args...)...)
			if code == 0 || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stderr %q; want a failure saying %q", code, errOut, tt.want)
			}
		})
	}
	if files, _ := os.ReadDir(v.outDir); len(files) != 0 {
		t.Errorf("refused exports left %d files", len(files))
	}
	if n := len(v.exports()); n != 0 {
		t.Errorf("refused exports made %d audit entries", n)
	}
}
