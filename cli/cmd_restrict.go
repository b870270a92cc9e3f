package cli

import (
	"strings"

	"msprecords/crypto"
)

type restrictOptions struct {
	global globalOptions
	ref    string
	users  string
}

func newRestrictCommand() *command {
	var opts restrictOptions
	fs := newFlagSet("restrict")
	opts.global.register(fs)
	fs.StringVar(&opts.ref, "case", "", "the case's reference `REF`")
	fs.StringVar(&opts.users, "users", "", "the users who may read it, as `\"NAME,NAME\"`")
	return &command{
		usage: "restrict --case REF --users \"NAME,NAME\" [flags]",
		summary: "restrict a case to the users named (a safeguarding lead only): it is sealed with a key only they and the " +
			"recovery key can open, and everyone else sees only its reference, stage and lead. Run again to change who may read it",
		flags: fs,
		run: func(env *Env, args []string) error {
			if err := wantArgs(args, 0, ""); err != nil {
				return err
			}
			users := splitNames(opts.users)
			if opts.ref == "" || len(users) == 0 {
				return usagef("say which case and who may read it: restrict --case REF --users \"NAME,NAME\"")
			}
			return withSession(env, opts.global, func(s *session) error {
				id, err := findCase(s, opts.ref)
				if err != nil {
					return err
				}
				if err := s.opened.Restrict(id, users); err != nil {
					return err
				}
				readers, _, err := s.store.Access(id)
				if err != nil {
					return err
				}
				env.printf("Restricted %s to %s, and the recovery key.\n", strings.ToUpper(strings.TrimSpace(opts.ref)), strings.Join(readers, ", "))
				if !crypto.HasUser(readers, s.user) {
					env.printf("You are not one of them: you can no longer read it.\n")
				}
				return nil
			})
		},
	}
}

func newUnrestrictCommand() *command {
	var opts restrictOptions
	fs := newFlagSet("unrestrict")
	opts.global.register(fs)
	fs.StringVar(&opts.ref, "case", "", "the case's reference `REF`")
	return &command{
		usage:   "unrestrict --case REF [flags]",
		summary: "lift a case's restriction (a safeguarding lead who can read it): every user can read it again",
		flags:   fs,
		run: func(env *Env, args []string) error {
			if err := wantArgs(args, 0, ""); err != nil {
				return err
			}
			if opts.ref == "" {
				return usagef("say which case: unrestrict --case REF")
			}
			return withSession(env, opts.global, func(s *session) error {
				id, err := findCase(s, opts.ref)
				if err != nil {
					return err
				}
				if err := s.opened.Unrestrict(id); err != nil {
					return err
				}
				env.printf("%s is no longer restricted: every user of the vault can read it.\n", strings.ToUpper(strings.TrimSpace(opts.ref)))
				return nil
			})
		},
	}
}

func newAccessCommand() *command {
	var opts restrictOptions
	fs := newFlagSet("access")
	opts.global.register(fs)
	fs.StringVar(&opts.ref, "case", "", "the case's reference `REF`")
	return &command{
		usage:   "access --case REF [flags]",
		summary: "say who can read a case: everyone, or, for a restricted case, the users it is restricted to, one a line",
		flags:   fs,
		run: func(env *Env, args []string) error {
			if err := wantArgs(args, 0, ""); err != nil {
				return err
			}
			if opts.ref == "" {
				return usagef("say which case: access --case REF")
			}
			return withSession(env, opts.global, func(s *session) error {
				id, err := findCase(s, opts.ref)
				if err != nil {
					return err
				}
				readers, by, err := s.store.Access(id)
				if err != nil {
					return err
				}
				if readers == nil {
					env.printf("Every user of the vault can read %s: it is not restricted.\n", strings.ToUpper(strings.TrimSpace(opts.ref)))
					return nil
				}
				for _, r := range readers {
					env.printf("%s\n", r)
				}
				env.printErrLine("Restricted by " + by + "; the recovery key can open it too.")
				return nil
			})
		},
	}
}

// splitNames reads "NAME,NAME" into names, trimmed, without empty ones.
func splitNames(s string) []string {
	var out []string
	for _, n := range strings.Split(s, ",") {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}
