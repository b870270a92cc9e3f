package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"msprecords/crypto"
	"msprecords/records"
)

// TestInitPrintsKeyInGroups: init prints the recovery key in its groups,
// and the output saved as it is sets a new passphrase through
// passwd --recovery-key-file, as a person who kept it would.
func TestInitPrintsKeyInGroups(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "vault")
	pass := writeFile(t, "pass", "the first passphrase\n")
	out := ok(t, "init", "--vault", dir, "--passphrase-file", pass, "--user", "Alice")
	key, found := crypto.FindRecoveryKey(out)
	if !found {
		t.Fatalf("init printed no recovery key:\n%s", out)
	}
	grouped := "    " + strings.ReplaceAll(crypto.GroupRecoveryKey(key), "\n", "\n    ") + "\n"
	if !strings.Contains(out, "\n\n"+grouped+"\n") {
		t.Errorf("init did not print the key in groups, four lines indented:\n%s", out)
	}
	mustSay(t, "init", out, "the spaces and capitals do not matter")

	kept := writeFile(t, "kept.txt", out)
	newPass := writeFile(t, "new", "a second passphrase\n")
	ok(t, "passwd", "--vault", dir, "--recovery-key-file", kept, "--user", "Alice", "--new-passphrase-file", newPass)
	ok(t, "list", "--vault", dir, "--passphrase-file", newPass)
}

// TestInitRecoverySheet: --recovery-sheet writes the one-page sheet,
// readable by its owner alone, naming the vault and holding the key.
func TestInitRecoverySheet(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "vault")
	pass := writeFile(t, "pass", "the first passphrase\n")
	sheet := filepath.Join(t.TempDir(), "sheet.pdf")
	if err := os.WriteFile(sheet, nil, 0o644); err != nil { // a file there already, readable by all
		t.Fatal(err)
	}
	out := ok(t, "init", "--vault", dir, "--passphrase-file", pass, "--recovery-sheet", sheet)
	mustSay(t, "init", out, "The recovery sheet, to print, is "+sheet+", readable only by you")
	data, err := os.ReadFile(sheet)
	if err != nil || !strings.HasPrefix(string(data), "%PDF-") {
		t.Fatalf("the sheet: %v, starts %.8q", err, data)
	}
	fi, err := os.Stat(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Errorf("the sheet's mode is %v, want 0600", fi.Mode().Perm())
	}
	if os.Getenv("MSPRECORDS_UNDER_WINE") != "" {
		t.Skip("under Wine (scripts/wine-test.sh): pdftotext is a Linux program, which a Windows program cannot start there; the Linux tests read the sheet")
	}
	text, err := exec.Command("pdftotext", "-enc", "UTF-8", sheet, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext (poppler-utils) is needed: %v", err)
	}
	v, err := crypto.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(string(text)), " ")
	for _, want := range []string{"Vault folder vault", "Vault id " + v.Header.VaultID, "Vault made " + records.Today().String()} {
		mustSay(t, "the sheet", flat, want)
	}
	printed, _ := crypto.FindRecoveryKey(out)
	if got, ok := crypto.FindRecoveryKey(string(text)); !ok || got != printed {
		t.Errorf("the sheet holds the key %q, init printed %q", got, printed)
	}
}

// TestInitRecoverySheetRefused: a sheet that could not be written is said
// before the vault is made, and nothing is made.
func TestInitRecoverySheetRefused(t *testing.T) {
	pass := writeFile(t, "pass", "the first passphrase\n")
	folder := t.TempDir()
	for _, c := range []struct{ sheet, want string }{
		{filepath.Join(folder, "missing", "sheet.pdf"), "does not exist, so no vault was made"},
		{folder, "is a folder: give the name of the PDF to write"},
	} {
		dir := filepath.Join(t.TempDir(), "vault")
		fails(t, c.want, "init", "--vault", dir, "--passphrase-file", pass, "--recovery-sheet", c.sheet)
		if _, err := os.Stat(dir); !os.IsNotExist(err) {
			t.Errorf("--recovery-sheet %s: a vault folder was made (%v)", c.sheet, err)
		}
	}
}

func mustSay(t *testing.T, what, got, want string) {
	t.Helper()
	if !strings.Contains(got, want) {
		t.Errorf("%s does not say %q:\n%s", what, want, got)
	}
}
