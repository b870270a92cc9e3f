package export

import (
	"fmt"
	"html"
	"strings"
	"testing"

	"msprecords/records"
)

func mustPack(t testing.TB, c *records.Case, o PackOptions) *Pack {
	t.Helper()
	if o.Made.IsZero() {
		o.Made = madeOn
	}
	p, err := BuildPack(c, o)
	if err != nil {
		t.Fatalf("BuildPack: %v", err)
	}
	return p
}

func mustPDF(t testing.TB, p *Pack) []byte {
	t.Helper()
	pdf, err := p.PDF()
	if err != nil {
		t.Fatalf("PDF: %v", err)
	}
	return pdf
}

// mustHTML returns the pack's HTML with entities decoded, as a reader sees it.
func mustHTML(t testing.TB, p *Pack) string {
	t.Helper()
	b, err := p.HTML()
	if err != nil {
		t.Fatalf("HTML: %v", err)
	}
	return html.UnescapeString(string(b))
}

// Every page carries the marking (header and footer), the case reference,
// the date made and "Page N of M", where M is the real page count.
func TestEveryPageCarriesMarkingAndPageNumber(t *testing.T) {
	c, _, _ := bigCase()
	for _, marking := range []string{"", "OFFICIAL-SENSITIVE PERSONAL"} {
		t.Run("marking "+marking, func(t *testing.T) {
			p := mustPack(t, c, PackOptions{Purpose: PurposeMeeting, Marking: marking, MeetingID: "mt1"})
			pdf := mustPDF(t, p)
			info, err := pdfInfo(t, pdf, "")
			if err != nil {
				t.Fatalf("pdfinfo: %v\n%s", err, info)
			}
			pages := pagesOf(mustText(t, pdf))
			if got := infoLine(info, "Pages"); got != fmt.Sprint(len(pages)) || len(pages) < 10 {
				t.Fatalf("pdfinfo says %s pages, pdftotext found %d; want the same, at least 10", got, len(pages))
			}
			want := orText(marking, DefaultMarking)
			for i, page := range pages {
				if n := strings.Count(page, want); n < 2 {
					t.Errorf("page %d: marking %q appears %d times, want header and footer", i+1, want, n)
				}
				for _, s := range []string{fmt.Sprintf("Page %d of %d", i+1, len(pages)), "Case reference DEMO-2026-0001", "Made 30 November 2026"} {
					if !strings.Contains(page, s) {
						t.Errorf("page %d lacks %q", i+1, s)
					}
				}
			}
		})
	}
}

// The person's views come before every other section, in both formats.
func TestViewsComeFirst(t *testing.T) {
	for _, purpose := range Purposes {
		t.Run(string(purpose), func(t *testing.T) {
			p := mustPack(t, sampleCase(), PackOptions{Purpose: purpose, MeetingID: "mt1"})
			text := mustText(t, mustPDF(t, p))
			html := mustHTML(t, p)
			views := SectionViews.Title(purpose)
			for _, doc := range []struct{ name, text string }{{"PDF", text}, {"HTML", html}} {
				first := strings.Index(doc.text, views)
				if first < 0 {
					t.Fatalf("%s: no %q heading", doc.name, views)
				}
				for _, s := range AllSections[1:] {
					title := s.Title(purpose)
					if i := strings.Index(doc.text, title); i >= 0 && i < first {
						t.Errorf("%s: %q comes before the person's views", doc.name, title)
					}
				}
				if !strings.Contains(doc.text, firstView) {
					t.Errorf("%s: the person's own words are missing", doc.name)
				}
			}
		})
	}
}

// Sections appear in the fixed order, and those left out say so in one line.
func TestSectionOrderAndWithheldLines(t *testing.T) {
	p := mustPack(t, sampleCase(), PackOptions{Purpose: PurposeCustom, Sections: []Section{SectionChronology, SectionRisks, SectionViews}})
	text := flat(mustText(t, mustPDF(t, p)))
	last := -1
	for _, s := range AllSections {
		title := s.Title(PurposeCustom)
		want := title
		if !p.Includes(s) {
			want = withheldLine(title)
		}
		i := strings.Index(text, want)
		if i < 0 {
			t.Fatalf("no %q in the pack", want)
		}
		if i < last {
			t.Errorf("%q is out of order", want)
		}
		last = i
	}
	if strings.Contains(text, challengeText) {
		t.Error("the concerns section was left out but its text is there")
	}
}

