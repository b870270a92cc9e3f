package export

import (
	"errors"
	"fmt"
	"strings"
)

// Purpose is why a pack is made. It decides what may be shared: Caldicott
// asks for the minimum necessary for a stated purpose.
type Purpose string

// The purposes a pack can be made for.
const (
	// PurposeMeeting is a multi-agency meeting (strategy meeting, case
	// conference, review): everything relevant, including the person alleged
	// to have caused harm.
	PurposeMeeting Purpose = "meeting"
	// PurposePerson is the person's own copy, or their representative's:
	// the alleged person's details, other people's contact details and
	// professional challenge notes are always left out.
	PurposePerson Purpose = "person"
	// PurposeCustom lets the user pick the sections.
	PurposeCustom Purpose = "custom"
)

// Purposes lists the purposes in the order they are offered.
var Purposes = []Purpose{PurposeMeeting, PurposePerson, PurposeCustom}

// ErrUnknownPurpose is returned for a purpose this build does not know.
var ErrUnknownPurpose = errors.New("unknown purpose")

// ParsePurpose reads a purpose as typed on the command line.
func ParsePurpose(s string) (Purpose, error) {
	for _, p := range Purposes {
		if string(p) == s {
			return p, nil
		}
	}
	return "", fmt.Errorf("%w: %q (use meeting, person or custom)", ErrUnknownPurpose, s)
}

// Label is the purpose as a person reads it.
func (p Purpose) Label() string {
	switch p {
	case PurposeMeeting:
		return "Multi-agency meeting"
	case PurposePerson:
		return "For the person or their representative"
	case PurposeCustom:
		return "Custom selection"
	}
	return string(p)
}

// title is the pack's main heading for the purpose.
func (p Purpose) title() string {
	if p == PurposePerson {
		return "Safeguarding record for the person"
	}
	return "Safeguarding meeting pack"
}

// Noun names what a pack for the purpose is, as titles and buttons say it:
// "meeting pack", "person's copy", "custom pack".
func (p Purpose) Noun() string {
	switch p {
	case PurposePerson:
		return "person's copy"
	case PurposeCustom:
		return "custom pack"
	}
	return "meeting pack"
}

// fileWord is Noun as a file name has it.
func (p Purpose) fileWord() string {
	return strings.NewReplacer("'", "", " ", "-").Replace(p.Noun())
}

// plain reports whether the pack is written for the person, in plain words.
func (p Purpose) plain() bool { return p == PurposePerson }
