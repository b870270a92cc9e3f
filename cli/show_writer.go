package cli

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"msprecords/records"
)

// caseWriter lays a case out as plain text: a title, sections underlined,
// numbered items within a section, and "Label: value" lines. Empty values
// are left out; a section with nothing in it says so, so that a reader can
// tell "not recorded" from "not shown".
type caseWriter struct {
	w      *bufio.Writer
	indent string
}

func newCaseWriter(w io.Writer) *caseWriter {
	return &caseWriter{w: bufio.NewWriter(w)}
}

func (t *caseWriter) flush() error { return t.w.Flush() }

// title starts the document.
func (t *caseWriter) title(s string) {
	s = oneLine(s)
	fmt.Fprintf(t.w, "%s\n%s\n", s, strings.Repeat("=", textWidth(s)))
}

// section starts a part of the record.
func (t *caseWriter) section(s string) {
	t.indent = ""
	fmt.Fprintf(t.w, "\n%s\n%s\n", s, strings.Repeat("-", textWidth(s)))
}

// item starts the nth (from 1) entry of a list, headed by what it is.
func (t *caseWriter) item(n int, heading string) {
	fmt.Fprintf(t.w, "\n%d. %s\n", n, oneLine(heading))
	t.indent = strings.Repeat(" ", len(strconv.Itoa(n))+2)
}

// text writes free text of its own, such as a chronology entry.
func (t *caseWriter) text(s string) {
	s = strings.TrimSpace(cleanText(s))
	if s != "" {
		fmt.Fprintf(t.w, "%s%s\n", t.indent, strings.ReplaceAll(s, "\n", "\n"+t.indent))
	}
}

// blank ends the items of a section, for what follows them.
func (t *caseWriter) blank() {
	t.indent = ""
	fmt.Fprintln(t.w)
}

// sub starts a list inside an item, such as the actions of a risk.
func (t *caseWriter) sub(heading string) {
	fmt.Fprintf(t.w, "%s%s:\n", t.indent, heading)
}

// field writes the case's field at path as "Label: value", under the
// field's own label (records.Label), when value is not empty.
func (t *caseWriter) field(path, value string) { t.labelled(records.Label(path), value) }

// labelled writes "Label: value" when value is not empty, for a line that
// is not one field of the case (a figure worked out, several fields
// together). Lines after the first are indented under the value.
func (t *caseWriter) labelled(label, value string) {
	value = strings.TrimSpace(cleanText(value))
	if value == "" {
		return
	}
	pad := "\n" + t.indent + "    "
	fmt.Fprintf(t.w, "%s%s: %s\n", t.indent, label, strings.ReplaceAll(value, "\n", pad))
}

// line writes a line of its own, such as one action of a risk.
func (t *caseWriter) line(s string) {
	fmt.Fprintf(t.w, "%s  - %s\n", t.indent, strings.ReplaceAll(cleanText(s), "\n", "\n"+t.indent+"    "))
}

// inline is the label of the field at path as words within a line:
// "due by" rather than "Due by".
func inline(path string) string {
	l := records.Label(path)
	return strings.ToLower(l[:1]) + l[1:]
}

// date writes the date field at path.
func (t *caseWriter) date(path string, d records.Date) { t.field(path, d.String()) }

// flag writes the answer to the yes/no question at path: "Yes", "No" or
// "Not answered".
func (t *caseWriter) flag(path string, a records.Answer) { t.field(path, a.String()) }

// flagIf writes the answer to the question at path only once it is
// answered: for the many questions worth mentioning only when they are.
func (t *caseWriter) flagIf(path string, a records.Answer) {
	if a.Known() {
		t.field(path, a.String())
	}
}

// none says a section has nothing recorded.
func (t *caseWriter) none() { fmt.Fprintln(t.w, "None recorded.") }

// when shows a moment as people read it: "4 June 2025 at 14:05" (UTC).
func when(tm time.Time) string {
	if tm.IsZero() {
		return ""
	}
	return tm.UTC().Format("2 January 2006 at 15:04") + " UTC"
}

// textWidth is the number of characters of s, for underlining.
func textWidth(s string) int { return len([]rune(s)) }
