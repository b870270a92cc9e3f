package crypto

import (
	"bytes"
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"filippo.io/age"
	"filippo.io/age/armor"
)

// This file gives every slot file a check value, so that VerifySlots can
// prove a slot undamaged without the passphrase or key that opens it. The
// recovery slot needs it most: nobody has the recovery key at hand when
// the vault is checked, and a damaged recovery slot is found out only when
// it is needed, which is too late.
//
// The check value is the "check" field of the slot file itself: the
// lower-case hex of HMAC-SHA256(K, M), where
//
//	K = HKDF-SHA256(master key, no salt, "msprecords slot check v1"), 32 bytes
//	M = the exact bytes of the slot file, with the 64 hex digits of the
//	    check value replaced by 64 "0"s
//
// Why there: the value is keyed from the master key, so a damaged or
// tampered file cannot carry a matching value along (making one needs the
// master key, which opens the vault anyway), while a plain hash would be
// recomputed as easily as the file is changed, and the vault header is
// neither secret nor authenticated. Being in the slot's own file, it is
// written in the same atomic write as the slot, so a crash never leaves a
// slot and its check value disagreeing; it goes into backups and comes
// back on restore byte for byte, as every slot file does; and releases
// that do not know it read the slot as before (an unknown field is
// ignored). A slot written before check values existed, or rewritten by
// such a release, has no "check" field, and VerifySlots says it could not
// be checked rather than that it is in order.

// checkInfo is the HKDF info string that makes the check key.
const checkInfo = "msprecords slot check v1"

// checkPlaceholder stands in for the check value in the bytes it covers.
var checkPlaceholder = strings.Repeat("0", 2*sha256.Size)

// SlotState is what VerifySlots found for one slot.
type SlotState int

const (
	// SlotVerified: the slot's check value matches, so its file is byte
	// for byte as it was written.
	SlotVerified SlotState = iota + 1

	// SlotOpened: the slot has no check value, but it is the passphrase
	// slot that unlocked the vault, so it decrypted and was checked then.
	SlotOpened

	// SlotUnchecked: the slot has no check value (it was written by an
	// earlier release), and its structure is sound, but nothing short of
	// its passphrase or the recovery key can prove its contents.
	SlotUnchecked

	// SlotDamaged: the slot's check value does not match, or its age
	// header is malformed. The passphrase or key for it will not work.
	SlotDamaged
)

// SlotCheck is VerifySlots's finding for one slot.
type SlotCheck struct {
	Slot  Slot
	State SlotState
	Err   error // what is wrong, for SlotDamaged; it wraps ErrDamagedSlot
}

// VerifySlots checks every readable slot file with key, which the caller
// got from Unlock with the passphrase slot labelled opened (pass "" if the
// vault was opened with the recovery key). It returns a finding for each
// slot in the order of Slots, and, like Slots, an error for slot files it
// could not read at all: those are damaged too, but have no finding.
func (v *Vault) VerifySlots(key MasterKey, opened string) ([]SlotCheck, error) {
	if key.isZero() {
		return nil, errZeroKey
	}
	files, problem := v.readSlots()
	checks := make([]SlotCheck, len(files))
	for i, f := range files {
		checks[i] = SlotCheck{Slot: f.slot()}
		switch err := verifySlotFile(f, key); {
		case err == nil:
			checks[i].State = SlotVerified
		case !errors.Is(err, errUnchecked):
			checks[i].State, checks[i].Err = SlotDamaged, fmt.Errorf("%w (slot %s)", err, f.ID)
		case f.Kind == Passphrase && opened != "" && SameUser(f.Label, opened):
			checks[i].State = SlotOpened
		default:
			checks[i].State = SlotUnchecked
		}
	}
	return checks, problem
}

// errUnchecked is verifySlotFile's answer for a sound slot without a check
// value.
var errUnchecked = errors.New("slot has no check value")

