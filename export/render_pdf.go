package export

import (
	"errors"
	"fmt"
)

// ErrRender is returned when a document could not be drawn.
var ErrRender = errors.New("export: the document could not be drawn")

// WritePDF draws a Document as a PDF: its title, then each part under a
// bookmarked heading. Any report built as a Document gets the same marking,
// page numbering and properties as a meeting pack. The PDF is not encrypted;
// see EncryptPDF.
func WritePDF(doc *Document) (pdf []byte, err error) {
	defer func() {
		// fpdf reports most faults through Err, but a malformed font table
		// or an internal slip can still panic; a user must get an error.
		if r := recover(); r != nil {
			pdf, err = nil, fmt.Errorf("%w: %v", ErrRender, r)
		}
	}()
	doc = doc.cleaned(pdfClean)
	d := newDocument(docMeta{
		Title:     joinNonEmpty(" ", doc.Title, doc.Reference),
		Subject:   doc.Subject,
		Author:    doc.Author,
		Marking:   doc.Marking,
		Reference: doc.referenceLine(),
		Made:      doc.Made,
	})
	d.title(doc.Title)
	for _, p := range doc.Parts {
		if p.Heading != "" {
			d.heading(p.Heading, d.lead(p.Blocks))
		}
		for i, b := range p.Blocks {
			d.block(b, p.Blocks[i+1:])
		}
	}
	return d.output()
}

// lead is the height of the start of the next block: what a heading must
// keep on its page so that it never ends a page alone.
func (d *document) lead(next []Block) float64 {
	if len(next) == 0 {
		return lineHeight
	}
	if t, ok := next[0].(Table); ok {
		return d.tableStart(t, d.columnWidths(t))
	}
	return 3 * lineHeight
}

// block draws one block of content; next is what follows it in the part.
func (d *document) block(b Block, next []Block) {
	switch b := b.(type) {
	case Paragraph:
		d.paragraph(b.Text)
	case Subheading:
		d.subheading(b.Text, d.lead(next))
	case Notice:
		d.notice(b.Text)
	case Entry:
		d.entry(b.Title, b.Text)
	case Fields:
		d.fields(b)
	case Table:
		d.table(b)
	}
}

// fields prints labelled values, or says that nothing was recorded.
func (d *document) fields(fs Fields) {
	if len(fs) == 0 {
		d.paragraph(notRecorded)
		return
	}
	d.keyValue(fs)
}

// notRecorded stands in for a group of fields none of which is filled in.
const notRecorded = "Not recorded."

// pdfClean cleans text and makes it drawable with the Go fonts.
func pdfClean(s string) string { return drawable(cleanText(s)) }
