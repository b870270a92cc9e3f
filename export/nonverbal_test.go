package export

import (
	"strings"
	"testing"

	"msprecords/records"
)

// What a person showed without words at a contact, how they communicated
// and who helped are printed beside their words, under the labels the
// window uses; a representative's relationship to the person is printed
// with their name.
func TestPackShowsViewsWithoutWords(t *testing.T) {
	const (
		helper = "Mary Chen, senior carer"
		shown  = "Turned away and gripped the chair arm when a visitor came in; relaxed when he left."
	)
	c := sampleCase()
	c.Contacts = append(c.Contacts, records.Contact{ID: "k3", Date: d(12, 3, 2026), Method: "Face to face at home",
		Communicated: []string{"Objects of reference", "Behaviour or body language"}, HelpedBy: helper, Shown: shown})
	c.Representatives[0].Relationship = "Niece"
	for _, purpose := range Purposes {
		p := mustPack(t, c, PackOptions{Purpose: purpose, MeetingID: "mt1"})
		for _, doc := range []struct{ name, text string }{{"PDF", flat(mustText(t, mustPDF(t, p)))}, {"HTML", flat(mustHTML(t, p))}} {
			views, next := SectionViews.Title(purpose), SectionPenPicture.Title(purpose)
			i := strings.LastIndex(doc.text, views)
			j := strings.Index(doc.text[max(i, 0):], next)
			if i < 0 || j < 0 {
				t.Fatalf("%s %s: no views section followed by %q", purpose, doc.name, next)
			}
			section := doc.text[i : i+j]
			for _, want := range []string{"12 March 2026", "No words recorded at this contact.",
				"Objects of reference, Behaviour or body language", helper, shown, firstView,
				"Recorded: 1 desired outcome; views from 3 of 3 contacts."} {
				if !strings.Contains(section, want) {
					t.Errorf("%s %s: the views section lacks %q: %.600s", purpose, doc.name, want, section)
				}
			}
			for _, path := range []string{"contacts.communicated", "contacts.helped_by"} {
				if !strings.Contains(section, records.Label(path)) {
					t.Errorf("%s %s: no label %q in the views section", purpose, doc.name, records.Label(path))
				}
			}
			if !strings.Contains(doc.text, "Dana Ørsted (Niece)") {
				t.Errorf("%s %s: the representative's relationship is missing", purpose, doc.name)
			}
		}
	}
}

// In the HTML the label of what was shown stands beside its value, so that
// a screen reader reads them together.
func TestHTMLLabelsWhatWasShown(t *testing.T) {
	c := sampleCase()
	c.Contacts[0].Shown = "Smiled and held my hand."
	p := mustPack(t, c, PackOptions{Purpose: PurposeMeeting, MeetingID: "mt1"})
	page, err := p.HTML()
	if err != nil {
		t.Fatal(err)
	}
	found := checkWellFormed(t, page, "dt", "dd")
	dts, dds := found["dt"], found["dd"]
	for i, dt := range dts {
		if dt == records.Label("contacts.shown") && i < len(dds) && dds[i] == "Smiled and held my hand." {
			return
		}
	}
	t.Errorf("no %q beside what was shown: %q / %q", records.Label("contacts.shown"), dts, dds)
}
