package crypto

import (
	"crypto/rand"
	"fmt"
	"io"
	"strings"
)

// A setup code is what a lead gives a new colleague instead of choosing
// their passphrase for them: 12 symbols of Crockford's base32 (digits and
// capital letters without I, L, O and U, which are mistaken for 1, 1, 0
// and V, or spell words), shown in three groups as "7K3Q-M9XD-2HTB". Each
// symbol carries 5 bits, so a code holds 60 random bits: short enough to
// read out or copy by hand, and, behind scrypt and a seven-day life, far
// beyond guessing.

// setupAlphabet is Crockford's base32: a symbol's index is its value.
const setupAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// setupCodeSymbols is the length of a setup code without its dashes.
const setupCodeSymbols = 12

// setupGroup is how many symbols are shown between dashes.
const setupGroup = 4

// newSetupCode returns a fresh setup code from crypto/rand, grouped. Each
// random byte gives one symbol from its low 5 bits: 256 is a multiple of
// 32, so every symbol is equally likely.
func newSetupCode() (string, error) {
	b := make([]byte, setupCodeSymbols)
	if _, err := io.ReadFull(rand.Reader, b); err != nil {
		return "", fmt.Errorf("generating setup code: %w", err)
	}
	symbols := make([]byte, len(b))
	for i, c := range b {
		symbols[i] = setupAlphabet[c&31]
	}
	return groupSetupCode(string(symbols)), nil
}

// groupSetupCode puts dashes between the groups of a code's symbols.
func groupSetupCode(symbols string) string {
	var groups []string
	for i := 0; i < len(symbols); i += setupGroup {
		groups = append(groups, symbols[i:min(i+setupGroup, len(symbols))])
	}
	return strings.Join(groups, "-")
}

// ParseSetupCode reads a setup code as a person types it: lower case,
// spaces and dashes (or none) do not matter, and O is read as 0 and I or L
// as 1, as Crockford's base32 intends. It returns the code in its shown
// form ("XXXX-XXXX-XXXX"), or ErrWrongSetupCode saying what is wrong; the
// error never quotes the code, which could end up in a log.
func ParseSetupCode(s string) (string, error) {
	var symbols strings.Builder
	for _, r := range strings.ToUpper(s) {
		switch {
		case r == '-' || r == ' ' || r == '\t' || r == '\n' || r == '\r':
			continue
		case r == 'O':
			r = '0'
		case r == 'I' || r == 'L':
			r = '1'
		}
		if r > 0x7f || !strings.ContainsRune(setupAlphabet, r) {
			return "", fmt.Errorf("%w: a setup code has only letters and digits (no U)", ErrWrongSetupCode)
		}
		symbols.WriteRune(r)
	}
	if symbols.Len() != setupCodeSymbols {
		return "", fmt.Errorf("%w: a setup code has %d letters and digits, not %d", ErrWrongSetupCode, setupCodeSymbols, symbols.Len())
	}
	return groupSetupCode(symbols.String()), nil
}
