package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// overdueColumn is shown in the theme's error colour.
const overdueColumn = 5

// columnWidths are the fixed widths of the case list's columns; the name
// column (width 0) takes whatever is left.
var columnWidths = [7]float32{150, 0, 210, 150, 140, 85, 60}

// minNameWidth keeps the name column readable on a narrow window.
const minNameWidth = 180

// columnsLayout lays out one row of the case list (or its header) in the
// fixed columns, so rows and header line up.
type columnsLayout struct{}

func (columnsLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	w, h := float32(minNameWidth), float32(0)
	for i, o := range objects {
		w += columnWidths[i]
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(w, h)
}

func (columnsLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	fixed := float32(0)
	for _, cw := range columnWidths {
		fixed += cw
	}
	x := float32(0)
	for i, o := range objects {
		w := columnWidths[i]
		if w == 0 {
			w = max(size.Width-fixed, minNameWidth)
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w
	}
}

// newCaseRow is the template of one row: a label per column, cut short with
// an ellipsis where the text does not fit.
func newCaseRow(bold bool) *fyne.Container {
	cells := make([]fyne.CanvasObject, len(caseColumns))
	for i := range cells {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		l.TextStyle.Bold = bold
		cells[i] = l
	}
	if !bold {
		cells[overdueColumn].(*widget.Label).Importance = widget.DangerImportance
	}
	return container.New(columnsLayout{}, cells...)
}

// setCaseRow fills a row template with texts.
func setCaseRow(row *fyne.Container, texts [7]string) {
	for i, o := range row.Objects {
		l := o.(*widget.Label)
		if l.Text != texts[i] {
			l.SetText(texts[i])
		}
	}
}
