package export

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"msprecords/records"
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

// yesNo shows a state that is always one or the other, such as a risk
// closed; a question a person answers is an Answer (see answer).
func yesNo(b bool) string {
	return records.AnswerOf(b).String()
}

// answer shows the answer to a question that matters either way: "Yes",
// "No", or "Not recorded" when nobody answered it, which a reader must
// never take for a no.
func answer(a records.Answer) string {
	if a.Known() {
		return a.String()
	}
	return answerNotRecorded
}

// answered shows the answer to a question that is worth printing only
// once answered: "Yes" or "No", and left out when nobody answered it.
func answered(a records.Answer) string {
	if a.Known() {
		return a.String()
	}
	return ""
}

// answerNotRecorded stands in for a question nobody answered.
const answerNotRecorded = "Not recorded"

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
