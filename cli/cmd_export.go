package cli

import (
	"errors"
	"path/filepath"
	"strconv"
	"strings"

	"msprecords/export"
	"msprecords/records"
)

type exportOptions struct {
	global       globalOptions
	ref          string
	purpose      string
	sections     string
	maskContacts bool
	meeting      string
	marking      string
	format       string
	out          string
	passwordFile string
	noPassword   bool
}

func newExportCommand() *command {
	var opts exportOptions
	fs := newFlagSet("export")
	opts.global.register(fs)
	fs.StringVar(&opts.ref, "case", "", "export the case with reference `REF`, e.g. DEMO-2026-0001")
	fs.StringVar(&opts.purpose, "purpose", "", "why it is shared: meeting (multi-agency meeting), person (for the person or their "+
		"representative: never holds the person alleged to have caused harm, other people's contact details or challenge notes), or custom")
	fs.StringVar(&opts.sections, "sections", "", "the sections to include, comma-separated, from: "+export.SectionNames()+
		" (needed for custom; otherwise it narrows the purpose's sections). Sections left out say so in the pack")
	fs.BoolVar(&opts.maskContacts, "mask-contacts", false, "replace addresses, postcodes and phone numbers with [address withheld] etc.")
	fs.StringVar(&opts.meeting, "meeting", "latest", "the meeting on the cover: `N` as numbered by 'msprecords show', latest, or none")
	fs.StringVar(&opts.marking, "marking", export.DefaultMarking, "the protective marking on every page")
	fs.StringVar(&opts.format, "format", "", "pdf or html (default: from the --out file's extension, else pdf)")
	fs.StringVar(&opts.out, "out", "", "write the pack to `FILE`")
	fs.StringVar(&opts.passwordFile, "pdf-password-file", "", "encrypt the PDF (AES-256) with the password in the first line of `FILE`")
	fs.BoolVar(&opts.noPassword, "no-password", false, "save without a password (the file is then readable by anyone who has it)")
	return &command{
		usage: "export --case REF --purpose meeting|person|custom [--sections a,b,c] [--mask-contacts] [--meeting N] " +
			"[--format pdf|html] --out FILE (--pdf-password-file FILE | --no-password) [flags]",
		summary: "save a meeting pack for a case as PDF or HTML: the person's views first, then pen picture, concerns, " +
			"capacity and representation, risks, referrals, the person alleged to have caused harm (meeting packs only), " +
			"chronology and outcomes. Section names for --sections: " + export.SectionNames() + ". " +
			"Every page is marked and numbered; the export is recorded in the audit trail",
		flags: fs,
		run: func(env *Env, args []string) error {
			if err := wantArgs(args, 0, ""); err != nil {
				return err
			}
			req, err := opts.request()
			if err != nil {
				return err
			}
			return withSession(env, opts.global, func(s *session) error { return runExport(env, s, req) })
		},
	}
}

// exportRequest is a checked export command line.
type exportRequest struct {
	opts     exportOptions
	pack     export.PackOptions
	html     bool
	password string
}

// request checks the command line before the vault is opened, so that a
// mistake costs no passphrase.
func (o exportOptions) request() (exportRequest, error) {
	r := exportRequest{opts: o}
	switch {
	case o.ref == "":
		return r, usagef("name the case with --case REF")
	case o.out == "":
		return r, usagef("say where to save the pack with --out FILE")
	case o.purpose == "":
		return r, usagef("say why the pack is shared with --purpose meeting, person or custom")
	}
	purpose, err := export.ParsePurpose(o.purpose)
	if err != nil {
		return r, usagef("--purpose must be meeting, person or custom, not %q", o.purpose)
	}
	sections, err := export.ParseSections(o.sections)
	if err != nil {
		return r, usagef("%s", strings.Replace(err.Error(), "unknown section: ", "there is no section ", 1))
	}
	if purpose == export.PurposeCustom && len(sections) == 0 {
		return r, usagef("a custom pack needs --sections, from: %s", export.SectionNames())
	}
	if r.html, err = o.isHTML(); err != nil {
		return r, err
	}
	if r.password, err = o.pdfPassword(r.html); err != nil {
		return r, err
	}
	r.pack = export.PackOptions{Purpose: purpose, Sections: sections, MaskContacts: o.maskContacts, Marking: strings.TrimSpace(o.marking)}
	return r, nil
}

