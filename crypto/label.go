package crypto

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxLabelRunes bounds a user label. Labels are names shown on the unlock
// screen, so anything longer is a mistake or an attack on the layout.
const maxLabelRunes = 100

// cleanLabel trims a user label and checks it. Labels are stored in clear
// (the unlock screen lists them before any key is known), so they are
// compared and stored trimmed, and control characters, which could hide
// text or break a terminal, are refused.
func cleanLabel(label string) (string, error) {
	label = strings.TrimSpace(label)
	switch {
	case label == "":
		return "", fmt.Errorf("%w: empty", ErrInvalidLabel)
	case !utf8.ValidString(label):
		return "", fmt.Errorf("%w: not valid UTF-8", ErrInvalidLabel)
	case utf8.RuneCountInString(label) > maxLabelRunes:
		return "", fmt.Errorf("%w: longer than %d characters", ErrInvalidLabel, maxLabelRunes)
	case strings.IndexFunc(label, unicode.IsControl) >= 0:
		return "", fmt.Errorf("%w: holds control characters", ErrInvalidLabel)
	}
	return label, nil
}

// SameUser reports whether two labels name the same user. The comparison
// ignores case so that "alice" and "Alice" cannot be two users who would be
// told apart only by a capital letter.
func SameUser(a, b string) bool {
	return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b))
}

// HasUser reports whether name is among names, compared as user names are
// (ignoring case and surrounding spaces).
func HasUser(names []string, name string) bool {
	return slices.ContainsFunc(names, func(n string) bool { return SameUser(n, name) })
}
