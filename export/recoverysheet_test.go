package export

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"filippo.io/age"

	"msprecords/crypto"
)

// testSheet is a recovery sheet for a fresh random key.
func testSheet(t *testing.T) (RecoverySheet, string) {
	t.Helper()
	id, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	key := id.String()
	return RecoverySheet{
		VaultName: "Zoë’s vault",
		VaultID:   "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
		Made:      time.Date(2026, time.December, 4, 11, 30, 0, 0, time.Local),
		Key:       crypto.GroupRecoveryKey(key),
	}, key
}

// TestRecoverySheetReads reads the sheet as a person's tools do: one page
// naming the vault, the date it was made in UK form, every line of the key
// in its groups, and the advice.
func TestRecoverySheetReads(t *testing.T) {
	s, _ := testSheet(t)
	pdf, err := WriteRecoverySheet(s)
	if err != nil {
		t.Fatal(err)
	}
	info, err := pdfInfo(t, pdf, "")
	if err != nil {
		t.Fatalf("pdfinfo: %v\n%s", err, info)
	}
	if pages := infoLine(info, "Pages"); pages != "1" {
		t.Errorf("the sheet has %s pages, want 1", pages)
	}
	text := mustText(t, pdf)
	body := flat(text)
	for _, want := range []string{
		"Recovery key", "Vault folder Zoë’s vault", "Vault id " + s.VaultID, "Vault made 4 December 2026",
		"Keep this sheet on paper, in a locked drawer or a safe. Never keep the key on this computer",
		"on the unlock screen, choose “Forgotten your passphrase? Use the recovery key…”",
		"Anyone with this key and a copy of the vault can read every case.",
		"msprecords passwd --recovery-key-file FILE --user NAME",
		"Recovery key of vault Zoë’s vault", "Page 1 of 1",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the sheet does not say %q:\n%s", want, text)
		}
	}
	for _, line := range strings.Split(s.Key, "\n") {
		if !strings.Contains(text, line) {
			t.Errorf("the sheet lacks the key's line %q:\n%s", line, text)
		}
	}
	if got, ok := crypto.FindRecoveryKey(text); !ok || got != strings.Join(strings.Fields(s.Key), "") {
		t.Errorf("the key read from the sheet's text is %q, %v", got, ok)
	}
}

// TestRecoverySheetQRCode renders the sheet as a printer would (pdftoppm at
// 150 dpi) and reads its QR code with zbarimg: it must hold the key.
func TestRecoverySheetQRCode(t *testing.T) {
	if os.Getenv("MSPRECORDS_UNDER_WINE") != "" {
		t.Skip("under Wine (scripts/wine-test.sh): pdftoppm and zbarimg are Linux programs, which a Windows program cannot start there; the Linux tests read the QR code")
	}
	for _, tool := range []string{"pdftoppm", "zbarimg"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is needed to read the QR code (apt-get install poppler-utils zbar-tools; make deps): %v", tool, err)
		}
	}
	s, key := testSheet(t)
	pdf, err := WriteRecoverySheet(s)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "sheet.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("pdftoppm", "-png", "-r", "150", "-singlefile", in, filepath.Join(dir, "page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	out, err := exec.Command("zbarimg", "--quiet", "--raw", filepath.Join(dir, "page.png")).Output()
	if err != nil {
		t.Fatalf("zbarimg found no code in the page: %v", err)
	}
	if got := strings.TrimSpace(string(out)); got != key {
		t.Errorf("the QR code holds %q, want the key %q", got, key)
	}
}

// TestRecoveryNote: the saved note names the vault and date, holds the key
// in its groups (found again by crypto.FindRecoveryKey) and the advice.
func TestRecoveryNote(t *testing.T) {
	s, key := testSheet(t)
	note := string(RecoveryNote(s))
	for _, want := range []string{
		"Vault folder: Zoë’s vault\r\n", "Vault id:     " + s.VaultID + "\r\n", "Vault made:   4 December 2026\r\n",
		strings.ReplaceAll(s.Key, "\n", "\r\n"),
		"Keep this file on a removable drive", "Never keep it on this computer.",
		"Anyone with this key and a copy of the vault can read every case.",
	} {
		if !strings.Contains(note, want) {
			t.Errorf("the note does not say %q:\n%s", want, note)
		}
	}
	if strings.Contains(strings.ReplaceAll(note, "\r\n", ""), "\n") {
		t.Error("a line of the note ends in a bare LF")
	}
	for _, line := range strings.Split(note, "\r\n") {
		if len([]rune(line)) > 76 {
			t.Errorf("line longer than 76 characters: %q", line)
		}
	}
	if got, ok := crypto.FindRecoveryKey(note); !ok || got != key {
		t.Errorf("FindRecoveryKey(note) = %q, %v; want the key", got, ok)
	}
}
