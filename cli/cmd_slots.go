package cli

import (
	"msprecords/crypto"
	"msprecords/practice"
	"msprecords/records"
	"msprecords/userwords"
)

type slotsOptions struct {
	global            globalOptions
	newPassphraseFile string
	recoveryKeyFile   string
	setupCode         bool
	role              string
}

func newSlotsCommand() *command {
	var opts slotsOptions
	fs := newFlagSet("slots")
	opts.global.register(fs)
	registerNewSecretFlags(fs, &opts.newPassphraseFile, &opts.recoveryKeyFile)
	fs.BoolVar(&opts.setupCode, "setup-code", false,
		"with add: give the colleague a one-time setup code, with which they set their own passphrase, instead of typing it for them")
	fs.StringVar(&opts.role, "role", "practitioner", "with add: the new user's `ROLE`, lead (a safeguarding lead) or practitioner")
	return &command{
		usage: "slots list | slots add NAME [--role lead|practitioner] [--setup-code] | slots role NAME lead|practitioner | slots remove NAME [flags]",
		summary: "list the users who can unlock the vault with their roles; a safeguarding lead (or the recovery key) can add one " +
			"(giving them a setup code with --setup-code, or letting them type theirs from --new-passphrase-file or a prompt), " +
			"change a user's role, or remove one (or take back their setup code)",
		flags: fs,
		run: func(env *Env, args []string) error {
			if len(args) == 0 {
				return usagef("say list, add NAME, role NAME ROLE or remove NAME")
			}
			switch args[0] {
			case "list":
				return runSlotsList(env, opts, args[1:])
			case "add":
				return runSlotsAdd(env, opts, args[1:])
			case "role":
				return runSlotsRole(env, opts, args[1:])
			case "remove":
				return runSlotsRemove(env, opts, args[1:])
			}
			return usagef("%q is not a slots command: say list, add NAME, role NAME ROLE or remove NAME", args[0])
		},
	}
}

// withLead is withKeyChange for what only a safeguarding lead (or
// whoever holds the recovery key) may do.
func withLead(env *Env, opts slotsOptions, f func(s *session) error) error {
	return withKeyChange(env, opts.global, opts.recoveryKeyFile, func(s *session) error {
		if !s.isLead() {
			return crypto.ErrNotLead
		}
		return f(s)
	})
}

// runSlotsList lists the slots from their plaintext parts: no passphrase
// is needed, as the unlock screen shows the same names.
func runSlotsList(env *Env, opts slotsOptions, args []string) error {
	if err := wantArgs(args, 0, ""); err != nil {
		return err
	}
	env.vaultDir = opts.global.vault
	v, err := crypto.Open(opts.global.vault)
	if err != nil {
		return err
	}
	slots, problem := v.Slots()
	for _, sl := range slots {
		env.printf("%s\t%s\t%s\t%s\n", sl.Kind, slotName(sl), slotRole(sl), slotState(sl, slots))
	}
	return problem
}

// slotRole is the role column of slots list: lead or practitioner, "-"
// for the recovery key.
func slotRole(sl crypto.Slot) string {
	if sl.Role == "" {
		return "-"
	}
	return string(sl.Role)
}

// slotName is the name slots list shows for a slot.
func slotName(sl crypto.Slot) string {
	if sl.Kind == crypto.Recovery {
		return "(recovery key)"
	}
	return sl.Label
}

// slotState is what slots list says of a slot: when it was added, or for
// a setup code, whether it is still waiting.
func slotState(sl crypto.Slot, all []crypto.Slot) string {
	if sl.Kind != crypto.Setup {
		return "added " + records.DateOf(sl.Created).String()
	}
	switch {
	case hasPassphrase(all, sl.Label):
		return "used, left by an interrupted claim ('msprecords verify' removes it)"
	case sl.Expired():
		return "expired on " + localDate(sl.Expires)
	}
	return "waiting, expires " + localDate(sl.Expires)
}

func runSlotsAdd(env *Env, opts slotsOptions, args []string) error {
	if err := wantArgs(args, 1, "the new user's name: slots add NAME"); err != nil {
		return err
	}
	role, err := crypto.ParseRole(opts.role)
	if err != nil {
		return usagef("--role is lead or practitioner, not %q", opts.role)
	}
	if opts.setupCode {
		if opts.newPassphraseFile != "" {
			return usagef("--setup-code and --new-passphrase-file do not go together: with a setup code, %s chooses their own passphrase", args[0])
		}
		return withLead(env, opts, func(s *session) error { return addSetupCode(env, s, args[0], role) })
	}
	return withLead(env, opts, func(s *session) error {
		pass, err := env.newPassphrase(opts.newPassphraseFile, "Hand the keyboard to "+args[0]+". "+args[0]+", type your new passphrase: ")
		if err != nil {
			return err
		}
		if err := s.vault.AddSlot(s.key, args[0], pass, role); err != nil {
			return err
		}
		env.printf("Added %s, a %s, who can now unlock the vault with their own passphrase.\n", args[0], role)
		return nil
	})
}

func runSlotsRole(env *Env, opts slotsOptions, args []string) error {
	if err := wantArgs(args, 2, "the user's name and their new role: slots role NAME lead|practitioner"); err != nil {
		return err
	}
	role, err := crypto.ParseRole(args[1])
	if err != nil {
		return usagef("a role is lead or practitioner, not %q", args[1])
	}
	return withLead(env, opts, func(s *session) error {
		if err := s.vault.SetRole(s.key, args[0], role); err != nil {
			return err
		}
		env.printf("%s is now a %s.\n", args[0], role)
		return nil
	})
}

func runSlotsRemove(env *Env, opts slotsOptions, args []string) error {
	if err := wantArgs(args, 1, "the name of the user to remove: slots remove NAME"); err != nil {
		return err
	}
	return withLead(env, opts, func(s *session) error {
		u := crypto.Unlocked{Key: s.key, Label: s.user, Role: s.role, Identity: s.pair}
		if err := s.openStore(); err != nil {
			u.Zero()
			return err
		}
		r, err := s.opened.RemoveUser(&u, args[0], practice.DefaultOptions())
		s.store = s.opened.Store
		if err != nil {
			return err
		}
		for _, line := range userwords.Removal(r) {
			env.printf("%s\n", line)
		}
		return nil
	})
}
