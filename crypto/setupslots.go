package crypto

import (
	"errors"
	"fmt"
	"time"
)

// This file adds colleagues by setup code. The lead, with the master key
// unlocked, makes a setup slot for the colleague's name: the master key
// sealed with age's scrypt recipient keyed by a fresh setup code, exactly
// as a passphrase slot is sealed with a passphrase. The colleague types the
// code once, at the unlock screen or with 'msprecords passwd --setup-code',
// with the passphrase they choose; that opens the setup slot, writes their
// passphrase slot and removes the setup slot. Nobody but the colleague ever
// knows their passphrase.
//
// The claim writes the passphrase slot before it removes the setup slot,
// so a crash between leaves a passphrase slot that works and a spare setup
// slot, never a colleague locked out. A setup slot beside a passphrase slot
// of the same name is such a spare: it is not listed as waiting, and the
// next claim, AddSlot, AddSetupSlot or RemoveSpareSetups takes it away.

// SetupCodeLife is how long a setup code works after it is made.
const SetupCodeLife = 7 * 24 * time.Hour

// WaitingSetup is a colleague whose setup code has not been used yet.
type WaitingSetup struct {
	Label   string
	Expires time.Time
}

// Expired reports whether the code can no longer be used.
func (w WaitingSetup) Expired() bool { return !now().Before(w.Expires) }

// AddSetupSlot makes a setup code for the colleague label, sealing key
// (which the caller got from Unlock) with it. It returns the code, to show
// once, and when it expires. A code made before for the same name stops
// working; a name that already has a passphrase is refused with
// ErrSlotExists.
func (v *Vault) AddSetupSlot(key MasterKey, label string, role Role) (code string, expires time.Time, err error) {
	if role != Lead && role != Practitioner {
		return "", time.Time{}, fmt.Errorf("%w: %.20q", ErrUnknownRole, role)
	}
	if code, err = newSetupCode(); err != nil {
		return "", time.Time{}, err
	}
	if label, err = v.checkSeal(key, label, code); err != nil {
		return "", time.Time{}, err
	}
	files, _ := v.readSlots()
	if len(passphraseSlots(files, label)) > 0 {
		return "", time.Time{}, fmt.Errorf("%w: %s already has a passphrase, so needs no setup code", ErrSlotExists, label)
	}
	created := now()
	expires = created.Add(SetupCodeLife)
	if err := v.writeNewSetupSlot(key, slotFile{Kind: Setup, Label: label, Created: created, Expires: expires, Role: role}, code); err != nil {
		return "", time.Time{}, err
	}
	return code, expires, v.removeSlots(setupSlots(files, label))
}

// writeNewSetupSlot seals key with code in a new setup slot file, f
// with a new id.
func (v *Vault) writeNewSetupSlot(key MasterKey, f slotFile, code string) error {
	id, err := newID()
	if err != nil {
		return err
	}
	r, err := v.scryptRecipient(code)
	if err != nil {
		return err
	}
	f.ID = id
	data, err := v.sealSlotFile(f, key, r, "")
	if err != nil {
		return err
	}
	return WriteFileAtomic(v.slotPath(id), data, 0o600)
}

// WaitingSetups lists the colleagues with a setup code not yet used,
// expired ones included (the lead may want to make a new one), sorted by
// name, with the same treatment of unreadable slots as Slots. The unlock
// screen offers these names to whoever has a setup code.
func (v *Vault) WaitingSetups() ([]WaitingSetup, error) {
	files, problem := v.readSlots()
	var waiting []WaitingSetup
	for _, f := range waitingSetupSlots(files, "") {
		waiting = append(waiting, WaitingSetup{Label: f.Label, Expires: f.Expires})
	}
	return waiting, problem
}

// waitingSetupSlots returns the setup slots of label (all when label is
// "") whose colleague has no passphrase slot yet.
func waitingSetupSlots(files []slotFile, label string) []slotFile {
	var out []slotFile
	for _, f := range setupSlots(files, label) {
		if len(passphraseSlots(files, f.Label)) == 0 {
			out = append(out, f)
		}
	}
	return out
}

