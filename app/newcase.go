package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"msprecords/records"
	"msprecords/store"
)

// newCaseForm asks for what a new case needs first: the person's name, their
// date of birth (day, month and year boxes) and, optionally, a reference of
// the organisation's own (the store numbers the case otherwise).
type newCaseForm struct {
	w     fyne.Window
	u     *UI
	draft *records.Case

	name    *widget.Entry
	dob     *dmyField
	ref     *widget.Entry
	problem *widget.Label
	create  *widget.Button
	d       *dialog.CustomDialog

	same  *sameCaseDialog // shown when the person already has a case
	shown bool            // the form is on screen
}

// newCaseDraft is what the new case form showed when the vault locked: kept
// in memory only, for the same user's next unlock, which shows the form
// again as it was. Nothing of it is ever written anywhere.
type newCaseDraft struct {
	user                        string
	name, day, month, year, ref string
}

// onNewCase opens the new case form (Ctrl+N).
func (u *UI) onNewCase() {
	if !u.unlocked() {
		return
	}
	u.newCase = newNewCaseForm(u.window, u)
	u.newCase.shown = true
	u.newCase.d.Show()
	u.window.Canvas().Focus(u.newCase.name)
}

// typedSoFar returns what the form shows, for user, or nil when it is not
// on screen or nothing has been typed in it.
func (f *newCaseForm) typedSoFar(user string) *newCaseDraft {
	if f == nil || !f.shown {
		return nil
	}
	day, month, year := f.dob.parts()
	d := &newCaseDraft{user: user, name: f.name.Text, day: day, month: month, year: year, ref: f.ref.Text}
	if strings.TrimSpace(d.name+d.day+d.month+d.year+d.ref) == "" {
		return nil
	}
	return d
}

// reopenNewCase shows the new case form again with what it held when the
// vault locked.
func (u *UI) reopenNewCase(d *newCaseDraft) {
	u.onNewCase()
	f := u.newCase
	f.name.SetText(d.name)
	f.ref.SetText(d.ref)
	f.dob.day.SetText(d.day)
	f.dob.month.SetText(d.month)
	f.dob.year.SetText(d.year)
}

func newNewCaseForm(w fyne.Window, u *UI) *newCaseForm {
	f := &newCaseForm{w: w, u: u, draft: &records.Case{}}
	// The fields are the case view's own form helpers, bound to a draft
	// case that reaches the store only when "Create" is pressed.
	fm := newForm(&caseView{changed: f.recheck})
	f.name = fm.text("person.name", &f.draft.Person.Name)
	f.dob = fm.dayMonthYear("person.date_of_birth", &f.draft.Person.DateOfBirth)
	f.ref = fm.text("Reference", &f.draft.Reference)
	f.ref.SetPlaceHolder("Leave blank to number the case automatically")
	f.name.OnSubmitted = func(string) { f.onCreate() }
	f.ref.OnSubmitted = func(string) { f.onCreate() }
	f.problem = newProblemLabel()
	f.create = widget.NewButtonWithIcon("Create", theme.ConfirmIcon(), f.onCreate)
	f.create.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() { f.d.Hide() })
	content := container.NewVBox(fm.object(), f.problem)
	wide := container.New(columnWidth(520), content)
	f.d = dialog.NewCustomWithoutButtons("New case", wide, w)
	f.d.SetButtons([]fyne.CanvasObject{cancel, f.create})
	f.d.SetOnClosed(func() { f.shown = false })
	return f
}

// onCreate checks the form, then warns if the person already has a case,
// otherwise creates it.
func (f *newCaseForm) onCreate() {
	if f.create.Disabled() {
		return // the case is being made
	}
	dateOK := f.checkDate()
	if msg := f.check(); msg != "" {
		f.problem.SetText(msg)
		f.problem.Show()
		f.w.Canvas().Focus(f.name)
		return
	}
	f.problem.Hide()
	if !dateOK {
		return
	}
	all := f.u.session.store.Summaries()
	if same := samePersonCases(all, f.draft.Person.Name, f.draft.Person.DateOfBirth); len(same) > 0 {
		f.same = newSameCaseDialog(f, same)
		f.same.d.Show()
		return
	}
	f.createCase()
}

