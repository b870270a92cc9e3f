package crypto

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
)

// idBytes is the size of vault ids and slot ids. 16 random bytes make
// collisions between vaults, and between slots, out of the question, and
// say nothing about who made them.
const idBytes = 16

// newID returns idBytes random bytes in lowercase hex.
func newID() (string, error) {
	b := make([]byte, idBytes)
	if _, err := io.ReadFull(rand.Reader, b); err != nil {
		return "", fmt.Errorf("generating id: %w", err)
	}
	return hex.EncodeToString(b), nil
}

// validID reports whether s looks like an id made by newID. Ids become file
// names, so this also keeps "../" and friends out of paths.
func validID(s string) bool {
	if len(s) != 2*idBytes {
		return false
	}
	for _, c := range []byte(s) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}