func (o exportOptions) isHTML() (bool, error) {
	switch strings.ToLower(o.format) {
	case "pdf":
		return false, nil
	case "html":
		return true, nil
	case "":
		ext := strings.ToLower(filepath.Ext(o.out))
		return ext == ".html" || ext == ".htm", nil
	}
	return false, usagef("--format must be pdf or html, not %q", o.format)
}

// pdfPassword insists on a choice: a password, or an explicit --no-password.
// An HTML page cannot carry a password, so it needs --no-password.
func (o exportOptions) pdfPassword(html bool) (string, error) {
	switch {
	case o.passwordFile != "" && o.noPassword:
		return "", usagef("give --pdf-password-file or --no-password, not both")
	case html && o.passwordFile != "":
		return "", usagef("an HTML file cannot have a password: save a PDF, or add --no-password to save the HTML unencrypted")
	case o.noPassword:
		return "", nil
	case o.passwordFile == "":
		return "", usagef("protect the pack with --pdf-password-file FILE, or choose --no-password to save it without one")
	}
	pw, err := readPassphraseFile(o.passwordFile)
	if err != nil {
		return "", err
	}
	switch err := export.CheckPDFPassword(pw); {
	case errors.Is(err, export.ErrPasswordTooLong):
		return "", failf("the PDF password in %s is too long: use at most 127 bytes (about 60 letters)", o.passwordFile)
	case err != nil:
		return "", failf("the PDF password in %s is empty: its first line must be the password", o.passwordFile)
	}
	return pw, nil
}

func runExport(env *Env, s *session, r exportRequest) error {
	id, err := findCase(s, r.opts.ref)
	if err != nil {
		return err
	}
	c, err := s.store.Load(id) // the export is recorded below, not as a view
	if err != nil {
		return err
	}
	r.pack.Author = s.user
	if r.pack.MeetingID, err = chooseMeeting(c, r.opts.meeting); err != nil {
		return err
	}
	pack, err := export.BuildPack(c, r.pack)
	if err != nil {
		return err
	}
	data, format, err := render(pack, r)
	if err != nil {
		return explain(err, "the pack could not be made: %v", err)
	}
	if err := saveExport(s, id, r.opts.out, data, pack.AuditDetail(format, r.password != "")); err != nil {
		return err
	}
	protection := "encrypted with AES-256"
	if r.password == "" {
		protection = "not encrypted"
	}
	env.printf("Saved the pack for %s to %s: %s; %d of %d sections; %s.\n", c.Reference, r.opts.out,
		strings.ToLower(r.pack.Purpose.Label()), len(pack.Options.Sections), len(export.AllSections), protection)
	if r.password == "" {
		env.printErrLine("Warning: this file is not encrypted. Anyone who has it can read it: share it only by a secure route and delete it when done.")
	}
	return nil
}

// render draws the pack, encrypting a PDF when a password was given.
func render(p *export.Pack, r exportRequest) ([]byte, string, error) {
	if r.html {
		data, err := p.HTML()
		return data, "HTML", err
	}
	data, err := p.PDF()
	if err == nil && r.password != "" {
		data, err = export.EncryptPDF(data, r.password)
	}
	return data, "PDF", err
}

// saveExport writes the file under a temporary name, records the export in
// the audit trail, and only then gives the file its name: there is never a
// half-written pack, nor a pack whose sharing was not recorded.
func saveExport(s *session, id, out string, data []byte, detail string) error {
	f, err := createAtomic(out, s.store.TempLedger())
	if err != nil {
		return err
	}
	defer f.abandon()
	if _, err := f.Write(data); err != nil {
		return failf("cannot write %s: %v", out, unwrapPath(err))
	}
	if err := s.store.RecordExport(id, detail); err != nil {
		return explain(err, "the export could not be recorded in the audit trail, so the pack was not saved: %v", err)
	}
	return f.commit()
}

// chooseMeeting turns --meeting (N, latest or none) into a meeting ID.
func chooseMeeting(c *records.Case, choice string) (string, error) {
	switch strings.ToLower(strings.TrimSpace(choice)) {
	case "latest", "":
		return export.LatestMeeting(c), nil
	case "none":
		return "", nil
	}
	n, err := strconv.Atoi(choice)
	if err != nil || n < 1 || n > len(c.Meetings) {
		return "", usagef("--meeting must be latest, none, or a meeting's number from 1 to %d as 'msprecords show %s' lists them",
			len(c.Meetings), c.Reference)
	}
	return c.Meetings[n-1].ID, nil
}