// checkDate takes the date of birth from its boxes, as they show it now,
// and says beside them what is wrong, if anything: a case is never made
// with a date other than the one on screen.
func (f *newCaseForm) checkDate() bool {
	v, ok := f.dob.value()
	switch {
	case !ok:
		f.dob.judge(true)
	case v.After(records.Today()):
		showMessage(f.dob.message, f.dob.label+" must be in the past")
	default:
		f.draft.Person.DateOfBirth = v
		return true
	}
	f.w.Canvas().Focus(f.dob.day)
	return false
}

// check returns what else to put right before the case can be made, or "".
func (f *newCaseForm) check() string {
	if strings.TrimSpace(f.draft.Person.Name) == "" {
		return "Enter the person's full name."
	}
	return ""
}

// recheck runs after every change to the form: a problem shown is taken
// away as soon as it is put right.
func (f *newCaseForm) recheck() {
	if f.problem == nil || !f.problem.Visible() {
		return
	}
	if msg := f.check(); msg == "" {
		f.problem.Hide()
	} else {
		f.problem.SetText(msg)
	}
}

// createCase adds the case to the store in the worker, then opens it. The
// Create button waits meanwhile, so a second press makes no second case.
func (f *newCaseForm) createCase() {
	if f.create.Disabled() {
		return
	}
	sess := f.u.session
	c := newCaseRecord(f.draft, sess.user)
	f.create.Disable()
	var err error
	f.u.work.run(func() { err = sess.store.Create(c) }, func() {
		f.create.Enable()
		if f.u.session != sess {
			return // locked meanwhile; the form was hidden
		}
		if err != nil {
			f.problem.SetText(messageFor(err))
			f.problem.Show()
			return
		}
		f.d.Hide()
		f.u.cases.refresh()
		f.u.openCase(c.ID)
	})
}

// newCaseRecord is a new case for the person in draft, at the first stage,
// led by the user who made it.
func newCaseRecord(draft *records.Case, user string) *records.Case {
	return &records.Case{
		Schema:    records.SchemaVersion,
		Reference: strings.TrimSpace(draft.Reference),
		Person: records.Person{
			Name:        strings.TrimSpace(draft.Person.Name),
			DateOfBirth: draft.Person.DateOfBirth,
		},
		Enquiry: records.Enquiry{Stage: records.Stages()[0], LeadPractitioner: user},
	}
}

// sameCaseDialog says that the person already has a case, and offers to
// open it, or to make a new case anyway.
type sameCaseDialog struct {
	d      *dialog.CustomDialog
	open   []*widget.Button // one per existing case
	anyway *widget.Button
}

func newSameCaseDialog(f *newCaseForm, same []store.Summary) *sameCaseDialog {
	s := &sameCaseDialog{}
	intro := widget.NewLabel(sameCaseText(f.draft.Person.Name, f.draft.Person.DateOfBirth, len(same)))
	intro.Wrapping = fyne.TextWrapWord
	rows := container.NewVBox(intro)
	for _, c := range same {
		id := c.ID
		b := widget.NewButtonWithIcon("Open "+c.Reference, theme.FolderOpenIcon(), func() {
			s.d.Hide()
			f.d.Hide()
			f.u.openCase(id)
		})
		s.open = append(s.open, b)
		detail := widget.NewLabel(describeSummary(c))
		rows.Add(container.NewBorder(nil, nil, b, nil, detail))
	}
	s.anyway = widget.NewButton("Create a new case anyway", func() {
		s.d.Hide()
		f.createCase()
	})
	back := widget.NewButton("Back", func() { s.d.Hide() })
	s.d = dialog.NewCustomWithoutButtons("This person may already have a case", container.New(columnWidth(520), rows), f.w)
	s.d.SetButtons([]fyne.CanvasObject{back, s.anyway})
	return s
}

func sameCaseText(name string, dob records.Date, n int) string {
	who := strings.TrimSpace(name)
	if !dob.IsZero() {
		who += ", born " + dob.String()
	}
	if n == 1 {
		return "There is already a case for " + who + ". Open it, or create a new case if this is a new enquiry."
	}
	return "There are already cases for " + who + ". Open one, or create a new case if this is a new enquiry."
}

// describeSummary is one line about an existing case: its stage and dates.
func describeSummary(s store.Summary) string {
	text := s.Stage
	if !s.Opened.IsZero() {
		text += ", opened " + s.Opened.String()
	}
	if s.IsClosed {
		text += ", closed " + s.Closed.String()
	}
	return text
}
