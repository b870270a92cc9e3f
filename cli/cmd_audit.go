package cli

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"msprecords/crypto"
	"msprecords/export"
	"msprecords/practice"
	"msprecords/records"
	"msprecords/store"
)

type auditOptions struct {
	global        globalOptions
	closedFrom    string
	closedTo      string
	condition     string
	abuseType     string
	stage         string
	sample        int
	seed          int64
	seedSet       bool
	referralLimit int
	out, csv      string
	filter        practice.Filter // from the flags above, once checked
}

func newAuditCommand() *command {
	var opts auditOptions
	fs := newFlagSet("audit")
	opts.global.register(fs)
	fs.StringVar(&opts.closedFrom, "closed-from", "", "only enquiries closed on or after `DATE` (31/01/2026 or 2026-01-31)")
	fs.StringVar(&opts.closedTo, "closed-to", "", "only enquiries closed on or before `DATE`")
	fs.StringVar(&opts.condition, "condition", "", "only people whose diagnosis or conditions contain `TEXT`, e.g. dementia")
	fs.StringVar(&opts.abuseType, "abuse-type", "", "only enquiries with an allegation of this `TYPE` of abuse, e.g. \"Neglect and Acts of Omission\"")
	fs.StringVar(&opts.stage, "stage", "", "only enquiries at this `STAGE`")
	fs.IntVar(&opts.sample, "sample", 0, "draw `N` cases at random")
	fs.Func("seed", "the random `S`: the same filter, sample size and seed draw the same cases again", func(s string) error {
		n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
		if err != nil {
			return errors.New("must be a whole number")
		}
		opts.seed, opts.seedSet = n, true
		return nil
	})
	fs.IntVar(&opts.referralLimit, "referral-limit", practice.DefaultReferralLimit, "a referral is timely within `N` working days")
	fs.StringVar(&opts.out, "out", "", "save the report as a PDF to `FILE`")
	fs.StringVar(&opts.csv, "csv", "", "also save each case's findings as CSV to `FILE`")
	return &command{
		usage: "audit [--closed-from DATE --closed-to DATE] [--condition TEXT] [--abuse-type TYPE] --sample N --seed S --out FILE.pdf [--csv FILE.csv] [flags]",
		summary: "run the MSP practice audit over a random sample of cases, and save the report (no names, cases by reference); " +
			"the same filter, sample size and seed draw the same sample again",
		flags: fs,
		run: func(env *Env, args []string) error {
			if err := checkAuditOptions(&opts, args); err != nil {
				return err
			}
			return withSession(env, opts.global, func(s *session) error { return runAudit(env, opts, s) })
		},
	}
}

// checkAuditOptions refuses a command line that cannot run, before the
// passphrase is asked for.
func checkAuditOptions(opts *auditOptions, args []string) error {
	if err := wantArgs(args, 0, ""); err != nil {
		return err
	}
	switch {
	case opts.sample < 1:
		return usagef("give the number of cases to sample with --sample N (1 or more)")
	case !opts.seedSet:
		return usagef("give a seed with --seed S (any whole number): note it, so that the same sample can be drawn again")
	case opts.out == "":
		return usagef("say where to save the report with --out FILE.pdf")
	case opts.referralLimit < 1:
		return usagef("--referral-limit must be 1 or more working days")
	case opts.csv != "" && opts.csv == opts.out:
		return usagef("--csv and --out must name different files")
	}
	f, err := auditFilter(opts)
	if err != nil {
		return err
	}
	opts.filter = f
	return nil
}

