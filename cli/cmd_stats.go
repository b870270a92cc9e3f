package cli

import (
	"bytes"

	"msprecords/export"
	"msprecords/practice"
	"msprecords/store"
)

type statsOptions struct {
	global globalOptions
	year   string
	exact  bool
	out    string
}

func newStatsCommand() *command {
	var opts statsOptions
	fs := newFlagSet("stats")
	opts.global.register(fs)
	fs.StringVar(&opts.year, "year", "", "the financial `YEAR`, e.g. 2025-26 (1 April 2025 to 31 March 2026)")
	fs.BoolVar(&opts.exact, "exact", false, "write exact counts, for internal use only (by default 0 to 4 show as * and others are rounded to the nearest 5)")
	fs.StringVar(&opts.out, "out", "", "save the figures as CSV (table, label, count) to `FILE`")
	return &command{
		usage: "stats --year 2025-26 [--exact] --out FILE.csv [flags]",
		summary: "count the enquiries concluded in a financial year for the Safeguarding Adults Collection: " +
			"type of abuse, location and source of risk, risk outcomes, capacity, desired outcomes and age",
		flags: fs,
		run: func(env *Env, args []string) error {
			if err := wantArgs(args, 0, ""); err != nil {
				return err
			}
			y, err := practice.ParseFinancialYear(opts.year)
			switch {
			case opts.year == "":
				return usagef("give the financial year with --year, like --year 2025-26")
			case err != nil:
				return usagef("--year must be a financial year written like 2025-26")
			case opts.out == "":
				return usagef("say where to save the figures with --out FILE.csv")
			}
			return withSession(env, opts.global, func(s *session) error { return runStats(env, opts, y, s) })
		},
	}
}

func runStats(env *Env, opts statsOptions, y practice.FinancialYear, s *session) error {
	figures, err := store.LoadFigures(s.store, y)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := export.WriteFiguresCSV(&buf, figures, opts.exact); err != nil {
		return err
	}
	form := "published form"
	if opts.exact {
		form = "exact counts"
	}
	if err := saveRecorded(s, opts.out, buf.Bytes(), "stats", "national-return figures for "+y.String()+", "+form); err != nil {
		return err
	}
	n := figures.Count(practice.TableConcluded, practice.ConcludedLabel)
	env.printf("Counted %s concluded in %s. Saved the figures (%s) to %s.\n", plural(n, "enquiry"), y, form, opts.out)
	if figures.Unreadable > 0 {
		env.printf("Not counted: %s restricted to other users. For the whole return, a user who can read every case must make the figures.\n", plural(figures.Unreadable, "case"))
	}
	if opts.exact {
		env.printErrLine("Note: exact counts are for internal use only. Publish the default form, where 0 to 4 show as * and others are rounded to the nearest 5.")
	}
	return nil
}
