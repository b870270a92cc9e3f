package cli

import (
	"os"
	"os/user"
	"strings"

	"msprecords/practice"
	"msprecords/vaultopen"
)

type initOptions struct {
	global globalOptions
}

func newInitCommand() *command {
	var opts initOptions
	fs := newFlagSet("init")
	opts.global.register(fs)
	return &command{
		usage:   "init [--vault DIR] [--user NAME] [--passphrase-file FILE]",
		summary: "create a new vault, with NAME (default: your login name) as its first user, and print its recovery key once",
		flags:   fs,
		run: func(env *Env, args []string) error {
			if err := wantArgs(args, 0, ""); err != nil {
				return err
			}
			return runInit(env, opts)
		},
	}
}

func runInit(env *Env, opts initOptions) error {
	g := opts.global
	env.vaultDir = g.vault
	label := g.user
	if label == "" {
		label = loginName()
	}
	wf, err := workFactor()
	if err != nil {
		return err
	}
	pass, err := env.newPassphrase(g.passphraseFile, "New passphrase for "+label+": ")
	if err != nil {
		return err
	}
	s, recovery, err := vaultopen.Create(g.vault, label, pass, wf, practice.DefaultOptions())
	if err != nil {
		return err // vaultopen.Create left nothing behind
	}
	if err := s.Close(); err != nil {
		return err
	}
	printRecoveryKey(env, label, g.vault, recovery)
	return nil
}

func printRecoveryKey(env *Env, label, dir, recovery string) {
	env.printf("Created a vault in %s with one user, %s.\n\n", dir, label)
	env.printf("Recovery key (shown this once and stored nowhere):\n\n    %s\n\n", recovery)
	env.printf("Write it down or print it now, and keep it offline, away from this computer: in a locked\n" +
		"drawer or safe. It opens the vault if every passphrase is forgotten, so guard it like the\n" +
		"records themselves. Without it, a forgotten passphrase cannot be recovered (see README).\n")
}

// loginName is the name of the person logged in, without a Windows domain.
func loginName() string {
	name := ""
	if u, err := user.Current(); err == nil {
		name = u.Username
	}
	if name == "" {
		name = os.Getenv("USER") + os.Getenv("USERNAME")
	}
	if i := strings.LastIndexAny(name, `\/`); i >= 0 {
		name = name[i+1:]
	}
	if strings.TrimSpace(name) == "" {
		return "user"
	}
	return name
}
