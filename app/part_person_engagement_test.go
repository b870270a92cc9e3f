package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"msprecords/records"
)

func TestContactAdded(t *testing.T) {
	h := newViewHarness(t, nil)
	p := h.show(records.PartPerson).(*personPart)
	p.showTab(tabContacts)
	test.Tap(p.contacts.addBtn)
	f := p.contacts.form
	h.typeDate(f, "Date of contact", "4/6/2025")
	h.pick(f, "Stage at the contact", records.Stages()[3])
	h.pick(f, "How the contact was made", "Face to face at home")
	h.typeText(f, "Who else was present", "Her daughter")
	h.typeText(f, "Why not spoken to alone", "Daughter would not leave")
	h.typeText(f, "Communication aids used", "Picture cards")
	h.writeLong(f, "Their views, wishes and feelings, in their own words", "“I want to stay in my own home.”")
	h.tick(f, "Consent sought")
	h.pick(f, "Consent given", "Yes")
	h.writeLong(f, "Notes", "Calm, smiling.")
	rec := f.field("Recorded by").(*widget.Entry)
	mustEqual(t, "recorded by, before", rec.Text, testAuthor)
	selectAllAndDelete(rec)
	h.typeText(f, "Recorded by", "Sam Okafor")
	h.tick(f, "Spoken to alone")
	h.changed()
	if len(h.c.Contacts) != 1 {
		t.Fatalf("%d contacts", len(h.c.Contacts))
	}
	got := h.c.Contacts[0]
	mustEqual(t, "contact", got, records.Contact{ID: got.ID, Date: d(4, 6, 2025), Stage: records.Stages()[3],
		Method: "Face to face at home", Present: "Her daughter", SpokenAlone: records.Yes, NotAloneReason: "Daughter would not leave",
		AidsUsed: "Picture cards", Views: "“I want to stay in my own home.”", ConsentSought: records.Yes, ConsentGiven: "Yes",
		Notes: "Calm, smiling.", RecordedBy: "Sam Okafor"})
	mustEqual(t, "list row", p.contacts.summary(0), "4 June 2025 · Face to face at home")
}

func TestImpossibleContactDateRefused(t *testing.T) {
	h := newViewHarness(t, &records.Case{Contacts: []records.Contact{{ID: "c1", Date: d(3, 6, 2025)}}})
	p := h.show(records.PartPerson).(*personPart)
	p.showTab(tabContacts)
	p.contacts.list.Select(0)
	f := p.contacts.form
	field := h.typeDate(f, "Date of contact", "31/02/2025")
	mustEqual(t, "date in the case", h.c.Contacts[0].Date, d(3, 6, 2025))
	mustEqual(t, "message", field.message.Text, "Date of contact must be a real date")
	if !field.message.Visible() {
		t.Error("the message is not shown")
	}
	if h.changes != 0 {
		t.Errorf("changed() called %d times for an impossible date", h.changes)
	}
	h.typeDate(f, "Date of contact", "04/06/2025")
	mustEqual(t, "date once real", h.c.Contacts[0].Date, d(4, 6, 2025))
	if field.message.Visible() {
		t.Error("the message stays after the date was put right")
	}
	h.changed()
}

func TestDatesTypedEitherWay(t *testing.T) {
	for _, typed := range []string{"4/6/2025", "04/06/2025", "4.6.2025", "2025-06-04"} {
		t.Run(typed, func(t *testing.T) {
			h := newViewHarness(t, nil)
			p := h.show(records.PartPerson).(*personPart)
			h.typeDate(p.enquiry, "Date concern received", typed)
			mustEqual(t, "date", h.c.Enquiry.ConcernReceived, d(4, 6, 2025))
		})
	}
}

func TestLongNoteStaysResponsive(t *testing.T) {
	h := newViewHarness(t, nil)
	p := h.show(records.PartPerson).(*personPart)
	p.showTab(tabContacts)
	test.Tap(p.contacts.addBtn)
	note := strings.Repeat("She said she felt safe at home with her carers. ", 420)[:20000]
	lt := h.writeLong(p.contacts.form, "Notes", note)
	mustEqual(t, "note length", len(h.c.Contacts[0].Notes), 20000)
	mustEqual(t, "note shown", lt.view.Text(), note)
	if len(lt.view.lines) < 50 {
		t.Errorf("the note is shown on %d lines, not wrapped", len(lt.view.lines))
	}
	// Open it again and change one word: the editor holds the whole note.
	test.Tap(lt.edit)
	mustEqual(t, "editor text length", len(lt.editor.Text), 20000)
	lt.editor.TypedShortcut(&fyne.ShortcutSelectAll{})
	test.Type(lt.editor, "Short now.")
	test.Tap(lt.save)
	mustEqual(t, "note after editing", h.c.Contacts[0].Notes, "Short now.")
}

