package crypto

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"filippo.io/age"
)

// This file reads and writes the files in slots/. The methods in slots.go
// decide what to write; these only know how.

// writeNewPassphraseSlot seals key with passphrase in a new slot file for
// a user of role, with a new key pair, which it returns.
func (v *Vault) writeNewPassphraseSlot(key MasterKey, label, passphrase string, role Role) (*age.X25519Identity, error) {
	id, err := newID()
	if err != nil {
		return nil, err
	}
	pair, err := newIdentity()
	if err != nil {
		return nil, err
	}
	return pair, v.writePassphraseSlot(slotFile{ID: id, Kind: Passphrase, Label: label, Created: now(), Role: role}, key, passphrase, pair)
}

// writePassphraseSlot seals key and the user's key pair in f with
// passphrase, and writes it (replacing a file of the same id).
func (v *Vault) writePassphraseSlot(f slotFile, key MasterKey, passphrase string, pair *age.X25519Identity) error {
	r, err := v.scryptRecipient(passphrase)
	if err != nil {
		return err
	}
	// The payload now holds key, so a key copy beside it is stale; a change
	// under way keeps its Next only while the key pair it is sealed to does.
	recipient := pair.Recipient().String()
	if recipient != f.Recipient {
		f.Next, f.NextID = "", ""
	}
	f.Recipient, f.Current = recipient, ""
	data, err := v.sealSlotFile(f, key, r, pair.String())
	if err != nil {
		return err
	}
	return WriteFileAtomic(v.slotPath(f.ID), data, 0o600)
}

// writeNewRecoverySlot seals key to a fresh X25519 identity in a new slot
// file, and returns the identity and the new slot's id. Only the public
// half of the identity is used here, so the recovery key itself is never
// written anywhere.
func (v *Vault) writeNewRecoverySlot(key MasterKey) (recoveryKey, slotID string, err error) {
	identity, err := age.GenerateX25519Identity()
	if err != nil {
		return "", "", fmt.Errorf("generating recovery key: %w", err)
	}
	id, err := newID()
	if err != nil {
		return "", "", err
	}
	f := slotFile{ID: id, Kind: Recovery, Created: now(), Recipient: identity.Recipient().String()}
	data, err := v.sealSlotFile(f, key, identity.Recipient(), "")
	if err != nil {
		return "", "", err
	}
	if err := WriteFileAtomic(v.slotPath(id), data, 0o600); err != nil {
		return "", "", err
	}
	return identity.String(), id, nil
}

// scryptRecipient returns the recipient for a passphrase slot, at the
// vault's work factor.
func (v *Vault) scryptRecipient(passphrase string) (*age.ScryptRecipient, error) {
	return newScryptRecipient(passphrase, v.WorkFactor)
}

// sealSlotFile seals key in f's payload, with f's label and expiry and the
// user's key pair (identity, "" for none), and returns the bytes of the
// slot file with its check value (see slotcheck.go), so the check is
// rewritten with the slot, in the same atomic write: every path that
// writes a slot, recovery slots included, comes through here.
//
// The caller writes it with WriteFileAtomic, whose temporary file holds
// the complete slot, but under a name readSlots skips, and Lock removes it
// if a kill leaves it: a slot added or rewritten counts only once renamed
// to slots/<id>.json.
func (v *Vault) sealSlotFile(f slotFile, key MasterKey, r age.Recipient, identity string) ([]byte, error) {
	p := slotPayload{Format: slotFormat(f.Kind), VaultID: v.Header.VaultID, Label: f.Label, Key: key[:], Expires: f.Expires, Identity: identity}
	sealed, err := sealPayload(p, r)
	if err != nil {
		return nil, err
	}
	f.Age = sealed
	return encodeCheckedSlotFile(f, key)
}

// removeSlots deletes the files of slots and makes the removal durable.
func (v *Vault) removeSlots(slots []slotFile) error {
	for _, f := range slots {
		if err := os.Remove(v.slotPath(f.ID)); err != nil {
			return fmt.Errorf("removing slot %s: %w", f.ID, err)
		}
	}
	return syncDir(v.slotsDir())
}

