package cli

import (
	"fmt"
	"strings"

	"msprecords/crypto"
	"msprecords/records"
)

type verifyOptions struct {
	global          globalOptions
	removeStray     bool
	acknowledgeLoss bool
}

func newVerifyCommand() *command {
	var opts verifyOptions
	fs := newFlagSet("verify")
	opts.global.register(fs)
	fs.BoolVar(&opts.removeStray, removeStrayFlag[2:], false,
		"remove the stray files listed: files in the vault folder that MSP Records does not use, such as one left by an interrupted save")
	fs.BoolVar(&opts.acknowledgeLoss, "acknowledge-loss", false,
		"record in the audit trail that changes reported lost when the computer stopped have been dealt with, so that verify stops reporting them")
	return &command{
		usage: "verify [" + removeStrayFlag + "] [--acknowledge-loss] [flags]",
		summary: "check the vault: its header, every key slot, the database, that every case reads and that the " +
			"audit trail is unbroken, and list stray files in its folder. Prints what it found; the exit status is 1 if anything is wrong",
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
	// After the unlock: only a user of the vault removes files from it.
	problems += reportStrays(env, s.vault, opts.removeStray)
	// Before openStore, which forgets the key.
	slotProblems, unchecked := checkSlots(env, s.vault, s.key, s.user)
	problems += slotProblems
	removeSpareSetups(env, s.vault, s.key)
	if err := s.openStore(); err != nil {
		env.printf("Database: %s\n", message(err, opts.global.vault))
		return err
	}
	if opts.acknowledgeLoss {
		if err := acknowledgeLoss(env, s); err != nil {
			env.printf("Database: %s\n", message(err, opts.global.vault))
			return err
		}
	} else {
		s.warnLoss(env)
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
	if report.Loss != nil {
		env.printf("Note: once the lost changes have been dealt with, 'msprecords verify --acknowledge-loss' records that in the audit trail, " +
			"and verify stops reporting them\n")
	}
	problems += len(report.Problems)
	if problems > 0 {
		return failf("verify found %s in %s: see above", plural(problems, "problem"), opts.global.vault)
	}
	if unchecked > 0 {
		env.printf("Everything checked is in order, but %s could not be checked: see above.\n", plural(unchecked, "key slot"))
		return nil
	}
	env.printf("Everything checked is in order.\n")
	return nil
}

// noNewRecoveryKey is the advice for a damaged recovery slot. The crypto
// package can replace the recovery key, but no command does so yet.
const noNewRecoveryKey = "this version has no command to make a new recovery key: keep using your passphrases, " +
	"and if the recovery key is ever needed, restore the vault from a backup made before the damage"

// checkSlots proves each key slot with the unlocked key (see
// crypto.VerifySlots), says in plain words what is wrong with any that is
// not in order, and returns how many are damaged and how many could not be
// checked. Slot files too damaged to read were reported by verifySlots.
func checkSlots(env *Env, v *crypto.Vault, key crypto.MasterKey, user string) (damaged, unchecked int) {
	checks, err := v.VerifySlots(key, user)
	if err != nil && len(checks) == 0 {
		// Cannot happen after an unlock; never let it pass in silence.
		env.printf("Problem: the key slots could not be checked: %s\n", oneLine(fmt.Sprint(err)))
		return 1, 0
	}
	for _, c := range checks {
		switch c.State {
		case crypto.SlotVerified, crypto.SlotOpened:
			continue
		case crypto.SlotDamaged:
			damaged++
			if c.Slot.Kind == crypto.Setup {
				env.printf("Problem: the slot of %s's setup code is damaged, and the code may no longer work: "+
					"give them a new one (msprecords slots add %s --setup-code)\n", c.Slot.Label, c.Slot.Label)
			} else if c.Slot.Kind == crypto.Recovery {
				env.printf("Problem: the recovery key's slot is damaged, and the recovery key may no longer open the vault: " +
					noNewRecoveryKey + "\n")
			} else {
				env.printf("Problem: %s's key slot is damaged, and their passphrase may no longer open the vault. "+
					"msprecords passwd --user %s (with their passphrase or the recovery key) writes it afresh, "+
					"or another user can remove and add them again (msprecords slots)\n", c.Slot.Label, c.Slot.Label)
			}
			env.printf("  (%s)\n", oneLine(fmt.Sprint(c.Err)))
		case crypto.SlotUnchecked:
			unchecked++
			if c.Slot.Kind == crypto.Recovery {
				env.printf("Note: the recovery key's slot could not be checked: it was written by an earlier version, " +
					"which recorded no check value. Only the recovery key itself can prove it\n")
			} else {
				env.printf("Note: %s's key slot could not be checked: it was written by an earlier version, "+
					"which recorded no check value. Running verify with %s's passphrase proves it, and it gets a check value "+
					"when that passphrase is next changed (msprecords passwd)\n", c.Slot.Label, c.Slot.Label)
			}
		}
	}
	return damaged, unchecked
}

// verifySlots lists the key slots and returns how many problems it found.
func verifySlots(env *Env, v *crypto.Vault) int {
	slots, problem := v.Slots()
	var users []string
	recovery := 0
	for _, sl := range slots {
		switch sl.Kind {
		case crypto.Recovery:
			recovery++
		case crypto.Passphrase:
			users = append(users, sl.Label)
		}
	}
	env.printf("Key slots: %s (%s), %s\n", plural(len(users), "user"), strings.Join(users, ", "), plural(recovery, "recovery key"))
	reportSetupCodes(env, slots)
	problems := 0
	if problem != nil {
		env.printf("Problem: %s\n", oneLine(fmt.Sprint(problem)))
		problems++
	}
	switch {
	case recovery == 0 && problem != nil:
		env.printf("Problem: there is no readable recovery key slot; the damaged file above may be it. " +
			"If so, the recovery key will not open the vault: " + noNewRecoveryKey + "\n")
		problems++
	case recovery == 0:
		env.printf("Problem: there is no recovery key slot; a forgotten passphrase could not be recovered\n")
		problems++
	}
	return problems
}

// acknowledgeLoss records that the latest loss report has been dealt with,
// and says which it was.
func acknowledgeLoss(env *Env, s *session) error {
	loss, err := s.store.AcknowledgeLoss()
	if err != nil {
		return err
	}
	if loss == nil {
		env.printf("Lost changes: none to acknowledge\n")
		return nil
	}
	env.printf("Lost changes: acknowledged (recorded in the audit trail): %s\n", oneLine(loss.Message()))
	return nil
}

// reportSetupCodes lists the setup codes still waiting to be used, and says
// what to do about those that have expired. An expired code is no
// problem with the vault: it simply opens nothing any more.
func reportSetupCodes(env *Env, slots []crypto.Slot) {
	for _, sl := range slots {
		switch {
		case sl.Kind != crypto.Setup || hasPassphrase(slots, sl.Label):
			continue
		case sl.Expired():
			env.printf("Note: %s's setup code expired on %s and no longer works: give them a new one "+
				"(msprecords slots add %s --setup-code), or take it back (msprecords slots remove %s)\n",
				sl.Label, localDate(sl.Expires), sl.Label, sl.Label)
		default:
			env.printf("Setup code: %s is waiting to set their passphrase with theirs, until %s\n", sl.Label, localDate(sl.Expires))
		}
	}
}

// removeSpareSetups removes the setup codes that a claim stopped halfway
// left beside the passphrase it set (see crypto.Vault.RemoveSpareSetups).
func removeSpareSetups(env *Env, v *crypto.Vault, key crypto.MasterKey) {
	names, err := v.RemoveSpareSetups(key)
	for _, name := range names {
		env.printf("Note: removed %s's used setup code, left when setting their passphrase was interrupted; their passphrase works\n", name)
	}
	if err != nil {
		env.printf("Note: a used setup code could not be removed: %s\n", oneLine(fmt.Sprint(err)))
	}
}
