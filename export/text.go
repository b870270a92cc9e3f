package export

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// cleanText makes typed or pasted text safe to draw: line endings become
// "\n", tabs become spaces and other control characters, which the fonts
// would print as empty boxes, are dropped. Trailing space is trimmed. Text
// is put in Unicode NFC, so an accent typed as a separate combining mark
// (as some keyboards and Macs do) prints on its letter.
func cleanText(s string) string {
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	if isPlain(s) {
		return strings.TrimRightFunc(s, unicode.IsSpace)
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\r', r == '\u2028', r == '\u2029':
			return '\n'
		case r == '\t':
			return ' '
		case unicode.IsControl(r), r == '\ufeff':
			return -1
		}
		return r
	}, s)
	return strings.TrimRightFunc(s, unicode.IsSpace)
}

// isPlain reports whether s needs no cleaning, the common case, so that
// cleaning long chronologies costs one scan.
func isPlain(s string) bool {
	for _, r := range s {
		if (r < ' ' && r != '\n') || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\u2028' || r == '\u2029' || r == '\ufeff' {
			return false
		}
	}
	return true
}

// yesNo shows a flag that matters either way.
func yesNo(b bool) string {
	if b {
		return "Yes"
	}
	return "No"
}

// yesOnly shows a flag only when it is set; unset it is left out.
func yesOnly(b bool) string {
	if b {
		return "Yes"
	}
	return ""
}

// joinNonEmpty joins the parts that are not empty.
func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// orText returns s, or alt when s is empty.
func orText(s, alt string) string {
	if strings.TrimSpace(s) == "" {
		return alt
	}
	return s
}
