package cli

import (
	"strings"

	"msprecords/crypto"
	"msprecords/records"
	"msprecords/store"
)

type signOffOptions struct {
	global globalOptions
	ref    string
}

func newSignOffCommand() *command {
	var opts signOffOptions
	fs := newFlagSet("signoff")
	opts.global.register(fs)
	fs.StringVar(&opts.ref, "case", "", "sign off the case with reference `REF`, e.g. DEMO-2026-0001")
	return &command{
		usage: "signoff --case REF [--user NAME] [flags]",
		summary: "sign off, as a safeguarding lead, the closure of a case closed and awaiting a lead's sign-off. " +
			"A lead who wrote all of the case's work cannot sign it off while another lead could; with no other lead the sign-off says so. " +
			"The sign-off is kept in the case, its chronology and the audit trail, and printed on packs",
		flags: fs,
		run: func(env *Env, args []string) error {
			if err := wantArgs(args, 0, ""); err != nil {
				return err
			}
			if strings.TrimSpace(opts.ref) == "" {
				return usagef("name the case with --case REF")
			}
			return withSession(env, opts.global, func(s *session) error { return runSignOff(env, s, opts.ref) })
		},
	}
}

func runSignOff(env *Env, s *session, ref string) error {
	if !s.isLead() {
		return crypto.ErrNotLead
	}
	leads, err := s.vault.Leads()
	if err != nil {
		return err
	}
	c, err := s.store.GetByReference(ref)
	if err != nil {
		return err
	}
	_, so, err := s.store.SignOff(c.ID, store.SignOffRequest{
		What: records.SignOffClosure, Role: s.role, Leads: leads, Revision: c.Revision,
	})
	if err != nil {
		return err
	}
	env.printf("Signed off %s (%s) as %s, %s, on %s.\n", c.Reference, strings.ToLower(so.What), so.By, so.Role,
		records.DateOf(so.Time.UTC()))
	if so.OnlyAuthor {
		env.printf("You wrote all of its work and no other safeguarding lead could sign it off: the sign-off says so.\n")
	}
	return nil
}
