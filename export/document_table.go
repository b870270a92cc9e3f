package export

import "strings"

// keyValue prints labelled values: the label in bold on the left, the value
// beside it. A value too long for the rest of the page goes below its label
// at full width, so that it can run on across pages.
func (d *document) keyValue(fields Fields) {
	valueX, valueW := pageMargin+labelWidth, d.width()-labelWidth
	for _, f := range fields {
		if f.Value == "" {
			continue
		}
		d.bold()
		label := d.split(f.Label, labelWidth-3)
		d.body()
		value := d.split(f.Value, valueW)
		h := float64(max(len(label), len(value))) * lineHeight
		if h > d.room() && h > 4*lineHeight {
			d.longField(f)
			continue
		}
		d.keep(h)
		y := d.pdf.GetY()
		d.bold()
		d.printLines(pageMargin, y, label)
		d.body()
		d.printLines(valueX, y, value)
		d.pdf.SetXY(pageMargin, y+h+1)
	}
	d.space(1.5)
}

// longField prints a label on its own line and its value below at full width.
func (d *document) longField(f Field) {
	d.keep(3 * lineHeight)
	d.bold()
	d.lines(pageMargin, d.width(), f.Label, lineHeight)
	d.body()
	d.lines(pageMargin, d.width(), f.Value, lineHeight)
	d.space(1)
}

// printLines prints lines already wrapped, from (x, y), with no page break:
// the caller has made room.
func (d *document) printLines(x, y float64, lines []string) {
	for i, line := range lines {
		d.pdf.SetXY(x, y+float64(i)*lineHeight)
		d.pdf.CellFormat(0, lineHeight, line, "", 0, "L", false, 0, "")
	}
}

// table prints a grid with a header row repeated on every page it spans.
// A row too tall for a whole page is printed as labelled values instead, so
// no text is ever cut off.
func (d *document) table(t Table) {
	if len(t.Columns) == 0 {
		return
	}
	widths := d.columnWidths(t)
	d.keep(d.tableStart(t, widths))
	d.tableHeader(t.Columns, widths)
	for _, row := range t.Rows {
		cells, h := d.wrapRow(row, widths)
		if h > d.pageRoom() {
			d.oversizeRow(t.Columns, row)
			continue
		}
		if h > d.room() {
			d.pdf.AddPage()
			d.tableHeader(t.Columns, widths)
		}
		d.drawRow(cells, widths, h)
	}
	d.space(3)
}

// maxUnbrokenWord is the widest word a column widens for, in millimetres;
// longer words are broken where the column ends.
const maxUnbrokenWord = 42.0

// tableStart is the height of the header row and the first row (or as much
// of it as must stay with the header), which belong on the same page.
func (d *document) tableStart(t Table, widths []float64) float64 {
	d.bold()
	_, h := d.wrapRow(t.Columns, widths)
	d.body()
	if len(t.Rows) > 0 {
		_, r := d.wrapRow(t.Rows[0], widths)
		h += min(r, 4*lineHeight)
	}
	return h
}

// pageRoom is the height of a whole page's text area, less a header row.
func (d *document) pageRoom() float64 {
	_, h := d.pdf.GetPageSize()
	return h - topMargin - bottomMargin - 3*lineHeight
}

func (d *document) tableHeader(cols []string, widths []float64) {
	d.bold()
	cells, h := d.wrapRow(cols, widths)
	d.pdf.SetFillColor(225, 225, 225)
	d.drawCells(cells, widths, h, true)
	d.body()
}

func (d *document) drawRow(cells [][]string, widths []float64, h float64) {
	d.body()
	d.drawCells(cells, widths, h, false)
}

func (d *document) drawCells(cells [][]string, widths []float64, h float64, fill bool) {
	x, y := pageMargin, d.pdf.GetY()
	style := "D"
	if fill {
		style = "FD"
	}
	d.pdf.SetLineWidth(0.2)
	for i, lines := range cells {
		d.pdf.Rect(x, y, widths[i], h, style)
		d.printLines(x+cellPad, y+cellPad, lines)
		x += widths[i]
	}
	d.pdf.SetXY(pageMargin, y+h)
}

