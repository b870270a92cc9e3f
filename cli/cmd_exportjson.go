package cli

import (
	"bufio"
	"strings"

	"msprecords/store"
)

type exportJSONOptions struct {
	global globalOptions
	ref    string
	out    string
}

func newExportJSONCommand() *command {
	var opts exportJSONOptions
	fs := newFlagSet("export-json")
	opts.global.register(fs)
	fs.StringVar(&opts.ref, "case", "", "export only the case with reference `REF` (default: every case)")
	fs.StringVar(&opts.out, "out", "", "write the JSON case file to `FILE`")
	return &command{
		usage: "export-json [--case REF] --out FILE [flags]",
		summary: "save cases as a JSON case file, to move them to another vault or system. " +
			"The file is NOT encrypted: keep it on an encrypted drive and delete it when done",
		flags: fs,
		run: func(env *Env, args []string) error {
			if err := wantArgs(args, 0, ""); err != nil {
				return err
			}
			if opts.out == "" {
				return usagef("say where to save the file with --out FILE")
			}
			return withSession(env, opts.global, func(s *session) error { return runExportJSON(env, opts, s) })
		},
	}
}

func runExportJSON(env *Env, opts exportJSONOptions, s *session) error {
	var ids []string // nil: every case
	if opts.ref != "" {
		id, err := findCase(s, opts.ref)
		if err != nil {
			return err
		}
		ids = []string{id}
	}
	f, err := createAtomic(opts.out, s.store.TempLedger())
	if err != nil {
		return err
	}
	defer f.abandon()
	w := bufio.NewWriter(f)
	err = s.store.ExportJSON(w, ids)
	if err == nil {
		err = w.Flush()
	}
	if err == nil {
		err = f.commit()
	}
	if err != nil {
		return err
	}
	n := len(ids)
	if ids == nil {
		n = len(s.store.Summaries()) - s.store.Unreadable()
	}
	env.printf("Saved %s to %s.\n", plural(n, "case"), opts.out)
	if left := s.store.Unreadable(); ids == nil && left > 0 {
		env.printf("Left out %s restricted to other users.\n", plural(left, "case"))
	}
	env.printErrLine("Warning: this file is not encrypted. It holds personal data in clear: keep it on an encrypted drive and delete it when done.")
	return nil
}

// findCase returns the id of the case with a reference, from the index:
// unlike GetByReference it records no view, as exporting is recorded itself.
func findCase(s *session, ref string) (string, error) {
	ref = strings.TrimSpace(ref)
	for _, sum := range s.store.Summaries() {
		if strings.EqualFold(sum.Reference, ref) {
			return sum.ID, nil
		}
	}
	return "", store.ErrNotFound
}
