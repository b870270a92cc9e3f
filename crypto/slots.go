package crypto

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"filippo.io/age"
)

// errZeroKey guards the methods that seal a caller's key: a zero key is a
// caller that forgot to unlock, and sealing it would lock users out.
var errZeroKey = errors.New("refusing to seal the zero master key")

// Slots lists the vault's key slots from their plaintext parts: passphrase
// slots by label, then recovery slots.
//
// A slot file that cannot be read does not hide the others: Slots returns
// every slot it could read together with an error wrapping ErrDamagedSlot,
// or ErrUnknownFormat if a slot comes from a newer release.
func (v *Vault) Slots() ([]Slot, error) {
	files, problem := v.readSlots()
	slots := make([]Slot, len(files))
	for i, f := range files {
		slots[i] = f.slot()
		switch f.Kind {
		case Passphrase:
			slots[i].Role = roleIn(files, f)
		case Setup:
			slots[i].Role = setupRole(f)
		}
	}
	return slots, problem
}

// Users returns the labels of the passphrase slots, sorted, with the same
// treatment of unreadable slots as Slots. A colleague whose setup code is
// waiting is not a user yet (see WaitingSetups).
func (v *Vault) Users() ([]string, error) {
	files, problem := v.readSlots()
	var users []string
	for _, f := range passphraseSlots(files, "") {
		users = append(users, f.Label)
	}
	return users, problem
}

// AddSlot adds a passphrase slot for a new user of role, with a key pair
// of their own, sealing key (which the caller got from Unlock) with
// passphrase. It returns ErrSlotExists if a
// passphrase slot already carries label, ignoring case. A setup code
// waiting for label stops working: the user has their passphrase now.
func (v *Vault) AddSlot(key MasterKey, label, passphrase string, role Role) error {
	label, err := v.checkSeal(key, label, passphrase)
	if err != nil {
		return err
	}
	if role != Lead && role != Practitioner {
		return fmt.Errorf("%w: %.20q", ErrUnknownRole, role)
	}
	files, _ := v.readSlots()
	if len(passphraseSlots(files, label)) > 0 {
		return ErrSlotExists
	}
	if _, err := v.writeNewPassphraseSlot(key, label, passphrase, role); err != nil {
		return err
	}
	return v.removeSlots(setupSlots(files, label))
}

// RemoveSlot removes the passphrase slot of label, and any setup slot of
// label (so it also takes back a setup code not yet used). It refuses with
// ErrLastSlot to remove the last passphrase slot, which would leave only
// the recovery key to open the vault.
func (v *Vault) RemoveSlot(label string) error {
	if strings.TrimSpace(label) == "" {
		return ErrNoSuchUser
	}
	files, _ := v.readSlots()
	doomed := passphraseSlots(files, label)
	setups := setupSlots(files, label)
	if len(doomed) == 0 && len(setups) == 0 {
		return ErrNoSuchUser
	}
	if len(doomed) > 0 && len(passphraseSlots(files, "")) <= len(doomed) {
		return ErrLastSlot
	}
	if len(doomed) > 0 && roleIn(files, doomed[0]) == Lead && len(leadsIn(files)) <= 1 {
		return ErrLastLead
	}
	return v.removeSlots(append(doomed, setups...))
}

// ChangePassphrase reseals key in label's slot with a new passphrase, with
// the user's key pair pair (from Unlock), or a new one when pair is nil (a
// forgotten passphrase set again with the recovery key: the old pair is
// sealed with the passphrase nobody remembers). The slot keeps its id and
// role and is replaced atomically, so a crash leaves either the old
// passphrase or the new one working; the database is not touched.
func (v *Vault) ChangePassphrase(key MasterKey, label, newPassphrase string, pair *age.X25519Identity) error {
	label, err := v.checkSeal(key, label, newPassphrase)
	if err != nil {
		return err
	}
	files, _ := v.readSlots()
	found := passphraseSlots(files, label)
	if len(found) == 0 {
		return ErrNoSuchUser
	}
	f := found[0]
	f.Role = roleIn(files, f)
	if pair == nil {
		if pair, err = newIdentity(); err != nil {
			return err
		}
	}
	return v.writePassphraseSlot(f, key, newPassphrase, pair)
}

// ReplaceRecoveryKey makes a new recovery key for key and removes the old
// recovery slots, so the old recovery key stops working. The new slot is
// written before the old ones go, so there is never a moment without one.
// It is also the way out when the recovery slot is damaged: unreadable
// files are left alone, and the new slot works regardless.
func (v *Vault) ReplaceRecoveryKey(key MasterKey) (string, error) {
	if key.isZero() {
		return "", errZeroKey
	}
	files, _ := v.readSlots()
	recovery, id, err := v.writeNewRecoverySlot(key)
	if err != nil {
		return "", err
	}
	if err := v.removeSlots(recoverySlots(files)); err != nil {
		// The old key may still work; take the new slot away again so
		// that no slot is left that nobody holds the key to.
		os.Remove(v.slotPath(id))
		return "", err
	}
	return recovery, nil
}

// checkSeal checks the arguments of a method that seals key.
func (v *Vault) checkSeal(key MasterKey, label, passphrase string) (string, error) {
	if key.isZero() {
		return "", errZeroKey
	}
	return checkNewSlot(label, passphrase, v.WorkFactor)
}

// checkNewSlot checks the arguments for a new passphrase slot and returns
// the cleaned label.
func checkNewSlot(label, passphrase string, workFactor int) (string, error) {
	label, err := cleanLabel(label)
	if err != nil {
		return "", err
	}
	if passphrase == "" {
		return "", ErrEmptyPassphrase
	}
	if _, err := resolveWorkFactor(workFactor); err != nil {
		return "", err
	}
	return label, nil
}