// verifySlotFile checks f's age header, then its check value. It returns
// nil if the check value matches, errUnchecked if there is none, and an
// error wrapping ErrDamagedSlot otherwise.
func verifySlotFile(f slotFile, key MasterKey) error {
	if err := checkAgeHeader(f); err != nil {
		return err
	}
	if f.Check == "" {
		// A file whose "check" field was damaged beyond recognition would
		// look like one from before check values: but then it has a field
		// that no slot file has.
		if err := unknownField(f.raw); err != nil {
			return fmt.Errorf("%w: %v", ErrDamagedSlot, err)
		}
		return errUnchecked
	}
	want, err := hex.DecodeString(f.Check)
	if err != nil || len(want) != sha256.Size || hex.EncodeToString(want) != f.Check {
		return fmt.Errorf("%w: malformed check value", ErrDamagedSlot)
	}
	covered, ok := coveredBytes(f.raw, f.Check)
	if !ok {
		return fmt.Errorf("%w: check value not where it is written", ErrDamagedSlot)
	}
	got, err := checkValue(key, covered)
	if err != nil {
		return err
	}
	if !hmac.Equal(got, want) {
		return fmt.Errorf("%w: file does not match its check value", ErrDamagedSlot)
	}
	return nil
}

// encodeCheckedSlotFile returns the bytes of a slot file with its check
// value for key.
func encodeCheckedSlotFile(f slotFile, key MasterKey) ([]byte, error) {
	f.Check = checkPlaceholder
	data, err := encodeSlotFile(f)
	if err != nil {
		return nil, err
	}
	field := checkField(checkPlaceholder)
	if bytes.Count(data, field) != 1 {
		return nil, errors.New("sealing slot: check field not found once") // cannot happen
	}
	sum, err := checkValue(key, data)
	if err != nil {
		return nil, err
	}
	return bytes.Replace(data, field, checkField(hex.EncodeToString(sum)), 1), nil
}

// checkField is the check field as encodeSlotFile writes it.
func checkField(value string) []byte {
	return []byte(`"check": "` + value + `"`)
}

// coveredBytes returns the bytes the check value covers: data with the
// check field's value replaced by the placeholder. It fails unless the
// field appears exactly once, as written.
func coveredBytes(data []byte, check string) ([]byte, bool) {
	field := checkField(check)
	if bytes.Count(data, field) != 1 {
		return nil, false
	}
	return bytes.Replace(data, field, checkField(checkPlaceholder), 1), true
}

// checkValue returns HMAC-SHA256 of data under the check key for key.
func checkValue(key MasterKey, data []byte) ([]byte, error) {
	k, err := hkdf.Key(sha256.New, key[:], nil, checkInfo, sha256.Size)
	if err != nil {
		return nil, err
	}
	mac := hmac.New(sha256.New, k)
	mac.Write(data)
	return mac.Sum(nil), nil
}

// unknownField returns an error if data, a slot file, has a field that
// slot files do not have.
func unknownField(data []byte) error {
	d := json.NewDecoder(bytes.NewReader(data))
	d.DisallowUnknownFields()
	var f slotFile
	return d.Decode(&f)
}

// checkAgeHeader checks, without any key, that f's armored age file has a
// header that parses and holds the one recipient stanza its kind is
// sealed with (scrypt for a passphrase or setup slot, X25519 for the
// recovery slot). The header's MAC and the payload can only be checked by opening
// the slot, so this is no proof on its own: it is what VerifySlots can
// say of a slot without a check value.
func checkAgeHeader(f slotFile) error {
	want := "scrypt"
	if f.Kind == Recovery {
		want = "X25519"
	}
	probe := &stanzaProbe{}
	_, err := age.Decrypt(armor.NewReader(strings.NewReader(f.Age)), probe)
	var e *age.NoIdentityMatchError
	if !errors.As(err, &e) {
		return fmt.Errorf("%w: age header: %v", ErrDamagedSlot, err)
	}
	if len(probe.types) != 1 || probe.types[0] != want {
		return fmt.Errorf("%w: age header has recipients %q, want one %s", ErrDamagedSlot, probe.types, want)
	}
	return nil
}

// stanzaProbe is an age identity that opens nothing, and notes the types
// of the recipient stanzas it is shown.
type stanzaProbe struct{ types []string }

func (p *stanzaProbe) Unwrap(stanzas []*age.Stanza) ([]byte, error) {
	for _, s := range stanzas {
		p.types = append(p.types, s.Type)
	}
	return nil, age.ErrIncorrectIdentity
}
