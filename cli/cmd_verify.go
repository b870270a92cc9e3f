package cli

import (
	"fmt"
	"strings"

	"msprecords/crypto"
	"msprecords/records"
)

type verifyOptions struct {
	global globalOptions
}

func newVerifyCommand() *command {
	var opts verifyOptions
	fs := newFlagSet("verify")
	opts.global.register(fs)
	return &command{
		usage: "verify [flags]",
		summary: "check the vault: its header, every key slot, the database, that every case reads and that the " +
			"audit trail is unbroken. Prints what it found; the exit status is 1 if anything is wrong",
		flags: fs,
		run: func(env *Env, args []string) error {
			if err := wantArgs(args, 0, ""); err != nil {
				return err
			}
			return runVerify(env, opts)
		},
	}
}

func runVerify(env *Env, opts verifyOptions) error {
	s, err := openVault(env, opts.global)
	if err != nil {
		env.printf("Vault header: %s\n", message(err, opts.global.vault))
		return err
	}
	defer s.close()
	h := s.vault.Header
	env.printf("Vault header: OK (format %d, created %s)\n", h.Format, records.DateOf(h.Created))
	problems := verifySlots(env, s.vault)
	if err := s.unlock(env, opts.global); err != nil {
		return err
	}
	if err := s.openStore(); err != nil {
		env.printf("Database: %s\n", message(err, opts.global.vault))
		return err
	}
	report, err := s.store.Verify()
	if err != nil {
		env.printf("Database: %s\n", message(err, opts.global.vault))
		return err
	}
	env.printf("Database: opened; %s, %s\n", plural(report.Cases, "case"), plural(report.AuditEntries, "audit entry"))
	for _, p := range report.Problems {
		env.printf("Problem: %s\n", oneLine(p))
	}
	problems += len(report.Problems)
	if problems > 0 {
		return failf("verify found %s in %s: see above", plural(problems, "problem"), opts.global.vault)
	}
	env.printf("Everything checked is in order.\n")
	return nil
}

// verifySlots lists the key slots and returns how many problems it found.
func verifySlots(env *Env, v *crypto.Vault) int {
	slots, problem := v.Slots()
	var users []string
	recovery := 0
	for _, sl := range slots {
		if sl.Kind == crypto.Recovery {
			recovery++
		} else {
			users = append(users, sl.Label)
		}
	}
	env.printf("Key slots: %s (%s), %s\n", plural(len(users), "user"), strings.Join(users, ", "), plural(recovery, "recovery key"))
	problems := 0
	if problem != nil {
		env.printf("Problem: %s\n", oneLine(fmt.Sprint(problem)))
		problems++
	}
	if recovery == 0 {
		env.printf("Problem: there is no recovery key slot; a forgotten passphrase could not be recovered\n")
		problems++
	}
	return problems
}
