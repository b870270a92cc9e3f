package store

import (
	"errors"
	"fmt"
	"strings"

	"msprecords/crypto"
	"msprecords/practice"
	"msprecords/records"

	badger "github.com/dgraph-io/badger/v4"
)

// Signing off. A safeguarding lead's sign-off is written by SignOff alone,
// in one transaction with the chronology entry that records it and its
// audit entry, so that none is ever there without the others. Save keeps
// sign-offs exactly as stored: it neither changes nor removes one, and it
// adds none, since a sign-off not made here would skip the rule.

var (
	// ErrNothingToSignOff is returned for a closure sign-off of a case that
	// is not closed.
	ErrNothingToSignOff = errors.New("the case is not closed, so there is no closure to sign off")
	// ErrAlreadySignedOff is returned for a closure already signed off.
	ErrAlreadySignedOff = errors.New("the case's closure is already signed off")
)

// SignOffRequest is what a lead signs off and what the rule needs to know
// of the vault. The signer is the store's user.
type SignOffRequest struct {
	What     string      // records.SignOffClosure or records.SignOffReport
	Purpose  string      // for a report: what it is for
	Role     crypto.Role // the signer's role, as the vault has it
	Leads    []string    // every safeguarding lead of the vault (crypto.Vault.Leads), the signer among them
	Revision int64       // the revision the lead looked at, or 0 for the one stored
}

// authoring are the audit actions that write a case's work.
var authoring = map[string]bool{AuditCreate: true, AuditChange: true, AuditImport: true}

// SignOff signs off a case as the store's user, a lead: the closure of a
// closed case, or a report for the council. The lead may not be the only
// author of the case's work (its creators and changers in the audit trail,
// the chronology's authors, the contacts' recorders) while another lead
// exists (practice.CheckSignOff); with no other lead, the sign-off records
// that they were. It returns the case as saved and the sign-off.
func (s *Store) SignOff(id string, r SignOffRequest) (*records.Case, records.SignOff, error) {
	if r.Role != crypto.Lead || s.user == "" {
		return nil, records.SignOff{}, crypto.ErrNotLead
	}
	db, release, err := s.useForWriting()
	if err != nil {
		return nil, records.SignOff{}, err
	}
	defer release()
	var n *records.Case
	var so records.SignOff
	var e *indexEntry
	err = update(db, func(txn *badger.Txn) error {
		c, err := s.getCase(txn, id)
		if err != nil {
			return err
		}
		if so, err = s.newSignOff(txn, c, r); err != nil {
			return err
		}
		n = signedCase(c, so)
		if err := s.checkNew(n); err != nil {
			return err
		}
		if e, err = s.putCase(txn, n); err != nil {
			return err
		}
		_, err = appendAudit(txn, s.user, AuditSignOff, id, n.Reference+" "+strings.ToLower(so.What))
		return err
	})
	if err != nil {
		return nil, records.SignOff{}, err
	}
	s.idx.put(e)
	return n, so, nil
}

// newSignOff checks that c may be signed off as asked and makes the sign-off.
func (s *Store) newSignOff(txn *badger.Txn, c *records.Case, r SignOffRequest) (records.SignOff, error) {
	so := records.SignOff{ID: records.NewID(), What: r.What, By: s.user, Role: r.Role.String(), Time: nowUTC()}
	if r.Revision != 0 && r.Revision != c.Revision {
		return so, fmt.Errorf("%w: case %s was saved as revision %d; the one to sign off is revision %d",
			ErrConflict, c.Reference, c.Revision, r.Revision)
	}
	switch r.What {
	case records.SignOffClosure:
		if err := closureToSignOff(c); err != nil {
			return so, err
		}
		so.Closed = c.Enquiry.Closed
	case records.SignOffReport:
		so.Purpose = r.Purpose
	default:
		return so, fmt.Errorf("nothing to sign off called %q", r.What)
	}
	authors, err := s.auditAuthors(txn, c.ID)
	if err != nil {
		return so, err
	}
	so.OnlyAuthor, err = practice.CheckSignOff(s.user, append(authors, practice.Authors(c)...), r.Leads)
	return so, err
}

// closureToSignOff says why c's closure cannot be signed off, if it cannot.
func closureToSignOff(c *records.Case) error {
	if !c.IsClosed() {
		return fmt.Errorf("%w: %s has no closing date", ErrNothingToSignOff, c.Reference)
	}
	if done, ok := c.ClosureSignOff(); ok {
		return fmt.Errorf("%w: %s was signed off by %s on %s", ErrAlreadySignedOff, c.Reference, done.By,
			records.DateOf(done.Time.UTC()))
	}
	return nil
}

// auditAuthors are the users who created, changed or imported the case,
// as its audit entries say.
func (s *Store) auditAuthors(txn *badger.Txn, id string) ([]string, error) {
	var out []string
	err := eachAudit(txn, func(_ uint64, e *AuditEntry, err error) {
		if err == nil && e.CaseID == id && authoring[e.Action] {
			out = append(out, e.User)
		}
	})
	return out, err
}

// signedCase is c with the sign-off and the chronology entry recording it,
// as its next revision.
func signedCase(c *records.Case, so records.SignOff) *records.Case {
	n := *c
	n.SignOffs = append(append([]records.SignOff(nil), c.SignOffs...), so)
	n.Chronology = append([]records.ChronologyEntry(nil), c.Chronology...)
	n.AddChronology(records.ChronologyEntry{
		Date: records.DateOf(so.Time), Author: so.By, Kind: records.SignOffChronologyKind,
		Text: "Signed off the " + so.Subject() + " as " + so.Role + "." + onlyAuthorSentence(so), Link: so.ID,
	}, so.Time)
	n.Schema, n.Revision, n.Updated = records.SchemaVersion, c.Revision+1, so.Time
	return &n
}

func onlyAuthorSentence(so records.SignOff) string {
	if !so.OnlyAuthor {
		return ""
	}
	return " They were the only author of the case's work; no other safeguarding lead could sign it off."
}

// checkSignOffsSaved refuses a save that changes, removes or adds a sign-off.
func checkSignOffsSaved(old, next *records.Case) error {
	if err := records.CheckSignOffsKept(old.SignOffs, next.SignOffs); err != nil {
		return err
	}
	if len(next.SignOffs) > len(old.SignOffs) {
		return fmt.Errorf("%w: a sign-off is added only by a safeguarding lead signing off", records.ErrSignOffRewritten)
	}
	return nil
}
