package vaultopen

import (
	"errors"
	"fmt"
	"strings"

	"filippo.io/age"

	"msprecords/crypto"
)

// ErrNoRecipient means a case cannot be sealed to a user yet: their slot
// has no key pair, as they have not unlocked since the vault was brought
// up to date (crypto.Vault.CompleteKeys), or the recovery key's public half
// is not known.
var ErrNoRecipient = errors.New("no public key to seal the case to")

// Restrict restricts the case id to users (names of the vault's users,
// matched ignoring case) and seals it to them and the recovery key. Only a
// lead may (crypto.ErrNotLead).
func (s *Session) Restrict(id string, users []string) error {
	if !s.IsLead() {
		return crypto.ErrNotLead
	}
	names, to, err := s.recipients(users)
	if err != nil {
		return err
	}
	return s.Store.Restrict(id, names, to)
}

// Unrestrict lifts a case's restriction. Only a lead may.
func (s *Session) Unrestrict(id string) error {
	if !s.IsLead() {
		return crypto.ErrNotLead
	}
	return s.Store.Unrestrict(id)
}

// recipients returns the users named, as the vault spells them, and the
// age recipients of them and of the recovery key.
func (s *Session) recipients(users []string) ([]string, []age.Recipient, error) {
	all, err := s.Vault.Recipients()
	if err != nil {
		return nil, nil, err
	}
	var names []string
	var to []age.Recipient
	for _, want := range users {
		r, ok := findUser(all, want)
		if !ok {
			return nil, nil, fmt.Errorf("%w: %q", crypto.ErrNoSuchUser, strings.TrimSpace(want))
		}
		if r.Recipient == "" {
			return nil, nil, fmt.Errorf("%w: %s has not unlocked the vault since it was brought up to date; ask them to unlock it once", ErrNoRecipient, r.Label)
		}
		pub, err := age.ParseX25519Recipient(r.Recipient)
		if err != nil {
			return nil, nil, fmt.Errorf("%w: %s's public key: %v", crypto.ErrDamagedSlot, r.Label, err)
		}
		names, to = append(names, r.Label), append(to, pub)
	}
	recovery, err := s.recoveryRecipient()
	if err != nil {
		return nil, nil, err
	}
	return names, append(to, recovery), nil
}

func findUser(all []crypto.Recipient, name string) (crypto.Recipient, bool) {
	for _, r := range all {
		if crypto.SameUser(r.Label, name) {
			return r, true
		}
	}
	return crypto.Recipient{}, false
}

// recoveryRecipient is the public half of the recovery key, so that a
// restricted case can always be opened with it.
func (s *Session) recoveryRecipient() (age.Recipient, error) {
	slots, err := s.Vault.Slots()
	if err != nil {
		return nil, err
	}
	for _, sl := range slots {
		if sl.Kind == crypto.Recovery && sl.Recipient != "" {
			return age.ParseX25519Recipient(sl.Recipient)
		}
	}
	return nil, fmt.Errorf("%w: the recovery key's is not known yet (the vault was made by an earlier version): "+
		"replace the recovery key in Settings, or unlock once with it, before restricting a case", ErrNoRecipient)
}
