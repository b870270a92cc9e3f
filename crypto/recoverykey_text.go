package crypto

import "strings"

// RecoveryKeyPrefix starts every recovery key (an age X25519 identity).
const RecoveryKeyPrefix = "AGE-SECRET-KEY-1"

// recoveryKeyLen is the length of a recovery key: the prefix, 32 bytes in
// Bech32 and a 6-character checksum.
const recoveryKeyLen = len(RecoveryKeyPrefix) + 52 + 6

// bech32Chars are the characters of a key's data part (a key may be typed
// in either case: compare it lowered).
const bech32Chars = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"

// FindRecoveryKey finds a recovery key in text: a file holding the key
// alone, or a note with the key somewhere in it, as people save or paste
// it. A key copied in groups ("AGE-SECRET-KEY-1QQQ QQQ …") is joined up
// again. ok is false when text holds nothing that starts like a recovery
// key; callers then try text as it is, since [Vault.UnlockWithRecoveryKey]
// forgives spacing and case. The key is not checked here: a wrong one is
// refused with ErrWrongRecoveryKey when used.
func FindRecoveryKey(text string) (key string, ok bool) {
	words := strings.Fields(strings.TrimPrefix(text, "\ufeff"))
	for i, word := range words {
		if !strings.HasPrefix(strings.ToUpper(word), RecoveryKeyPrefix) {
			continue
		}
		return joinGroups(word, words[i+1:]), true
	}
	return "", false
}

// joinGroups adds to a key cut short the groups after it, if they make up
// exactly one key; otherwise it leaves the key as it was.
func joinGroups(key string, rest []string) string {
	joined := key
	for _, w := range rest {
		if len(joined) >= recoveryKeyLen || strings.Trim(strings.ToLower(w), bech32Chars) != "" {
			break
		}
		joined += w
	}
	if len(joined) == recoveryKeyLen {
		return joined
	}
	return key
}

// Grouping of a recovery key for people: the prefix on a line of its own,
// then the 58 characters after it in groups of five, four groups a line,
// the last group of three. Five characters are what the eye holds while
// typing; a line of four groups is short enough not to lose one's place.
const (
	recoveryGroupLen   = 5
	recoveryLineGroups = 4
)

// GroupRecoveryKey writes a recovery key as people read it back and type
// it: the prefix "AGE-SECRET-KEY-1" on the first line, then groups of five
// characters, four a line, separated by spaces and line breaks. Spaces and
// line breaks already in key are dropped first, and its letters put in
// capitals, as age writes them. FindRecoveryKey and
// [Vault.UnlockWithRecoveryKey] take the grouped form back as it is.
func GroupRecoveryKey(key string) string {
	key = strings.ToUpper(strings.Join(strings.Fields(key), ""))
	var b strings.Builder
	rest := key
	if strings.HasPrefix(key, RecoveryKeyPrefix) {
		b.WriteString(RecoveryKeyPrefix)
		rest = key[len(RecoveryKeyPrefix):]
	}
	for i := 0; len(rest) > 0; i++ {
		n := min(recoveryGroupLen, len(rest))
		switch {
		case b.Len() == 0:
		case i%recoveryLineGroups == 0:
			b.WriteByte('\n')
		default:
			b.WriteByte(' ')
		}
		b.WriteString(rest[:n])
		rest = rest[n:]
	}
	return b.String()
}
