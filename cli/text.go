package cli

import (
	"strings"
	"unicode"
)

// cleanText drops control characters other than line breaks from text
// that came from a record, so that a case imported from a hostile file
// cannot send escape sequences to the terminal. Tabs become spaces.
func cleanText(s string) string {
	if strings.IndexFunc(s, isUnsafe) < 0 {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\t' || r == '\r':
			return ' '
		case isUnsafe(r):
			return -1
		}
		return r
	}, s)
}

func isUnsafe(r rune) bool {
	return (unicode.IsControl(r) && r != '\n') || r == '\u2028' || r == '\u2029' || r == '\u202e' || r == '\ufeff'
}

// oneLine is cleanText for a field of a tab-separated line: line breaks
// become spaces too.
func oneLine(s string) string {
	return strings.Join(strings.Fields(cleanText(s)), " ")
}
