package app

import (
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// noteView shows long text read-only: wrapped at word boundaries by its own
// measure (one measurement per distinct word, cached) and drawn as a
// virtualised list of lines. A wrapped Label re-measures the rest of the
// paragraph for every line it makes, which takes seconds on a 20,000-character
// paragraph; this takes milliseconds, and scrolling draws only what shows.
type noteView struct {
	widget.BaseWidget
	text      string
	minHeight float32

	lines  []string
	width  float32 // the width lines were wrapped for
	list   *widget.List
	widths map[string]float32
}

func newNoteView(text string, minHeight float32) *noteView {
	n := &noteView{text: text, minHeight: minHeight, width: -1, widths: map[string]float32{}}
	n.ExtendBaseWidget(n)
	n.list = widget.NewList(
		func() int { return len(n.lines) },
		func() fyne.CanvasObject { return container.New(lineLayout{}, canvas.NewText("", nil)) },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			t := o.(*fyne.Container).Objects[0].(*canvas.Text)
			t.Text, t.Color = n.lines[i], n.Theme().Color(theme.ColorNameForeground, fyne.CurrentApp().Settings().ThemeVariant())
			t.TextSize = n.Theme().Size(theme.SizeNameText)
			t.Refresh()
		})
	n.list.HideSeparators = true
	n.list.OnSelected = func(i widget.ListItemID) { n.list.Unselect(i) } // text, not choices
	n.lines = strings.Split(text, "\n")
	return n
}

// Text returns the text shown.
func (n *noteView) Text() string { return n.text }

// SetText shows other text.
func (n *noteView) SetText(text string) {
	n.text = text
	w := n.width
	n.width = -1
	n.wrap(w)
}

// CreateRenderer draws the list of lines.
func (n *noteView) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(n.list) }

// MinSize is one short line wide and minHeight tall: the view scrolls.
func (n *noteView) MinSize() fyne.Size {
	return fyne.NewSize(theme.Padding()*20, max(n.minHeight, n.list.MinSize().Height))
}

// Resize wraps the text again when the width changes.
func (n *noteView) Resize(s fyne.Size) {
	n.BaseWidget.Resize(s)
	n.wrap(s.Width)
}

func (n *noteView) wrap(width float32) {
	if width == n.width {
		return
	}
	n.width = width
	inner := width - 2*theme.InnerPadding() - theme.ScrollBarSize()
	if width < 0 || inner <= 0 {
		n.lines = strings.Split(n.text, "\n")
	} else {
		n.lines = wrapText(n.text, inner, n.measure)
	}
	n.list.Refresh()
}

func (n *noteView) measure(s string) float32 {
	if w, ok := n.widths[s]; ok {
		return w
	}
	w := fyne.MeasureText(s, theme.TextSize(), fyne.TextStyle{}).Width
	n.widths[s] = w
	return w
}

// wrapText breaks text into lines no wider than width, paragraph by paragraph.
func wrapText(text string, width float32, measure func(string) float32) []string {
	var out []string
	for _, p := range strings.Split(text, "\n") {
		out = append(out, wrapParagraph(p, width, measure)...)
	}
	return out
}

// wrapParagraph fills lines word by word; a word too long for a line of its
// own is broken between characters.
func wrapParagraph(p string, width float32, measure func(string) float32) []string {
	var lines []string
	line, used := "", float32(0)
	for _, word := range strings.SplitAfter(p, " ") {
		bare := strings.TrimRight(word, " ")
		if line != "" && used+measure(bare) > width {
			lines = append(lines, strings.TrimRight(line, " "))
			line, used = "", 0
		}
		for line == "" && measure(bare) > width && utf8.RuneCountInString(bare) > 1 {
			cut := fitPrefix(bare, width, measure)
			lines = append(lines, bare[:cut])
			word, bare = word[cut:], bare[cut:]
		}
		line += word
		used += measure(word)
	}
	return append(lines, strings.TrimRight(line, " "))
}

// fitPrefix returns the length in bytes of the longest prefix of s (at
// least one character) no wider than width, found by halving.
func fitPrefix(s string, width float32, measure func(string) float32) int {
	cuts := []int{}
	for i := range s {
		if i > 0 {
			cuts = append(cuts, i)
		}
	}
	cuts = append(cuts, len(s))
	lo, hi := 0, len(cuts)-1 // cuts[lo] always fits or is the first character
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if measure(s[:cuts[mid]]) <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return cuts[lo]
}

// longParagraph is the paragraph length beyond which word wrapping in an
// editor makes each keystroke slow (Fyne re-measures the rest of the
// paragraph for every line): such text is edited unwrapped.
const longParagraph = 2000

// editorWrapping is word wrapping, unless a paragraph is too long for it.
func editorWrapping(text string) fyne.TextWrap {
	for _, p := range strings.Split(text, "\n") {
		if utf8.RuneCountInString(p) > longParagraph {
			return fyne.TextWrapOff
		}
	}
	return fyne.TextWrapWord
}

// lineLayout places one line of text, inset like a label's text, as tall as
// the text: the list's own padding spaces the lines.
type lineLayout struct{}

func (lineLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	objs[0].Move(fyne.NewPos(theme.InnerPadding(), 0))
	objs[0].Resize(fyne.NewSize(size.Width-2*theme.InnerPadding(), size.Height))
}

func (lineLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := fyne.MeasureText("Mg", theme.TextSize(), fyne.TextStyle{}).Height
	return fyne.NewSize(2*theme.InnerPadding(), h)
}
