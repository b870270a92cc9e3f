package app

import (
	"fmt"
	"image/color"
	"strings"

	"msprecords/practice"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// practicePanelWidth keeps the panel readable beside the part being edited.
const practicePanelWidth = 330

// practicePanel shows beside the open case what the MSP dip-sample audit
// would find missing from it, as the case is edited. Each gap has its next
// step and a button to the part of the case that puts it right. The rules
// are practice.Check's; the panel only shows them.
type practicePanel struct {
	view *caseView
	opts func() practice.Options

	shown   string // what the panel shows now, to redraw only on a change
	report  practice.Report
	summary *widget.Label
	list    *fyne.Container
	root    fyne.CanvasObject
}

// attachPracticePanel puts a practice-check panel beside the case screen's
// view and keeps it up to date after every edit.
func attachPracticePanel(s *caseScreen) *practicePanel {
	p := newPracticePanel(s.view, s.u.settings.practiceOptions)
	p.attach()
	return p
}

func newPracticePanel(v *caseView, opts func() practice.Options) *practicePanel {
	p := &practicePanel{view: v, opts: opts, summary: widget.NewLabel(""), list: container.NewVBox()}
	p.summary.Wrapping = fyne.TextWrapWord
	heading := widget.NewLabelWithStyle("Practice check", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	width := canvas.NewRectangle(color.Transparent) // only holds the width open
	width.SetMinSize(fyne.NewSize(practicePanelWidth, 0))
	body := container.NewBorder(container.NewVBox(heading, p.summary, widget.NewSeparator()), nil, nil, nil,
		container.NewVScroll(p.list))
	p.root = container.NewStack(width, body)
	return p
}

// attach shows the panel in the view's side slot and has every edit of the
// case refresh it.
func (p *practicePanel) attach() {
	edited := p.view.changed
	p.view.changed = func() {
		edited()
		p.refresh()
	}
	p.view.setSidePanel(p.root)
	p.refresh()
}

// refresh checks the case again and redraws the panel if anything changed.
func (p *practicePanel) refresh() {
	if p.view.c == nil {
		return
	}
	p.report = practice.Check(p.view.c, p.opts())
	if sig := signature(p.report); sig != p.shown {
		p.shown = sig
		p.redraw()
	}
}

// signature is everything the panel shows of a report, so that typing that
// changes no finding redraws nothing.
func signature(r practice.Report) string {
	var b strings.Builder
	for _, f := range r.Findings {
		fmt.Fprintf(&b, "%s|%d|%s|%s\n", f.Criterion, f.Result, f.Prompt, f.Part)
		for _, e := range f.Evidence {
			b.WriteString(e.Text + "\n")
		}
	}
	return b.String()
}

func (p *practicePanel) redraw() {
	gaps := p.report.Gaps()
	switch gaps {
	case 0:
		p.summary.SetText("No gaps: the record shows good practice on every point that applies so far.")
	case 1:
		p.summary.SetText("1 gap the MSP audit would find.")
	default:
		p.summary.SetText(fmt.Sprintf("%d gaps the MSP audit would find.", gaps))
	}
	var rows []fyne.CanvasObject
	for _, f := range p.report.Findings {
		if f.Result.IsGap() {
			rows = append(rows, p.gapRow(f), widget.NewSeparator())
		}
	}
	rows = append(rows, p.resultList(practice.Met), p.resultList(practice.NotApplicable))
	p.list.Objects = rows
	p.list.Refresh()
}

// gapRow is one finding that falls short: what, why, the next step and a
// button to the part that fixes it.
func (p *practicePanel) gapRow(f practice.Finding) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(f.Title+": "+strings.ToLower(f.Result.String()), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	rows := []fyne.CanvasObject{title, wrapped(f.Prompt)}
	for _, e := range f.Evidence {
		l := wrapped("• " + e.Text)
		l.Importance = widget.LowImportance
		rows = append(rows, l)
	}
	part := f.Part
	fix := widget.NewButtonWithIcon("Go to "+part, theme.NavigateNextIcon(), func() { p.view.showPart(part) })
	fix.Importance = widget.LowImportance
	fix.Alignment = widget.ButtonAlignLeading
	return container.NewVBox(append(rows, fix)...)
}

// resultList names the criteria with one result, in a line each.
func (p *practicePanel) resultList(r practice.Result) fyne.CanvasObject {
	var titles []string
	for _, f := range p.report.Findings {
		if f.Result == r {
			titles = append(titles, "• "+f.Title)
		}
	}
	if len(titles) == 0 {
		return container.NewVBox()
	}
	head := widget.NewLabelWithStyle(r.String(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	list := wrapped(strings.Join(titles, "\n"))
	list.Importance = widget.LowImportance
	return container.NewVBox(head, list)
}
