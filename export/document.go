package export

import (
	"bytes"
	"fmt"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"

	"msprecords/records"
)

// Page furniture and type sizes, in millimetres and points. Body text is
// 11pt in one column so that a pack can be read on paper and zoomed on
// screen without reflowing.
const (
	fontFamily   = "go"
	bodySize     = 11.0
	subheadSize  = 12.5
	headingSize  = 15.0
	titleSize    = 19.0
	lineHeight   = 5.6
	pageMargin   = 20.0
	topMargin    = 32.0 // below the two header lines
	bottomMargin = 26.0 // above the two footer lines
	cellPad      = 1.6
	labelWidth   = 58.0
	nbAlias      = "{#nb#}" // replaced by the page count when the PDF is written
)

// docMeta is what every page and the PDF's properties say about a document.
type docMeta struct {
	Title, Subject, Author, Marking string
	Reference                       string // the whole line, e.g. "Case reference DEMO-2026-0001"
	Made                            time.Time
}

// document wraps fpdf with the pages every export shares: the protective
// marking in header and footer, the case reference (never a name), the date
// made and "Page N of M", the Go fonts (which cover Latin, Greek and
// Cyrillic), bookmarks for headings and the document's properties. Reports
// other than packs draw on it through the same few methods.
type document struct {
	pdf      *fpdf.Fpdf
	meta     docMeta
	made     string
	outlined bool // a level-0 bookmark exists, so level 1 may follow
}

// newDocument starts an A4 document at its first page.
func newDocument(meta docMeta) *document {
	if meta.Marking == "" {
		meta.Marking = DefaultMarking
	}
	if meta.Made.IsZero() {
		meta.Made = time.Now()
	}
	pdf := fpdf.New("P", "mm", "A4", "")
	d := &document{pdf: pdf, meta: meta, made: records.DateOf(meta.Made).String()}
	pdf.AddUTF8FontFromBytes(fontFamily, "", goregular.TTF)
	pdf.AddUTF8FontFromBytes(fontFamily, "B", gobold.TTF)
	pdf.AddUTF8FontFromBytes(fontFamily, "I", goitalic.TTF)
	pdf.SetMargins(pageMargin, topMargin, pageMargin)
	pdf.SetAutoPageBreak(true, bottomMargin)
	pdf.SetCellMargin(0)
	pdf.AliasNbPages(nbAlias)
	d.setProperties()
	pdf.SetHeaderFunc(d.header)
	pdf.SetFooterFunc(d.footer)
	pdf.AddPage()
	d.body()
	return d
}

func (d *document) setProperties() {
	m, pdf := d.meta, d.pdf
	pdf.SetTitle(m.Title, true)
	pdf.SetSubject(m.Subject, true)
	pdf.SetAuthor(m.Author, true)
	pdf.SetCreator("MSP Records", true)
	pdf.SetKeywords(m.Marking, true)
	pdf.SetLang("en-GB")
	pdf.SetCreationDate(m.Made)
	pdf.SetModificationDate(m.Made)
	pdf.SetDisplayMode("fullwidth", "single")
}

// header prints the marking, then the case reference and date made.
func (d *document) header() {
	pdf := d.pdf
	pdf.SetY(10)
	pdf.SetFont(fontFamily, "B", bodySize)
	pdf.CellFormat(0, lineHeight, d.meta.Marking, "", 1, "C", false, 0, "")
	pdf.SetFont(fontFamily, "", bodySize)
	pdf.CellFormat(100, lineHeight, d.meta.Reference, "", 0, "L", false, 0, "")
	pdf.CellFormat(0, lineHeight, "Made "+d.made, "", 1, "R", false, 0, "")
	d.rule(pdf.GetY() + 1)
}

// footer prints the case reference and page number, then the marking.
func (d *document) footer() {
	pdf := d.pdf
	_, h := pdf.GetPageSize()
	d.rule(h - 22)
	pdf.SetY(h - 21)
	pdf.SetFont(fontFamily, "", bodySize)
	pdf.CellFormat(100, lineHeight, d.meta.Reference, "", 0, "L", false, 0, "")
	pdf.CellFormat(0, lineHeight, fmt.Sprintf("Page %d of %s", pdf.PageNo(), nbAlias), "", 1, "R", false, 0, "")
	pdf.SetFont(fontFamily, "B", bodySize)
	pdf.CellFormat(0, lineHeight, d.meta.Marking, "", 1, "C", false, 0, "")
}

