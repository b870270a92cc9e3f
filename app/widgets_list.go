package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// entryList edits a repeating group of the case (contacts, risks,
// representatives…): a virtualised list of the entries on the left, the
// selected entry's form on the right, and buttons to add and remove entries.
// The callbacks work on the case, so the list itself holds no data.
type entryList struct {
	v       *caseView
	noun    string                                 // "contact", for the buttons and questions
	count   func() int                             // how many entries the case has
	summary func(i int) string                     // one line for the list
	create  func()                                 // appends a new entry to the case
	remove  func(i int)                            // removes entry i from the case
	detail  func(f *form, i int) fyne.CanvasObject // fills the form of entry i

	list      *widget.List
	addBtn    *widget.Button
	removeBtn *widget.Button
	body      *fyne.Container
	form      *form // the selected entry's form; nil when none is selected
	selected  int   // kept across rebuilds of the part
}

func newEntryList(v *caseView, noun string) *entryList {
	return &entryList{v: v, noun: noun, selected: -1}
}

// build makes the widgets afresh and shows the entry selected before, if any.
func (l *entryList) build() fyne.CanvasObject {
	l.list = widget.NewList(l.count,
		func() fyne.CanvasObject {
			t := widget.NewLabel("")
			t.Truncation = fyne.TextTruncateEllipsis
			return t
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(l.summary(i)) })
	l.list.OnSelected = func(i widget.ListItemID) { l.show(i) }
	l.addBtn = widget.NewButton("Add "+l.noun, l.add)
	l.removeBtn = widget.NewButton("Remove "+l.noun, l.askRemove)
	l.body = container.NewStack()
	left := container.NewBorder(nil, container.NewGridWithColumns(2, l.addBtn, l.removeBtn), nil, nil, l.list)
	split := l.v.splits.split(prefSplitList, 0.3, left, l.body)
	l.form = nil
	if l.selected >= 0 && l.selected < l.count() {
		l.list.Select(l.selected)
	} else {
		l.show(-1)
	}
	return split
}

// show puts entry i's form on the right (or a prompt when i < 0).
func (l *entryList) show(i int) {
	l.selected = i
	if i < 0 || i >= l.count() {
		l.selected, l.form = -1, nil
		l.removeBtn.Disable()
		msg := "No " + l.noun + " selected. Choose one from the list, or add one."
		if l.count() == 0 {
			msg = "No " + l.noun + " recorded yet. Use “Add " + l.noun + "”."
		}
		hint := widget.NewLabel(msg)
		hint.Wrapping = fyne.TextWrapWord
		l.body.Objects = []fyne.CanvasObject{hint}
		l.body.Refresh()
		return
	}
	l.removeBtn.Enable()
	f := newForm(l.v)
	f.after = func() { l.list.RefreshItem(i) }
	content := l.detail(f, i)
	l.form = f
	l.body.Objects = []fyne.CanvasObject{container.NewVScroll(container.NewPadded(content))}
	l.body.Refresh()
}

// redraw rebuilds the selected entry's form, after a change that alters its shape.
func (l *entryList) redraw() {
	l.list.Refresh()
	l.show(l.selected)
}

func (l *entryList) add() {
	l.v.edit(l.create)
	l.list.Refresh()
	n := l.count() - 1
	l.list.Select(n)
	l.list.ScrollTo(n)
	if l.selected != n { // the list had n selected already, so said nothing
		l.show(n)
	}
}

func (l *entryList) askRemove() {
	i := l.selected
	if i < 0 {
		return
	}
	dialog.ShowConfirm("Remove this "+l.noun+"?",
		"“"+l.summary(i)+"” will be removed from the case. This cannot be undone.",
		func(ok bool) {
			if !ok || i >= l.count() {
				return
			}
			l.v.edit(func() { l.remove(i) })
			l.list.UnselectAll()
			l.list.Refresh()
			l.show(-1)
		}, l.v.w)
}

// cardList edits a small repeating group inside an entry (the actions of a
// risk, the attendees of a meeting) as a column of cards, each with its own
// form and a remove button, and an add button below.
type cardList struct {
	v      *caseView
	noun   string
	count  func() int
	create func()
	remove func(i int)
	detail func(f *form, i int)
	redraw func() // rebuilds the enclosing form after an add or remove

	forms   []*form
	addBtn  *widget.Button
	removes []*widget.Button
}

func (c *cardList) build() fyne.CanvasObject {
	box := container.NewVBox()
	c.forms, c.removes = nil, nil
	for i := 0; i < c.count(); i++ {
		f := newForm(c.v)
		c.detail(f, i)
		rm := widget.NewButton("Remove "+c.noun, func() { c.askRemove(i) })
		c.forms = append(c.forms, f)
		c.removes = append(c.removes, rm)
		box.Add(widget.NewCard(fmt.Sprintf("%s %d", capitalise(c.noun), i+1), "", container.NewVBox(f.object(), container.NewHBox(rm))))
	}
	c.addBtn = widget.NewButton("Add "+c.noun, func() {
		c.v.edit(c.create)
		c.redraw()
	})
	box.Add(container.NewHBox(c.addBtn))
	return box
}

func (c *cardList) askRemove(i int) {
	dialog.ShowConfirm("Remove this "+c.noun+"?", "It will be removed from the case. This cannot be undone.",
		func(ok bool) {
			if ok && i < c.count() {
				c.v.edit(func() { c.remove(i) })
				c.redraw()
			}
		}, c.v.w)
}

// capitalise returns s with its first letter in capitals.
func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