// wrapRow wraps each cell to its column and returns the row's height.
func (d *document) wrapRow(row []string, widths []float64) ([][]string, float64) {
	cells := make([][]string, len(widths))
	n := 1
	for i := range widths {
		if i < len(row) {
			cells[i] = d.split(row[i], widths[i]-2*cellPad)
		}
		n = max(n, len(cells[i]))
	}
	return cells, float64(n)*lineHeight + 2*cellPad
}

// oversizeRow prints one very long row as labelled values.
func (d *document) oversizeRow(cols, row []string) {
	fields := make(Fields, 0, len(cols))
	for i, c := range cols {
		if i < len(row) {
			fields = append(fields, Field{c, row[i]})
		}
	}
	d.space(2)
	d.keyValue(fields)
	d.rule(d.pdf.GetY())
	d.space(2)
}

// columnWidths shares the text width among the columns. Columns whose
// content is narrower than a fair share (dates, statuses) get what they need,
// so they do not wrap; the rest share what is left in proportion to their
// content. No column is narrower than the longest word of its heading, nor
// than the longest word of its cells (up to a limit), so e-mail addresses
// and dates do not break mid-word.
func (d *document) columnWidths(t Table) []float64 {
	n := len(t.Columns)
	natural := make([]float64, n)
	least := make([]float64, n)
	d.bold()
	for i, c := range t.Columns {
		least[i] = d.longestWord(c) + 2*cellPad + 0.5
		natural[i] = d.pdf.GetStringWidth(c) + 2*cellPad + 0.5
	}
	d.body()
	for _, row := range t.Rows {
		for i := 0; i < n && i < len(row); i++ {
			natural[i] = max(natural[i], d.longestLine(row[i])+2*cellPad+0.5)
			least[i] = max(least[i], min(d.longestWord(row[i]), maxUnbrokenWord)+2*cellPad+0.5)
		}
	}
	return fitWidths(natural, least, d.width())
}

// longestLine is the width of the longest line of s, unwrapped.
func (d *document) longestLine(s string) float64 {
	w := 0.0
	for _, line := range strings.Split(s, "\n") {
		w = max(w, d.pdf.GetStringWidth(line))
	}
	return w
}

func (d *document) longestWord(s string) float64 {
	w := 0.0
	for _, word := range strings.Fields(s) {
		w = max(w, d.pdf.GetStringWidth(word))
	}
	return w
}

// fitWidths gives each column whose natural width is within a fair share of
// what is left its natural width, shares the rest among the wide columns in
// proportion to their natural widths (capped at twice the fair share, so one
// long cell cannot starve the others), then fits the total: narrowing only
// what is above each column's least width, or widening every column.
func fitWidths(natural, least []float64, total float64) []float64 {
	n := len(natural)
	out := make([]float64, n)
	done := make([]bool, n)
	left, open := total, n
	for changed := true; changed && open > 0; {
		changed = false
		fair := left / float64(open)
		for i := range natural {
			if !done[i] && natural[i] <= fair {
				out[i], done[i] = natural[i], true
				left -= natural[i]
				open--
				changed = true
			}
		}
	}
	weight, limit := 0.0, 2*left/float64(max(open, 1))
	for i := range natural {
		if !done[i] {
			weight += min(natural[i], limit)
		}
	}
	for i := range out {
		if !done[i] {
			out[i] = left * min(natural[i], limit) / weight
		}
		out[i] = max(out[i], least[i])
	}
	return fitTotal(out, least, total)
}

// fitTotal makes widths add up to total. Too wide: each column gives up a
// share of what it has above its least width (or, if the least widths alone
// are too wide, all shrink alike). Too narrow: all grow alike.
func fitTotal(out, least []float64, total float64) []float64 {
	sum, slack := 0.0, 0.0
	for i := range out {
		sum += out[i]
		slack += out[i] - least[i]
	}
	excess := sum - total
	switch {
	case excess > 0 && slack >= excess:
		for i := range out {
			out[i] -= (out[i] - least[i]) * excess / slack
		}
	default:
		for i := range out {
			out[i] *= total / sum
		}
	}
	return out
}
