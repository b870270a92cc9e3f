package app

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"msprecords/crypto"
	"msprecords/export"
	"msprecords/practice"
	"msprecords/records"
	"msprecords/store"
)

// The choices of the audit screen that mean "no filter".
const (
	anyAbuseType = "Any type of abuse"
	anyStage     = "Any stage"
)

// auditScreen draws a dip sample of cases, as the briefing's audit did, and
// shows how far each criterion was met, with the same choices as
// "msprecords audit". The report names no one: cases appear by reference.
type auditScreen struct {
	w fyne.Window
	u *UI

	from, to  *dateEntry
	condition *widget.Entry
	abuse     *widget.Select
	stage     *widget.Select
	size      *widget.Entry
	seed      *widget.Entry
	problem   *widget.Label
	run       *widget.Button

	summary *widget.Label
	rows    [][]string // the results table: criterion, then the count and share of each result
	table   *widget.Table
	savePDF *widget.Button
	saveCSV *widget.Button
	result  *practice.AuditResult
	root    fyne.CanvasObject
}

// showAudit saves and closes the open case, then shows the audit screen.
func (u *UI) showAudit() { u.openAudit() }

func (u *UI) openAudit() *auditScreen {
	if !u.unlocked() || !u.readyToLeave(u.showAudit) {
		return nil
	}
	u.setTitle("")
	s := newAuditScreen(u.window, u)
	u.show(s.root)
	return s
}

// reportCommands are the menu "Reports".
func (u *UI) reportCommands() []command {
	return []command{
		{"Dip-sample audit…", nil, u.showAudit},
		{"National-return figures…", nil, u.showFigures},
		{"Audit trail…", nil, u.showTrail},
	}
}

// reportButtons open the report screens from the case list. "Dip sample",
// not "Audit", so that it is not taken for the audit trail.
// The audit trail is a lead's: it says who read which case.
func (u *UI) reportButtons() fyne.CanvasObject {
	box := container.NewHBox(
		widget.NewButtonWithIcon("Dip sample", theme.ListIcon(), u.showAudit),
		widget.NewButtonWithIcon("Figures", theme.GridIcon(), u.showFigures))
	if u.session.isLead() {
		box.Add(widget.NewButtonWithIcon("Audit trail", theme.HistoryIcon(), u.showTrail))
	}
	return box
}

func newAuditScreen(w fyne.Window, u *UI) *auditScreen {
	s := &auditScreen{w: w, u: u, from: newDateEntry(), to: newDateEntry(), condition: widget.NewEntry(),
		size: widget.NewEntry(), seed: widget.NewEntry(), problem: newMessage(), summary: wrapped("")}
	s.condition.SetPlaceHolder("e.g. dementia")
	s.abuse = widget.NewSelect(append([]string{anyAbuseType}, records.AbuseTypes()...), nil)
	s.abuse.SetSelected(anyAbuseType)
	s.stage = widget.NewSelect(append([]string{anyStage}, records.Stages()...), nil)
	s.stage.SetSelected(anyStage)
	s.size.SetText("20")
	s.newSeed()
	s.run = widget.NewButtonWithIcon("Run the audit", theme.MediaPlayIcon(), s.onRun)
	s.run.Importance = widget.HighImportance
	s.savePDF = widget.NewButtonWithIcon("Save report (PDF)…", theme.DocumentSaveIcon(), func() { s.onSave(".pdf") })
	s.saveCSV = widget.NewButtonWithIcon("Save findings (CSV)…", theme.DocumentSaveIcon(), func() { s.onSave(".csv") })
	s.savePDF.Disable()
	s.saveCSV.Disable()
	s.table = newResultsTable(&s.rows, []float32{420, 110, 110, 110, 130})
	s.root = s.layout()
	return s
}