// auditFilter reads the filter flags.
func auditFilter(opts *auditOptions) (practice.Filter, error) {
	from, err := records.ParseDate(opts.closedFrom)
	if err != nil {
		return practice.Filter{}, usagef("--closed-from must be a real date, like 1/4/2025 or 2025-04-01")
	}
	to, err := records.ParseDate(opts.closedTo)
	if err != nil {
		return practice.Filter{}, usagef("--closed-to must be a real date, like 31/3/2026 or 2026-03-31")
	}
	f, err := practice.Filter{ClosedFrom: from, ClosedTo: to, Condition: opts.condition, AbuseType: opts.abuseType, Stage: opts.stage}.Check()
	if errors.Is(err, practice.ErrFilter) {
		return f, usagef("%s", strings.TrimPrefix(err.Error(), practice.ErrFilter.Error()+": "))
	}
	return f, err
}

func runAudit(env *Env, opts auditOptions, s *session) error {
	sample, err := store.LoadSample(s.store, opts.filter, opts.sample, opts.seed)
	if err != nil {
		return err
	}
	po := practice.DefaultOptions()
	po.ReferralLimitWorkingDays = opts.referralLimit
	result := practice.Audit(sample, po)
	files, err := auditFiles(opts, result, s.user, s.store.TempLedger())
	if err != nil {
		return err
	}
	defer abandonAll(files)
	if err := s.store.RecordEvent("audit", "", auditDetail(opts, result)); err != nil {
		return err
	}
	for _, f := range files {
		if err := f.commit(); err != nil {
			return err
		}
	}
	printAudit(env, opts, result)
	return nil
}

// auditFiles writes the report (and CSV) under temporary names, so that
// nothing is left half-written if one of them fails.
func auditFiles(opts auditOptions, a practice.AuditResult, user string, ledger crypto.TempLedger) ([]*atomicFile, error) {
	pdf, err := export.WriteAuditPDF(a, export.AuditReportOptions{Author: user})
	if err != nil {
		return nil, err
	}
	outputs := []struct {
		path string
		data []byte
	}{{opts.out, pdf}}
	if opts.csv != "" {
		var buf bytes.Buffer
		if err := export.WriteAuditCSV(&buf, a); err != nil {
			return nil, err
		}
		outputs = append(outputs, struct {
			path string
			data []byte
		}{opts.csv, buf.Bytes()})
	}
	var files []*atomicFile
	for _, o := range outputs {
		f, err := createAtomic(o.path, ledger)
		if err == nil {
			files = append(files, f)
			_, err = f.Write(o.data)
		}
		if err != nil {
			abandonAll(files)
			return nil, failf("cannot write %s: %v", o.path, unwrapPath(err))
		}
	}
	return files, nil
}

func abandonAll(files []*atomicFile) {
	for _, f := range files {
		f.abandon()
	}
}

// auditDetail is what the audit trail records: how the sample was drawn
// and where the report went, no case details.
func auditDetail(opts auditOptions, a practice.AuditResult) string {
	d := fmt.Sprintf("dip-sample audit of %s: %d of %d matching cases, seed %d; report saved", a.Filter, len(a.Cases), a.Matched, a.Seed)
	if opts.csv != "" {
		d += " with CSV"
	}
	return d
}

// printAudit summarises the audit on stdout.
func printAudit(env *Env, opts auditOptions, a practice.AuditResult) {
	env.printf("Audited %s of %d matching (%s), seed %d.\n", plural(len(a.Cases), "case"), a.Matched, a.Filter, a.Seed)
	if a.Unreadable > 0 {
		env.printf("Not looked at: %s restricted to other users.\n", plural(a.Unreadable, "case"))
	}
	width := 0
	for _, t := range a.Criteria {
		width = max(width, len(t.Title))
	}
	for _, t := range a.Criteria {
		if len(a.Cases) == 0 {
			break
		}
		env.printf("  %-*s  met %d, partly %d, not met %d, not applicable %d\n", width, t.Title,
			t.Count(practice.Met), t.Count(practice.PartlyMet), t.Count(practice.NotMet), t.Count(practice.NotApplicable))
	}
	env.printf("Saved the report to %s.\n", opts.out)
	if opts.csv != "" {
		env.printf("Saved the findings to %s.\n", opts.csv)
	}
}
