package app

import (
	"fyne.io/fyne/v2/widget"

	"msprecords/records"
)

// answer is the one widget for a yes/no question of the case: three
// choices side by side, "Yes", "No" and "Not answered", bound to an Answer.
// One of them is always chosen, so a question nobody has answered says so
// rather than looking like a no; path is the field's path.
func (f *form) answer(path string, p *records.Answer) *widget.RadioGroup {
	fl := records.MustField(path)
	answers := records.Answers()
	options := make([]string, len(answers))
	for i, a := range answers {
		options[i] = a.String()
	}
	g := widget.NewRadioGroup(options, nil)
	g.Horizontal = true
	g.Required = true
	g.Selected = p.String()
	g.OnChanged = func(label string) {
		for _, a := range answers {
			if a.String() == label && a != *p {
				f.edit(func() { *p = a })
			}
		}
	}
	f.addField(fl, g, g)
	return g
}
