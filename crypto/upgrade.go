package crypto

import (
	"errors"
	"fmt"
)

// A vault made before roles and key pairs (vault.json format 1) is brought
// up to date by its lead: the first time a lead, or whoever holds the
// recovery key, unlocks it. Its first user (the earliest passphrase slot,
// who made it) is its lead, the others practitioners. The other users'
// key pairs cannot be made then, as each is sealed with its owner's
// passphrase: each user gets theirs the next time they unlock
// (CompleteKeys), and until then no case can be restricted to them.
//
// The steps go in an order a crash cannot spoil: every slot's role is
// written first (releases before roles ignore the field), then the lead's
// key pair, and vault.json's new format last. Until that last write the
// vault is still format 1, and the next unlock by the lead does it all
// again.

// ErrUpgradeByLead means a practitioner unlocked a vault made before
// roles, which only its lead may bring up to date.
var ErrUpgradeByLead = errors.New("the vault must first be opened by its safeguarding lead")

// NeedsUpgrade reports whether the vault was made before roles.
func (v *Vault) NeedsUpgrade() bool { return v.Header.Format < HeaderFormat }

// FirstUser names the lead of a vault made before roles: its earliest
// user.
func (v *Vault) FirstUser() (string, error) {
	files, problem := v.readSlots()
	f, ok := firstUser(files)
	if !ok {
		return "", noCandidate(problem, ErrNoSuchUser)
	}
	return f.Label, nil
}

// Upgrade brings a vault made before roles up to date for u, who has just
// unlocked it with passphrase (or with the recovery key, passphrase "").
// It refuses a practitioner with ErrUpgradeByLead, and a vault with a slot
// it cannot read (so that no user is left without a role): 'msprecords
// verify' says which.
func (v *Vault) Upgrade(u *Unlocked, passphrase string) error {
	if !v.NeedsUpgrade() {
		return nil
	}
	if u.Role != Lead {
		return ErrUpgradeByLead
	}
	files, problem := v.readSlots()
	if problem != nil {
		return fmt.Errorf("the vault's key slots must all be readable to bring it up to date: %w", problem)
	}
	for _, f := range passphraseSlots(files, "") {
		if f.Role == "" {
			f.Role = roleIn(files, f)
			if err := v.rewriteClear(f, u.Key); err != nil {
				return err
			}
		}
	}
	if err := v.CompleteKeys(u, passphrase); err != nil {
		return err
	}
	h := v.Header
	h.Format = HeaderFormat
	old := v.Header
	v.Header = h
	if err := v.writeHeader(); err != nil {
		v.Header = old
		return err
	}
	return nil
}

// CompleteKeys gives u a key pair if their slot has none (GiveIdentity),
// or, for the recovery key, writes its public half in clear into the
// recovery slots it opens, so that restricted cases can be sealed to it: a
// vault made before key pairs does not know it until the recovery key is
// used or replaced.
func (v *Vault) CompleteKeys(u *Unlocked, passphrase string) error {
	if u.Label != "" {
		return v.GiveIdentity(u, passphrase)
	}
	files, _ := v.readSlots()
	for _, f := range recoverySlots(files) {
		if f.Recipient != "" {
			continue
		}
		if _, err := v.openSlot(f, u.Identity); err != nil {
			continue // sealed to another recovery key: one being replaced
		}
		f.Recipient = u.Identity.Recipient().String()
		if err := v.rewriteClear(f, u.Key); err != nil {
			return err
		}
	}
	return nil
}

// GiveIdentity makes a key pair for a user whose slot was written before
// key pairs, sealing it in their slot with passphrase (the one they just
// unlocked with: a second scrypt, once), and sets u.Identity. It does
// nothing for a user who has one, or for the recovery key.
func (v *Vault) GiveIdentity(u *Unlocked, passphrase string) error {
	if u.Identity != nil || u.Label == "" {
		return nil
	}
	files, problem := v.readSlots()
	found := passphraseSlots(files, u.Label)
	if len(found) == 0 {
		return noCandidate(problem, ErrNoSuchUser)
	}
	pair, err := newIdentity()
	if err != nil {
		return err
	}
	f := found[0]
	f.Role = roleIn(files, f)
	if err := v.writePassphraseSlot(f, u.Key, passphrase, pair); err != nil {
		return err
	}
	u.Identity, u.Role = pair, f.Role
	return nil
}
