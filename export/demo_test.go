package export

import (
	"fmt"
	"strings"
	"testing"

	"msprecords/demo"
	"msprecords/records"
)

// Packs for every demo scenario, in every purpose, make valid PDFs with the
// page furniture on every page, and the person's copies leak nothing of
// the persons alleged to have caused harm.
func TestDemoCasePacks(t *testing.T) {
	for _, c := range demo.Cases(12, 7) {
		t.Run(c.Reference, func(t *testing.T) {
			t.Parallel()
			for _, purpose := range Purposes {
				meeting := ""
				if len(c.Meetings) > 0 {
					meeting = c.Meetings[0].ID
				}
				p := mustPack(t, c, PackOptions{Purpose: purpose, MeetingID: meeting, MaskContacts: purpose == PurposePerson})
				pdf := mustPDF(t, p)
				if purpose == PurposeCustom {
					continue // the same sections as a meeting pack: drawn, not read again
				}
				text := mustText(t, pdf) // pdftotext fails on a damaged PDF
				checkFurniture(t, text, c.Reference)
				if purpose == PurposePerson {
					checkNoAlleged(t, c, "PDF", text)
					checkNoAlleged(t, c, "HTML", mustHTML(t, p))
				}
			}
		})
	}
}

func checkFurniture(t *testing.T, text, ref string) {
	t.Helper()
	pages := pagesOf(text)
	for i, page := range pages {
		for _, s := range []string{DefaultMarking, "Case reference " + ref, fmt.Sprintf("Page %d of %d", i+1, len(pages))} {
			if !strings.Contains(page, s) {
				t.Errorf("page %d lacks %q", i+1, s)
			}
		}
	}
}

// checkNoAlleged looks for each name-like word of each alleged person's
// name (other than words of the adult's own name), their relationship, views,
// impact, support and contact details.
func checkNoAlleged(t *testing.T, c *records.Case, format, text string) {
	t.Helper()
	seen := wordSet(text)
	own := wordSet(c.Person.Name + " " + c.Person.PreferredName)
	lower := strings.ToLower(flat(text))
	for _, a := range c.AllegedPersons {
		for _, w := range words(a.Name) {
			if nameLike(w) && len([]rune(w)) > 1 && !own[strings.ToLower(w)] && !titles[strings.ToLower(w)] && seen[strings.ToLower(w)] {
				t.Errorf("%s: the person's copy holds %q of the name %q", format, w, a.Name)
			}
		}
		for _, s := range []string{a.Name, a.Relationship, a.Views, a.Impact, a.SupportOffered, a.Phone, a.Address} {
			if s = strings.ToLower(flat(s)); len(s) > 3 && strings.Contains(lower, s) {
				t.Errorf("%s: the person's copy holds %q", format, s)
			}
		}
	}
}
