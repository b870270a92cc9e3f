package crypto

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"filippo.io/age/armor"
)

// SlotKind says how a slot is opened.
type SlotKind string

const (
	// Passphrase slots belong to one user each and are opened with that
	// user's passphrase (age scrypt, the only recipient).
	Passphrase SlotKind = "passphrase"

	// Recovery slots are opened with the recovery key (an age X25519
	// identity). A vault has one, except for a moment while it is replaced.
	Recovery SlotKind = "recovery"

	// Setup slots belong to one colleague who has not yet chosen a
	// passphrase, and are opened with a one-time setup code (age scrypt,
	// the only recipient) until they expire. Claiming the code turns the
	// slot into the colleague's passphrase slot (see setupslots.go).
	Setup SlotKind = "setup"
)

// Slot describes a key slot from the plaintext part of its file. Nothing
// here is trusted until the slot's age payload has been opened, and Label
// is the only part of it a person chose.
type Slot struct {
	ID      string
	Kind    SlotKind
	Label   string // user name for passphrase and setup slots, "" for the recovery slot
	Created time.Time
	Expires time.Time // when a setup slot's code stops working; zero for other kinds

	// Role is the user's role (for a vault made before roles, the one its
	// upgrade gives: see RoleOf), or the role a setup code gives; "" for
	// the recovery slot.
	Role Role
	// Recipient is the public half of the user's (or the recovery key's)
	// key pair, "age1…"; "" where the slot was written before key pairs.
	Recipient string
}

// Expired reports whether s is a setup slot whose code no longer works.
func (s Slot) Expired() bool { return s.Kind == Setup && !now().Before(s.Expires) }

// slotFile is the JSON of slots/<id>.json. The label is in clear so that
// the unlock screen can list users before any key is known; it is repeated
// inside the encrypted payload, and the two must agree, so a label swapped
// between two files is detected on unlock.
type slotFile struct {
	Format  int       `json:"format"`
	ID      string    `json:"id"`
	Kind    SlotKind  `json:"kind"`
	Label   string    `json:"label"`
	Created time.Time `json:"created"`
	Expires time.Time `json:"expires,omitzero"` // setup slots only

	// Role and Recipient are in clear, under the check value: see roles.go.
	Role      Role   `json:"role,omitempty"`
	Recipient string `json:"recipient,omitempty"`

	// Current and Next hold the master key sealed to Recipient (see
	// rotate.go): Current once the vault's key has changed since the
	// slot's payload was sealed (the payload's key is then stale), Next
	// while a change is under way.
	// NextID names the key in Next (keyID), so that a user whose slot is
	// done can tell that key is the new one.
	Current string `json:"current,omitempty"`
	Next    string `json:"next,omitempty"`
	NextID  string `json:"next_id,omitempty"`

	Age string `json:"age"` // ASCII-armored age file wrapping a slotPayload

	// Check is the slot's check value (see slotcheck.go): an HMAC, keyed
	// from the master key, of the file's exact bytes. Slots written before
	// check values existed have none.
	Check string `json:"check,omitempty"`

	raw []byte // the file's bytes as read, for VerifySlots; never written
}

// slot returns the public description of f.
func (f slotFile) slot() Slot {
	return Slot{ID: f.ID, Kind: f.Kind, Label: f.Label, Created: f.Created, Expires: f.Expires, Role: f.Role, Recipient: f.Recipient}
}

// encodeSlotFile returns the bytes of a slot file.
func encodeSlotFile(f slotFile) ([]byte, error) {
	f.Format = slotFormat(f.Kind)
	return encodeJSON(f)
}

// decodeSlotFile parses and checks a slot file. It checks the shape of every
// field, but not the age payload, which only a passphrase or key can open.
// It is the first thing to read a file that anyone could have placed in
// slots/, so it must return an error, never panic, whatever data holds.
func decodeSlotFile(data []byte) (slotFile, error) {
	if err := checkFormatUpTo(data, "key slot", SetupSlotFormat); err != nil {
		return slotFile{}, wrapDamaged(ErrDamagedSlot, err)
	}
	var f slotFile
	if err := json.Unmarshal(data, &f); err != nil {
		return slotFile{}, fmt.Errorf("%w: %v", ErrDamagedSlot, err)
	}
	// The format and kind first: a format 2 file of a kind this version
	// does not know comes from a newer release, not from damage.
	if err := f.checkKindFormat(); err != nil {
		return slotFile{}, err
	}
	if err := f.check(); err != nil {
		return slotFile{}, fmt.Errorf("%w: %v", ErrDamagedSlot, err)
	}
	if err := f.checkExpiry(); err != nil {
		return slotFile{}, fmt.Errorf("%w: %v", ErrDamagedSlot, err)
	}
	f.raw = data
	return f, nil
}

// check validates the plaintext fields of a decoded slot file.
func (f slotFile) check() error {
	switch {
	case !validID(f.ID):
		return errors.New("bad slot id")
	case f.Created.IsZero():
		return errors.New("no creation time")
	case !strings.HasPrefix(strings.TrimSpace(f.Age), armor.Header):
		return errors.New("no armored age payload")
	}
	if err := validRole(f.Kind, f.Role); err != nil {
		return err
	}
	if err := validRecipient(f.Kind, f.Recipient); err != nil {
		return err
	}
	if err := validKeyCopies(f); err != nil {
		return err
	}
	return checkKindLabel(f.Kind, f.Label)
}

// checkKindFormat checks that the format fits the kind: only setup slots
// are format 2. Any other pairing is reported as from a newer release (a
// later format of passphrase slots may well be 2), not as damage.
func (f slotFile) checkKindFormat() error {
	if f.Format != slotFormat(f.Kind) {
		return fmt.Errorf("%w: %.20q slot in format %d", ErrUnknownFormat, f.Kind, f.Format)
	}
	return nil
}

// checkExpiry checks that setup slots, and only they, expire.
func (f slotFile) checkExpiry() error {
	switch {
	case f.Kind == Setup && f.Expires.IsZero():
		return errors.New("setup slot without an expiry")
	case f.Kind != Setup && !f.Expires.IsZero():
		return fmt.Errorf("a %s slot with an expiry", f.Kind)
	}
	return nil
}

// checkKindLabel checks that a passphrase or setup slot has a clean label
// and a recovery slot has none.
func checkKindLabel(kind SlotKind, label string) error {
	switch kind {
	case Passphrase, Setup:
		clean, err := cleanLabel(label)
		if err == nil && clean != label {
			err = errors.New("label is not trimmed")
		}
		return err
	case Recovery:
		if label != "" {
			return errors.New("recovery slot with a label")
		}
		return nil
	}
	return fmt.Errorf("unknown slot kind %.20q", kind)
}
