package app

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"msprecords/export"
	"msprecords/records"
	"msprecords/store"
)

// The export dialog's choices, in the words the person reads.
const (
	formatPDF  = "PDF"
	formatHTML = "HTML page (for screen readers; cannot have a password)"
	noMeeting  = "No meeting"
)

// purposeNotes say, under the purpose, what a pack for it holds.
var purposeNotes = map[export.Purpose]string{
	export.PurposeMeeting: "Everything relevant, including the person alleged to have caused harm.",
	export.PurposePerson: "The person's own record in plain words. Always leaves out the person alleged to have caused " +
		"harm, other people's contact details and professional challenge notes.",
	export.PurposeCustom: "Tick the sections to share. Sections left out say so in the pack.",
}

// exportDialog is "Export…" (Ctrl+E): what to share and why,
// how to protect it, then where to save it. Nothing personal reaches the
// disk but the pack itself, written whole or not at all.
type exportDialog struct {
	w      fyne.Window
	st     *store.Store
	c      *records.Case
	mark   string
	now    func() records.Date
	work   worker
	saved  func(path string) // for tests: called once a pack is saved
	saveAs *saveAsDialog     // where to save, once asked

	purpose         *widget.RadioGroup
	title           *widget.Label // what is being made, following the purpose
	note            *widget.Label
	sections        *widget.CheckGroup
	mask            *widget.Check
	meeting         *widget.Select
	format          *widget.RadioGroup
	pass, again     *widget.Entry
	noPassword      *widget.Check
	problem         *widget.Label
	choose          *widget.Button
	body            *fyne.Container
	d               *dialog.CustomDialog
	meetingIDs      []string // parallel to meeting's options
	sectionsByTitle map[string]export.Section
}

// showExportDialog opens the export dialog for case c, whose changes the
// caller has saved.
func showExportDialog(w fyne.Window, st *store.Store, c *records.Case) {
	newExportDialog(w, st, c).d.Show()
}

func newExportDialog(w fyne.Window, st *store.Store, c *records.Case) *exportDialog {
	e := &exportDialog{w: w, st: st, c: c, now: records.Today, mark: loadSettings(fyne.CurrentApp().Preferences()).Marking}
	e.build()
	return e
}

func (e *exportDialog) build() {
	e.note, e.problem, e.title = wrapped(""), newProblemLabel(), heading("")
	e.buildSections()
	e.purpose = widget.NewRadioGroup(purposeLabels(), func(string) { e.onPurpose() })
	e.purpose.Required = true
	e.mask = widget.NewCheck("Withhold addresses, postcodes and phone numbers", nil)
	e.buildMeetings()
	e.format = widget.NewRadioGroup([]string{formatPDF, formatHTML}, func(string) { e.onProtection() })
	e.format.Required = true
	e.pass, e.again = widget.NewPasswordEntry(), widget.NewPasswordEntry()
	e.noPassword = widget.NewCheck("Export without a password", func(bool) { e.onProtection() })
	e.purpose.SetSelected(export.PurposeMeeting.Label())
	e.format.SetSelected(formatPDF)
	form := widget.NewForm(
		widget.NewFormItem("Purpose of sharing", container.NewVBox(e.purpose, e.note)),
		widget.NewFormItem("Sections", e.sections),
		widget.NewFormItem("Contact details", e.mask),
		widget.NewFormItem("Meeting on the cover", e.meeting),
		widget.NewFormItem("Format", e.format),
		widget.NewFormItem("Password", e.pass),
		widget.NewFormItem("Password again", e.again),
		widget.NewFormItem("", e.noPassword))
	intro := wrapped("Share only what is needed for the purpose. The export is recorded in the audit trail " +
		"with the purpose and sections; every page is marked " + e.mark + ".")
	scroll := container.NewVScroll(container.New(columnWidth(600), container.NewVBox(e.title, intro, form)))
	scroll.SetMinSize(fyne.NewSize(620, 480))
	// The problem sits below the scrolling form, by the buttons, where it is
	// seen whatever part of the form is scrolled into view.
	e.body = container.NewBorder(nil, e.problem, nil, nil, scroll)
	e.choose = widget.NewButtonWithIcon("Choose where to save…", theme.DocumentSaveIcon(), e.onChoose)
	e.choose.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() { e.d.Hide() })
	e.d = dialog.NewCustomWithoutButtons("Export from "+e.c.Reference, e.body, e.w)
	e.d.SetButtons([]fyne.CanvasObject{cancel, e.choose})
}

