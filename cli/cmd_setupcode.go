package cli

import (
	"errors"
	"strings"
	"time"

	"msprecords/crypto"
	"msprecords/records"
)

// This file holds what the commands share about setup codes: the one-time
// codes with which a colleague sets their own passphrase, so that nobody
// types it for them (see crypto.Vault.AddSetupSlot).

// addSetupCode makes a setup code for name and says what to do with it.
func addSetupCode(env *Env, s *session, name string, role crypto.Role) error {
	code, expires, err := s.vault.AddSetupSlot(s.key, name, role)
	if err != nil {
		return err
	}
	env.printf("Setup code for %s:\n\n    %s\n\n", name, code)
	env.printf("It works once, until %s. Give it to %s in person or by phone, not in an email with the vault's name.\n", localDate(expires), name)
	env.printf("With it %s sets their own passphrase: at the unlock screen they choose 'I have a setup code…', "+
		"or they run: msprecords passwd --user %q --setup-code\n", name, name)
	env.printf("A new setup code for %s replaces this one; 'msprecords slots remove %s' takes it back.\n", name, name)
	return nil
}

// claimSetupCode is passwd --setup-code: the colleague's code and the
// passphrase they choose make their passphrase slot. No passphrase of
// anyone else is needed.
func claimSetupCode(env *Env, opts passwdOptions) error {
	if opts.global.passphraseFile != "" || opts.recoveryKeyFile != "" {
		return usagef("--setup-code needs no other passphrase or recovery key: leave out --passphrase-file and --recovery-key-file")
	}
	s, err := openVault(env, opts.global)
	if err != nil {
		return err
	}
	defer s.close()
	name, err := setupCodeUser(s.vault, opts.global.user)
	if err != nil {
		return err
	}
	code, err := env.setupCode(opts.setupCodeFile, "Setup code for "+name+": ")
	if err != nil {
		return err
	}
	if _, err := crypto.ParseSetupCode(code); err != nil {
		return err // said before the new passphrase is asked for
	}
	pass, err := env.newPassphrase(opts.newPassphraseFile, "Your new passphrase, "+name+": ")
	if err != nil {
		return err
	}
	u, err := s.vault.ClaimSetupCode(name, code, pass)
	s.unlocked(u)
	if errors.Is(err, crypto.ErrNoSuchUser) {
		return explain(err, "no setup code is waiting for %s: give your name as the lead added you with --user NAME "+
			"('msprecords slots list' shows the codes waiting)", name)
	}
	if err != nil {
		return err
	}
	env.printf("Your passphrase is set, %s: unlock with it from now on. The setup code no longer works.\n", name)
	return nil
}

// setupCodeUser is whose setup code passwd --setup-code uses: the one
// named with --user, else the only colleague waiting.
func setupCodeUser(v *crypto.Vault, user string) (string, error) {
	if strings.TrimSpace(user) != "" {
		return strings.TrimSpace(user), nil
	}
	waiting, _ := v.WaitingSetups()
	if len(waiting) != 1 {
		return "", failf("say whose setup code it is with --user NAME (the name the lead added you with)")
	}
	return waiting[0].Label, nil
}

// setupCode reads a setup code: the first line of file when one is given,
// else a prompt at the terminal, else one line of stdin.
func (env *Env) setupCode(file, prompt string) (string, error) {
	if file == "" {
		return env.passphrase("", prompt)
	}
	data, err := readSecretFile(file, "setup code file")
	if err != nil {
		return "", err
	}
	line, _, _ := strings.Cut(string(data), "\n")
	if strings.TrimSpace(line) == "" {
		return "", failf("the setup code file %s is empty: its first line must be the setup code", file)
	}
	return line, nil
}

// hasPassphrase reports whether a passphrase slot carries label, ignoring
// case as the vault does.
func hasPassphrase(slots []crypto.Slot, label string) bool {
	for _, sl := range slots {
		if sl.Kind == crypto.Passphrase && strings.EqualFold(sl.Label, label) {
			return true
		}
	}
	return false
}

// localDate is the day of t on this computer, as "11 December 2026".
func localDate(t time.Time) string { return records.DateOf(t.Local()).String() }
