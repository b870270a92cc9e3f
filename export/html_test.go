package export

import (
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
)

// checkWellFormed parses the page as XML (the template writes XHTML-style
// void elements), which fails on any unclosed or misnested element, and
// returns the text of each element named in want, in order.
func checkWellFormed(t *testing.T, page []byte, want ...string) map[string][]string {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(string(page)))
	dec.Entity = xml.HTMLEntity
	found := make(map[string][]string)
	var stack []string
	var text strings.Builder
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("the HTML is not well formed: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			stack = append(stack, tok.Name.Local)
			text.Reset()
		case xml.CharData:
			text.Write(tok)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
			for _, w := range want {
				if tok.Name.Local == w {
					found[w] = append(found[w], strings.TrimSpace(text.String()))
				}
			}
		}
	}
	if len(stack) != 0 {
		t.Fatalf("unclosed elements: %v", stack)
	}
	return found
}

func TestHTMLStructure(t *testing.T) {
	p := mustPack(t, sampleCase(), PackOptions{Purpose: PurposePerson, MeetingID: "mt1", MaskContacts: true})
	page, err := p.HTML()
	if err != nil {
		t.Fatal(err)
	}
	found := checkWellFormed(t, page, "h1", "h2", "title", "th")
	s := string(page)
	for _, want := range []string{`<html lang="en-GB">`, `<th scope="col">`, `<meta charset="utf-8" />`} {
		if !strings.Contains(s, want) {
			t.Errorf("the HTML lacks %s", want)
		}
	}
	if n := strings.Count(s, `<p class="marking">`+DefaultMarking+`</p>`); n != 2 {
		t.Errorf("the marking appears %d times, want top and bottom", n)
	}
	if got := found["title"]; len(got) != 1 || !strings.Contains(got[0], "DEMO-2026-0001") || strings.Contains(got[0], "Zoë") {
		t.Errorf("title %q: want the reference and never the name", got)
	}
	if got := found["h1"]; len(got) != 1 {
		t.Errorf("%d h1 headings, want 1", len(got))
	}
	var headings []string
	for _, part := range p.Parts {
		if part.Heading != "" {
			headings = append(headings, part.Heading)
		}
	}
	if got := strings.Join(found["h2"], "|"); got != strings.Join(headings, "|") {
		t.Errorf("h2 headings %q, want the pack's parts %q", got, headings)
	}
	h := mustHTML(t, p)
	for _, want := range []string{withheldLine(SectionAlleged.Title(PurposePerson)), "[address withheld]", "Professional challenge notes withheld"} {
		if !strings.Contains(h, want) {
			t.Errorf("the HTML lacks %q", want)
		}
	}
	for _, external := range []string{"http:", "https:", "src=", "href=", "<script", "<link", "@import", "url("} {
		if strings.Contains(s, external) {
			t.Errorf("the HTML refers to something outside: %q", external)
		}
	}
}

// Text that looks like markup is shown, never run.
func TestHTMLEscapes(t *testing.T) {
	c := sampleCase()
	c.Enquiry.Concern = `<script>alert("x")</script> & <b>bold</b>`
	page, err := mustPack(t, c, PackOptions{Purpose: PurposeMeeting}).HTML()
	if err != nil {
		t.Fatal(err)
	}
	checkWellFormed(t, page)
	if strings.Contains(string(page), "<script>") || strings.Contains(string(page), "<b>") {
		t.Error("markup in the record reached the page unescaped")
	}
}
