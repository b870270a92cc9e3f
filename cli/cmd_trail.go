package cli

import (
	"bytes"
	"fmt"
	"strings"

	"msprecords/crypto"
	"msprecords/export"
	"msprecords/records"
	"msprecords/store"
)

type trailOptions struct {
	global       globalOptions
	reference    string
	user, action string
	fromText     string
	toText       string
	csv          string
	filter       store.TrailFilter // from the flags above, once checked
}

func newTrailCommand() *command {
	var opts trailOptions
	fs := newFlagSet("audit-trail")
	opts.global.register(fs)
	fs.StringVar(&opts.reference, "case", "", "only entries about the case with reference `REF` (also a deleted case)")
	fs.StringVar(&opts.user, "by", "", "only entries by the user `NAME`, as the key slot names them")
	fs.StringVar(&opts.action, "action", "", "only entries of this `ACTION`: create, view, change, export, delete, import, backup, restore, audit, stats…")
	fs.StringVar(&opts.fromText, "from", "", "only entries on or after `DATE` (31/01/2026 or 2026-01-31; days in UTC)")
	fs.StringVar(&opts.toText, "to", "", "only entries on or before `DATE`")
	fs.StringVar(&opts.csv, "csv", "", "save the entries as CSV to `FILE` instead of printing them")
	return &command{
		usage: "audit-trail [--case REF] [--by NAME] [--action ACTION] [--from DATE] [--to DATE] [--csv FILE.csv] [flags]",
		summary: "show who created, viewed, changed, exported or deleted which case and when, and whether the trail's " +
			"chain of entries is unbroken; the exit status is 1 if it is not",
		flags: fs,
		run: func(env *Env, args []string) error {
			if err := checkTrailOptions(&opts, args); err != nil {
				return err
			}
			return withSession(env, opts.global, func(s *session) error { return runTrail(env, opts, s) })
		},
	}
}

func checkTrailOptions(opts *trailOptions, args []string) error {
	if err := wantArgs(args, 0, ""); err != nil {
		return err
	}
	from, err := records.ParseDate(opts.fromText)
	if err != nil {
		return usagef("--from must be a real date, like 1/4/2026 or 2026-04-01")
	}
	to, err := records.ParseDate(opts.toText)
	if err != nil {
		return usagef("--to must be a real date, like 30/4/2026 or 2026-04-30")
	}
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		return usagef("--to (%s) is before --from (%s)", to, from)
	}
	opts.filter = store.TrailFilter{Reference: opts.reference, User: opts.user, Action: strings.TrimSpace(opts.action), From: from, To: to}
	return nil
}

func runTrail(env *Env, opts trailOptions, s *session) error {
	if !s.isLead() {
		return crypto.ErrNotLead // the whole trail says who read which case
	}
	t, err := s.store.Trail(opts.filter)
	if err != nil {
		return err
	}
	if opts.csv != "" {
		if err := saveTrailCSV(s, opts, t); err != nil {
			return err
		}
		env.printf("Saved %s to %s.\n", plural(len(t.Entries), "audit entry"), opts.csv)
	} else {
		for _, e := range t.Entries {
			env.printf("%d\t%s\t%s\t%s\t%s\t%s\n", e.Seq, e.When(), e.User, e.Action, e.Reference, oneLine(e.Detail))
		}
	}
	env.printErrLine(fmt.Sprintf("%s of %s shown.", plural(len(t.Entries), "entry"), plural(t.Total, "audit entry")))
	if !t.Verified() {
		for _, p := range t.Problems {
			env.printErrLine("Problem: " + oneLine(p))
		}
		return failf("the audit trail's chain is broken: see above, and run 'msprecords verify'")
	}
	env.printErrLine("The chain of entries is unbroken.")
	return nil
}

// saveTrailCSV writes the entries whole, then records that they were saved.
func saveTrailCSV(s *session, opts trailOptions, t *store.Trail) error {
	var buf bytes.Buffer
	if err := export.WriteCSV(&buf, store.TrailColumns, t.Table()); err != nil {
		return err
	}
	return saveRecorded(s, opts.csv, buf.Bytes(), store.AuditTrailSaved, store.TrailDetail(len(t.Entries), opts.filter))
}
