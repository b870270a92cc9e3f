package records

import (
	"crypto/rand"
	"encoding/hex"
)

// NewID returns a random opaque identifier for a case or an entry. Ids carry
// nothing about the person, so they are safe in keys and links.
func NewID() string {
	b := make([]byte, 12)
	if _, err := rand.Read(b); err != nil {
		panic("records: the system random source failed: " + err.Error()) // crypto/rand never fails on supported systems
	}
	return hex.EncodeToString(b)
}