func (d *document) rule(y float64) {
	w, _ := d.pdf.GetPageSize()
	d.pdf.SetLineWidth(0.3)
	d.pdf.Line(pageMargin, y, w-pageMargin, y)
}

func (d *document) body()   { d.pdf.SetFont(fontFamily, "", bodySize) }
func (d *document) bold()   { d.pdf.SetFont(fontFamily, "B", bodySize) }
func (d *document) italic() { d.pdf.SetFont(fontFamily, "I", bodySize) }

// width is the width of the text column.
func (d *document) width() float64 {
	w, _ := d.pdf.GetPageSize()
	return w - 2*pageMargin
}

// room is the height left on the current page above the footer.
func (d *document) room() float64 {
	_, h := d.pdf.GetPageSize()
	return h - bottomMargin - d.pdf.GetY()
}

// keep starts a new page unless h millimetres fit on this one, so that a
// heading never sits alone at the foot of a page.
func (d *document) keep(h float64) {
	if d.room() < h {
		d.pdf.AddPage()
	}
}

func (d *document) space(h float64) {
	if d.room() > h {
		d.pdf.Ln(h)
	}
}

// title prints the document's main heading (no bookmark: it names the whole).
func (d *document) title(text string) {
	d.pdf.SetFont(fontFamily, "B", titleSize)
	d.lines(pageMargin, d.width(), text, titleSize*0.5)
	d.space(3)
	d.body()
}

// heading starts a section: a bookmark at the top level of the outline. It
// keeps lead millimetres of what follows on the same page.
func (d *document) heading(text string, lead float64) {
	d.headed(text, headingSize, 0, 4, 2, lead)
	d.outlined = true
}

// subheading starts a group within a section, bookmarked beneath it, kept
// with lead millimetres of what follows.
func (d *document) subheading(text string, lead float64) {
	level := 1
	if !d.outlined {
		level = 0 // an outline cannot start below its top level
	}
	d.headed(text, subheadSize, level, 2.5, 1, lead)
}

// headed prints a bold heading at size points with a bookmark at level,
// space before and after it, on a new page unless it and lead fit.
func (d *document) headed(text string, size float64, level int, before, after, lead float64) {
	d.space(before)
	d.keep(d.textHeight(text, size) + after + lead)
	d.pdf.Bookmark(text, level, -1)
	d.pdf.SetFont(fontFamily, "B", size)
	d.lines(pageMargin, d.width(), text, size*0.5)
	d.space(after)
	d.body()
}

// textHeight is the height of text wrapped to the column in bold at size points.
func (d *document) textHeight(text string, size float64) float64 {
	d.pdf.SetFont(fontFamily, "B", size)
	n := len(d.split(text, d.width()))
	d.body()
	return float64(n) * size * 0.5
}

// paragraph prints running text, wrapped, across as many pages as it needs.
func (d *document) paragraph(text string) {
	if text == "" {
		return
	}
	d.body()
	d.lines(pageMargin, d.width(), text, lineHeight)
	d.space(2)
}

// notice prints a line in italics, such as a section withheld.
func (d *document) notice(text string) {
	d.space(2)
	d.italic()
	d.lines(pageMargin, d.width(), text, lineHeight)
	d.body()
	d.space(2)
}

// entry prints a bold title line kept with the start of its text.
func (d *document) entry(title, text string) {
	d.keep(3 * lineHeight)
	d.bold()
	d.lines(pageMargin, d.width(), title, lineHeight)
	d.body()
	d.lines(pageMargin, d.width(), text, lineHeight)
	d.space(2.5)
}

// lines prints text wrapped to width w at x, one line at a time, so that
// fpdf breaks the page between lines and never cuts a line in two.
func (d *document) lines(x, w float64, text string, h float64) {
	for _, line := range d.split(text, w) {
		d.pdf.SetX(x)
		d.pdf.CellFormat(w, h, line, "", 2, "L", false, 0, "")
	}
	d.pdf.SetX(pageMargin)
}

// split wraps text to width w in the current font; an empty text is no lines.
func (d *document) split(text string, w float64) []string {
	if text == "" {
		return nil
	}
	return d.pdf.SplitText(text, w)
}

// output finishes the document and returns the PDF.
func (d *document) output() ([]byte, error) {
	var buf bytes.Buffer
	if err := d.pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("export: writing the PDF: %w", err)
	}
	return buf.Bytes(), nil
}
