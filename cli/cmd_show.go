package cli

type showOptions struct {
	global globalOptions
}

func newShowCommand() *command {
	var opts showOptions
	fs := newFlagSet("show")
	opts.global.register(fs)
	return &command{
		usage:   "show REF [flags]",
		summary: "show the whole of the case with reference REF as text: every part of the record, with UK dates. The view is recorded in the audit trail",
		flags:   fs,
		run: func(env *Env, args []string) error {
			if err := wantArgs(args, 1, "the case reference, e.g. show DEMO-2025-0001"); err != nil {
				return err
			}
			return withSession(env, opts.global, func(s *session) error { return runShow(env, s, args[0]) })
		},
	}
}

func runShow(env *Env, s *session, ref string) error {
	c, err := s.store.GetByReference(ref)
	if err != nil {
		return err
	}
	t := newCaseWriter(env.stdout)
	writeCase(t, c)
	return t.flush()
}
