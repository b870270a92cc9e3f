package export

import (
	"encoding/csv"
	"io"
	"strconv"

	"msprecords/practice"
)

// FiguresCSVColumns are the columns of the national-return CSV.
var FiguresCSVColumns = []string{"table", "label", "count"}

// WriteFiguresCSV writes the year's figures, one row per label of each
// table, and a last row of the cases not counted, if any. Counts are exact for internal use, or in published form (0 to 4 as
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
	if f.Unreadable > 0 { // said in the file, so that a partial count is never taken for the whole
		if err := cw.Write([]string{FiguresNotCounted, FiguresRestricted, strconv.Itoa(f.Unreadable)}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// The row that says how many cases of the year the figures could not count:
// those restricted to users other than the one who made them.
const (
	FiguresNotCounted = "Not counted"
	FiguresRestricted = "Cases restricted to other users"
)
