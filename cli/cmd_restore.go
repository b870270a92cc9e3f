package cli

import (
	"errors"
	"io/fs"
	"os"

	"msprecords/backup"
	"msprecords/crypto"
	"msprecords/store"
)

type restoreOptions struct {
	global               globalOptions
	backup               string
	backupPassphraseFile string
}

func newRestoreCommand() *command {
	var opts restoreOptions
	fs := newFlagSet("restore")
	opts.global.register(fs)
	fs.StringVar(&opts.backup, "backup", "", "the backup `FILE` to restore")
	fs.StringVar(&opts.backupPassphraseFile, "backup-passphrase-file", "",
		"the backup's own passphrase, if it was made with one, in the first line of `FILE`")
	return &command{
		usage: "restore --backup FILE --vault NEW-FOLDER [--backup-passphrase-file FILE] [flags]",
		summary: "restore a backup into a new or empty vault folder. The restored vault opens with the " +
			"passphrases it had when the backup was made",
		flags: fs,
		run: func(env *Env, args []string) error {
			if err := wantArgs(args, 0, ""); err != nil {
				return err
			}
			if opts.backup == "" {
				return usagef("name the backup to restore with --backup FILE")
			}
			return runRestore(env, opts)
		},
	}
}

func runRestore(env *Env, opts restoreOptions) error {
	dir := opts.global.vault
	env.vaultDir = dir
	if err := checkRestoreTarget(dir); err != nil {
		return err // before any passphrase is asked for
	}
	f, err := os.Open(opts.backup)
	if errors.Is(err, fs.ErrNotExist) {
		return failf("the backup file %s does not exist", opts.backup)
	}
	if err != nil {
		return failf("cannot read the backup %s: %v", opts.backup, unwrapPath(err))
	}
	defer f.Close()
	if err := checkRestoreRoom(f, dir); err != nil {
		return err // before any passphrase is asked for, too
	}
	pass, err := backupPassphrase(env, opts)
	if err != nil {
		return err
	}
	n, err := backup.Restore(f, dir, pass, restoreUnlock(env, opts, pass))
	if store.IsDiskFull(err) { // backup.Restore removes what it wrote
		return store.AsDiskFull(err)
	}
	if err != nil {
		return restoreFailure(err, dir)
	}
	env.printf("Restored %s into %s. It opens with the passphrases it had when the backup was made.\n", plural(n, "case"), dir)
	return nil
}

// checkRestoreTarget refuses a folder that holds anything: restoring never
// overwrites or mixes with what is there. backup.Restore checks again; this
// check comes first so that no passphrase is asked for in vain.
func checkRestoreTarget(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return failf("cannot use the folder %s: %v", dir, unwrapPath(err))
	case len(entries) > 0:
		return explain(crypto.ErrVaultExists, "restore needs a new or empty folder, and %s is not empty: choose a new folder", dir)
	}
	return nil
}

// checkRestoreRoom refuses a restore the disk of dir has no room for, from
// the size of the backup file f.
func checkRestoreRoom(f *os.File, dir string) error {
	fi, err := f.Stat()
	if err != nil {
		return nil // the restore itself will say what is wrong
	}
	return store.CheckFreeSpace(dir, store.RestoreSize(fi.Size()))
}

// backupPassphrase is the backup's own passphrase, or else the user's.
func backupPassphrase(env *Env, opts restoreOptions) (string, error) {
	if opts.backupPassphraseFile != "" {
		return readPassphraseFile(opts.backupPassphraseFile)
	}
	return env.passphrase(opts.global.passphraseFile, "Passphrase of the backup: ")
}

// restoreUnlock opens the restored vault with the passphrase that opened
// the backup, unless the backup had one of its own, when the user's own
// passphrase is asked for as well.
func restoreUnlock(env *Env, opts restoreOptions, backupPass string) backup.UnlockFunc {
	return func(v *crypto.Vault) (crypto.MasterKey, string, error) {
		pass := backupPass
		if opts.backupPassphraseFile != "" {
			p, err := env.passphrase(opts.global.passphraseFile, "Your passphrase: ")
			if err != nil {
				return crypto.MasterKey{}, "", err
			}
			pass = p
		}
		u, err := v.Unlock(opts.global.user, pass)
		return u.Key, u.Label, err
	}
}
