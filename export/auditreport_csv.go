package export

import (
	"encoding/csv"
	"io"
	"strings"

	"msprecords/practice"
)

// AuditCSVColumns are the columns of the audit CSV: one row per sampled case
// and criterion, so that a spreadsheet can count and pivot them.
var AuditCSVColumns = []string{"reference", "closed", "criterion", "title", "result", "evidence", "next_step"}

// WriteAuditCSV writes an audit's findings as CSV, cases by reference only.
// Evidence is written for every result; several pieces are joined by "; ".
func WriteAuditCSV(w io.Writer, a practice.AuditResult) error {
	var rows [][]string
	for _, c := range a.Cases {
		for _, f := range c.Report.Findings {
			var ev []string
			for _, e := range f.Evidence {
				ev = append(ev, e.Text)
			}
			rows = append(rows, []string{c.Reference, c.Closed.ISO(), string(f.Criterion), f.Title, f.Result.String(), strings.Join(ev, "; "), f.Prompt})
		}
	}
	return WriteCSV(w, AuditCSVColumns, rows)
}

// WriteCSV writes a header and rows as CSV, each cell guarded as
// safeCSVRow does: the one CSV writer of the reports that are tables.
func WriteCSV(w io.Writer, header []string, rows [][]string) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, row := range rows {
		if err := cw.Write(safeCSVRow(row)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// safeCSVRow stops a spreadsheet reading a typed value as a formula: a
// cell that starts with = + - @ (or a tab or carriage return) gets a
// leading apostrophe.
func safeCSVRow(row []string) []string {
	out := make([]string, len(row))
	for i, v := range row {
		if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
			v = "'" + v
		}
		out[i] = v
	}
	return out
}
