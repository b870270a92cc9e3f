package app

import (
	"bytes"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"msprecords/export"
	"msprecords/practice"
	"msprecords/records"
	"msprecords/store"
)

// figuresYears is how many financial years the figures screen offers.
const figuresYears = 8

// figuresScreen counts the enquiries concluded in a financial year for the
// Safeguarding Adults Collection, the table "msprecords stats" saves. Counts
// are in published form (0 to 4 as *, others to the nearest 5) unless the
// person asks for exact counts for internal use.
type figuresScreen struct {
	w fyne.Window
	u *UI

	year    *widget.Select
	exact   *widget.Check
	summary *widget.Label
	rows    [][]string
	table   *widget.Table
	save    *widget.Button
	figures *practice.Figures // of the year shown
	root    fyne.CanvasObject
}

// showFigures saves and closes the open case, then shows the figures of
// the last complete financial year.
func (u *UI) showFigures() { u.openFigures() }

func (u *UI) openFigures() *figuresScreen {
	if !u.unlocked() || !u.readyToLeave(u.showFigures) {
		return nil
	}
	u.setTitle("")
	s := newFiguresScreen(u.window, u)
	u.show(s.root)
	s.count()
	return s
}

func newFiguresScreen(w fyne.Window, u *UI) *figuresScreen {
	s := &figuresScreen{w: w, u: u, summary: wrapped("")}
	years := financialYears(records.Today(), figuresYears)
	s.year = widget.NewSelect(years, func(string) { s.count() })
	s.year.Selected = years[1] // the last complete year; set quietly, counted once shown
	s.exact = widget.NewCheck("Exact counts, for internal use only", func(bool) { s.redraw() })
	s.save = widget.NewButtonWithIcon("Save as CSV…", theme.DocumentSaveIcon(), s.onSave)
	s.save.Disable()
	s.table = newResultsTable(&s.rows, []float32{300, 430, 90})
	s.root = s.layout()
	return s
}

func (s *figuresScreen) layout() fyne.CanvasObject {
	form := widget.NewForm(widget.NewFormItem("Financial year", s.year), widget.NewFormItem("", s.exact))
	intro := wrapped("Enquiries concluded in the year (1 April to 31 March), counted as the Safeguarding Adults " +
		"Collection asks, with its own labels. A case counts once for each type of abuse, location and source of risk " +
		"among its allegations. In the published form, counts of 0 to 4 are shown as * and others are rounded to the nearest 5.")
	top := container.NewVBox(intro, form, widget.NewSeparator(), s.summary)
	return container.NewBorder(reportTop(s.u, "National-return figures"), nil, nil, nil,
		container.NewPadded(container.NewBorder(top, container.NewHBox(s.save), nil, nil, s.table)))
}

// financialYears lists n financial years, newest first, from the one that
// holds today: "2026-27", "2025-26"…
func financialYears(today records.Date, n int) []string {
	start := today.Time().Year()
	if today.Time().Month() < time.April {
		start--
	}
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%d-%02d", start-i, (start-i+1)%100)
	}
	return out
}

// count reads the year's figures in the worker.
func (s *figuresScreen) count() {
	y, err := practice.ParseFinancialYear(s.year.Selected)
	if err != nil {
		return
	}
	st := s.u.session.store
	s.save.Disable()
	s.summary.SetText("Counting…")
	var f practice.Figures
	s.u.work.run(func() { f, err = store.LoadFigures(st, y) }, func() {
		if s.u.session == nil || len(s.u.body.Objects) != 1 || s.u.body.Objects[0] != s.root || s.year.Selected != y.String() {
			return // locked, left, or another year chosen meanwhile
		}
		if err != nil {
			s.summary.SetText("The figures could not be counted. " + messageFor(err))
			return
		}
		s.figures = &f
		s.redraw()
	})
}

// redraw shows the figures in the form chosen.
func (s *figuresScreen) redraw() {
	if s.figures == nil {
		return
	}
	f, exact := *s.figures, s.exact.Checked
	n := f.Count(practice.TableConcluded, practice.ConcludedLabel)
	form := "Published form."
	if exact {
		form = "Exact counts: for internal use only, do not publish."
	}
	s.summary.SetText(fmt.Sprintf("%s: %s concluded. %s", f.Year, practice.ShownCount(n, exact)+" enquiries", form) + notReadable(f.Unreadable, "counted"))
	s.rows = [][]string{{"Table", "Label", "Count"}}
	for _, t := range f.Tables {
		for _, r := range t.Rows {
			s.rows = append(s.rows, []string{t.Title, r.Label, practice.ShownCount(r.Count, exact)})
		}
	}
	s.table.Refresh()
	s.save.Enable()
}

// onSave saves the table as shown (published or exact) as CSV.
func (s *figuresScreen) onSave() {
	if s.figures == nil {
		return
	}
	f, exact := *s.figures, s.exact.Checked
	form := "published"
	if exact {
		form = "exact"
	}
	name := fmt.Sprintf("national-return-%s-%s.csv", f.Year, form)
	s.u.saveReport(name, ".csv", "stats", func() ([]byte, string, error) { return figuresFile(f, exact) })
}

// figuresFile is the figures as CSV, with the audit trail detail of saving it.
func figuresFile(f practice.Figures, exact bool) ([]byte, string, error) {
	var buf bytes.Buffer
	err := export.WriteFiguresCSV(&buf, f, exact)
	form := "published form"
	if exact {
		form = "exact counts"
	}
	return buf.Bytes(), "national-return figures for " + f.Year.String() + ", " + form + ", saved as CSV", err
}
