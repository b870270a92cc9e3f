package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"msprecords/records"
)

// prefGuideShown records that the first-run guide was shown once. It says
// nothing about any case.
const prefGuideShown = "guide_shown"

// guideSteps are the first-run guide: what a new user needs, in order.
var guideSteps = []struct{ title, text string }{
	{"Your records are in a vault", "Everything you record is kept in one encrypted vault on this computer, in the folder " +
		"{folder}. Nothing is sent anywhere. Lock the vault (Ctrl+L, or Lock at the top right) whenever you leave the " +
		"computer; it also locks itself after a few idle minutes (Settings)."},
	{"Keep the recovery key safe", "The recovery key shown when the vault was made is the only way in if every passphrase " +
		"is forgotten. Keep it on paper or a removable drive, away from this computer. On the unlock screen, " +
		"\"Use the recovery key\" sets a new passphrase with it."},
	{"Make a case", "New case (Ctrl+N) starts a record of a concern: the person, what happened and what they want to happen. " +
		"Everything is saved as you type; the bar at the top says when it is."},
	{"Work the case the MSP way", "Record each contact with the person and what they said they want (their desired outcomes), " +
		"the risks and what is being done about them. The practice check beside the case shows what an auditor would find " +
		"missing, and what to do next."},
	{"Share only what is needed", "Export (Ctrl+E) makes a pack for a multi-agency meeting, or a copy for the person in plain words. " +
		"Choose the purpose, protect it with a password, and tell the recipients the password another way. Every export is " +
		"written in the audit trail."},
	{"Back it up", "Settings → Backup saves one encrypted file holding every case. Keep it on another drive, and make one often."},
}

// guideText is the guide's text for the vault in dir.
func guideText(dir string) string {
	var b strings.Builder
	for i, s := range guideSteps {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString("**" + s.title + "**\n\n" + strings.ReplaceAll(s.text, "{folder}", dir))
	}
	return b.String()
}

// helpCommands are the menu "Help".
func (u *UI) helpCommands() []command {
	return []command{
		{"Getting started…", nil, u.showGuide},
		{"What the words mean…", nil, u.showGlossary},
		{"Where my records are kept…", nil, u.showWhere},
	}
}

// showGuideOnce shows the first-run guide, the first time only.
func (u *UI) showGuideOnce() {
	p := u.app.Preferences()
	if p.Bool(prefGuideShown) {
		return
	}
	p.SetBool(prefGuideShown, true)
	u.showGuide()
}

func (u *UI) showGuide() {
	u.showHelp("Getting started", widget.NewRichTextFromMarkdown(guideText(u.vaultDir)))
}

// showGlossary lists the terms of practice and the pick-list choices that
// need explaining, with a box to find one.
func (u *UI) showGlossary() {
	terms := records.Glossary()
	rows := &termRows{shown: terms}
	rows.list = widget.NewList(func() int { return len(rows.shown) }, newTermRow,
		func(i widget.ListItemID, o fyne.CanvasObject) { fillTermRow(o, rows.shown[i]) })
	find := widget.NewEntry()
	find.SetPlaceHolder("Find a word, e.g. IMCA")
	find.OnChanged = func(s string) {
		rows.shown = findTerms(terms, s)
		rows.measure()
		rows.list.Refresh()
	}
	u.showHelp("What the words mean", container.NewBorder(find, nil, nil, nil, container.New(rows, rows.list)))
}

// findTerms returns the terms that hold the words typed: those named by
// them first, then those whose meaning has them, so that typing "IMCA"
// puts IMCA itself at the top.
func findTerms(terms []records.Term, typed string) []records.Term {
	s := strings.ToLower(strings.TrimSpace(typed))
	if s == "" {
		return terms
	}
	var named, meant []records.Term
	for _, t := range terms {
		switch {
		case strings.Contains(strings.ToLower(t.Term), s):
			named = append(named, t)
		case strings.Contains(strings.ToLower(t.Meaning), s):
			meant = append(meant, t)
		}
	}
	return append(named, meant...)
}

// termRows lays out the glossary's list, and gives each row the height its
// wrapped meaning needs at the list's width: meanings run from a few words
// to three lines, and a fixed guess either clips them or leaves gaps.
type termRows struct {
	list  *widget.List
	shown []records.Term
	width float32
}

// Layout fills the space with the list, measuring the rows again when the
// width changes.
func (r *termRows) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	if size.Width != r.width {
		r.width = size.Width
		r.measure()
	}
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// MinSize is the list's own.
func (r *termRows) MinSize(objects []fyne.CanvasObject) fyne.Size { return r.list.MinSize() }

// measure sets each shown row's height from a row filled with its term.
func (r *termRows) measure() {
	if r.width <= 0 {
		return
	}
	row := newTermRow()
	for i, t := range r.shown {
		fillTermRow(row, t)
		row.Resize(fyne.NewSize(r.width, 1))
		r.list.SetItemHeight(i, row.MinSize().Height)
	}
}

// newTermRow is one row of the glossary: the term in bold, its meaning under it.
func newTermRow() fyne.CanvasObject {
	return container.NewVBox(widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), wrapped(""))
}

func fillTermRow(o fyne.CanvasObject, t records.Term) {
	box := o.(*fyne.Container)
	box.Objects[0].(*widget.Label).SetText(t.Term)
	box.Objects[1].(*widget.Label).SetText(t.Meaning)
}

func (u *UI) showWhere() {
	u.showHelp("Where my records are kept", widget.NewRichTextFromMarkdown(
		"The vault is the folder **"+u.vaultDir+"**.\n\n"+
			"Its records are encrypted: without a passphrase or the recovery key they cannot be read, "+
			"even by someone who copies the folder. Do not move or edit the files in it by hand.\n\n"+
			"A backup (Settings → Backup) is one encrypted file you can keep elsewhere; a restored backup "+
			"becomes a new vault folder."))
}

// showHelp shows a help text in a dialog that fits the window.
func (u *UI) showHelp(title string, content fyne.CanvasObject) {
	if rt, ok := content.(*widget.RichText); ok {
		rt.Wrapping = fyne.TextWrapWord
		content = container.NewVScroll(rt)
	}
	size := u.window.Canvas().Size()
	d := dialog.NewCustom(title, "Close", content, u.window)
	d.Resize(fyne.NewSize(min(720, size.Width*0.9), min(560, size.Height*0.85)))
	d.Show()
}