// ClaimSetupCode is the colleague's first unlock: code opens label's setup
// slot, newPassphrase is sealed in a new passphrase slot for label, and the
// setup slot is removed, in that order. It returns the master key, which
// the caller must zero when done with it, with the colleague's role and
// new key pair.
//
// Errors: ErrWrongSetupCode for a code that is malformed or does not open
// the slot; ErrSetupCodeExpired for a code past its expiry;
// ErrSetupCodeUsed if label already has a passphrase; ErrNoSuchUser if no
// setup code is waiting for label.
func (v *Vault) ClaimSetupCode(label, code, newPassphrase string) (Unlocked, error) {
	code, err := ParseSetupCode(code)
	if err != nil {
		return Unlocked{}, err
	}
	if label, err = checkNewSlot(label, newPassphrase, v.WorkFactor); err != nil {
		return Unlocked{}, err
	}
	files, problem := v.readSlots()
	f, key, err := v.openSetupSlot(files, problem, label, code)
	if err != nil {
		return Unlocked{}, err
	}
	if len(passphraseSlots(files, label)) > 0 {
		// A spare left by a claim that stopped halfway: the passphrase
		// chosen then is the one that works.
		_, err := v.RemoveSpareSetups(key)
		clear(key[:])
		return Unlocked{}, errors.Join(ErrSetupCodeUsed, err)
	}
	pair, err := v.writeNewPassphraseSlot(key, f.Label, newPassphrase, setupRole(f))
	if err != nil {
		clear(key[:])
		return Unlocked{}, err
	}
	// The claim has worked once the passphrase slot is written: a setup
	// slot that cannot be removed now is a spare, which the next claim or
	// verify (RemoveSpareSetups) removes.
	v.removeSlots(setupSlots(files, label))
	return Unlocked{Key: key, Label: f.Label, Role: setupRole(f), Identity: pair}, nil
}

// openSetupSlot opens label's setup slot with code, refusing an expired
// one before any scrypt work.
func (v *Vault) openSetupSlot(files []slotFile, problem error, label, code string) (slotFile, MasterKey, error) {
	setups := setupSlots(files, label)
	if len(setups) == 0 {
		if len(passphraseSlots(files, label)) > 0 {
			return slotFile{}, MasterKey{}, ErrSetupCodeUsed
		}
		return slotFile{}, MasterKey{}, noCandidate(problem, ErrNoSuchUser)
	}
	var live []slotFile
	for _, f := range setups {
		if !f.slot().Expired() {
			live = append(live, f)
		}
	}
	if len(live) == 0 {
		return slotFile{}, MasterKey{}, fmt.Errorf("%w: %s's code expired on %s", ErrSetupCodeExpired, label, setups[0].Expires.Format(time.DateOnly))
	}
	id, ok := newScryptIdentity(code)
	if !ok {
		return slotFile{}, MasterKey{}, ErrWrongSetupCode
	}
	f, p, err := v.openAny(live, id, ErrWrongSetupCode)
	return f, p.key(), err
}

// RemoveSpareSetups removes the setup slots left beside a passphrase slot
// of the same name by a claim that stopped halfway, and returns their
// names. It leaves a spare whose passphrase slot does not prove sound with
// key (see VerifySlots), as the code may then be the colleague's only way
// in.
func (v *Vault) RemoveSpareSetups(key MasterKey) ([]string, error) {
	if key.isZero() {
		return nil, errZeroKey
	}
	files, _ := v.readSlots()
	var spare []slotFile
	var names []string
	for _, f := range setupSlots(files, "") {
		if soundPassphraseSlot(files, f.Label, key) {
			spare = append(spare, f)
			names = append(names, f.Label)
		}
	}
	if err := v.removeSlots(spare); err != nil {
		return nil, err
	}
	return names, nil
}

// soundPassphraseSlot reports whether label has a passphrase slot whose
// check value matches.
func soundPassphraseSlot(files []slotFile, label string, key MasterKey) bool {
	for _, f := range passphraseSlots(files, label) {
		if verifySlotFile(f, key) == nil {
			return true
		}
	}
	return false
}

// setupRole is the role the lead chose for the colleague, or practitioner
// for a setup slot made before roles.
func setupRole(f slotFile) Role {
	if f.Role == "" {
		return Practitioner
	}
	return f.Role
}
