package cli

import (
	"msprecords/crypto"
	"msprecords/records"
)

type slotsOptions struct {
	global            globalOptions
	newPassphraseFile string
	recoveryKeyFile   string
}

func newSlotsCommand() *command {
	var opts slotsOptions
	fs := newFlagSet("slots")
	opts.global.register(fs)
	registerNewSecretFlags(fs, &opts.newPassphraseFile, &opts.recoveryKeyFile)
	return &command{
		usage: "slots list | slots add NAME | slots remove NAME [flags]",
		summary: "list the users who can unlock the vault, add one (unlocking with your passphrase or the recovery key, " +
			"and setting theirs from --new-passphrase-file or a prompt) or remove one",
		flags: fs,
		run: func(env *Env, args []string) error {
			if len(args) == 0 {
				return usagef("say list, add NAME or remove NAME")
			}
			switch args[0] {
			case "list":
				return runSlotsList(env, opts, args[1:])
			case "add":
				return runSlotsAdd(env, opts, args[1:])
			case "remove":
				return runSlotsRemove(env, opts, args[1:])
			}
			return usagef("%q is not a slots command: say list, add NAME or remove NAME", args[0])
		},
	}
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
		label := sl.Label
		if sl.Kind == crypto.Recovery {
			label = "(recovery key)"
		}
		env.printf("%s\t%s\tadded %s\n", sl.Kind, label, records.DateOf(sl.Created))
	}
	return problem
}

func runSlotsAdd(env *Env, opts slotsOptions, args []string) error {
	if err := wantArgs(args, 1, "the new user's name: slots add NAME"); err != nil {
		return err
	}
	return withKeyChange(env, opts.global, opts.recoveryKeyFile, func(s *session) error {
		pass, err := env.newPassphrase(opts.newPassphraseFile, "Passphrase for the new user "+args[0]+": ")
		if err != nil {
			return err
		}
		if err := s.vault.AddSlot(s.key, args[0], pass); err != nil {
			return err
		}
		env.printf("Added %s, who can now unlock the vault with their own passphrase.\n", args[0])
		return nil
	})
}

func runSlotsRemove(env *Env, opts slotsOptions, args []string) error {
	if err := wantArgs(args, 1, "the name of the user to remove: slots remove NAME"); err != nil {
		return err
	}
	return withKeyChange(env, opts.global, opts.recoveryKeyFile, func(s *session) error {
		if err := s.vault.RemoveSlot(args[0]); err != nil {
			return err
		}
		env.printf("Removed %s: their passphrase no longer opens the vault.\n", args[0])
		return nil
	})
}
