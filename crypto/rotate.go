package crypto

import (
	"crypto/hkdf"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"

	"filippo.io/age"
)

// Changing the master key, when a user leaves.
//
// Everyone who could unlock held the master key, so a user removed could
// still open the database with it. Removing a user therefore gives the
// vault a new master key. Badger's key registry is re-encrypted under it
// (the store's half, store.RotateKey), and every remaining slot must carry
// it. Nobody but its user knows a passphrase, so a passphrase slot's
// payload cannot be sealed again by the lead who removes someone: the new
// key goes into the slot beside it, sealed with age to the user's own
// public key (the slot's Recipient), whose secret half is in the payload.
// A recovery slot is sealed to the recovery key's public half, so it is
// simply sealed again.
//
// The change is made so that a crash at any point leaves a vault that
// opens with the old key or with the new one:
//
//  1. PrepareKeyChange seals the new key, as Next, into every slot that
//     can take it; the database still opens with the old key.
//  2. The store re-encrypts its key registry under the new key, in one
//     rename (store.RotateKey).
//  3. FinishKeyChange makes Next each slot's Current and drops Next.
//
// Unlock returns both keys while a change is under way (Unlocked.Next),
// and vaultopen finishes the change, from whichever step it stopped at,
// the next time anyone unlocks.
//
// Slots that cannot take the new key are left behind by FinishKeyChange:
// a user who has not unlocked since key pairs came in (no Recipient), and
// a setup code still waiting. FinishKeyChange removes them and names them,
// so that a lead can give each a new setup code.

// ErrKeyChanged means a user's slot holds only a master key the vault no
// longer opens with: the vault's key changed and their slot was left
// behind. A lead can give them a setup code.
var ErrKeyChanged = errors.New("the vault's key has changed since this slot was written")

// validKeyCopies checks the shape of a slot's sealed key copies.
func validKeyCopies(f slotFile) error {
	switch {
	case (f.Next == "") != (f.NextID == ""):
		return errors.New("a next key copy without its id, or an id without it")
	case f.Current == "" && f.Next == "":
		return nil
	case f.Recipient == "" || f.Kind == Setup:
		return errors.New("a sealed key copy without a public key to open it")
	case f.Kind == Recovery && f.Current != "":
		return errors.New("recovery slot with a current key copy")
	}
	return nil
}

// openKeyCopies sets u.Key from f's Current, if any, and u.Next from its
// Next, opening each with id, the key pair of f's user (or the recovery
// key).
func (v *Vault) openKeyCopies(f slotFile, id *age.X25519Identity, u *Unlocked) error {
	if f.Current != "" {
		k, err := v.openKeyCopy(f, f.Current, id)
		if err != nil {
			return err
		}
		u.Key = k
	}
	if f.Next != "" {
		k, err := v.openKeyCopy(f, f.Next, id)
		if err != nil {
			return err
		}
		u.Next = k
	}
	return nil
}

// openKeyCopy opens one sealed key copy of f.
func (v *Vault) openKeyCopy(f slotFile, sealed string, id *age.X25519Identity) (MasterKey, error) {
	if id == nil {
		return MasterKey{}, fmt.Errorf("%w: a sealed key copy but no key pair (slot %s)", ErrDamagedSlot, f.ID)
	}
	g := f
	g.Age = sealed
	p, err := v.openSlot(g, id)
	if errors.Is(err, errNoMatch) {
		return MasterKey{}, fmt.Errorf("%w: key copy not sealed to the slot's key pair (slot %s)", ErrDamagedSlot, f.ID)
	}
	if err != nil {
		return MasterKey{}, err
	}
	return p.key(), nil
}

// sealKeyCopy seals key for f's Recipient.
func (v *Vault) sealKeyCopy(f slotFile, key MasterKey) (string, error) {
	r, err := age.ParseX25519Recipient(f.Recipient)
	if err != nil {
		return "", fmt.Errorf("%w: public key (slot %s): %v", ErrDamagedSlot, f.ID, err)
	}
	return sealPayload(slotPayload{Format: slotFormat(f.Kind), VaultID: v.Header.VaultID, Label: f.Label, Key: key[:]}, r)
}

// KeyChangeState says whether a change of the master key was begun and
// not finished (some slot still carries a Next key), and if so whether key
// is the one it moves to: the key of a user whose slot the change has
// already reached, which the database opens with.
func (v *Vault) KeyChangeState(key MasterKey) (pending, isNext bool) {
	files, _ := v.readSlots()
	for _, f := range files {
		if f.Next != "" {
			return true, f.NextID == keyID(key)
		}
	}
	return false, false
}

// keyID names a master key without giving it away: the first 16 bytes of
// HKDF-SHA256(key, no salt, "msprecords key id v1"), in hex.
func keyID(key MasterKey) string {
	k, err := hkdf.Key(sha256.New, key[:], nil, "msprecords key id v1", 16)
	if err != nil {
		panic(err) // cannot happen: 16 bytes is far below HKDF's limit
	}
	return hex.EncodeToString(k)
}

