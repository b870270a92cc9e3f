package cli

import (
	"context"
	"errors"
	"os"
	"path/filepath"

	"msprecords/backup"
	"msprecords/store"
)

type backupOptions struct {
	global               globalOptions
	out                  string
	backupPassphraseFile string
}

func newBackupCommand() *command {
	var opts backupOptions
	fs := newFlagSet("backup")
	opts.global.register(fs)
	fs.StringVar(&opts.out, "out", "", "write the backup to `FILE`")
	fs.StringVar(&opts.backupPassphraseFile, "backup-passphrase-file", "",
		"encrypt the backup with the passphrase in the first line of `FILE` (default: your own passphrase)")
	return &command{
		usage: "backup --out FILE [--backup-passphrase-file FILE] [flags]",
		summary: "save an encrypted backup of the whole vault (cases, audit trail and key slots), " +
			"sealed with your passphrase or a backup passphrase of its own",
		flags: fs,
		run: func(env *Env, args []string) error {
			if err := wantArgs(args, 0, ""); err != nil {
				return err
			}
			if opts.out == "" {
				return usagef("say where to save the backup with --out FILE")
			}
			return withSession(env, opts.global, func(s *session) error { return runBackup(env, opts, s) })
		},
	}
}

func runBackup(env *Env, opts backupOptions, s *session) error {
	pass := s.pass
	if opts.backupPassphraseFile != "" {
		p, err := readPassphraseFile(opts.backupPassphraseFile)
		if err != nil {
			return err
		}
		pass = p
	}
	wf, err := workFactor()
	if err != nil {
		return err
	}
	// The backup holds about what BackupSize counts: refused at once if
	// that does not fit, rather than a full disk part way.
	if err := store.CheckFreeSpace(filepath.Dir(opts.out), s.store.BackupSize()); err != nil {
		return err
	}
	f, err := createAtomic(opts.out, s.store.TempLedger())
	if err != nil {
		return err
	}
	defer f.abandon()
	if err := backup.Write(context.Background(), f, s.vault.Dir, s.store, pass, wf, nil); err != nil {
		return backupFailure(err, opts.out)
	}
	if err := f.Commit(); err != nil {
		if store.IsDiskFull(err) {
			return store.AsDiskFull(err)
		}
		return failf("cannot save %s: %v", opts.out, unwrapPath(err))
	}
	sealed := "your passphrase"
	if opts.backupPassphraseFile != "" {
		sealed = "the backup passphrase"
	}
	env.printf("Saved an encrypted backup of %s to %s, sealed with %s.\n", plural(len(s.store.Summaries()), "case"), opts.out, sealed)
	env.printf("Restore it into a new folder with: msprecords restore --backup %s --vault NEW-FOLDER\n", opts.out)
	return nil
}

// backupFailure words a failure to write a backup; errors of the vault or
// database keep their own wording.
func backupFailure(err error, out string) error {
	var pe *os.PathError
	if store.IsDiskFull(err) { // the unfinished file is removed (see createAtomic)
		return store.AsDiskFull(err)
	}
	if errors.As(err, &pe) {
		return failf("cannot write the backup %s: %v", out, pe.Err)
	}
	return err
}
