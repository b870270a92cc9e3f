package app

import (
	"bytes"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"msprecords/crypto"
	"msprecords/export"
	"msprecords/records"
	"msprecords/store"
)

// Choices of the audit-trail screen that mean "no filter".
const (
	anyUser   = "Anyone"
	anyAction = "Any action"
)

// trailScreen shows the audit trail: who created, viewed, changed, exported
// or deleted which case and when, filtered by case, user, action and date,
// with whether the chain of entries is unbroken, as "msprecords
// audit-trail" prints it.
type trailScreen struct {
	u *UI

	reference *widget.Entry
	user      *widget.Select
	action    *widget.Select
	from, to  *dateEntry
	problem   *widget.Label
	chain     *widget.Label
	summary   *widget.Label
	rows      [][]string
	table     *widget.Table
	save      *widget.Button
	trail     *store.Trail // as last shown
	filter    store.TrailFilter
	root      fyne.CanvasObject
}

// showTrail saves and closes the open case, then shows the audit trail.
func (u *UI) showTrail() { u.openTrail() }

func (u *UI) openTrail() *trailScreen {
	if !u.unlocked() {
		return nil
	}
	if !u.session.isLead() {
		dialog.ShowInformation("Audit trail", messageFor(crypto.ErrNotLead)+
			" The audit trail says who has read or changed each case, so only leads see it.", u.window)
		return nil
	}
	if !u.readyToLeave(u.showTrail) {
		return nil
	}
	u.setTitle("")
	s := newTrailScreen(u)
	u.show(s.root)
	s.load()
	return s
}

func newTrailScreen(u *UI) *trailScreen {
	s := &trailScreen{u: u, reference: widget.NewEntry(), from: newDateEntry(), to: newDateEntry(),
		problem: newMessage(), chain: wrapped(""), summary: wrapped("")}
	s.reference.SetPlaceHolder("e.g. MSP-2026-0001")
	s.reference.OnSubmitted = func(string) { s.load() }
	s.user = widget.NewSelect([]string{anyUser}, func(string) { s.load() })
	s.user.Selected = anyUser
	s.action = widget.NewSelect([]string{anyAction}, func(string) { s.load() })
	s.action.Selected = anyAction
	s.save = widget.NewButtonWithIcon("Save as CSV…", theme.DocumentSaveIcon(), s.onSave)
	s.save.Disable()
	s.table = newResultsTable(&s.rows, []float32{60, 230, 170, 110, 150, 420})
	s.root = s.layout()
	return s
}

func (s *trailScreen) layout() fyne.CanvasObject {
	show := widget.NewButtonWithIcon("Show", theme.SearchIcon(), s.load)
	show.Importance = widget.HighImportance
	form := widget.NewForm(
		widget.NewFormItem(records.Label("reference"), s.reference),
		widget.NewFormItem("By", s.user),
		widget.NewFormItem("Action", s.action),
		widget.NewFormItem("From", s.from),
		widget.NewFormItem("To", s.to),
	)
	intro := wrapped("Every time a case is created, viewed, changed, exported or deleted, and every backup, " +
		"restore, import and report, is written here with who did it and when (times in UTC). Each entry is " +
		"chained to the one before, so an entry changed or removed outside MSP Records shows below.")
	top := container.NewVBox(intro, form, s.problem, container.NewHBox(show), widget.NewSeparator(), s.chain, s.summary)
	return container.NewBorder(reportTop(s.u, "Audit trail"), nil, nil, nil,
		container.NewPadded(container.NewBorder(top, container.NewHBox(s.save), nil, nil, s.table)))
}

// choices reads the form into a filter, or the first thing to put right.
func (s *trailScreen) choices() (store.TrailFilter, string) {
	f := store.TrailFilter{Reference: strings.TrimSpace(s.reference.Text)}
	if s.user.Selected != anyUser {
		f.User = s.user.Selected
	}
	if s.action.Selected != anyAction {
		f.Action = s.action.Selected
	}
	var err error
	if f.From, err = records.ParseDate(s.from.Text); err != nil {
		return f, "From must be a real date, like 1/4/2026"
	}
	if f.To, err = records.ParseDate(s.to.Text); err != nil {
		return f, "To must be a real date, like 30/4/2026"
	}
	if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
		return f, "To must be the same as or after From"
	}
	return f, ""
}

// load reads the trail in the worker and shows what the filter chooses.
func (s *trailScreen) load() {
	f, problem := s.choices()
	s.problem.SetText(problem)
	if problem != "" {
		return
	}
	st := s.u.session.store
	s.summary.SetText("Reading the audit trail…")
	var t, all *store.Trail
	var err error
	s.u.work.run(func() {
		if t, err = st.Trail(f); err == nil {
			all, err = st.Trail(store.TrailFilter{})
		}
	}, func() {
		if s.u.session == nil || len(s.u.body.Objects) != 1 || s.u.body.Objects[0] != s.root {
			return // locked or left meanwhile
		}
		if err != nil {
			s.summary.SetText("The audit trail could not be read. " + messageFor(err))
			return
		}
		s.offerChoices(all)
		s.show(t, f)
	})
}

// offerChoices fills the user and action lists with those in the trail.
func (s *trailScreen) offerChoices(all *store.Trail) {
	users, actions := []string{anyUser}, []string{anyAction}
	seen := map[string]bool{}
	for _, e := range all.Entries {
		if !seen["u"+e.User] {
			seen["u"+e.User] = true
			users = append(users, e.User)
		}
		if !seen["a"+e.Action] {
			seen["a"+e.Action] = true
			actions = append(actions, e.Action)
		}
	}
	s.user.Options, s.action.Options = users, actions
	s.user.Refresh()
	s.action.Refresh()
}

func (s *trailScreen) show(t *store.Trail, f store.TrailFilter) {
	s.trail, s.filter = t, f
	if t.Verified() {
		s.chain.Importance = widget.SuccessImportance
		s.chain.SetText(fmt.Sprintf("The chain of %s is unbroken.", plural(t.Total, "entry")))
	} else {
		s.chain.Importance = widget.DangerImportance
		s.chain.SetText("The chain is broken: " + strings.Join(t.Problems, ". ") + ".")
	}
	s.summary.SetText(fmt.Sprintf("%s shown, oldest first.", plural(len(t.Entries), "entry")))
	s.rows = [][]string{{"Entry", "Time", "By", "Action", "Case", "Detail"}}
	for _, e := range t.Entries {
		s.rows = append(s.rows, []string{fmt.Sprint(e.Seq), e.When(), e.User, e.Action, e.Reference, e.Detail})
	}
	s.table.Refresh()
	if len(t.Entries) > 0 {
		s.save.Enable()
	} else {
		s.save.Disable()
	}
}

// onSave saves the entries shown as CSV, as "msprecords audit-trail --csv" does.
func (s *trailScreen) onSave() {
	if s.trail == nil {
		return
	}
	t, f := s.trail, s.filter
	name := "audit-trail-" + records.Today().ISO() + ".csv"
	s.u.saveReport(name, ".csv", store.AuditTrailSaved, func() ([]byte, string, error) { return trailFile(t, f) })
}

// trailFile is the entries as CSV, with the audit trail detail of saving them.
func trailFile(t *store.Trail, f store.TrailFilter) ([]byte, string, error) {
	var buf bytes.Buffer
	err := export.WriteCSV(&buf, store.TrailColumns, t.Table())
	return buf.Bytes(), store.TrailDetail(len(t.Entries), f), err
}
