package crypto

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"filippo.io/age"
	"golang.org/x/crypto/chacha20poly1305"
)

// A restricted case is sealed twice over: Badger encrypts everything with
// the vault's master key, which every user holds, and the case's document
// and summary are sealed inside that with a key of the case's own, which
// only the users it is restricted to (and the recovery key) can unwrap.
// So a user left off the case cannot read it even with the vault key and
// a copy of the database.

var (
	// ErrNotOnCase means the case key was not wrapped to the identity given:
	// the user is not one of those the case is restricted to.
	ErrNotOnCase = errors.New("not one of the users the case is restricted to")

	// ErrDamagedCaseSeal means a sealed case or wrapped case key fails to
	// open for a reason other than a missing identity: it was altered, cut
	// short, or belongs to another case.
	ErrDamagedCaseSeal = errors.New("damaged restricted case")
)

// caseSealVersion is the first byte of every sealed case value, so that a
// later change of cipher is told apart rather than guessed at.
const caseSealVersion = 1

// CaseKey is the random key a restricted case is sealed with.
type CaseKey struct {
	k [chacha20poly1305.KeySize]byte
}

// NewCaseKey returns a fresh random case key.
func NewCaseKey() (CaseKey, error) {
	var k CaseKey
	if _, err := io.ReadFull(rand.Reader, k.k[:]); err != nil {
		return CaseKey{}, fmt.Errorf("generating case key: %w", err)
	}
	return k, nil
}

// caseAD binds a sealed value to its case and its use, so that a sealed
// document moved to another case, or a summary passed off as a document,
// fails to open.
func caseAD(caseID, use string) []byte {
	return []byte("msprecords case seal v1\x00" + caseID + "\x00" + use)
}

// Seal encrypts plain for the case caseID, for one use ("document",
// "summary"), with XChaCha20-Poly1305 and a random nonce: version byte,
// nonce, then ciphertext and tag.
func (k CaseKey) Seal(caseID, use string, plain []byte) ([]byte, error) {
	aead, err := chacha20poly1305.NewX(k.k[:])
	if err != nil {
		return nil, err
	}
	out := make([]byte, 1+aead.NonceSize(), 1+aead.NonceSize()+len(plain)+aead.Overhead())
	out[0] = caseSealVersion
	if _, err := io.ReadFull(rand.Reader, out[1:]); err != nil {
		return nil, fmt.Errorf("sealing case: %w", err)
	}
	return aead.Seal(out, out[1:], plain, caseAD(caseID, use)), nil
}

// Open decrypts what Seal returned for the same case and use.
func (k CaseKey) Open(caseID, use string, sealed []byte) ([]byte, error) {
	aead, err := chacha20poly1305.NewX(k.k[:])
	if err != nil {
		return nil, err
	}
	n := 1 + aead.NonceSize()
	switch {
	case len(sealed) < n+aead.Overhead():
		return nil, fmt.Errorf("%w: %d bytes is too short", ErrDamagedCaseSeal, len(sealed))
	case sealed[0] != caseSealVersion:
		return nil, fmt.Errorf("%w: sealed case version %d (this version reads %d)", ErrUnknownFormat, sealed[0], caseSealVersion)
	}
	plain, err := aead.Open(nil, sealed[1:n], sealed[n:], caseAD(caseID, use))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrDamagedCaseSeal, err)
	}
	return plain, nil
}

// wrappedCaseKey is the JSON inside a wrapped case key's age file. The case
// id inside binds the key to its case, as the vault id binds a slot.
type wrappedCaseKey struct {
	Format int    `json:"format"`
	CaseID string `json:"case_id"`
	Key    []byte `json:"key"`
}

// Wrap seals k to every recipient (each reader's X25519 key and the
// recovery key's) as one binary age file.
func (k CaseKey) Wrap(caseID string, to []age.Recipient) ([]byte, error) {
	if len(to) == 0 {
		return nil, errors.New("crypto: a case key must be wrapped to at least one recipient")
	}
	plain, err := json.Marshal(wrappedCaseKey{Format: caseSealVersion, CaseID: caseID, Key: k.k[:]})
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	w, err := age.Encrypt(&buf, to...)
	if err != nil {
		return nil, fmt.Errorf("wrapping case key: %w", err)
	}
	if _, err := w.Write(plain); err != nil {
		return nil, fmt.Errorf("wrapping case key: %w", err)
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("wrapping case key: %w", err)
	}
	return buf.Bytes(), nil
}

// UnwrapCaseKey opens a wrapped case key with id. It returns ErrNotOnCase
// when the key was not wrapped to id, and ErrDamagedCaseSeal when it was
// altered or belongs to another case.
func UnwrapCaseKey(wrapped []byte, caseID string, id age.Identity) (CaseKey, error) {
	r, err := age.Decrypt(bytes.NewReader(wrapped), id)
	var noMatch *age.NoIdentityMatchError
	switch {
	case errors.As(err, &noMatch):
		return CaseKey{}, ErrNotOnCase
	case err != nil:
		return CaseKey{}, fmt.Errorf("%w: %v", ErrDamagedCaseSeal, err)
	}
	plain, err := io.ReadAll(io.LimitReader(r, 4096))
	if err != nil {
		return CaseKey{}, fmt.Errorf("%w: %v", ErrDamagedCaseSeal, err)
	}
	var p wrappedCaseKey
	if err := json.Unmarshal(plain, &p); err != nil {
		return CaseKey{}, fmt.Errorf("%w: %v", ErrDamagedCaseSeal, err)
	}
	switch {
	case p.Format != caseSealVersion:
		return CaseKey{}, fmt.Errorf("%w: case key format %d (this version reads %d)", ErrUnknownFormat, p.Format, caseSealVersion)
	case p.CaseID != caseID:
		return CaseKey{}, fmt.Errorf("%w: the key belongs to another case", ErrDamagedCaseSeal)
	case len(p.Key) != chacha20poly1305.KeySize:
		return CaseKey{}, fmt.Errorf("%w: case key of %d bytes", ErrDamagedCaseSeal, len(p.Key))
	}
	var k CaseKey
	copy(k.k[:], p.Key)
	return k, nil
}