func purposeLabels() []string {
	labels := make([]string, len(export.Purposes))
	for i, p := range export.Purposes {
		labels[i] = p.Label()
	}
	return labels
}

func (e *exportDialog) buildSections() {
	e.sectionsByTitle = make(map[string]export.Section)
	var titles []string
	for _, s := range export.AllSections {
		t := s.Title(export.PurposeMeeting)
		titles = append(titles, t)
		e.sectionsByTitle[t] = s
	}
	e.sections = widget.NewCheckGroup(titles, nil)
}

// buildMeetings offers the case's meetings for the cover, the latest first chosen.
func (e *exportDialog) buildMeetings() {
	options := []string{noMeeting}
	e.meetingIDs = []string{""}
	for _, m := range e.c.Meetings {
		kind := m.Type
		if kind == "" {
			kind = "Meeting"
		}
		options = append(options, joinNonEmpty(", ", kind, m.Date.String(), m.Place))
		e.meetingIDs = append(e.meetingIDs, m.ID)
	}
	e.meeting = widget.NewSelect(options, nil)
	e.meeting.SetSelectedIndex(max(slices.Index(e.meetingIDs, export.LatestMeeting(e.c)), 0))
}

// chosenPurpose returns the purpose selected.
func (e *exportDialog) chosenPurpose() export.Purpose {
	for _, p := range export.Purposes {
		if p.Label() == e.purpose.Selected {
			return p
		}
	}
	return export.PurposeMeeting
}

// onPurpose sets the sections to the purpose's own; only a custom pack lets
// the person change them.
func (e *exportDialog) onPurpose() {
	p := e.chosenPurpose()
	e.title.SetText(titleCase(p.Noun()))
	e.note.SetText(purposeNotes[p])
	var titles []string
	for _, s := range export.DefaultSections(p) {
		titles = append(titles, s.Title(export.PurposeMeeting))
	}
	e.sections.SetSelected(titles)
	if p == export.PurposeCustom {
		e.sections.Enable()
	} else {
		e.sections.Disable()
	}
}

// onProtection enables the password boxes only where a password applies.
func (e *exportDialog) onProtection() {
	if e.pass == nil {
		return
	}
	if e.noPassword.Checked || e.format.Selected == formatHTML {
		e.pass.Disable()
		e.again.Disable()
	} else {
		e.pass.Enable()
		e.again.Enable()
	}
}

// chosenSections returns the ticked sections in pack order.
func (e *exportDialog) chosenSections() []export.Section {
	var out []export.Section
	for _, t := range e.sections.Selected {
		out = append(out, e.sectionsByTitle[t])
	}
	return out
}

// checkChoices returns what is wrong with the choices, in words for the
// person, or "".
func (e *exportDialog) checkChoices() string {
	html := e.format.Selected == formatHTML
	switch {
	case len(e.sections.Selected) == 0:
		return "Tick at least one section to share."
	case html && !e.noPassword.Checked:
		return "An HTML page cannot have a password. Tick “Export without a password”, or choose PDF."
	case e.noPassword.Checked:
		return ""
	}
	if e.pass.Text == "" {
		return "Enter a password, twice, or tick “Export without a password”."
	}
	if hint, ok := passphraseHint(e.pass.Text, ""); !ok {
		return hint
	}
	if e.pass.Text != e.again.Text {
		return "The two passwords are not the same: type them again."
	}
	if export.CheckPDFPassword(e.pass.Text) != nil {
		return "The password is too long: use at most 60 characters."
	}
	return ""
}

// titleCase gives a phrase a capital first letter: "Meeting pack".
func titleCase(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