// NeedsNewRecoveryKey reports whether the recovery slot's public half is
// unknown (a vault made before key pairs, whose recovery key has not been
// used since), so that a new master key could not be sealed to it: the
// caller replaces the recovery key first (ReplaceRecoveryKey).
func (v *Vault) NeedsNewRecoveryKey() bool {
	files, _ := v.readSlots()
	for _, f := range recoverySlots(files) {
		if f.Recipient == "" {
			return true
		}
	}
	return false
}

// PrepareKeyChange seals next, as Next, into every passphrase slot with a
// key pair and every recovery slot, except those that have it already (a
// change resumed after a crash). key is the master key the database opens
// with now: it keys the slots' check values until the change finishes.
// Each slot is replaced atomically, so a crash leaves some slots prepared
// and the rest as they were, and the database opening with key.
func (v *Vault) PrepareKeyChange(key, next MasterKey) error {
	if key.isZero() || next.isZero() {
		return errZeroKey
	}
	files, problem := v.readSlots()
	if problem != nil {
		return fmt.Errorf("the vault's key cannot be changed while a key slot is unreadable: %w", problem)
	}
	for _, f := range files {
		if f.Kind == Setup || f.Recipient == "" {
			if f.Kind == Recovery {
				return fmt.Errorf("%w: the recovery key's public half is not known; replace the recovery key first", ErrDamagedSlot)
			}
			continue
		}
		if f.Next != "" {
			continue
		}
		sealed, err := v.sealKeyCopy(f, next)
		if err != nil {
			return err
		}
		f.Next, f.NextID = sealed, keyID(next)
		if err := v.rewriteClear(f, key); err != nil {
			return err
		}
	}
	return nil
}

// LeftBehind is a user, or a waiting colleague, whose slot could not take
// the new master key and was removed by FinishKeyChange: a lead gives them
// a new setup code.
type LeftBehind struct {
	Label string
	Role  Role
	// Waiting: their setup code was not yet used (else they had not
	// unlocked since the vault was brought up to date).
	Waiting bool
}

// FinishKeyChange ends a change of the master key once the database opens
// with next: every slot carrying Next takes it as its key (a passphrase
// slot's Current; a recovery slot is sealed again), with a check value
// for next, once the slots that could not take it are removed and named.
// Each step is one atomic replacement or removal, so it can be run again
// after a crash, and does nothing once the change has finished.
func (v *Vault) FinishKeyChange(next MasterKey) ([]LeftBehind, error) {
	if next.isZero() {
		return nil, errZeroKey
	}
	files, problem := v.readSlots()
	if problem != nil {
		return nil, fmt.Errorf("the vault's key change cannot be finished while a key slot is unreadable: %w", problem)
	}
	if !anyNext(files) {
		return nil, nil
	}
	// The slots left behind go first, so that a crash part way leaves Next
	// in some slot, and the change is finished again at the next unlock.
	left, err := v.removeLeftBehind(files)
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		if f.Next == "" {
			continue
		}
		if err := v.takeNext(f, next); err != nil {
			return nil, err
		}
	}
	return left, nil
}

func anyNext(files []slotFile) bool {
	for _, f := range files {
		if f.Next != "" {
			return true
		}
	}
	return false
}

// takeNext makes next the key of f, which carries it as Next.
func (v *Vault) takeNext(f slotFile, next MasterKey) error {
	if f.Kind == Recovery {
		r, err := age.ParseX25519Recipient(f.Recipient)
		if err != nil {
			return fmt.Errorf("%w: public key (slot %s): %v", ErrDamagedSlot, f.ID, err)
		}
		f.Next, f.NextID = "", ""
		data, err := v.sealSlotFile(f, next, r, "")
		if err != nil {
			return err
		}
		return WriteFileAtomic(v.slotPath(f.ID), data, 0o600)
	}
	f.Current, f.Next, f.NextID = f.Next, "", ""
	return v.rewriteClear(f, next)
}

// removeLeftBehind removes the passphrase slots without a key pair and the
// setup slots among files (read before the change finished), and names them.
func (v *Vault) removeLeftBehind(files []slotFile) ([]LeftBehind, error) {
	var doomed []slotFile
	var left []LeftBehind
	for _, f := range files {
		switch {
		case f.Kind == Passphrase && f.Recipient == "":
			left = append(left, LeftBehind{Label: f.Label, Role: roleIn(files, f)})
		case f.Kind == Setup && !f.slot().Expired():
			left = append(left, LeftBehind{Label: f.Label, Role: setupRole(f), Waiting: true})
		case f.Kind != Setup:
			continue
		}
		doomed = append(doomed, f)
	}
	return left, v.removeSlots(doomed)
}
