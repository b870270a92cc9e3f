package cli

import "strings"

type deleteOptions struct {
	global  globalOptions
	confirm string
}

func newDeleteCommand() *command {
	var opts deleteOptions
	fs := newFlagSet("delete")
	opts.global.register(fs)
	fs.StringVar(&opts.confirm, "confirm", "", "the reference `REF` again, to confirm: a deletion cannot be undone")
	return &command{
		usage: "delete REF --confirm REF [flags]",
		summary: "delete the case with reference REF from the vault. The deletion (who, when, which reference) stays in the audit trail; " +
			"encrypted remnants may stay in the vault's files until the database compacts them, and backups made before still hold the case",
		flags: fs,
		run: func(env *Env, args []string) error {
			if err := wantArgs(args, 1, "the case reference, e.g. delete DEMO-2025-0001 --confirm DEMO-2025-0001"); err != nil {
				return err
			}
			if !strings.EqualFold(strings.TrimSpace(opts.confirm), strings.TrimSpace(args[0])) {
				return usagef("--confirm must repeat the reference %s: a deletion cannot be undone", args[0])
			}
			return withSession(env, opts.global, func(s *session) error { return runDelete(env, s, args[0]) })
		},
	}
}

func runDelete(env *Env, s *session, ref string) error {
	c, err := s.store.GetByReference(ref)
	if err != nil {
		return err
	}
	if err := s.store.Delete(c.ID); err != nil {
		return err
	}
	env.printf("Deleted %s. The deletion is recorded in the audit trail.\n", c.Reference)
	return nil
}
