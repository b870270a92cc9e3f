package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"msprecords/records"
)

// caseView shows one case, one part of the record at a time, with a list of
// the parts down the side. It edits the case in place and tells the shell
// through changed(), so saving, conflicts and validation messages stay in one
// place (the shell) and the screens never touch the store.
//
// Tests reach every field as a user would, by its label: v.parts[name] is the
// part (*personPart, *risksPart…); its forms (e.g. personPart.details) and the
// form of the selected entry of each list (e.g. personPart.contacts.form) map
// labels to widgets with field(label): *widget.Entry, *widget.Select,
// *widget.Check, *widget.CheckGroup, *dateField, *dmyField, *checkedField or
// *longText.
type caseView struct {
	w       fyne.Window
	c       *records.Case
	user    string
	changed func()

	nav     *widget.List
	body    *fyne.Container // holds the current part
	side    *fyne.Container // the practice-check panel slot
	root    fyne.CanvasObject
	parts   map[string]part
	current string

	chronEditor *chronologyEditor // the chronology dialog last opened

	signOff   func() // signs off the closure; nil unless the user is a safeguarding lead (caseview_signoff.go)
	onClosing func() // told when the closing date changes

	unsaved    map[string]*unsavedText // text typed that the case cannot hold yet, by path (unsaved.go)
	unsavedSeq int                     // numbers them in the order typed
	onUnsaved  func()                  // told when unsaved changes
	editing    func()                  // saves the text editor open over the case, if any
	splits     *splitMemory            // where the user left the dividers
}

// part is one screen of the case view. build makes its widgets afresh from
// the case, so a part always shows what other parts have changed meanwhile.
type part interface {
	build() fyne.CanvasObject
}

// newCaseView shows one case. Edits change *c in place, then call changed(); the shell saves
// (debounced, within a second) and shows conflicts and validation messages.
func newCaseView(w fyne.Window, c *records.Case, user string, changed func()) *caseView {
	if changed == nil {
		changed = func() {}
	}
	v := &caseView{w: w, user: user, changed: changed, current: records.PartPerson}
	v.splits = newSplitMemory(appPreferences())
	v.nav = widget.NewList(
		func() int { return len(records.Parts()) },
		func() fyne.CanvasObject { return widget.NewLabel(records.PartAllegedHarm) },
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(records.Parts()[id]) },
	)
	v.nav.OnSelected = func(id widget.ListItemID) {
		if records.Parts()[id] != v.current || len(v.body.Objects) == 0 {
			v.display(records.Parts()[id])
		}
	}
	v.body = container.NewStack()
	v.side = container.NewStack()
	l := &caseLayout{}
	var root *fyne.Container
	root = container.New(l, v.nav, v.body, v.side, newCheckToggle(l, func() *fyne.Container { return root }))
	v.root = root
	v.setCase(c)
	return v
}

// content is the whole case view: part navigation and the current part.
func (v *caseView) content() fyne.CanvasObject { return v.root }

// showPart shows one part of the record, named by records.PartPerson etc.
// Unknown names are ignored.
func (v *caseView) showPart(name string) {
	for i, p := range records.Parts() {
		if p == name {
			v.display(name)
			v.nav.Select(i)
			return
		}
	}
}

// setCase replaces the shown case (after a reload) and shows the same part
// of the new one. Widgets are rebuilt, so nothing of the old case lingers.
func (v *caseView) setCase(c *records.Case) {
	v.c = c
	v.parts = v.newParts()
	v.display(v.current)
}

// setSidePanel fills the practice-check panel slot beside the current part.
func (v *caseView) setSidePanel(o fyne.CanvasObject) {
	if o == nil {
		v.side.Objects = nil
	} else {
		v.side.Objects = []fyne.CanvasObject{o}
	}
	v.side.Refresh()
}

func (v *caseView) newParts() map[string]part {
	return map[string]part{
		records.PartPerson:          newPersonPart(v),
		records.PartRepresentatives: newRepresentativesPart(v),
		records.PartCapacity:        newCapacityPart(v),
		records.PartRisks:           newRisksPart(v),
		records.PartReferrals:       newReferralsPart(v),
		records.PartAllegedHarm:     newAllegedPart(v),
		records.PartOutcome:         newOutcomePart(v),
		records.PartChronology:      newChronologyPart(v),
	}
}

// display builds a part afresh and puts it in the body.
func (v *caseView) display(name string) {
	v.current = name
	if v.c == nil {
		v.body.Objects = nil
	} else {
		v.body.Objects = []fyne.CanvasObject{v.parts[name].build()}
	}
	v.body.Refresh()
}

// edit applies one change to the case and tells the shell about it.
func (v *caseView) edit(change func()) {
	change()
	v.changed()
}

// commitEditing puts what is typed in the text editor open over the case,
// if any, into the case, as its Save button does: locking, quitting and
// leaving the case never drop it.
func (v *caseView) commitEditing() {
	if save := v.editing; save != nil {
		save()
	}
	v.splits.remember()
}
