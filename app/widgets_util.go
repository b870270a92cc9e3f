package app

import "strings"

// removeAt returns s without its element i, keeping the order.
func removeAt[T any](s []T, i int) []T {
	return append(s[:i:i], s[i+1:]...)
}

// or returns s, or instead when s is empty.
func or(s, instead string) string {
	if strings.TrimSpace(s) == "" {
		return instead
	}
	return s
}

// joinNonEmpty joins the parts that are not empty.
func joinNonEmpty(sep string, parts ...string) string {
	var kept []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, sep)
}

// firstLine returns the start of a long text on one line, for list rows.
func firstLine(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > max {
		return string(r[:max]) + "…"
	}
	return s
}
