package export

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// These helpers read PDFs as a person's tools do, with poppler-utils
// (pdftotext, pdfinfo), on real files.

// skipPopplerUnderWine is why the Windows build of these tests does not read
// its PDFs: scripts/wine-test.sh sets MSPRECORDS_UNDER_WINE.
const skipPopplerUnderWine = "under Wine (scripts/wine-test.sh): pdftotext and pdfinfo are Linux programs, which a Windows program cannot start there; " +
	"the Linux tests read these PDFs, and wine-test.sh reads the PDFs of the real msprecords.exe"

func needPoppler(t testing.TB) {
	t.Helper()
	if os.Getenv("MSPRECORDS_UNDER_WINE") != "" {
		t.Skip(skipPopplerUnderWine)
	}
	for _, tool := range []string{"pdftotext", "pdfinfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is needed to read the PDFs (apt-get install poppler-utils): %v", tool, err)
		}
	}
}

func writeTemp(t testing.TB, data []byte, name string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// pdfText returns the text of a PDF as pdftotext reads it, pages separated
// by form feeds. password may be empty.
func pdfText(t testing.TB, pdf []byte, password string) (string, error) {
	t.Helper()
	needPoppler(t)
	args := []string{"-enc", "UTF-8"}
	if password != "" {
		args = append(args, "-upw", password)
	}
	args = append(args, writeTemp(t, pdf, "pack.pdf"), "-")
	out, err := exec.Command("pdftotext", args...).Output()
	return string(out), err
}

func mustText(t testing.TB, pdf []byte) string {
	t.Helper()
	text, err := pdfText(t, pdf, "")
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return text
}

// pdfInfo returns pdfinfo's report on a PDF.
func pdfInfo(t testing.TB, pdf []byte, password string) (string, error) {
	t.Helper()
	needPoppler(t)
	args := []string{}
	if password != "" {
		args = append(args, "-upw", password)
	}
	args = append(args, writeTemp(t, pdf, "pack.pdf"))
	out, err := exec.Command("pdfinfo", args...).CombinedOutput()
	return string(out), err
}

// infoLine returns the value of one line of pdfinfo's report, e.g. "Pages".
func infoLine(info, key string) string {
	for _, line := range strings.Split(info, "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// pagesOf splits pdftotext output into pages on its form feeds.
func pagesOf(text string) []string {
	pages := strings.Split(text, "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages
}

// flat joins a text's lines with single spaces, so that wrapped text can be
// searched for as it was typed.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// bodyText returns a PDF's text without the page furniture (marking, case
// reference, date made, page numbers), so that text running across pages
// reads on as it was typed.
func bodyText(text, marking string) string {
	var kept []string
	for _, line := range strings.Split(strings.ReplaceAll(text, "\f", "\n"), "\n") {
		l := strings.TrimSpace(line)
		if l == marking || strings.HasPrefix(l, "Case reference ") || strings.HasPrefix(l, "Made ") || pageLine.MatchString(l) {
			continue
		}
		kept = append(kept, l)
	}
	return flat(strings.Join(kept, "\n"))
}

var pageLine = regexp.MustCompile(`^Page \d+ of \d+$`)
