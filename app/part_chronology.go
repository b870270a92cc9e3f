package app

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"msprecords/records"
)

// chronologyPart is the Chronology screen: the case notes, dated and
// attributed, newest first, in a virtualised list. Entries are never edited:
// "Correct this entry" makes a new entry linked to the old one, which then
// shows that it was corrected.
type chronologyPart struct {
	v           *caseView
	order       []int            // positions in c.Chronology, newest first
	correctedBy map[string][]int // entry id → positions of the entries correcting it
	selected    string           // id of the entry shown

	list       *widget.List
	addBtn     *widget.Button
	correctBtn *widget.Button
	body       *fyne.Container
	text       *noteView     // the shown entry's full text
	status     *widget.Label // "Corrected by …" / "Corrects …"
}

func newChronologyPart(v *caseView) *chronologyPart { return &chronologyPart{v: v} }

func (p *chronologyPart) build() fyne.CanvasObject {
	p.index()
	p.list = widget.NewList(func() int { return len(p.order) }, newChronologyRow, p.updateRow)
	p.list.OnSelected = func(i widget.ListItemID) { p.show(p.v.c.Chronology[p.order[i]].ID) }
	p.addBtn = widget.NewButton("Add entry", func() {
		p.v.addToChronology(records.ChronologyEntry{Date: records.Today(), Kind: records.ChronologyKinds()[0]})
	})
	p.correctBtn = widget.NewButton("Correct this entry", p.correct)
	p.body = container.NewStack()
	left := container.NewBorder(nil, container.NewHBox(p.addBtn), nil, nil, p.list)
	split := p.v.splits.split(prefSplitChronology, 0.45, left, p.body)
	p.show(p.selected)
	for i, pos := range p.order {
		if p.v.c.Chronology[pos].ID == p.selected {
			p.list.Select(i)
		}
	}
	return split
}

// index orders the entries and notes which were corrected.
func (p *chronologyPart) index() {
	c := p.v.c
	p.order = c.ChronologyNewestFirst()
	p.correctedBy = map[string][]int{}
	for i, e := range c.Chronology {
		if e.Corrects != "" {
			p.correctedBy[e.Corrects] = append(p.correctedBy[e.Corrects], i)
		}
	}
}

func newChronologyRow() fyne.CanvasObject {
	head := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Truncation = fyne.TextTruncateEllipsis
	text := widget.NewLabel("")
	text.Truncation = fyne.TextTruncateEllipsis
	return container.NewVBox(head, text)
}

func (p *chronologyPart) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	e := p.v.c.Chronology[p.order[i]]
	row := o.(*fyne.Container).Objects
	row[0].(*widget.Label).SetText(p.heading(e))
	row[1].(*widget.Label).SetText(firstLine(e.Text, 160))
}

// heading is an entry's date, kind and author, and whether it was corrected.
func (p *chronologyPart) heading(e records.ChronologyEntry) string {
	h := joinNonEmpty(" · ", or(e.Date.String(), "No date"), e.Kind, e.Author)
	if len(p.correctedBy[e.ID]) > 0 {
		h += " · corrected"
	}
	return h
}

// show puts the full entry with the given id on the right.
func (p *chronologyPart) show(id string) {
	e, ok := p.v.c.ChronologyEntry(id)
	if !ok {
		p.selected = ""
		p.correctBtn.Disable()
		msg := "Choose an entry to read it in full, or add one."
		if len(p.v.c.Chronology) == 0 {
			msg = "No entries yet. Use “Add entry” to record what happened."
		}
		p.text, p.status = newNoteView("", 0), widget.NewLabel("")
		hint := widget.NewLabel(msg)
		hint.Wrapping = fyne.TextWrapWord
		p.body.Objects = []fyne.CanvasObject{hint}
		p.body.Refresh()
		return
	}
	p.selected = id
	p.correctBtn.Enable()
	p.text = newNoteView(e.Text, viewHeight)
	p.status = widget.NewLabel(p.links(e))
	p.status.Wrapping = fyne.TextWrapWord
	if p.status.Text == "" {
		p.status.Hide()
	}
	about := widget.NewLabel(joinNonEmpty("\n",
		labelled("chronology.date", or(e.Date.String(), "not recorded")),
		labelled("chronology.recorded", or(localTime(e.Recorded), "not recorded")),
		labelled("chronology.author", or(e.Author, "unknown")),
		labelled("chronology.kind", e.Kind)))
	top := container.NewVBox(p.heading2(e), about, p.status, container.NewHBox(p.correctBtn))
	p.body.Objects = []fyne.CanvasObject{container.NewBorder(top, nil, nil, nil, p.text)}
	p.body.Refresh()
}

func (p *chronologyPart) heading2(e records.ChronologyEntry) fyne.CanvasObject {
	return bold(or(e.Kind, "Entry") + " of " + or(e.Date.String(), "an unknown date"))
}

// links says which entry this one corrects and which entries correct it.
func (p *chronologyPart) links(e records.ChronologyEntry) string {
	var lines []string
	if e.Corrects != "" {
		if old, ok := p.v.c.ChronologyEntry(e.Corrects); ok {
			lines = append(lines, "Corrects the entry recorded "+recordedAt(old.Recorded)+" by "+or(old.Author, "unknown")+".")
		}
	}
	for _, pos := range p.correctedBy[e.ID] {
		n := p.v.c.Chronology[pos]
		lines = append(lines, "Corrected by the entry recorded "+recordedAt(n.Recorded)+" by "+or(n.Author, "unknown")+".")
	}
	return joinNonEmpty("\n", lines...)
}

// labelled is "Label: value" for the field at path.
func labelled(path, value string) string { return records.Label(path) + ": " + value }

func recordedAt(t time.Time) string { return or(localTime(t), "at an unknown time") }

// localTime is a moment as people read it, "4 June 2025 14:05", or "".
func localTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Local().Format("2 January 2006 15:04")
}

// correct opens a new entry correcting the one shown.
func (p *chronologyPart) correct() {
	if old, ok := p.v.c.ChronologyEntry(p.selected); ok {
		p.v.addToChronology(records.Correction(old))
	}
}

// added shows a new entry once it is saved.
func (p *chronologyPart) added(id string) {
	p.selected = id
	if p.v.current == records.PartChronology {
		p.v.display(records.PartChronology)
	}
}
