package export

import (
	"encoding/csv"
	"io"

	"msprecords/practice"
)

// FiguresCSVColumns are the columns of the national-return CSV.
var FiguresCSVColumns = []string{"table", "label", "count"}

// WriteFiguresCSV writes the year's figures, one row per label of each
// table. Counts are exact for internal use, or in published form (0 to 4 as
// "*", others rounded to the nearest 5).
func WriteFiguresCSV(w io.Writer, f practice.Figures, exact bool) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(FiguresCSVColumns); err != nil {
		return err
	}
	for _, t := range f.Tables {
		for _, r := range t.Rows {
			if err := cw.Write([]string{t.Title, r.Label, practice.ShownCount(r.Count, exact)}); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}
