package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// maxLabelWidth is the widest a form's label column grows: a longer label
// wraps onto a second line rather than widening the form past a small
// screen.
const maxLabelWidth = 150

// formLayout lays out label and field pairs as Fyne's form layout does,
// labels in a column on the left, but the column is at most maxLabelWidth
// wide and its labels wrap at words.
type formLayout struct{}

// formLabel is the label of a form's row: it wraps at words.
func formLabel(text string, style fyne.TextStyle) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, style)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// labelWidth is the width of the label column: its widest label's own
// width, at most maxLabelWidth.
func (formLayout) labelWidth(objects []fyne.CanvasObject) float32 {
	var w float32
	for i := 0; i+1 < len(objects); i += 2 {
		o := objects[i]
		if !o.Visible() || !objects[i+1].Visible() {
			continue
		}
		if l, ok := o.(*widget.Label); ok {
			pad := 2 * theme.InnerPadding()
			w = max(w, fyne.MeasureText(l.Text, theme.TextSize(), l.TextStyle).Width+pad)
			continue
		}
		w = max(w, o.MinSize().Width)
	}
	return min(w, maxLabelWidth)
}

// rowHeight is the height of a row whose label column is lw wide.
func rowHeight(label, field fyne.CanvasObject, lw float32) float32 {
	h := field.MinSize().Height
	if l, ok := label.(*widget.Label); ok && l.Wrapping != fyne.TextWrapOff {
		l.Resize(fyne.NewSize(lw, l.Size().Height))
	}
	return max(h, label.MinSize().Height)
}

func (f formLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	lw := f.labelWidth(objects)
	var fw, h float32
	rows := 0
	for i := 0; i+1 < len(objects); i += 2 {
		if !objects[i].Visible() && !objects[i+1].Visible() {
			continue
		}
		fw = max(fw, objects[i+1].MinSize().Width)
		h += rowHeight(objects[i], objects[i+1], lw)
		rows++
	}
	if rows > 1 {
		h += theme.Padding() * float32(rows-1)
	}
	return fyne.NewSize(lw+theme.Padding()+fw, h)
}

func (f formLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	lw := f.labelWidth(objects)
	pad := theme.Padding()
	fieldW := max(size.Width-lw-pad, 0)
	var y float32
	for i := 0; i+1 < len(objects); i += 2 {
		label, field := objects[i], objects[i+1]
		if !label.Visible() && !field.Visible() {
			continue
		}
		h := rowHeight(label, field, lw)
		label.Move(fyne.NewPos(0, y))
		label.Resize(fyne.NewSize(lw, h))
		field.Move(fyne.NewPos(lw+pad, y))
		field.Resize(fyne.NewSize(fieldW, h))
		y += h + pad
	}
}
