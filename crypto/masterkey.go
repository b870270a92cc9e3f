package crypto

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io"
)

// MasterKey is the 32-byte key that encrypts the database (Badger's
// AES-256 encryption at rest takes key[:]). It never changes for the life
// of a vault: changing a passphrase only rewraps it.
//
// A MasterKey prints as "MasterKey(redacted)" with every fmt verb, and
// refuses to be marshalled, so that it cannot reach a log, a crash report or
// a JSON file by accident.
type MasterKey [32]byte

const redacted = "MasterKey(redacted)"

// NewMasterKey returns a fresh random key from the operating system's CSPRNG.
func NewMasterKey() (MasterKey, error) {
	var k MasterKey
	if _, err := io.ReadFull(rand.Reader, k[:]); err != nil {
		return MasterKey{}, fmt.Errorf("generating master key: %w", err)
	}
	return k, nil
}

// String returns "MasterKey(redacted)".
func (MasterKey) String() string { return redacted }

// GoString returns "MasterKey(redacted)", so %#v hides the key too.
func (MasterKey) GoString() string { return redacted }

// Format prints "MasterKey(redacted)" for every verb, including %x and %d,
// which would otherwise print the bytes of the array.
func (MasterKey) Format(f fmt.State, _ rune) { io.WriteString(f, redacted) }

// MarshalText refuses, so that encoding/json, encoding/xml and the like fail
// loudly rather than write the key out as numbers.
func (MasterKey) MarshalText() ([]byte, error) {
	return nil, errors.New("a master key is never marshalled")
}

// isZero reports whether k is the zero key, which is never a real key: it is
// what a caller holds when it forgot to unlock first.
func (k MasterKey) isZero() bool { return k == MasterKey{} }

var (
	_ fmt.Stringer   = MasterKey{}
	_ fmt.GoStringer = MasterKey{}
	_ fmt.Formatter  = MasterKey{}
)
