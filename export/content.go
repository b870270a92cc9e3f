package export

import (
	"strings"
	"time"

	"msprecords/records"
)

// Document is a format-neutral document: what a reader meets, in order.
// WritePDF and WriteHTML draw the same Document, so a pack (or any report
// built the same way) reads the same in both formats.
type Document struct {
	Title     string // the main heading and the PDF title, e.g. "Safeguarding meeting pack"
	Subject   string // PDF subject, e.g. the purpose of sharing
	Author    string // who made it
	Marking   string // protective marking on every page; "" means DefaultMarking
	Reference string // the case reference shown on every page; never the person's name
	// ReferenceLabel stands before Reference on every page; "" means the
	// label of the case reference. A report about many cases sets its own.
	ReferenceLabel string
	Made           time.Time // the date made, shown on every page
	Parts          []Part
}

// DefaultMarking is the protective marking used when none is chosen.
const DefaultMarking = "OFFICIAL-SENSITIVE"

// Part is one section of a document under its own heading. A part without a
// heading holds only a line saying a section was withheld.
type Part struct {
	Heading string
	Blocks  []Block
}

// Block is one piece of content in a part: a Paragraph, Subheading, Fields,
// Table, Entry or Notice.
type Block interface{ block() }

// Paragraph is running text; line breaks in it are kept.
type Paragraph struct{ Text string }

// Subheading starts a group within a part (one risk, one assessment); it gets
// a bookmark below the part's.
type Subheading struct{ Text string }

// Field is one labelled value.
type Field struct{ Label, Value string }

// field is the value of the case's field at path under the field's own
// label, the one the window and `show` use too.
func field(path, value string) Field { return Field{records.Label(path), value} }

// inline is the label of the field at path as words within a line:
// "recorded by" rather than "Recorded by".
func inline(path string) string {
	l := records.Label(path)
	return strings.ToLower(l[:1]) + l[1:]
}

// columns are the labels of the case's fields at paths, for a table's header.
func columns(paths ...string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = records.Label(p)
	}
	return out
}

// Fields is a list of labelled values; fields with no value are left out.
type Fields []Field

// Table is a grid with one header row.
type Table struct {
	Columns []string
	Rows    [][]string
}

// Entry is one dated item of a long list (a chronology entry): a short title
// line and its text. Entries get no bookmark, so 500 of them stay readable.
type Entry struct{ Title, Text string }

// Notice is a line that must stand out: a section or detail withheld.
type Notice struct{ Text string }

func (Paragraph) block()  {}
func (Subheading) block() {}
func (Fields) block()     {}
func (Table) block()      {}
func (Entry) block()      {}
func (Notice) block()     {}

// marking returns the document's marking, or the default.
func (d *Document) marking() string {
	if d.Marking == "" {
		return DefaultMarking
	}
	return d.Marking
}

// referenceLine is what every page says about whose document this is.
func (d *Document) referenceLine() string {
	return orText(d.ReferenceLabel, records.Label("reference")) + " " + d.Reference
}

// madeDate is the date made as a person reads it: "30 November 2026".
func (d *Document) madeDate() string {
	return records.DateOf(d.Made).String()
}

// mapText applies f to every piece of recorded text in the parts: the one
// place where redaction and masking reach everything a reader will see.
// Headings, labels, column names and notices are the pack's own words and
// are left alone.
func (d *Document) mapText(f func(string) string) {
	for i := range d.Parts {
		p := &d.Parts[i]
		for j, b := range p.Blocks {
			p.Blocks[j] = mapBlock(b, f)
		}
	}
}

// cleaned returns a copy of the document ready to draw: f (cleaning, and for
// PDF making text drawable) applied to every text, headings and labels too,
// and fields without a value left out.
func (d *Document) cleaned(f func(string) string) *Document {
	out := *d
	out.Title, out.Subject, out.Author, out.Reference = f(d.Title), f(d.Subject), f(d.Author), f(d.Reference)
	out.ReferenceLabel = f(d.ReferenceLabel)
	out.Marking = f(d.marking())
	if out.Made.IsZero() {
		out.Made = time.Now()
	}
	out.Parts = make([]Part, len(d.Parts))
	for i, p := range d.Parts {
		blocks := make([]Block, len(p.Blocks))
		for j, b := range p.Blocks {
			blocks[j] = cleanBlock(b, f)
		}
		out.Parts[i] = Part{Heading: f(p.Heading), Blocks: leadingFieldsDropped(blocks)}
	}
	return &out
}

// leadingFieldsDropped leaves out a part's opening fields when none has a
// value and more follows: a section with content never opens by saying
// that nothing was recorded.
func leadingFieldsDropped(blocks []Block) []Block {
	if len(blocks) > 1 {
		if fs, ok := blocks[0].(Fields); ok && len(fs) == 0 {
			return blocks[1:]
		}
	}
	return blocks
}

func cleanBlock(b Block, f func(string) string) Block {
	switch b := b.(type) {
	case Notice:
		return Notice{f(b.Text)}
	case Fields:
		var out Fields
		for _, fl := range b {
			if v := f(fl.Value); v != "" {
				out = append(out, Field{f(fl.Label), v})
			}
		}
		return out
	case Table:
		cols := make([]string, len(b.Columns))
		for i, c := range b.Columns {
			cols[i] = f(c)
		}
		return mapBlock(Table{Columns: cols, Rows: b.Rows}, f)
	}
	return mapBlock(b, f)
}

func mapBlock(b Block, f func(string) string) Block {
	switch b := b.(type) {
	case Paragraph:
		return Paragraph{f(b.Text)}
	case Subheading:
		return Subheading{f(b.Text)}
	case Entry:
		return Entry{f(b.Title), f(b.Text)}
	case Fields:
		out := make(Fields, len(b))
		for i, fl := range b {
			out[i] = Field{fl.Label, f(fl.Value)}
		}
		return out
	case Table:
		rows := make([][]string, len(b.Rows))
		for i, r := range b.Rows {
			rows[i] = make([]string, len(r))
			for k, c := range r {
				rows[i][k] = f(c)
			}
		}
		return Table{Columns: b.Columns, Rows: rows}
	}
	return b
}