// readSlots reads every slot file, sorted as Slots documents. Files it
// cannot read are left out and reported in the error, preferring
// ErrUnknownFormat (the user needs a newer release) to ErrDamagedSlot.
func (v *Vault) readSlots() ([]slotFile, error) {
	entries, err := os.ReadDir(v.slotsDir())
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%w: no slots folder", ErrDamagedSlot)
	}
	if err != nil {
		return nil, fmt.Errorf("reading slots: %w", err)
	}
	var files []slotFile
	var problem error
	for _, e := range entries {
		if !isSlotFileName(e.Name()) {
			continue
		}
		f, err := v.readSlotFile(e.Name())
		if err != nil {
			problem = worseProblem(problem, err)
			continue
		}
		files = append(files, f)
	}
	slices.SortFunc(files, compareSlots)
	return files, problem
}

// readSlotFile reads and checks slots/name.
func (v *Vault) readSlotFile(name string) (slotFile, error) {
	data, err := readSmallFile(filepath.Join(v.slotsDir(), name))
	if err != nil {
		return slotFile{}, fmt.Errorf("%w: %v (in %s)", ErrDamagedSlot, err, name)
	}
	f, err := decodeSlotFile(data)
	if err != nil {
		return slotFile{}, fmt.Errorf("%w (in %s)", err, name)
	}
	if f.ID+".json" != name {
		return slotFile{}, fmt.Errorf("%w: file name does not match slot id (in %s)", ErrDamagedSlot, name)
	}
	return f, nil
}

// isSlotFileName skips what is not a slot file: in particular the
// temporary files of WriteFileAtomic (".msprecords-<random>.tmp", or
// ".<id>.json.123.tmp" from earlier versions), which a crash can leave
// behind holding a complete slot; they are never read as slots, and the
// next Lock removes them.
func isSlotFileName(name string) bool {
	return strings.HasSuffix(name, ".json") && !strings.HasPrefix(name, ".")
}

// worseProblem keeps the first ErrUnknownFormat, else the first error.
func worseProblem(old, new error) error {
	if old == nil || !errors.Is(old, ErrUnknownFormat) && errors.Is(new, ErrUnknownFormat) {
		return new
	}
	return old
}

// compareSlots orders passphrase slots by label, ignoring case first, then
// setup slots the same way, then recovery slots by age; ids break ties so
// the order is always the same.
func compareSlots(a, b slotFile) int {
	if c := kindRank(a.Kind) - kindRank(b.Kind); c != 0 {
		return c
	}
	if c := strings.Compare(strings.ToLower(a.Label), strings.ToLower(b.Label)); c != 0 {
		return c
	}
	if c := strings.Compare(a.Label, b.Label); c != 0 {
		return c
	}
	if c := a.Created.Compare(b.Created); c != 0 {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}

// passphraseSlots returns the passphrase slots of label, or all of them
// when label is "".
func passphraseSlots(files []slotFile, label string) []slotFile {
	var out []slotFile
	for _, f := range files {
		if f.Kind == Passphrase && (label == "" || SameUser(f.Label, label)) {
			out = append(out, f)
		}
	}
	return out
}

// kindRank is where a kind of slot comes in the order of Slots.
func kindRank(kind SlotKind) int {
	switch kind {
	case Passphrase:
		return 0
	case Setup:
		return 1
	}
	return 2
}

// setupSlots returns the setup slots of label, or all of them when label
// is "".
func setupSlots(files []slotFile, label string) []slotFile {
	var out []slotFile
	for _, f := range files {
		if f.Kind == Setup && (label == "" || SameUser(f.Label, label)) {
			out = append(out, f)
		}
	}
	return out
}

func recoverySlots(files []slotFile) []slotFile {
	var out []slotFile
	for _, f := range files {
		if f.Kind == Recovery {
			out = append(out, f)
		}
	}
	return out
}

// now is the creation time written into new slots, and the time a setup
// code's expiry is compared with: UTC, whole seconds, so that it reads as
// plain RFC 3339. In tests it can be moved on (SetTestOnlyClock).
func now() time.Time {
	return time.Now().Add(time.Duration(testOnlyClockShift.Load())).UTC().Truncate(time.Second)
}
