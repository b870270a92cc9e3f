package crypto

import (
	"errors"
	"fmt"
	"strings"

	"filippo.io/age"
)

// Every user of a vault has a role, and every user a key pair of their own.
//
// The role is kept in clear in the user's slot file, under its check value
// (slotcheck.go), so the unlock screen and 'slots list' can show it. Roles
// are enforced by the program, not by keys: whoever can unlock holds the
// master key, and with it could rewrite a slot's role. What keys enforce is
// restricted cases (casekey.go), sealed to the X25519 key pairs kept here:
// the secret half inside the user's own sealed payload, beside the master
// key, the public half (the recipient) in clear, so that a lead can seal a
// case to a colleague without their passphrase.

// Role is what a user may do beyond reading and writing cases.
type Role string

const (
	// Lead is a safeguarding lead: adds and removes users, changes roles,
	// restricts cases, signs off and sees the whole audit trail.
	Lead Role = "lead"

	// Practitioner records cases.
	Practitioner Role = "practitioner"
)

// Roles lists the roles, leads first.
func Roles() []Role { return []Role{Lead, Practitioner} }

// ParseRole reads a role as typed on the command line: "lead" or
// "practitioner", in any case; "safeguarding lead" is taken too.
func ParseRole(s string) (Role, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "lead", "safeguarding lead":
		return Lead, nil
	case "practitioner":
		return Practitioner, nil
	}
	return "", fmt.Errorf("%w: %.40q (say lead or practitioner)", ErrUnknownRole, s)
}

// String is the role as people read it.
func (r Role) String() string {
	if r == Lead {
		return "safeguarding lead"
	}
	return string(r)
}

var (
	// ErrUnknownRole means a role other than lead or practitioner.
	ErrUnknownRole = errors.New("unknown role")

	// ErrLastLead means a change would leave the vault with no lead.
	ErrLastLead = errors.New("the vault must keep at least one safeguarding lead")

	// ErrNotLead means a user who is not a lead asked for what only a lead
	// may do. The program refuses it (see above: roles are not keys).
	ErrNotLead = errors.New("only a safeguarding lead may do this")
)

// validRole checks a role read from a slot file: empty in a slot written
// before roles (a vault not yet upgraded, see upgrade.go), else one of Roles.
func validRole(kind SlotKind, r Role) error {
	switch {
	case r == "":
		return nil
	case kind == Recovery:
		return errors.New("recovery slot with a role")
	case r == Lead || r == Practitioner:
		return nil
	}
	return fmt.Errorf("unknown role %.20q", r)
}

// validRecipient checks the public key in clear in a slot file, if any.
func validRecipient(kind SlotKind, s string) error {
	if s == "" {
		return nil
	}
	if kind == Setup {
		return errors.New("setup slot with a key pair")
	}
	if _, err := age.ParseX25519Recipient(s); err != nil {
		return errors.New("recipient is not an age X25519 public key")
	}
	return nil
}

// Unlocked is what opening a slot gives: the master key, and for a user's
// passphrase slot who they are. The caller must zero Key when done (or
// give it to the store).
type Unlocked struct {
	Key   MasterKey
	Label string // "" when the recovery key opened the vault
	Role  Role   // Lead for the recovery key, which can do what a lead does

	// Identity is the user's X25519 key pair, or the recovery key's; nil for
	// a user whose slot was written before key pairs, until GiveIdentity.
	Identity *age.X25519Identity

	// Next is the master key a change of the vault's key (rotate.go) is
	// moving to, while one is under way; zero otherwise.
	Next MasterKey
}

// Changing reports whether u was opened while the vault's key was being
// changed: the database opens with Key or with Next (see
// vaultopen's resume).
func (u Unlocked) Changing() bool { return !u.Next.isZero() }

// Zero overwrites both keys u holds.
func (u *Unlocked) Zero() {
	clear(u.Key[:])
	clear(u.Next[:])
}

// Recipient is the public half of a user's key pair, from the clear part
// of their slot, for sealing a restricted case to them; "" for a user who
// has not unlocked since the vault was upgraded.
type Recipient struct {
	Label     string
	Role      Role
	Recipient string
}

// RoleOf returns label's role: the one in their slot, or, in a vault made
// before roles, lead for its first user (the earliest passphrase slot) and
// practitioner for the others.
func (v *Vault) RoleOf(label string) (Role, error) {
	files, problem := v.readSlots()
	found := passphraseSlots(files, label)
	if len(found) == 0 {
		return "", noCandidate(problem, ErrNoSuchUser)
	}
	return roleIn(files, found[0]), nil
}

// roleIn is f's role among files (see RoleOf).
func roleIn(files []slotFile, f slotFile) Role {
	if f.Role != "" {
		return f.Role
	}
	if first, ok := firstUser(files); ok && first.ID == f.ID {
		return Lead
	}
	return Practitioner
}

// firstUser is the earliest passphrase slot: the vault's maker, who
// becomes its lead when a vault made before roles is upgraded.
func firstUser(files []slotFile) (slotFile, bool) {
	var first slotFile
	found := false
	for _, f := range passphraseSlots(files, "") {
		if !found || f.Created.Before(first.Created) {
			first, found = f, true
		}
	}
	return first, found
}

// Leads returns the labels of the users who are leads.
func (v *Vault) Leads() ([]string, error) {
	files, problem := v.readSlots()
	return leadsIn(files), problem
}

func leadsIn(files []slotFile) []string {
	var leads []string
	for _, f := range passphraseSlots(files, "") {
		if roleIn(files, f) == Lead {
			leads = append(leads, f.Label)
		}
	}
	return leads
}

// Recipients lists every user with their role and public key, in the
// order of Users.
func (v *Vault) Recipients() ([]Recipient, error) {
	files, problem := v.readSlots()
	var out []Recipient
	for _, f := range passphraseSlots(files, "") {
		out = append(out, Recipient{Label: f.Label, Role: roleIn(files, f), Recipient: f.Recipient})
	}
	return out, problem
}

// SetRole gives label a new role. Only the clear part of their slot and
// its check value change, so no passphrase is needed; the last lead cannot
// stop being one (ErrLastLead). Whether the caller may do it is for the
// program to decide (only a lead may).
func (v *Vault) SetRole(key MasterKey, label string, role Role) error {
	if key.isZero() {
		return errZeroKey
	}
	if role != Lead && role != Practitioner {
		return fmt.Errorf("%w: %.20q", ErrUnknownRole, role)
	}
	files, problem := v.readSlots()
	found := passphraseSlots(files, label)
	if len(found) == 0 {
		return noCandidate(problem, ErrNoSuchUser)
	}
	f := found[0]
	if role == Practitioner && roleIn(files, f) == Lead && len(leadsIn(files)) <= 1 {
		return ErrLastLead
	}
	f.Role = role
	return v.rewriteClear(f, key)
}

// rewriteClear writes f again with its sealed payload as it is and its
// clear part (role, recipient) as given, with a new check value.
func (v *Vault) rewriteClear(f slotFile, key MasterKey) error {
	data, err := encodeCheckedSlotFile(f, key)
	if err != nil {
		return err
	}
	return WriteFileAtomic(v.slotPath(f.ID), data, 0o600)
}

// newIdentity makes a user's key pair.
func newIdentity() (*age.X25519Identity, error) {
	id, err := age.GenerateX25519Identity()
	if err != nil {
		return nil, fmt.Errorf("generating a key pair: %w", err)
	}
	return id, nil
}
