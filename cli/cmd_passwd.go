package cli

import (
	"flag"

	"filippo.io/age"
)

type passwdOptions struct {
	global            globalOptions
	newPassphraseFile string
	recoveryKeyFile   string
	setupCode         bool
	setupCodeFile     string
}

// registerNewSecretFlags declares the flags of the commands that set a
// passphrase: passwd and slots add.
func registerNewSecretFlags(fs *flag.FlagSet, newFile, recoveryFile *string) {
	fs.StringVar(newFile, "new-passphrase-file", "", "read the new passphrase from the first line of `FILE`")
	fs.StringVar(recoveryFile, "recovery-key-file", "", "unlock with the recovery key in `FILE` instead of a passphrase")
}

func newPasswdCommand() *command {
	var opts passwdOptions
	fs := newFlagSet("passwd")
	opts.global.register(fs)
	registerNewSecretFlags(fs, &opts.newPassphraseFile, &opts.recoveryKeyFile)
	fs.BoolVar(&opts.setupCode, "setup-code", false, "set your own passphrase for the first time with the setup code the lead gave you")
	fs.StringVar(&opts.setupCodeFile, "setup-code-file", "", "with --setup-code: read the setup code from the first line of `FILE`")
	return &command{
		usage: "passwd [--user NAME] [--passphrase-file FILE | --recovery-key-file FILE | --setup-code [--setup-code-file FILE]] [--new-passphrase-file FILE]",
		summary: "change a user's passphrase; with --recovery-key-file, set a new one for a user who has forgotten theirs; " +
			"with --setup-code, a new colleague sets their own with the setup code they were given. " +
			"Without files, the current and the new passphrase (or the setup code and the new passphrase) are asked for, or read as two lines of stdin",
		flags: fs,
		run: func(env *Env, args []string) error {
			if err := wantArgs(args, 0, ""); err != nil {
				return err
			}
			return runPasswd(env, opts)
		},
	}
}

func runPasswd(env *Env, opts passwdOptions) error {
	if opts.setupCode {
		return claimSetupCode(env, opts)
	}
	if opts.setupCodeFile != "" {
		return usagef("--setup-code-file goes with --setup-code")
	}
	return withKeyChange(env, opts.global, opts.recoveryKeyFile, func(s *session) error { return changePassphrase(env, opts, s) })
}

func changePassphrase(env *Env, opts passwdOptions, s *session) error {
	label, err := s.passwdTarget(opts.global)
	if err != nil {
		return err
	}
	pass, err := env.newPassphrase(opts.newPassphraseFile, "New passphrase for "+label+": ")
	if err != nil {
		return err
	}
	var pair *age.X25519Identity // the user's own, kept when they change their passphrase
	if label == s.user {
		pair = s.pair
	}
	if err := s.vault.ChangePassphrase(s.key, label, pass, pair); err != nil {
		return err
	}
	env.printf("Changed the passphrase of %s.\n", label)
	return nil
}

// withKeyChange runs f on the vault, locked and unlocked for a change to its
// key slots (with the recovery key when a file of it is given). The
// database is not opened: slot changes never touch it.
func withKeyChange(env *Env, g globalOptions, recoveryKeyFile string, f func(s *session) error) error {
	s, err := openVault(env, g)
	if err != nil {
		return err
	}
	defer s.close()
	if err := s.unlockForChange(env, g, recoveryKeyFile); err != nil {
		return err
	}
	return f(s)
}

// unlockForChange unlocks with the recovery key when a file of it is given,
// else with a passphrase.
func (s *session) unlockForChange(env *Env, g globalOptions, recoveryKeyFile string) error {
	if recoveryKeyFile == "" {
		return s.unlock(env, g)
	}
	key, err := readRecoveryKeyFile(recoveryKeyFile)
	if err != nil {
		return err
	}
	u, err := s.locked.UnlockWithRecoveryKey(key)
	if err != nil {
		return err
	}
	s.unlocked(u)
	return nil
}

// passwdTarget is the user whose passphrase passwd sets: the one who
// unlocked, else the one named with --user, else the only user there is.
func (s *session) passwdTarget(g globalOptions) (string, error) {
	switch {
	case s.user != "":
		return s.user, nil
	case g.user != "":
		return g.user, nil
	}
	users, _ := s.vault.Users()
	if len(users) != 1 {
		return "", failf("say whose passphrase to set with --user NAME ('msprecords slots list' shows the users)")
	}
	return users[0], nil
}