func (s *auditScreen) layout() fyne.CanvasObject {
	newSeed := widget.NewButtonWithIcon("New seed", theme.ViewRefreshIcon(), s.newSeed)
	form := widget.NewForm(
		widget.NewFormItem("Closed from", s.from),
		widget.NewFormItem("Closed to", s.to),
		widget.NewFormItem("Condition", s.condition),
		widget.NewFormItem(records.Label("allegations.abuse_type"), s.abuse),
		widget.NewFormItem(records.Label("enquiry.stage"), s.stage),
		widget.NewFormItem("Cases to sample", s.size),
		widget.NewFormItem("Seed", container.NewBorder(nil, nil, nil, newSeed, s.seed)),
	)
	intro := wrapped("Choose the enquiries to audit, and how many to draw at random. The same choices and seed " +
		"always draw the same cases, so note the seed to draw the sample again. Each case is checked against the " +
		"MSP audit briefing's points of good practice; the results name cases by reference only.")
	choices := container.NewVBox(intro, form, s.problem, container.NewHBox(s.run))
	results := container.NewBorder(container.NewVBox(widget.NewSeparator(), s.summary), container.NewHBox(s.savePDF, s.saveCSV),
		nil, nil, s.table)
	return container.NewBorder(reportTop(s.u, "Dip-sample audit"), nil, nil, nil,
		container.NewBorder(container.NewPadded(choices), nil, nil, nil, container.NewPadded(results)))
}

// reportTop is the bar of a report screen: back to the list, title, lock.
func reportTop(u *UI, title string) fyne.CanvasObject {
	back := widget.NewButtonWithIcon("Case list", theme.NavigateBackIcon(), u.showCaseList)
	lock := widget.NewButtonWithIcon("Lock", theme.LogoutIcon(), u.lockNow)
	return container.NewVBox(container.NewBorder(nil, nil, container.NewHBox(back, heading(title)), lock), widget.NewSeparator())
}

// newResultsTable shows rows of text, the first row as the header.
func newResultsTable(rows *[][]string, widths []float32) *widget.Table {
	t := widget.NewTable(
		func() (int, int) {
			if len(*rows) == 0 {
				return 0, 0
			}
			return len(*rows), len((*rows)[0])
		},
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.Truncation = fyne.TextTruncateEllipsis
			l.TextStyle.Bold = id.Row == 0
			l.SetText((*rows)[id.Row][id.Col])
		})
	for i, w := range widths {
		t.SetColumnWidth(i, w)
	}
	return t
}

func (s *auditScreen) newSeed() {
	s.seed.SetText(strconv.Itoa(1000 + rand.IntN(9000)))
}

// choices reads the form: the filter, the sample size and the seed, or the
// first thing to put right, worded for the person.
func (s *auditScreen) choices() (practice.Filter, int, int64, string) {
	var f practice.Filter
	var err error
	if f.ClosedFrom, err = records.ParseDate(s.from.Text); err != nil {
		return f, 0, 0, "Closed from must be a real date"
	}
	if f.ClosedTo, err = records.ParseDate(s.to.Text); err != nil {
		return f, 0, 0, "Closed to must be a real date"
	}
	if !f.ClosedFrom.IsZero() && !f.ClosedTo.IsZero() && f.ClosedTo.Before(f.ClosedFrom) {
		return f, 0, 0, "Closed to must be the same as or after closed from"
	}
	f.Condition = strings.TrimSpace(s.condition.Text)
	if s.abuse.Selected != anyAbuseType {
		f.AbuseType = s.abuse.Selected
	}
	if s.stage.Selected != anyStage {
		f.Stage = s.stage.Selected
	}
	n, err := strconv.Atoi(strings.TrimSpace(s.size.Text))
	if err != nil || n < 1 {
		return f, 0, 0, "Enter the number of cases to sample as a whole number, like 20"
	}
	seed, err := strconv.ParseInt(strings.TrimSpace(s.seed.Text), 10, 64)
	if err != nil {
		return f, 0, 0, "Enter the seed as a whole number, like 4821"
	}
	return f, n, seed, ""
}

// onRun draws the sample and checks it in the worker, and records the audit
// in the audit trail.
func (s *auditScreen) onRun() {
	f, n, seed, problem := s.choices()
	if problem != "" {
		showMessage(s.problem, problem)
		return
	}
	hideMessage(s.problem)
	st, opts := s.u.session.store, s.u.settings.practiceOptions()
	s.run.Disable()
	s.summary.SetText("Drawing the sample and checking each case…")
	var result practice.AuditResult
	var err error
	s.u.work.run(func() {
		var sample practice.Sample
		if sample, err = store.LoadSample(st, f, n, seed); err != nil {
			return
		}
		result = practice.Audit(sample, opts)
		err = st.RecordEvent("audit", "", auditDetail(result, "shown"))
	}, func() {
		if !s.shown() {
			return
		}
		s.run.Enable()
		if err != nil {
			s.summary.SetText("")
			showMessage(s.problem, "The audit could not be run. "+messageFor(err))
			return
		}
		s.showResult(result)
	})
}

