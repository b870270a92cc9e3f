package crypto

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"filippo.io/age"
	"filippo.io/age/armor"
)

// slotPayload is the JSON sealed inside a slot's age file. The vault id
// binds the slot to one vault (a slot copied from another vault opens, but
// is refused with ErrForeignSlot), and the label binds it to its user.
type slotPayload struct {
	Format  int    `json:"format"`
	VaultID string `json:"vault_id"`
	Label   string `json:"label"`
	Key     []byte `json:"key"` // encoding/json writes []byte as standard base64

	// Expires is a setup slot's expiry, sealed so that changing the one in
	// clear cannot make a code live longer.
	Expires time.Time `json:"expires,omitzero"`

	// Identity is the user's X25519 key pair ("AGE-SECRET-KEY-1…"), sealed
	// with their passphrase beside the master key; its public half is the
	// slot's Recipient. Absent in slots written before key pairs.
	Identity string `json:"identity,omitempty"`
}

// sealPayload encrypts p to r and returns the ASCII-armored age file. Armor
// keeps slot files plain text, so they can be read, diffed and printed.
// p.Format is the caller's: the format of the slot file it goes in.
func sealPayload(p slotPayload, r age.Recipient) (string, error) {
	plain, err := json.Marshal(p)
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	aw := armor.NewWriter(&buf)
	w, err := age.Encrypt(aw, r)
	if err != nil {
		return "", fmt.Errorf("sealing slot: %w", err)
	}
	if _, err := w.Write(plain); err != nil {
		return "", fmt.Errorf("sealing slot: %w", err)
	}
	if err := errors.Join(w.Close(), aw.Close()); err != nil {
		return "", fmt.Errorf("sealing slot: %w", err)
	}
	return buf.String(), nil
}

// errNoMatch means the identity given to openPayload is not one the payload
// was sealed to. Callers turn it into ErrWrongPassphrase or
// ErrWrongRecoveryKey.
var errNoMatch = errors.New("identity does not match")

// openPayload decrypts an armored age file with id and decodes the payload.
// It returns errNoMatch for a wrong passphrase or key, ErrUnknownFormat for
// a payload from a newer release, and ErrDamagedSlot for anything else:
// broken armor, a bad header MAC, a truncated stream, a payload sealed the
// wrong way, or a work factor above MaxWorkFactor.
func openPayload(armored string, id age.Identity) (slotPayload, error) {
	r, err := age.Decrypt(armor.NewReader(strings.NewReader(armored)), id)
	if wrongIdentity(err, id) {
		return slotPayload{}, errNoMatch
	}
	if err != nil {
		return slotPayload{}, fmt.Errorf("%w: %v", ErrDamagedSlot, err)
	}
	plain, err := readSmall(r)
	if err != nil {
		return slotPayload{}, fmt.Errorf("%w: %v", ErrDamagedSlot, err)
	}
	return decodePayload(plain)
}

// decodePayload parses and checks the decrypted JSON of a slot.
func decodePayload(plain []byte) (slotPayload, error) {
	if err := checkFormatUpTo(plain, "key slot payload", SetupSlotFormat); err != nil {
		return slotPayload{}, wrapDamaged(ErrDamagedSlot, err)
	}
	var p slotPayload
	if err := json.Unmarshal(plain, &p); err != nil {
		return slotPayload{}, fmt.Errorf("%w: payload: %v", ErrDamagedSlot, err)
	}
	switch {
	case len(p.Key) != len(MasterKey{}):
		return slotPayload{}, fmt.Errorf("%w: payload key is %d bytes", ErrDamagedSlot, len(p.Key))
	case !validID(p.VaultID):
		return slotPayload{}, fmt.Errorf("%w: payload has a bad vault id", ErrDamagedSlot)
	}
	return p, nil
}

// wrongIdentity reports whether err, from age.Decrypt with id, means a
// wrong passphrase or key for a file sealed the way id expects. A file
// sealed some other way (an X25519 file given a passphrase) also fails to
// match, but that is damage or tampering, and is not reported as a typing
// mistake.
func wrongIdentity(err error, id age.Identity) bool {
	var e *age.NoIdentityMatchError
	return errors.As(err, &e) && slices.Contains(e.StanzaTypes, stanzaType(id))
}

// stanzaType names the age recipient stanza that id can open.
func stanzaType(id age.Identity) string {
	switch id.(type) {
	case *age.ScryptIdentity:
		return "scrypt"
	case *age.X25519Identity:
		return "X25519"
	}
	return ""
}

// identity returns the key pair held by p, checked against the public
// half in clear in f, or nil if p holds none.
func (p slotPayload) identity(f slotFile) (*age.X25519Identity, error) {
	if p.Identity == "" {
		if f.Recipient != "" && f.Kind == Passphrase {
			return nil, fmt.Errorf("%w: a public key in clear but no key pair sealed (slot %s)", ErrDamagedSlot, f.ID)
		}
		return nil, nil
	}
	id, err := age.ParseX25519Identity(p.Identity)
	if err != nil {
		return nil, fmt.Errorf("%w: sealed key pair unreadable (slot %s)", ErrDamagedSlot, f.ID)
	}
	if id.Recipient().String() != f.Recipient {
		return nil, fmt.Errorf("%w: public key does not match its sealed key pair (slot %s)", ErrDamagedSlot, f.ID)
	}
	return id, nil
}

// key returns the master key held by p.
func (p slotPayload) key() MasterKey {
	var k MasterKey
	copy(k[:], p.Key)
	return k
}
