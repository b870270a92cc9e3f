package export

import (
	"fmt"
	"strings"
	"time"

	"msprecords/practice"
)

// The dip-sample audit report: how the sample was drawn (filter, size and
// seed, so that anyone can draw it again), the share of cases meeting each
// criterion, the briefing's prompts where practice fell short, and each
// case's findings. Cases are named by reference only: the report is built
// from a practice.AuditResult, which holds no names, and from the practice
// check's evidence texts, which are made of dates, positions and pick-list
// labels only.

// AuditReportOptions say who made the report, when, and its marking.
type AuditReportOptions struct {
	Author  string    // the user making it
	Marking string    // "" means DefaultMarking
	Made    time.Time // zero means now
}

// AuditReportTitle is the report's main heading.
const AuditReportTitle = "Making Safeguarding Personal: dip-sample audit"

// BuildAuditReport lays out an audit as a Document, for WritePDF or WriteHTML.
func BuildAuditReport(a practice.AuditResult, o AuditReportOptions) *Document {
	if o.Made.IsZero() {
		o.Made = time.Now()
	}
	return &Document{
		Title:   AuditReportTitle,
		Subject: "Dip-sample audit of " + a.Filter.String(),
		Author:  o.Author,
		Marking: o.Marking,
		// Every page names the audit by its seed where a pack names the case.
		ReferenceLabel: "Dip-sample audit,",
		Reference:      fmt.Sprintf("seed %d", a.Seed),
		Made:           o.Made,
		Parts: []Part{
			{Heading: "About this audit", Blocks: auditAbout(a)},
			{Heading: "Results by criterion", Blocks: auditShares(a)},
			{Heading: "Where practice fell short", Blocks: auditShortfalls(a)},
			{Heading: "Findings by case", Blocks: auditCases(a)},
		},
	}
}

// WriteAuditPDF draws the audit report as a PDF with the same page frame as
// the meeting packs.
func WriteAuditPDF(a practice.AuditResult, o AuditReportOptions) ([]byte, error) {
	return WritePDF(BuildAuditReport(a, o))
}

func auditAbout(a practice.AuditResult) []Block {
	return []Block{
		Paragraph{"This audit asks of each sampled enquiry the questions of the MSP dip-sample audit briefing: " +
			"whether the person's views and outcomes were sought throughout, whether they were spoken to alone, " +
			"whether every risk had clear actions and was evaluated with them, and the best-practice prompts that follow. " +
			"The answers come from the records themselves. Cases are shown by reference only."},
		Fields{
			{"Cases chosen", auditCapitalise(a.Filter.String())},
			{"Cases matching", fmt.Sprint(a.Matched)},
			{"Sample size asked for", fmt.Sprint(a.Size)},
			{"Cases sampled", fmt.Sprint(len(a.Cases))},
			{"Seed", fmt.Sprint(a.Seed)},
			{"Timely referral", fmt.Sprintf("Within %d working days of the need being identified", a.Options.ReferralLimitWorkingDays)},
			{"Open cases judged as of", a.Date.String()},
		},
		Paragraph{"The same filter, sample size and seed always draw the same cases, so this sample can be drawn again to check the audit."},
	}
}

// auditShares is the table of each criterion's results across the sample.
func auditShares(a practice.AuditResult) []Block {
	if len(a.Cases) == 0 {
		return []Block{Notice{"No cases matched the filter, so there is nothing to report."}}
	}
	t := Table{Columns: []string{"Criterion"}}
	for _, r := range practice.Results {
		t.Columns = append(t.Columns, r.String())
	}
	for _, cr := range a.Criteria {
		row := []string{cr.Title}
		for _, r := range practice.Results {
			row = append(row, fmt.Sprintf("%d (%.0f%%)", cr.Count(r), cr.Percent(r)))
		}
		t.Rows = append(t.Rows, row)
	}
	return []Block{t}
}

// auditShortfalls gives, for each criterion some cases fell short of, the
// cases and the briefing's prompt.
func auditShortfalls(a practice.AuditResult) []Block {
	short := a.ShortOf()
	if len(short) == 0 {
		return []Block{Paragraph{"Every sampled case met every criterion that applied to it."}}
	}
	var out []Block
	for _, cr := range short {
		out = append(out,
			Subheading{cr.Title},
			Fields{
				{"Cases short of it", fmt.Sprintf("%d of %d: %s", cr.Gaps(), len(a.Cases), strings.Join(shortCases(a, cr.ID), ", "))},
				{"From the briefing", cr.Briefing},
			})
	}
	return out
}

func shortCases(a practice.AuditResult, id practice.Criterion) []string {
	var refs []string
	for _, c := range a.Cases {
		if f, ok := c.Report.Finding(id); ok && f.Result.IsGap() {
			refs = append(refs, c.Reference)
		}
	}
	return refs
}

// auditCases gives each case's findings; the detail column holds the
// evidence and next step where practice fell short.
func auditCases(a practice.AuditResult) []Block {
	var out []Block
	for _, c := range a.Cases {
		out = append(out, Subheading{caseHeading(c)})
		t := Table{Columns: []string{"Criterion", "Result", "Evidence and next step"}}
		for _, f := range c.Report.Findings {
			t.Rows = append(t.Rows, []string{f.Title, f.Result.String(), findingDetail(f)})
		}
		out = append(out, t)
	}
	return out
}

func caseHeading(c practice.AuditCase) string {
	gaps := c.Report.Gaps()
	h := fmt.Sprintf("%s: %d %s", c.Reference, gaps, auditPlural(gaps, "gap", "gaps"))
	if !c.Closed.IsZero() {
		h += ", closed " + c.Closed.String()
	}
	return h
}

// findingDetail is the evidence and prompt of a finding that fell short.
func findingDetail(f practice.Finding) string {
	if !f.Result.IsGap() {
		return ""
	}
	var lines []string
	for _, e := range f.Evidence {
		lines = append(lines, e.Text)
	}
	if f.Prompt != "" {
		lines = append(lines, "Next step: "+f.Prompt)
	}
	return strings.Join(lines, "\n")
}

func auditPlural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func auditCapitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
