package app

import (
	"time"

	"msprecords/store"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// caseListScreen lists every case, filtered as the person types. The list is
// virtualised (only visible rows have widgets), and searching runs on the
// store's in-memory index, so 10,000 cases stay smooth.
type caseListScreen struct {
	w     fyne.Window
	store *store.Store
	u     *UI

	filter    caseFilter
	rows      []store.Summary
	total     int    // cases in the vault; -1: count them at the next search
	wanted    uint64 // searches asked for: a result is shown only for the latest
	searching bool   // a search is running in the worker

	search  *widget.Entry
	stage   *widget.Select
	status  *widget.Select
	overdue *widget.Check
	gaps    *widget.Check
	count   *widget.Label
	empty   *widget.Label // shown instead of rows when there are none
	list    *widget.List
	root    fyne.CanvasObject
}

func newCaseListScreen(w fyne.Window, store *store.Store, u *UI) *caseListScreen {
	s := &caseListScreen{w: w, store: store, u: u, filter: caseFilter{stage: allStages, status: statusAll}}
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder("Search names, references and notes (Ctrl+F)")
	s.search.OnChanged = s.onSearch
	s.stage = widget.NewSelect(stageChoices(), s.onStage)
	s.stage.SetSelected(allStages)
	s.status = widget.NewSelect(statusChoices, s.onStatus)
	s.status.SetSelected(statusAll)
	s.overdue = widget.NewCheck(overdueFilter, s.onOverdue)
	s.gaps = widget.NewCheck(gapsFilter, s.onGaps)
	s.count = widget.NewLabel("")
	s.empty = widget.NewLabel("")
	s.empty.Importance = widget.LowImportance
	s.list = widget.NewList(s.length, func() fyne.CanvasObject { return newCaseRow(false) }, s.updateRow)
	s.list.OnSelected = s.onSelected
	s.root = s.layout()
	return s // the rows are searched for when the list is shown (showList)
}

func (s *caseListScreen) layout() fyne.CanvasObject {
	newCase := widget.NewButtonWithIcon("New case", theme.ContentAddIcon(), s.u.onNewCase)
	newCase.Importance = widget.HighImportance
	settings := widget.NewButtonWithIcon("Settings", theme.SettingsIcon(), s.u.showSettings)
	lock := widget.NewButtonWithIcon("Lock", theme.LogoutIcon(), s.u.lockNow)
	top := container.NewBorder(nil, nil, nil, container.NewHBox(newCase, s.u.reportButtons(), settings, lock), s.search)
	filters := container.NewHBox(container.New(columnWidth(270), s.stage), container.New(columnWidth(190), s.status), s.overdue, s.gaps)
	filterRow := container.NewBorder(nil, nil, filters, s.count)
	header := newCaseRow(true)
	setCaseRow(header, [7]string(caseColumns))
	head := container.NewVBox(top, filterRow, widget.NewSeparator(), header, widget.NewSeparator())
	return container.NewBorder(head, nil, nil, nil, container.NewStack(s.list, container.NewCenter(s.empty)))
}

// refresh counts the cases and runs the search again, after a case was
// saved or added.
func (s *caseListScreen) refresh() {
	s.total = -1
	s.apply()
}

// apply runs the search for the current filter in the worker and redraws
// the list with its result. One search runs at a time: what is typed while
// it runs is searched for when it ends, and a result is shown only if the
// filter has not changed since it was asked for.
func (s *caseListScreen) apply() {
	s.wanted++
	if !s.searching {
		s.runSearch()
	}
}

// searchGrace is how long a keystroke waits for its search before the
// window carries on: a search of the in-memory index takes a few
// milliseconds even over 10,000 cases, so its result is nearly always drawn
// with the keystroke, and a slower one never holds up typing for longer.
const searchGrace = 50 * time.Millisecond

func (s *caseListScreen) runSearch() {
	s.searching = true
	asked, q, count, st := s.wanted, s.filter.query(), s.total < 0, s.store
	var rows []store.Summary
	total := -1
	s.u.work.runQuick(searchGrace, func() {
		rows = st.Search(q)
		if count {
			total = len(rows)
			if q != (store.Query{}) {
				total = len(st.Summaries())
			}
		}
	}, func() {
		s.searching = false
		switch {
		case s.u.cases != s:
			return // locked meanwhile
		case asked != s.wanted:
			s.runSearch() // the filter changed: only the latest counts
		default:
			s.showRows(rows, total)
		}
	})
}

// showRows draws a search's result; total is the number of cases in the
// vault, or -1 if it was not counted.
func (s *caseListScreen) showRows(rows []store.Summary, total int) {
	s.rows = rows
	if total >= 0 {
		s.total = total
	}
	s.count.SetText(countText(len(s.rows), s.total))
	s.showEmpty()
	s.list.UnselectAll()
	s.list.Refresh()
}

// showEmpty says why the list is empty, if it is.
func (s *caseListScreen) showEmpty() {
	switch {
	case len(s.rows) > 0:
		s.empty.Hide()
		return
	case s.total == 0:
		s.empty.SetText("No cases yet. Choose New case (Ctrl+N) to start one.")
	default:
		s.empty.SetText("No cases match. Change the search or the filters to see more.")
	}
	s.empty.Show()
}

func (s *caseListScreen) length() int { return len(s.rows) }

func (s *caseListScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id < len(s.rows) {
		setCaseRow(o.(*fyne.Container), caseCells(s.rows[id]))
	}
}

func (s *caseListScreen) onSelected(id widget.ListItemID) {
	if id >= len(s.rows) {
		return
	}
	s.list.UnselectAll()
	s.u.openCase(s.rows[id].ID)
}

func (s *caseListScreen) onSearch(text string) {
	s.u.idle.touch()
	s.filter.text = text
	s.apply()
}

func (s *caseListScreen) onStage(stage string) {
	s.filter.stage = stage
	s.refreshIfBuilt()
}

func (s *caseListScreen) onStatus(status string) {
	s.filter.status = status
	s.refreshIfBuilt()
}

func (s *caseListScreen) onOverdue(on bool) {
	s.filter.overdue = on
	s.refreshIfBuilt()
}

func (s *caseListScreen) onGaps(on bool) {
	s.filter.gaps = on
	s.refreshIfBuilt()
}

// refreshIfBuilt refreshes once the screen is built (selects fire their
// callback while being set up).
func (s *caseListScreen) refreshIfBuilt() {
	if s.list != nil {
		s.apply()
	}
}
