package export

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

const testPassword = "correct horse battery staple ü"

// pdfinfo reports AES-256; the text opens with the password only; the
// document keeps its language and bookmarks.
func TestEncryptPDF(t *testing.T) {
	pdf := mustPDF(t, mustPack(t, sampleCase(), PackOptions{Purpose: PurposeMeeting}))
	enc, err := EncryptPDF(pdf, testPassword)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pdfInfo(t, enc, ""); err == nil {
		t.Error("pdfinfo read the encrypted PDF without a password")
	}
	info, err := pdfInfo(t, enc, testPassword)
	if err != nil {
		t.Fatalf("pdfinfo with the password: %v\n%s", err, info)
	}
	if got := infoLine(info, "Encrypted"); !strings.HasPrefix(got, "yes") || !strings.Contains(got, "AES-256") {
		t.Errorf("pdfinfo Encrypted: %q, want yes with AES-256", got)
	}
	if text, err := pdfText(t, enc, ""); err == nil || strings.Contains(text, personName) {
		t.Error("pdftotext read the encrypted PDF without a password")
	}
	if _, err := pdfText(t, enc, "wrong password"); err == nil {
		t.Error("pdftotext read the encrypted PDF with a wrong password")
	}
	text, err := pdfText(t, enc, testPassword)
	if err != nil || !strings.Contains(text, personName) || !strings.Contains(text, DefaultMarking) {
		t.Errorf("pdftotext with the password: %v", err)
	}
}

// Passwords are prepared as readers prepare what is typed: a decomposed
// accent or a non-breaking space still opens the PDF; one too long to open
// is refused.
func TestEncryptPDFPasswordPreparation(t *testing.T) {
	pdf := mustPDF(t, mustPack(t, sampleCase(), PackOptions{Purpose: PurposePerson}))
	enc, err := EncryptPDF(pdf, "Zoe\u0308\u00a0s pass")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pdfText(t, enc, "Zoë s pass"); err != nil {
		t.Errorf("the prepared password does not open the PDF: %v", err)
	}
	if _, err := EncryptPDF(pdf, strings.Repeat("ł", 64)); !errors.Is(err, ErrPasswordTooLong) {
		t.Errorf("a 128-byte password: got %v, want ErrPasswordTooLong", err)
	}
}

// The PDF keeps its language and bookmarks once encrypted.
func TestEncryptPDFKeepsCatalog(t *testing.T) {
	pdf := mustPDF(t, mustPack(t, sampleCase(), PackOptions{Purpose: PurposeMeeting}))
	// pdfcpu reads only passwords without spaces (its SASLprep is too strict).
	enc, err := EncryptPDF(pdf, "catalog-check")
	if err != nil {
		t.Fatal(err)
	}
	checkCatalog(t, enc, "catalog-check")
}

// checkCatalog reads the encrypted PDF with pdfcpu: language en-GB and an outline survive.
func checkCatalog(t *testing.T, enc []byte, password string) {
	t.Helper()
	quietPdfcpu()
	conf := model.NewDefaultConfiguration()
	conf.UserPW = password
	ctx, err := api.ReadContext(bytes.NewReader(enc), conf)
	if err != nil {
		t.Fatal(err)
	}
	cat, err := ctx.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	lang, _ := ctx.Dereference(cat["Lang"])
	if s, ok := lang.(types.StringLiteral); !ok || s != "en-GB" {
		t.Errorf("Lang is %v, want en-GB", lang)
	}
	if cat["Outlines"] == nil {
		t.Error("the bookmarks were lost")
	}
}

func TestEncryptPDFRefusesEmptyPassword(t *testing.T) {
	if _, err := EncryptPDF([]byte("%PDF-1.3"), ""); !errors.Is(err, ErrEmptyPassword) {
		t.Fatalf("got %v, want ErrEmptyPassword", err)
	}
	if _, err := EncryptPDF([]byte("not a PDF"), "pw"); err == nil {
		t.Fatal("encrypting rubbish did not fail")
	}
}

// Encrypting writes nothing into the user's profile (pdfcpu would, by default).
func TestEncryptPDFLeavesNoConfig(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	pdf := mustPDF(t, mustPack(t, sampleCase(), PackOptions{Purpose: PurposePerson}))
	if _, err := EncryptPDF(pdf, "pw"); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(home); len(entries) != 0 {
		t.Errorf("encrypting wrote %v into the home folder", entries)
	}
}
