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
	shown := terms
	list := widget.NewList(func() int { return len(shown) },
		func() fyne.CanvasObject {
			return container.NewVBox(widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), wrapped(""))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(shown[i].Term)
			box.Objects[1].(*widget.Label).SetText(shown[i].Meaning)
		})
	for i, t := range terms {
		list.SetItemHeight(i, termHeight(t))
	}
	find := widget.NewEntry()
	find.SetPlaceHolder("Find a word, e.g. IMCA")
	find.OnChanged = func(s string) {
		shown = nil
		for _, t := range terms {
			if s == "" || strings.Contains(strings.ToLower(t.Term+" "+t.Meaning), strings.ToLower(strings.TrimSpace(s))) {
				shown = append(shown, t)
			}
		}
		for i, t := range shown {
			list.SetItemHeight(i, termHeight(t))
		}
		list.Refresh()
	}
	u.showHelp("What the words mean", container.NewBorder(find, nil, nil, nil, list))
}

// termHeight is roughly the height of a term's row in the help dialog's width.
func termHeight(t records.Term) float32 {
	lines := 2 + len(t.Meaning)/90
	return float32(lines) * 22
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
