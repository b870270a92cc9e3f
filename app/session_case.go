package app

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"msprecords/records"
	"msprecords/store"
)

// Words for the save status beside the case reference.
const (
	statusSaved    = "All changes saved"
	statusUnsaved  = "Saving…"
	statusNotSaved = "Not saved yet"
	statusConflict = "Not saved: changed elsewhere"
)

// caseScreen is an open case: the case view (written by the case-view
// screens) inside a bar with the reference, the save status and the
// actions. It owns saving: the case view edits the case in place and calls
// onChanged; the first change starts a short timer, and the save happens
// when it fires, so edits reach the store within a second. Saves run in
// the worker on a copy of the case (session_save.go).
type caseScreen struct {
	w     fyne.Window
	store *store.Store
	u     *UI
	c     *records.Case
	view  *caseView

	reference   *widget.Label
	status      *widget.Label
	goTo        *widget.Button // beside the status: goes to a field that cannot be saved yet
	unsavedNote string         // the message bar's words about those fields, while shown
	root        fyne.CanvasObject

	cancelSave func()        // the pending autosave, or nil
	dirty      bool          // edits not yet in the store
	failed     bool          // the last save was refused (validation), and nothing changed since
	edits      uint64        // changes made so far: a save writes a copy taken after one of them
	saving     *saveJob      // the save in flight, or nil: one at a time
	again      bool          // save again once the one in flight is done
	waiters    []func(error) // told once the case is saved, or cannot be
	gone       bool          // the screen was dropped
	conflict   bool          // the store holds a newer version; saving waits for a reload
	lost       string        // edits not saved because of a conflict, kept to copy
	conflictUI *conflictDialog
	practice   *practicePanel  // beside the view, refreshed on every edit (practice_panel.go)
	access     *accessDialog   // the lead's "Who can read" dialog last opened (access_dialog.go)
	interest   *fyne.Container // the warning of a conflict of interest, empty when there is none
	readers    []string        // who the case is restricted to; nil when it is not
	users      []string        // the vault's users, for the warning
	warning    string          // who the warning shown names; "" when none is shown
}

