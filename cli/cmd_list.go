package cli

import "msprecords/store"

type listOptions struct {
	global globalOptions
}

func newListCommand() *command {
	var opts listOptions
	fs := newFlagSet("list")
	opts.global.register(fs)
	return &command{
		usage:   "list [flags]",
		summary: "list the cases, one line each: reference, stage, date opened and the person's name, separated by tabs",
		flags:   fs,
		run: func(env *Env, args []string) error {
			if err := wantArgs(args, 0, ""); err != nil {
				return err
			}
			return withSession(env, opts.global, func(s *session) error { return runList(env, s) })
		},
	}
}

func runList(env *Env, s *session) error {
	sums := s.store.Summaries()
	if len(sums) == 0 && env.stdoutIsTerminal() {
		env.printErrLine("There are no cases in this vault yet.")
	}
	for _, c := range sums {
		name := c.Name
		if c.Sealed {
			name = store.RestrictedCase
		}
		env.printf("%s\t%s\t%s\t%s\n", oneLine(c.Reference), oneLine(c.Stage), c.Opened, oneLine(name))
	}
	return nil
}
