package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// caseLayout places the case view: the list of parts on the left, the part
// in the middle and the practice check on the right. On a screen too narrow
// for all three (a 1,024-pixel laptop, say) the practice check folds away
// behind a button above the part, which swaps the part and the check, so
// the window never asks for more width than the screen has.
//
// Its objects are, in order: the list of parts, the part, the practice
// check and the button.
type caseLayout struct {
	showCheck bool // folded: the check is shown in place of the part
	folded    bool // set by Layout: the last size was too narrow for three columns
}

const (
	caseNav = iota
	caseBody
	caseSide
	caseToggle
)

func (l *caseLayout) MinSize(o []fyne.CanvasObject) fyne.Size {
	nav, body, side, toggle := o[caseNav].MinSize(), o[caseBody].MinSize(), o[caseSide].MinSize(), o[caseToggle].MinSize()
	pad := theme.Padding()
	// Folded, the narrowest the view can be: the part or the check, below the button.
	w := nav.Width + pad + max(body.Width, side.Width, toggle.Width)
	h := max(nav.Height, toggle.Height+pad+max(body.Height, side.Height))
	return fyne.NewSize(w, h)
}

func (l *caseLayout) Layout(o []fyne.CanvasObject, size fyne.Size) {
	nav, body, side, toggle := o[caseNav], o[caseBody], o[caseSide], o[caseToggle]
	pad := theme.Padding()
	navW := nav.MinSize().Width
	nav.Move(fyne.NewPos(0, 0))
	nav.Resize(fyne.NewSize(navW, size.Height))
	x := navW + pad
	rest := size.Width - x
	sideW := side.MinSize().Width
	l.folded = len(side.(*fyne.Container).Objects) > 0 && rest < body.MinSize().Width+pad+sideW
	if !l.folded {
		toggle.Hide()
		body.Show()
		side.Show()
		bodyW := rest
		if len(side.(*fyne.Container).Objects) > 0 {
			bodyW = rest - pad - sideW
		}
		body.Move(fyne.NewPos(x, 0))
		body.Resize(fyne.NewSize(bodyW, size.Height))
		side.Move(fyne.NewPos(x+bodyW+pad, 0))
		side.Resize(fyne.NewSize(sideW, size.Height))
		return
	}
	toggle.Show()
	th := toggle.MinSize().Height
	toggle.Move(fyne.NewPos(x, 0))
	toggle.Resize(fyne.NewSize(rest, th))
	shown, hidden := body, side
	if l.showCheck {
		shown, hidden = side, body
	}
	hidden.Hide()
	shown.Show()
	shown.Move(fyne.NewPos(x, th+pad))
	shown.Resize(fyne.NewSize(rest, size.Height-th-pad))
}

// newCheckToggle is the button that swaps the part and the practice check
// when the check is folded away.
func newCheckToggle(l *caseLayout, root func() *fyne.Container) *widget.Button {
	var b *widget.Button
	b = widget.NewButtonWithIcon("Show the practice check", theme.InfoIcon(), func() {
		l.showCheck = !l.showCheck
		if l.showCheck {
			b.SetText("Back to the record")
			b.SetIcon(theme.NavigateBackIcon())
		} else {
			b.SetText("Show the practice check")
			b.SetIcon(theme.InfoIcon())
		}
		root().Refresh()
	})
	b.Hide()
	return b
}
