package app

import (
	"strings"
	"unicode/utf8"
)

// minPassphraseRunes is the shortest passphrase a new user may choose. The
// hint below encourages far longer ones; this only refuses the hopeless.
const minPassphraseRunes = 8

// passphraseHint describes a new passphrase's strength in words, for people
// who are not security experts: it judges length and refuses the passwords
// that every guessing program tries first. ok reports whether it may be used.
func passphraseHint(pass, user string) (hint string, ok bool) {
	n := utf8.RuneCountInString(pass)
	switch {
	case n == 0:
		return "Choose a passphrase: three or four unrelated words are strong and easy to remember.", false
	case isCommonPassword(pass):
		return "This is one of the most common passwords and would be guessed at once: choose another.", false
	case user != "" && strings.Contains(strings.ToLower(pass), strings.ToLower(strings.TrimSpace(user))):
		return "Do not use your own name in your passphrase: choose another.", false
	case n < minPassphraseRunes:
		return "Too short: use at least 8 characters, and better 16 or more.", false
	case n < 12:
		return "Weak: a longer passphrase, such as three or four unrelated words, is much harder to guess.", true
	case n < 16:
		return "Fair: a few more characters would make it much stronger.", true
	default:
		return "Strong: long passphrases are the hardest to guess.", true
	}
}

// isCommonPassword reports whether pass is one of the passwords tried first
// by guessing programs, or a run of one character.
func isCommonPassword(pass string) bool {
	p := strings.ToLower(strings.TrimSpace(pass))
	if p == "" {
		return false
	}
	if _, size := utf8.DecodeRuneInString(p); strings.Count(p, p[:size])*size == len(p) {
		return true
	}
	_, common := commonPasswords[p]
	return common
}

// commonPasswords are among the most used passwords in published breach
// lists, lower-cased. Checking them costs nothing and stops the worst.
var commonPasswords = func() map[string]struct{} {
	m := make(map[string]struct{}, len(commonPasswordList))
	for _, p := range commonPasswordList {
		m[p] = struct{}{}
	}
	return m
}()

var commonPasswordList = []string{
	"123456", "123456789", "12345678", "1234567890", "12345", "1234567", "123123",
	"1234", "111111", "000000", "654321", "987654321", "121212", "112233", "159753",
	"123321", "666666", "696969", "7777777", "1q2w3e4r", "1qaz2wsx", "qwerty",
	"qwerty123", "qwertyuiop", "qwerty1", "asdfghjkl", "asdfgh", "zxcvbnm",
	"password", "password1", "password12", "password123", "passw0rd", "p@ssw0rd",
	"p@ssword", "pa55word", "letmein", "letmein1", "welcome", "welcome1",
	"welcome123", "iloveyou", "admin", "admin123", "administrator", "root",
	"login", "master", "monkey", "dragon", "football", "baseball", "sunshine",
	"princess", "shadow", "superman", "batman", "trustno1", "starwars",
	"whatever", "freedom", "hello123", "hello", "charlie", "liverpool",
	"arsenal", "chelsea", "manchester", "michael", "jessica", "ashley",
	"abc123", "abcdef", "abcd1234", "abc12345", "aa123456", "changeme",
	"secret", "secret123", "computer", "internet", "default", "guest",
	"summer", "summer2024", "summer2025", "summer2026", "winter", "spring",
	"autumn", "london", "england", "monday", "tuesday", "january",
	"september", "november", "december", "lovely", "flower", "cookie",
	"chocolate", "biscuit", "cheese", "pepper", "ginger", "daniel",
	"thomas", "jordan", "hunter", "killer", "soccer", "hockey", "tigger",
	"access", "mustang", "maggie", "buster", "ranger", "jennifer",
	"samsung", "google", "zaq12wsx", "qazwsx", "passport", "letmein123",
	"mypassword", "safeguarding", "safeguard", "council", "socialcare",
	"carehome", "nhs123", "msprecords", "officialsensitive",
}
