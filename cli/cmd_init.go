package cli

import (
	"os"
	"os/user"
	"path/filepath"
	"strings"

	"msprecords/crypto"
	"msprecords/export"
	"msprecords/practice"
	"msprecords/vaultopen"
)

type initOptions struct {
	global globalOptions
	sheet  string // --recovery-sheet: where to write the recovery sheet, or ""
}

func newInitCommand() *command {
	var opts initOptions
	fs := newFlagSet("init")
	opts.global.register(fs)
	fs.StringVar(&opts.sheet, "recovery-sheet", "", "also write the recovery key's sheet to print, a one-page PDF with the key in groups and as a QR code, to `FILE.pdf` (readable only by you)")
	return &command{
		usage:   "init [--vault DIR] [--user NAME] [--passphrase-file FILE] [--recovery-sheet FILE.pdf]",
		summary: "create a new vault, with NAME (default: your login name) as its first user, and print its recovery key once (and its sheet to print, with --recovery-sheet)",
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
	if err := checkSheetPath(opts.sheet); err != nil {
		return err // before the vault is made: nothing to undo
	}
	pass, err := env.newPassphrase(g.passphraseFile, "New passphrase for "+label+": ")
	if err != nil {
		return err
	}
	s, recovery, err := vaultopen.Create(g.vault, label, pass, wf, practice.DefaultOptions())
	if err != nil {
		return err // vaultopen.Create left nothing behind
	}
	vault := s.Vault
	if err := s.Close(); err != nil {
		return err
	}
	printRecoveryKey(env, label, g.vault, recovery)
	if opts.sheet == "" {
		return nil
	}
	return writeRecoverySheet(env, opts.sheet, vault, recovery)
}

func printRecoveryKey(env *Env, label, dir, recovery string) {
	env.printf("Created a vault in %s with one user, %s.\n\n", dir, label)
	grouped := strings.ReplaceAll(crypto.GroupRecoveryKey(recovery), "\n", "\n    ")
	env.printf("Recovery key (shown this once and stored nowhere):\n\n    %s\n\n", grouped)
	env.printf("Write it down or print it now, and keep it offline, away from this computer: in a locked\n" +
		"drawer or safe. It opens the vault if every passphrase is forgotten, so guard it like the\n" +
		"records themselves. When you type it back, the spaces and capitals do not matter. Without\n" +
		"it, a forgotten passphrase cannot be recovered (see README).\n")
}

// checkSheetPath checks, before the vault is made, that the recovery sheet
// can be written at path: its folder exists and path is not a folder.
func checkSheetPath(path string) error {
	if path == "" {
		return nil
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return usagef("--recovery-sheet %s is a folder: give the name of the PDF to write", path)
	}
	if fi, err := os.Stat(filepath.Dir(path)); err != nil || !fi.IsDir() {
		return failf("cannot write the recovery sheet %s: the folder %s does not exist, so no vault was made", path, filepath.Dir(path))
	}
	return nil
}

// writeRecoverySheet writes the vault's recovery sheet to path, readable by
// the person alone. The key is printed already, so a failure says so.
func writeRecoverySheet(env *Env, path string, v *crypto.Vault, recovery string) error {
	pdf, err := export.WriteRecoverySheet(export.RecoverySheet{
		VaultName: vaultName(v.Dir),
		VaultID:   v.Header.VaultID,
		Made:      v.Header.Created,
		Key:       crypto.GroupRecoveryKey(recovery),
	})
	if err == nil {
		err = crypto.WriteOwnerOnly(path, pdf)
	}
	if err != nil {
		return explain(err, "the vault was made, but its recovery sheet could not be written to %s (%v): "+
			"write down the recovery key printed above", path, unwrapPath(err))
	}
	env.printf("\nThe recovery sheet, to print, is %s, readable only by you.\n"+
		"It holds the vault, the date, and the key in groups and as a QR code. Print it, then\n"+
		"delete the file unless it is on a removable drive kept locked away.\n", path)
	return nil
}

// vaultName is what the recovery sheet calls a vault: its folder's name.
func vaultName(dir string) string {
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	return filepath.Base(dir)
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