func TestDesiredOutcomeRewordedWithHistory(t *testing.T) {
	h := newViewHarness(t, nil)
	p := h.show(records.PartPerson).(*personPart)
	p.showTab(tabOutcomes)
	test.Tap(p.outcomes.addBtn)
	h.tapFormButton(p.outcomes.form, "Record the person's words…")
	dlg := p.outcomeDlg
	test.Type(dlg.words, "I want to stay at home.")
	test.Tap(dlg.save)
	o := h.c.DesiredOutcomes[0]
	mustEqual(t, "first words", o.Text, "I want to stay at home.")
	mustEqual(t, "no history for the first words", len(o.History), 0)

	h.tapFormButton(p.outcomes.form, "Change the wording…")
	dlg = p.outcomeDlg
	selectAllAndDelete(dlg.words)
	test.Type(dlg.words, "I want to stay at home with Bill.")
	test.Tap(dlg.save)
	if !dlg.msg.Visible() || dlg.msg.Text != "Enter why the outcome changed" {
		t.Errorf("no reason asked for: %q", dlg.msg.Text)
	}
	mustEqual(t, "words before a reason is given", h.c.DesiredOutcomes[0].Text, "I want to stay at home.")
	test.Type(dlg.reason, "Added her husband at the second visit")
	selectAllAndDelete(&dlg.date.entry.Entry)
	test.Type(dlg.date.entry, "10/6/2025")
	test.Tap(dlg.save)

	h.tapFormButton(p.outcomes.form, "Confirmed with the person…")
	dlg = p.outcomeDlg
	test.Type(dlg.reason, "Still what she wants")
	selectAllAndDelete(&dlg.date.entry.Entry)
	test.Type(dlg.date.entry, "20/6/2025")
	test.Tap(dlg.save)
	h.changed()

	o = h.c.DesiredOutcomes[0]
	mustEqual(t, "words", o.Text, "I want to stay at home with Bill.")
	mustEqual(t, "history", o.History, []records.OutcomeRevision{
		{Date: d(10, 6, 2025), Previous: "I want to stay at home.", Reason: "Added her husband at the second visit"},
		{Date: d(20, 6, 2025), Previous: "I want to stay at home with Bill.", Reason: records.OutcomeConfirmed + ": Still what she wants"},
	})
}

// tapFormButton taps a button in a form's unlabelled rows.
func (h *viewHarness) tapFormButton(f *form, text string) {
	h.t.Helper()
	for _, r := range f.rows {
		for _, o := range test.LaidOutObjects(r) {
			if b, ok := o.(*widget.Button); ok && b.Text == text {
				test.Tap(b)
				return
			}
		}
	}
	h.t.Fatalf("no %q button", text)
}

func TestClosingWithUnevaluatedOutcomesAsks(t *testing.T) {
	c := &records.Case{Enquiry: records.Enquiry{Stage: records.Stages()[4]},
		DesiredOutcomes: []records.DesiredOutcome{{ID: "o1", Text: "Stay at home"}, {ID: "o2", Text: "See Bill", Achievement: "Fully achieved"}}}
	h := newViewHarness(t, c)
	p := h.show(records.PartPerson).(*personPart)
	p.showTab(tabEnquiry)
	stage := p.enquiry.field("Stage").(*widget.Select)
	stage.SetSelected(records.Stages()[len(records.Stages())-1])
	if !h.dialogShown() {
		t.Fatal("closing did not ask")
	}
	if !strings.Contains(h.dialogText(), "1 desired outcome has not been evaluated") {
		t.Errorf("the question does not say why: %q", h.dialogText())
	}
	h.tapDialogButton("Keep it open")
	mustEqual(t, "stage kept", c.Enquiry.Stage, records.Stages()[4])
	mustEqual(t, "stage shown", stage.Selected, records.Stages()[4])
	if h.changes != 0 {
		t.Errorf("changed() called %d times", h.changes)
	}

	closed := h.typeDate(p.enquiry, "Date closed", "30/6/2025")
	h.tapDialogButton("Keep it open")
	mustEqual(t, "closed date kept out", c.Enquiry.Closed, records.Date{})
	mustEqual(t, "closed date shown", closed.entry.Text, "")

	op := h.show(records.PartOutcome).(*outcomePart)
	h.typeDate(op.closure, "Date closed", "30/6/2025")
	h.tapDialogButton("Close anyway")
	mustEqual(t, "closed date", c.Enquiry.Closed, d(30, 6, 2025))
	h.changed()
}

func TestClosingWithOutcomesEvaluatedDoesNotAsk(t *testing.T) {
	c := &records.Case{DesiredOutcomes: []records.DesiredOutcome{{ID: "o1", Text: "Stay at home", Achievement: "Partially achieved"}}}
	h := newViewHarness(t, c)
	op := h.show(records.PartOutcome).(*outcomePart)
	h.typeDate(op.closure, "Date closed", "30/6/2025")
	if h.dialogShown() {
		t.Error("asked although every outcome was evaluated")
	}
	mustEqual(t, "closed date", c.Enquiry.Closed, d(30, 6, 2025))
}

func TestContactRemovedAfterAsking(t *testing.T) {
	h := newViewHarness(t, &records.Case{Contacts: []records.Contact{{ID: "a", Method: "Telephone"}, {ID: "b", Method: "Video call"}}})
	p := h.show(records.PartPerson).(*personPart)
	p.contacts.list.Select(0)
	test.Tap(p.contacts.removeBtn)
	h.tapDialogButton("No")
	mustEqual(t, "contacts after No", len(h.c.Contacts), 2)
	test.Tap(p.contacts.removeBtn)
	h.tapDialogButton("Yes")
	mustEqual(t, "contacts left", h.c.Contacts, []records.Contact{{ID: "b", Method: "Video call"}})
	h.changed()
}