// The person's copy holds no word of the alleged person's name, relationship
// or views, none of the masked contacts, no other person's contact details
// and no challenge notes, even when the alleged person's section is asked for.
func TestPersonPackWithholds(t *testing.T) {
	p := mustPack(t, sampleCase(), PackOptions{Purpose: PurposePerson, MaskContacts: true, MeetingID: "mt1", Sections: AllSections})
	if p.Includes(SectionAlleged) {
		t.Fatal("the person's copy includes the alleged person's section")
	}
	html := mustHTML(t, p)
	text := mustText(t, mustPDF(t, p))
	forbidden := append(strings.Fields(allegedName), allegedRelation, allegedViews, "gifts", allegedPhone, allegedAddress, "Marrowbone",
		personAddress, "Juniper", personPostcode, personPhone, repPhone, repEmail, "Elm Row", challengeText, "Priya Raman")
	for _, doc := range []struct{ name, text string }{{"PDF", flat(text)}, {"HTML", flat(html)}} {
		lower := strings.ToLower(doc.text)
		for _, w := range forbidden {
			if strings.Contains(lower, strings.ToLower(w)) {
				t.Errorf("%s holds %q", doc.name, w)
			}
		}
		for _, w := range []string{withheldLine(SectionAlleged.Title(PurposePerson)), "[withheld]", "[address withheld]", "[phone number withheld]",
			"Professional challenge notes withheld", "I want to stay in my own home"} {
			if !strings.Contains(doc.text, w) {
				t.Errorf("%s lacks %q", doc.name, w)
			}
		}
	}
}

// A meeting pack holds what the person's copy leaves out, and masking
// contacts there hides addresses, postcodes and phone numbers only.
func TestMeetingPackMasking(t *testing.T) {
	full := flat(mustText(t, mustPDF(t, mustPack(t, sampleCase(), PackOptions{Purpose: PurposeMeeting}))))
	for _, w := range []string{allegedName, allegedViews, personAddress, personPhone, repEmail, challengeText} {
		if !strings.Contains(full, w) {
			t.Errorf("the meeting pack lacks %q", w)
		}
	}
	masked := flat(mustText(t, mustPDF(t, mustPack(t, sampleCase(), PackOptions{Purpose: PurposeMeeting, MaskContacts: true}))))
	for _, w := range []string{personAddress, personPostcode, personPhone, allegedPhone, allegedAddress, repPhone} {
		if strings.Contains(masked, w) {
			t.Errorf("the masked pack holds %q", w)
		}
	}
	if !strings.Contains(masked, allegedName) {
		t.Error("masking contacts removed a name")
	}
}

// Names in Latin with diacritics, Cyrillic and Greek print exactly as typed.
func TestNamesInAnyScript(t *testing.T) {
	p := mustPack(t, sampleCase(), PackOptions{Purpose: PurposeMeeting, MeetingID: "mt1"})
	text := mustText(t, mustPDF(t, p))
	for _, name := range []string{personName, cyrillicName, greekName, "Dana Ørsted"} {
		if !strings.Contains(text, name) {
			t.Errorf("%q is not in the PDF text as typed", name)
		}
	}
}

// A case with a 500-entry chronology and a 20,000-character note makes a
// complete, valid PDF: every entry is there and the note is whole.
func TestLongCaseIsComplete(t *testing.T) {
	c, last, ending := bigCase()
	pdf := mustPDF(t, mustPack(t, c, PackOptions{Purpose: PurposeMeeting}))
	info, err := pdfInfo(t, pdf, "")
	if err != nil {
		t.Fatalf("pdfinfo: %v\n%s", err, info)
	}
	text := bodyText(mustText(t, pdf), DefaultMarking)
	if !strings.Contains(text, flat(c.Enquiry.Concern)) {
		t.Error("the 20,000-character note is not there whole")
	}
	for _, s := range []string{last, ending} {
		if !strings.Contains(text, s) {
			t.Errorf("the PDF lacks %q", s)
		}
	}
	for i := range 500 {
		if !strings.Contains(text, fmt.Sprintf("Entry number %d:", i)) {
			t.Fatalf("chronology entry %d is missing", i)
		}
	}
}

// Text no font can draw, or pasted control characters, never stop a pack.
func TestAwkwardText(t *testing.T) {
	c := sampleCase()
	c.Enquiry.Concern = "Tabs\tand\r\nWindows lines\x00\x07, emoji 🙂, 漢字, RTL שלום, a very" + strings.Repeat("long", 200) + "word"
	c.Risks[0].Actions[0].What = strings.Repeat("x", 3000)
	c.Chronology[0].Text = strings.Repeat("Line\n", 400)
	for _, purpose := range Purposes {
		p := mustPack(t, c, PackOptions{Purpose: purpose})
		pdf := mustPDF(t, p)
		if info, err := pdfInfo(t, pdf, ""); err != nil {
			t.Fatalf("%s: pdfinfo: %v\n%s", purpose, err, info)
		}
		if !strings.Contains(flat(mustText(t, pdf)), "Tabs and Windows lines") {
			t.Errorf("%s: cleaned text missing", purpose)
		}
	}
}