func newCaseScreen(w fyne.Window, u *UI, c *records.Case) *caseScreen {
	s := &caseScreen{w: w, store: u.session.store, u: u, c: c}
	s.view = newCaseView(w, c, u.session.user, s.onChanged)
	if u.session.isLead() {
		s.view.signOff = s.signOffNow
	}
	s.practice = attachPracticePanel(s)
	s.reference = widget.NewLabelWithStyle(c.Reference, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.status = widget.NewLabel(statusSaved)
	s.status.Importance = widget.LowImportance
	s.goTo = widget.NewButtonWithIcon("", theme.WarningIcon(), s.onGoTo)
	s.goTo.Importance = widget.LowImportance
	s.goTo.Hide()
	s.view.onUnsaved = s.showStatus
	s.interest = s.newInterestBanner()
	s.root = container.NewBorder(container.NewVBox(s.header(), s.interest), nil, nil, nil, s.view.content())
	return s
}

// showStatus says, beside the reference, whether everything on screen is
// in the store. "All changes saved" only when it is: no edit waiting for a
// save or being saved, none refused, and no field showing text the case
// cannot hold yet (such as 31/02/1938), which is counted, with a button
// that goes to the first.
func (s *caseScreen) showStatus() {
	pending := s.view.pendingFields()
	text, importance := statusSaved, widget.LowImportance
	switch {
	case s.conflict:
		text, importance = statusConflict, widget.WarningImportance
	case len(pending) > 0:
		text, importance = notSavedText(len(pending)), widget.WarningImportance
	case s.failed:
		text, importance = statusNotSaved, widget.WarningImportance
	case s.saving != nil || s.dirty:
		text = statusUnsaved
	}
	s.status.Importance = importance
	s.status.SetText(text)
	if len(pending) == 0 {
		s.goTo.Hide()
		if s.unsavedNote != "" && s.u.bar.message() == s.unsavedNote {
			s.u.bar.clear() // put right: the message would only mislead now
		}
		s.unsavedNote = ""
		return
	}
	s.goTo.SetText("Go to " + pending[0].label)
	s.goTo.Show()
}

// onGoTo shows the first field that cannot be saved yet, with its message.
func (s *caseScreen) onGoTo() {
	if pending := s.view.pendingFields(); len(pending) > 0 {
		s.view.goTo(pending[0])
	}
}

// unsavedFields lists the fields that cannot be saved yet, with what is
// wrong with each, for a question before they are dropped.
func (s *caseScreen) unsavedFields() (n int, list string) {
	pending := s.view.pendingFields()
	var lines []string
	for _, p := range pending {
		lines = append(lines, p.problem+" ("+p.part+")")
	}
	return len(pending), strings.Join(lines, "\n")
}

func (s *caseScreen) header() fyne.CanvasObject {
	back := widget.NewButtonWithIcon("Case list", theme.NavigateBackIcon(), s.u.showCaseList)
	export := widget.NewButtonWithIcon("Export…", theme.DocumentPrintIcon(), s.u.onExport)
	lock := widget.NewButtonWithIcon("Lock", theme.LogoutIcon(), s.u.lockNow)
	left := container.NewHBox(back, s.reference, s.restrictedBadge(), s.status, s.goTo)
	right := container.NewHBox(export, lock)
	if s.u.session.isLead() {
		right.Objects = append([]fyne.CanvasObject{widget.NewButtonWithIcon("Access…", theme.VisibilityOffIcon(), s.onAccess)}, right.Objects...)
	}
	return container.NewVBox(container.NewBorder(nil, nil, left, right), widget.NewSeparator())
}

// onChanged is the case view's changed callback: it counts as activity and
// schedules a save. Every change is numbered, so a save knows whether the
// copy it wrote is still the latest edit.
func (s *caseScreen) onChanged() {
	if s.gone {
		return // a late change to a case already closed (the vault locked)
	}
	s.u.idle.touch()
	s.edits++
	s.dirty = true
	s.failed = false
	s.showStatus()
	s.refreshInterest()
	if s.conflict {
		return
	}
	if s.cancelSave == nil {
		s.cancelSave = s.u.work.after(s.u.saveDelay, s.onAutosave)
	}
}

func (s *caseScreen) onAutosave() {
	s.cancelSave = nil
	s.save(nil)
}

// saveNow saves at once (Ctrl+S).
func (s *caseScreen) saveNow() {
	s.dirty = true // Ctrl+S always writes, so the person sees it happen
	s.save(nil)
}

// retrySave saves a case stashed when the vault locked.
func (s *caseScreen) retrySave() {
	s.dirty = true
	s.save(nil)
}

// report shows the outcome of a save: validation problems in the message
// bar (the edits stay on screen and in memory, and the next change tries
// again), a conflict in a dialog.
func (s *caseScreen) report(j *saveJob) {
	switch {
	case j.err == nil:
		s.clearSaveProblem()
		s.failed = false
		s.showStatus() // still saving if edited meanwhile: the next save is due
	case errors.Is(j.err, store.ErrConflict):
		s.showStatus()
		s.showConflict(j.stored, j.loadErr)
	default:
		s.failed = j.edits == s.edits
		s.showStatus()
		s.u.bar.show(messageFor(j.err))
	}
}

// clearSaveProblem hides a save problem once the case saves, but keeps a
// message with an action (unsaved edits kept after a conflict).
func (s *caseScreen) clearSaveProblem() {
	if !s.u.bar.keep {
		s.u.bar.clear()
	}
}

func (s *caseScreen) stopTimer() {
	if s.cancelSave != nil {
		s.cancelSave()
		s.cancelSave = nil
	}
}

// discard stops the timer and forgets callers waiting for a save; the
// screen and its case are then dropped, and the result of a save still
// running is ignored when it arrives.
func (s *caseScreen) discard() {
	s.stopTimer()
	s.dirty = false
	s.waiters = nil
	s.gone = true
}

// commitTyping puts everything on screen into the case before it is saved
// for a lock, a quit or leaving: the field being typed in judges its text
// as on leaving it, and an open text editor is saved as its Save button
// does.
func (s *caseScreen) commitTyping() {
	s.w.Canvas().Unfocus()
	s.view.commitEditing()
}
