package export

import (
	"strings"
	"time"

	"msprecords/records"
)

// SuggestedFileName proposes a file name for a pack from the case reference,
// what the pack is for and the date made, e.g.
// "DEMO-2026-0001-meeting-pack-2026-11-30.pdf" or
// "DEMO-2026-0001-persons-copy-2026-11-30.pdf", so that the two are never
// saved over each other. It never holds the person's name: file names are
// seen in folders, e-mails and recent-file lists. ext may be given with or
// without its dot.
func SuggestedFileName(c *records.Case, p Purpose, made time.Time, ext string) string {
	ref := ""
	if c != nil {
		ref = sanitiseName(c.Reference)
	}
	if ref == "" {
		ref = "case"
	}
	ext = sanitiseName(strings.TrimPrefix(ext, "."))
	name := ref + "-" + p.fileWord() + "-" + made.Format("2006-01-02")
	if ext != "" {
		name += "." + strings.ToLower(ext)
	}
	return name
}

// sanitiseName keeps ASCII letters, digits, dashes and underscores, so the
// name is valid on Windows and Linux alike; anything else becomes a dash.
func sanitiseName(s string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	return strings.Trim(b.String(), "-")
}
