package app

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"msprecords/records"
)

// tapChoice taps one choice of a group of radio buttons, as a user would.
func tapChoice(t *testing.T, c fyne.Canvas, g *widget.RadioGroup, choice string) {
	t.Helper()
	c.Refresh(g) // make sure its choices exist
	var items []fyne.Tappable
	for _, o := range test.LaidOutObjects(g) {
		if tp, ok := o.(fyne.Tappable); ok && o != fyne.CanvasObject(g) {
			items = append(items, tp)
		}
	}
	i := slices.Index(g.Options, choice)
	if i < 0 || len(items) != len(g.Options) {
		t.Fatalf("the question offers %v (%d to tap), not %q", g.Options, len(items), choice)
	}
	test.Tap(items[i])
}

// personAnswer is the yes/no question labelled label of the open case's
// person details.
func personAnswer(t *testing.T, u *UI, label string) *widget.RadioGroup {
	t.Helper()
	if u.current == nil {
		t.Fatal("no case is open")
	}
	p := u.current.view.parts[records.PartPerson].(*personPart)
	g, ok := p.details.field(label).(*widget.RadioGroup)
	if !ok {
		t.Fatalf("%q is a %T, not a yes/no question", label, p.details.field(label))
	}
	return g
}

// Each yes/no question offers yes, no and not answered, side by side, with
// not answered chosen until someone answers.
func TestYesNoQuestionOffersThreeAnswers(t *testing.T) {
	h := newViewHarness(t, nil)
	p := h.show(records.PartPerson).(*personPart)
	g, ok := h.field(p.details, records.Label("person.interpreter_needed")).(*widget.RadioGroup)
	if !ok {
		t.Fatal("Interpreter needed is not a yes/no question")
	}
	if want := []string{"Yes", "No", "Not answered"}; !slices.Equal(g.Options, want) || !g.Horizontal || !g.Required {
		t.Errorf("choices %v (horizontal %v, one always chosen %v), want %v side by side", g.Options, g.Horizontal, g.Required, want)
	}
	if g.Selected != "Not answered" {
		t.Errorf("a new case's question shows %q", g.Selected)
	}
	for _, a := range []records.Answer{records.No, records.Yes, records.Unanswered} {
		h.answer(p.details, records.Label("person.interpreter_needed"), a.String())
		h.changed()
		if got := h.c.Person.InterpreterNeeded; got != a {
			t.Errorf("chose %q, the case holds %q", a, got)
		}
	}
}

// A question set to each answer through the window, saved, locked and
// opened again shows and stores that answer.
func TestAnswerKeptThroughSaveAndUnlock(t *testing.T) {
	u := openUnlocked(t)
	newCaseThroughForm(t, u, "Dorothy Ashcombe", "21", "8", "1940")
	id := u.current.c.ID
	label := records.Label("person.interpreter_needed")
	for _, want := range []records.Answer{records.Yes, records.No, records.Unanswered} {
		tapChoice(t, u.window.Canvas(), personAnswer(t, u, label), want.String())
		if got := u.current.c.Person.InterpreterNeeded; got != want {
			t.Fatalf("after choosing %q the case holds %q", want, got)
		}
		press(u, fyne.KeyS)
		press(u, fyne.KeyL)
		reopenFirstCase(t, u)
		if got := personAnswer(t, u, label).Selected; got != want.String() {
			t.Errorf("chosen %q, saved and opened again: shows %q", want, got)
		}
		if c, err := u.session.store.Load(id); err != nil || c.Person.InterpreterNeeded != want {
			t.Errorf("chosen %q: stored %v, %v", want, c.Person.InterpreterNeeded, err)
		}
	}
}
