package practice

import (
	"errors"
	"fmt"
	"strings"

	"msprecords/records"
)

// The sign-off rule: a safeguarding lead signs off a case's closure and
// its reports for the council, as a second pair of eyes on the work. So the
// lead who signs off must not be the only author of that work, unless no
// other lead exists, and then the sign-off says so. Whether the signer is
// a lead at all is the caller's to check (roles belong to the vault).

// ErrOnlyAuthor means the lead asked to sign off is the only author of the
// case's work while another lead could sign it off instead.
var ErrOnlyAuthor = errors.New("the only author of a case's work cannot sign it off")

// OnlyAuthorError is ErrOnlyAuthor naming the leads who could sign off.
type OnlyAuthorError struct {
	Signer string
	Others []string // the other leads of the vault
}

func (e *OnlyAuthorError) Error() string {
	return fmt.Sprintf("Another safeguarding lead must sign off this case, as %s wrote all of its work: ask %s",
		e.Signer, orList(e.Others))
}

// Unwrap lets errors.Is find ErrOnlyAuthor.
func (e *OnlyAuthorError) Unwrap() error { return ErrOnlyAuthor }

// Authors are the people who wrote a case's work, as the chronology's
// authors and the contacts' recorders say; the store adds who created and
// changed it. A sign-off's own chronology entry is not work.
func Authors(c *records.Case) []string {
	signOffs := map[string]bool{}
	for _, s := range c.SignOffs {
		signOffs[s.ID] = true
	}
	var out []string
	for _, e := range c.Chronology {
		if !signOffs[e.Link] || e.Link == "" {
			out = append(out, e.Author)
		}
	}
	for _, ct := range c.Contacts {
		out = append(out, ct.RecordedBy)
	}
	return out
}

// CheckSignOff applies the rule to signer, a lead, given the case's authors
// (names, repeated or blank ones allowed) and every lead of the vault. It
// reports whether signer is the only author (allowed, and to be recorded,
// only when no other lead exists), or an *OnlyAuthorError.
func CheckSignOff(signer string, authors, leads []string) (onlyAuthor bool, err error) {
	if !onlyAuthorIs(signer, authors) {
		return false, nil
	}
	var others []string
	for _, l := range leads {
		if !sameName(l, signer) {
			others = append(others, l)
		}
	}
	if len(others) > 0 {
		return true, &OnlyAuthorError{Signer: signer, Others: others}
	}
	return true, nil
}

// onlyAuthorIs reports whether every named author is signer, and there is one.
func onlyAuthorIs(signer string, authors []string) bool {
	found := false
	for _, a := range authors {
		switch {
		case strings.TrimSpace(a) == "":
		case sameName(a, signer):
			found = true
		default:
			return false
		}
	}
	return found
}

func sameName(a, b string) bool { return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b)) }

// orList joins names as "A", "A or B", "A, B or C".
func orList(names []string) string {
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}
