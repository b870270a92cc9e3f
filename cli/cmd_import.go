package cli

import (
	"errors"
	"io/fs"
	"os"

	"msprecords/store"
)

type importOptions struct {
	global globalOptions
}

func newImportCommand() *command {
	var opts importOptions
	fs := newFlagSet("import")
	opts.global.register(fs)
	return &command{
		usage:   "import FILE.json [flags]",
		summary: "add the cases of a JSON case file (as written by export-json): all of them, or none if any is wrong",
		flags:   fs,
		run: func(env *Env, args []string) error {
			if err := wantArgs(args, 1, "the JSON case file to import"); err != nil {
				return err
			}
			return runImport(env, opts, args[0])
		},
	}
}

func runImport(env *Env, opts importOptions, path string) error {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return failf("the file %s does not exist", path)
	}
	if err != nil {
		return failf("cannot read %s: %v", path, unwrapPath(err))
	}
	defer f.Close()
	// Refuse a file too large before asking for a passphrase or reading it.
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() > store.MaxImportSize {
		return explain(store.ErrImport, "the file %s cannot be imported: it is larger than %d MB, the most that can be imported at once: split it into smaller files",
			path, store.MaxImportSize>>20)
	} else if err == nil && !fi.Mode().IsRegular() {
		return failf("%s is not a file", path)
	}
	return withSession(env, opts.global, func(s *session) error {
		// Refused at once if the disk cannot take it: each case is stored
		// as a document about its size in the file, with its summary and
		// search words besides.
		if fi, err := f.Stat(); err == nil {
			if err := s.store.CheckRoom(2 * fi.Size()); err != nil {
				return err
			}
		}
		n, err := s.store.ImportJSON(f)
		if err != nil {
			return err
		}
		env.printf("Imported %s from %s.\n", plural(n, "case"), path)
		return nil
	})
}
