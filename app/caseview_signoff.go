package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"msprecords/records"
	"msprecords/store"
)

// Signing off in the window. A practitioner may close a case; it then waits,
// "closed, awaiting a safeguarding lead's sign-off", until a lead signs it
// off. A lead sees "Sign off…" under Outcome & evaluation for such a case,
// and is offered to sign off as they close one. Practitioners never see the
// button: only a lead's case view has signOff set (the program enforces
// roles, and the store refuses a practitioner too).

// signOffTitle heads the sign-off card in Outcome & evaluation.
const signOffTitle = "Sign-off by a safeguarding lead"

// signOffCard lists the case's sign-offs, says when it awaits one and, for
// a lead, offers to sign it off.
func (p *outcomePart) signOffCard() fyne.CanvasObject {
	p.signOffs = container.NewVBox()
	p.refreshSignOffs()
	p.v.onClosing = p.refreshSignOffs
	return widget.NewCard(signOffTitle, "", p.signOffs)
}

// refreshSignOffs shows the case's sign-offs as they are now.
func (p *outcomePart) refreshSignOffs() {
	c, box := p.v.c, p.signOffs
	box.Objects = nil
	if c.AwaitingSignOff() {
		l := wrapped(records.AwaitingSignOffText + ".")
		l.Importance = widget.WarningImportance
		box.Add(l)
	}
	for _, s := range c.SignOffs {
		box.Add(wrapped(s.What + ": " + s.Line() + "."))
	}
	if len(box.Objects) == 0 {
		box.Add(wrapped("Not signed off yet: a safeguarding lead signs off the closure once the case is closed."))
	}
	p.signOffButton = nil
	if p.v.signOff != nil && c.AwaitingSignOff() {
		p.signOffButton = widget.NewButton("Sign off…", func() { p.v.confirmSignOff(false) })
		p.signOffButton.Importance = widget.HighImportance
		box.Add(container.NewHBox(p.signOffButton))
	}
	box.Refresh()
}

// closingChanged tells the sign-off card that the closing date changed.
func (v *caseView) closingChanged() {
	if v.onClosing != nil {
		v.onClosing()
	}
}

// thenOfferSignOff is apply (which closes the case), then, for a lead, the
// offer to sign off the closure in the same step.
func (v *caseView) thenOfferSignOff(apply func()) func() {
	return func() {
		apply()
		v.closingChanged()
		if v.signOff != nil && v.c.AwaitingSignOff() {
			v.confirmSignOff(true)
		}
	}
}

// confirmSignOff asks the lead to confirm the sign-off, saying what it
// means; justClosed words it as the offer made on closing.
func (v *caseView) confirmSignOff(justClosed bool) {
	title, later := "Sign off the closure?", "Cancel"
	if justClosed {
		title, later = "Sign off the closure now?", "Later"
	}
	d := dialog.NewConfirm(title,
		"You sign off, as a safeguarding lead, that "+v.c.Reference+" closed on "+v.c.Enquiry.Closed.String()+".\n"+
			"Your name, your role and today's date are kept in the case, its chronology and the audit trail,\n"+
			"and printed on packs. A sign-off cannot be changed afterwards.",
		func(ok bool) {
			if ok {
				v.signOff()
			}
		}, v.w)
	d.SetConfirmText("Sign off")
	d.SetDismissText(later)
	d.Show()
}

// signOffNow saves what is on screen, then signs off the closure in the
// worker, then shows the case as signed off.
func (s *caseScreen) signOffNow() {
	s.save(func(err error) {
		if err != nil || s.gone {
			return // the save said what stopped it
		}
		s.runSignOff()
	})
}

func (s *caseScreen) runSignOff() {
	st, vault, id, rev, role := s.store, s.u.vault, s.c.ID, s.c.Revision, s.u.session.role
	before := len(s.c.Chronology)
	var signed *records.Case
	var so records.SignOff
	var err error
	s.u.work.run(func() {
		leads, lerr := vault.Leads()
		if lerr != nil {
			err = lerr
			return
		}
		signed, so, err = st.SignOff(id, store.SignOffRequest{What: records.SignOffClosure, Role: role, Leads: leads, Revision: rev})
	}, func() {
		if s.gone {
			return
		}
		if err != nil {
			s.u.bar.show(messageFor(err))
			return
		}
		mergeSignOff(s.c, signed, before)
		s.view.setCase(s.c)
		s.practice.refresh()
		s.u.bar.show(so.What + ": " + so.Line() + ".")
	})
}

// mergeSignOff carries what signing off stored into the live case, keeping
// anything added on screen meanwhile: the sign-offs, the revision, and the
// chronology as stored (its first before entries and the sign-off's entry)
// followed by entries added since.
func mergeSignOff(live, signed *records.Case, before int) {
	added := live.Chronology[min(before, len(live.Chronology)):]
	live.Chronology = append(append([]records.ChronologyEntry(nil), signed.Chronology...), added...)
	live.SignOffs = signed.SignOffs
	live.Schema, live.Revision, live.Updated = signed.Schema, signed.Revision, signed.Updated
}
