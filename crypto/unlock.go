package crypto

import (
	"errors"
	"fmt"
	"strings"

	"filippo.io/age"
)

// Unlock opens the passphrase slot of label with passphrase, or, when label
// is "", tries every passphrase slot in turn. It returns the master key,
// the label of the slot that opened, the user's role and key pair.
//
// When nothing opens, the error says why, most telling first:
// ErrForeignSlot if the passphrase opened a slot of another vault,
// ErrUnknownFormat if it opened a slot from a newer release,
// ErrWrongPassphrase if it opened nothing, ErrDamagedSlot if the only
// candidates were damaged, and ErrNoSuchUser if no slot carries label.
//
// Each slot tried costs a full scrypt (about a second at the default work
// factor), so give the label when it is known.
func (v *Vault) Unlock(label, passphrase string) (Unlocked, error) {
	files, problem := v.readSlots()
	candidates := passphraseSlots(files, strings.TrimSpace(label))
	if len(candidates) == 0 {
		return Unlocked{}, noCandidate(problem, ErrNoSuchUser)
	}
	id, ok := newScryptIdentity(passphrase)
	if !ok {
		return Unlocked{}, ErrWrongPassphrase
	}
	f, p, err := v.openAny(candidates, id, ErrWrongPassphrase)
	if err != nil {
		return Unlocked{}, err
	}
	pair, err := p.identity(f)
	if err != nil {
		return Unlocked{}, err
	}
	u := Unlocked{Key: p.key(), Label: f.Label, Role: roleIn(files, f), Identity: pair}
	if err := v.openKeyCopies(f, pair, &u); err != nil {
		u.Zero()
		return Unlocked{}, err
	}
	return u, nil
}

// UnlockWithRecoveryKey opens a recovery slot with the recovery key Create
// or ReplaceRecoveryKey returned. Spaces, line breaks and letter case in
// the key do not matter, so a key typed back from paper works. Whoever
// holds the recovery key can do what a lead does, so the role is Lead and
// the identity the recovery key's own.
func (v *Vault) UnlockWithRecoveryKey(recoveryKey string) (Unlocked, error) {
	files, problem := v.readSlots()
	candidates := recoverySlots(files)
	if len(candidates) == 0 {
		return Unlocked{}, noCandidate(problem, fmt.Errorf("%w: no recovery slot", ErrDamagedSlot))
	}
	id, err := parseRecoveryKey(recoveryKey)
	if err != nil {
		return Unlocked{}, err
	}
	f, p, err := v.openAny(candidates, id, ErrWrongRecoveryKey)
	if err != nil {
		return Unlocked{}, err
	}
	if f.Recipient != "" && f.Recipient != id.Recipient().String() {
		return Unlocked{}, fmt.Errorf("%w: public key does not match the recovery key (slot %s)", ErrDamagedSlot, f.ID)
	}
	u := Unlocked{Key: p.key(), Role: Lead, Identity: id}
	if err := v.openKeyCopies(f, id, &u); err != nil {
		u.Zero()
		return Unlocked{}, err
	}
	return u, nil
}

// noCandidate is the error when there is no slot to try: a slot that could
// not be read may be the one wanted, so its problem comes first.
func noCandidate(problem, otherwise error) error {
	if problem != nil {
		return problem
	}
	return otherwise
}

// parseRecoveryKey reads a recovery key, forgiving what copying it by hand
// does to it. The error never quotes the key: it could end up in a log.
func parseRecoveryKey(s string) (*age.X25519Identity, error) {
	s = strings.ToUpper(strings.Join(strings.Fields(s), ""))
	id, err := age.ParseX25519Identity(s)
	if err != nil {
		return nil, fmt.Errorf("%w: not a recovery key", ErrWrongRecoveryKey)
	}
	return id, nil
}

// openAny tries id on each candidate slot and returns the first that opens.
// Otherwise it returns the most telling failure (see Unlock), with errNoMatch
// reported as wrong.
func (v *Vault) openAny(candidates []slotFile, id age.Identity, wrong error) (slotFile, slotPayload, error) {
	var worst error
	for _, f := range candidates {
		p, err := v.openSlot(f, id)
		if err == nil {
			return f, p, nil
		}
		if worst == nil || failureRank(err) > failureRank(worst) {
			worst = err
		}
	}
	if errors.Is(worst, errNoMatch) {
		return slotFile{}, slotPayload{}, wrong
	}
	return slotFile{}, slotPayload{}, worst
}

// failureRank orders the ways a slot fails to open by how much they tell
// the user. A slot that decrypted but was refused proves the passphrase
// right, which beats "wrong passphrase"; a wrong passphrase beats damage,
// because one damaged slot should not hide that the passphrase was mistyped.
func failureRank(err error) int {
	switch {
	case errors.Is(err, ErrForeignSlot):
		return 3
	case errors.Is(err, ErrUnknownFormat):
		return 2
	case errors.Is(err, errNoMatch):
		return 1
	}
	return 0
}

// openSlot decrypts f with id and checks that the payload belongs to this
// vault and to the slot's label.
func (v *Vault) openSlot(f slotFile, id age.Identity) (slotPayload, error) {
	p, err := openPayload(f.Age, id)
	if err != nil {
		return slotPayload{}, fmt.Errorf("%w (slot %s)", err, f.ID)
	}
	if p.VaultID != v.Header.VaultID {
		return slotPayload{}, fmt.Errorf("%w: sealed for vault %s (slot %s)", ErrForeignSlot, p.VaultID, f.ID)
	}
	if p.Label != f.Label {
		return slotPayload{}, fmt.Errorf("%w: label does not match its sealed copy (slot %s)", ErrDamagedSlot, f.ID)
	}
	if p.Format != f.Format || !p.Expires.Equal(f.Expires) {
		return slotPayload{}, fmt.Errorf("%w: format or expiry does not match its sealed copy (slot %s)", ErrDamagedSlot, f.ID)
	}
	return p, nil
}
