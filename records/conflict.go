package records

import (
	"slices"
	"strings"
)

// Conflict is a reason to keep a case from someone who can unlock the
// vault: the person alleged to have caused harm is one of its users, or is
// recorded as a member of staff (who may well be one).
type Conflict struct {
	Alleged string // the alleged person's name as recorded
	User    string // the vault's user of that name, or "" for staff not matched to a user
}

// staffWords mark a relationship recorded as a member of staff.
var staffWords = []string{"staff", "employee", "care worker", "care assistant", "paid carer", "support worker",
	"nurse", "night carer", "agency worker", "home manager"}

// Conflicts lists the people alleged to have caused harm who are users of
// the vault (their names match, ignoring case and spacing) or recorded as
// staff. Matching is on the names alone, so it can miss a user recorded
// under another spelling: it prompts a person to think, it decides nothing.
func (c *Case) Conflicts(users []string) []Conflict {
	var out []Conflict
	for _, a := range c.AllegedPersons {
		name := squash(a.Name)
		if name == "" {
			continue
		}
		i := slices.IndexFunc(users, func(u string) bool { return squash(u) == name })
		switch {
		case i >= 0:
			out = append(out, Conflict{Alleged: a.Name, User: users[i]})
		case isStaff(a.Relationship):
			out = append(out, Conflict{Alleged: a.Name})
		}
	}
	return out
}

func isStaff(relationship string) bool {
	r := strings.ToLower(relationship)
	return slices.ContainsFunc(staffWords, func(w string) bool { return strings.Contains(r, w) })
}

// squash is a name as compared: lower case, single spaces.
func squash(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