// shown reports whether the screen is still in the window (the vault may
// have locked, or the person moved on, while the worker ran).
func (s *auditScreen) shown() bool {
	return s.u.session != nil && len(s.u.body.Objects) == 1 && s.u.body.Objects[0] == s.root
}

func (s *auditScreen) showResult(a practice.AuditResult) {
	s.result = &a
	s.summary.SetText(fmt.Sprintf("Audited %d of %d matching cases (%s), seed %d.", len(a.Cases), a.Matched, a.Filter, a.Seed) + notReadable(a.Unreadable, "looked at"))
	head := []string{"Criterion"}
	for _, r := range practice.Results {
		head = append(head, r.String())
	}
	s.rows = [][]string{head}
	for _, t := range a.Criteria {
		row := []string{t.Title}
		for _, r := range practice.Results {
			row = append(row, fmt.Sprintf("%d (%.0f%%)", t.Count(r), t.Percent(r)))
		}
		s.rows = append(s.rows, row)
	}
	s.table.Refresh()
	s.savePDF.Enable()
	s.saveCSV.Enable()
}

// auditDetail is the audit trail's record of an audit: how it was drawn and
// what became of the results; never a case.
func auditDetail(a practice.AuditResult, what string) string {
	return fmt.Sprintf("dip-sample audit of %s: %d of %d matching cases, seed %d; %s", a.Filter, len(a.Cases), a.Matched, a.Seed, what)
}

// onSave asks where to save the report or the CSV, with a file name made of
// the seed and the date only.
func (s *auditScreen) onSave(ext string) {
	if s.result == nil {
		return
	}
	a := *s.result
	name := fmt.Sprintf("msp-audit-seed-%d-%s%s", a.Seed, time.Now().Format("2006-01-02"), ext)
	user := s.u.session.user
	s.u.saveReport(name, ext, "audit", func() ([]byte, string, error) { return auditFile(a, ext, user) })
}

// auditFile is the report as a PDF, or the findings as CSV, with the audit
// trail detail of saving it.
func auditFile(a practice.AuditResult, ext, user string) ([]byte, string, error) {
	if ext == ".csv" {
		var buf bytes.Buffer
		err := export.WriteAuditCSV(&buf, a)
		return buf.Bytes(), auditDetail(a, "findings saved as CSV"), err
	}
	pdf, err := export.WriteAuditPDF(a, export.AuditReportOptions{Author: user})
	return pdf, auditDetail(a, "report saved as PDF"), err
}

// saveReport asks where to save a report, then builds it, writes it whole
// and records it in the audit trail under action, in the worker. A report
// that cannot be recorded is removed.
func (u *UI) saveReport(name, ext, action string, build func() (data []byte, detail string, err error)) {
	askSaveAs(u.window, "Save the report", name, ext, func(path string) {
		st := u.session.store
		var werr error
		u.work.run(func() { werr = writeReport(st, path, action, build) }, func() {
			if werr != nil {
				dialog.ShowError(errors.New("The report was not saved. "+messageFor(werr)), u.window)
				return
			}
			showSaved(u.window, "Report saved", "The report was saved as "+baseName(path)+
				" and recorded in the audit trail. It names no one, but it is OFFICIAL-SENSITIVE: share it only by a secure route.", path)
		})
	})
}

// writeReport builds a report, writes it to path whole (its temporary file
// recorded in the store's ledger while it exists) and records it.
func writeReport(st *store.Store, path, action string, build func() ([]byte, string, error)) error {
	data, detail, err := build()
	if err != nil {
		return err
	}
	if err := crypto.WriteFileAtomicWith(path, data, 0o600, st.TempLedger()); err != nil {
		return err
	}
	if err := st.RecordEvent(action, "", detail); err != nil {
		os.Remove(path)
		return err
	}
	return nil
}

// notReadable says how many cases a report left out as restricted to
// other users, or "" for none.
func notReadable(n int, done string) string {
	switch n {
	case 0:
		return ""
	case 1:
		return " One case restricted to other users was not " + done + "."
	}
	return fmt.Sprintf(" %d cases restricted to other users were not %s.", n, done)
}
