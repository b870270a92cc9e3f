package export

import (
	"fmt"
	"strings"
	"time"

	"github.com/skip2/go-qrcode"
	"golang.org/x/image/font/gofont/gomonobold"

	"msprecords/records"
)

// RecoverySheet is what the recovery sheet (a one-page PDF to print) and the
// recovery note (a small text file to save) say about a vault's recovery
// key. The vault has no name of its own: it is known by its folder's name
// and by the random id in its vault.json.
type RecoverySheet struct {
	VaultName string    // the vault folder's name, e.g. "msprecords"
	VaultID   string    // the vault id from vault.json
	Made      time.Time // when the vault was made
	// Key is the recovery key as crypto.GroupRecoveryKey writes it, in
	// lines of groups; the QR code holds it with the spaces taken out.
	Key string
}

// RecoveryKeepAdvice is said beside every way of keeping the key.
const RecoveryKeepAdvice = "Keep it on paper or a removable drive, not on this computer."

// recoveryUse says how the key is used, on the sheet and in the note.
var recoveryUse = []string{
	"If every passphrase is forgotten, open MSP Records and, on the unlock screen, choose " +
		"“Forgotten your passphrase? Use the recovery key…”. Type the key (the spaces and capitals do not matter), " +
		"or open the file it was saved in, then choose a new passphrase.",
	"On the command line: msprecords passwd --recovery-key-file FILE --user NAME, where FILE holds the key.",
	"Anyone with this key and a copy of the vault can read every case. Guard it as you guard the records. " +
		"MSP Records does not keep the key and cannot show it again.",
}

const (
	sheetAdvice = "Keep this sheet on paper, in a locked drawer or a safe. Never keep the key on this computer: " +
		"not in a file, an email or a photograph. If you saved the sheet as a file to print it, delete the file now."
	noteAdvice = "Keep this file on a removable drive, in a locked drawer or a safe, or print it and delete it. " +
		"Never keep it on this computer."
)

// Sizes on the sheet, in millimetres and points.
const (
	monoFamily  = "gomono"
	keySize     = 15.0
	keyLeading  = 7.5
	qrSide      = 52.0 // wide enough for a phone or a desk scanner at arm's length
	qrGap       = 8.0
	qrRecovery  = qrcode.Medium
	sheetMarker = "Recovery key of vault "
)

// WriteRecoverySheet draws the recovery sheet: one A4 page naming the vault
// and the date it was made, the key in its groups and as a QR code, and what
// to do with it. The PDF is not encrypted: it is for printing.
func WriteRecoverySheet(s RecoverySheet) (pdf []byte, err error) {
	defer func() {
		if r := recover(); r != nil { // as in WritePDF: an error, never a panic
			pdf, err = nil, fmt.Errorf("%w: %v", ErrRender, r)
		}
	}()
	qr, err := qrcode.New(strings.Join(strings.Fields(s.Key), ""), qrRecovery)
	if err != nil {
		return nil, fmt.Errorf("%w: the QR code: %v", ErrRender, err)
	}
	d := newDocument(docMeta{
		Title:     "MSP Records recovery key",
		Subject:   "The recovery key of vault " + s.VaultID,
		Author:    "MSP Records",
		Reference: sheetMarker + pdfClean(s.VaultName),
		Made:      s.Made,
	})
	d.pdf.AddUTF8FontFromBytes(monoFamily, "B", gomonobold.TTF)
	d.title("Recovery key")
	d.keyValue(sheetFields(s))
	d.heading("The key", qrSide+lineHeight)
	d.keyAndCode(s.Key, qr.Bitmap())
	d.heading("What to do with it", 3*lineHeight)
	d.bold()
	d.lines(pageMargin, d.width(), sheetAdvice, lineHeight)
	d.space(2)
	for _, p := range recoveryUse {
		d.paragraph(p)
	}
	return d.output()
}

func sheetFields(s RecoverySheet) Fields {
	return Fields{
		{Label: "Vault folder", Value: pdfClean(s.VaultName)},
		{Label: "Vault id", Value: s.VaultID},
		{Label: "Vault made", Value: madeDate(s.Made)},
	}
}

// madeDate is the day a vault was made, in this computer's time zone, as
// "4 December 2026".
func madeDate(t time.Time) string { return records.DateOf(t.Local()).String() }

// keyAndCode prints the key's lines on the left and its QR code beside them.
func (d *document) keyAndCode(key string, modules [][]bool) {
	y := d.pdf.GetY()
	d.pdf.SetFont(monoFamily, "B", keySize)
	for i, line := range strings.Split(key, "\n") {
		d.pdf.SetXY(pageMargin, y+float64(i)*keyLeading)
		d.pdf.CellFormat(d.width()-qrSide-qrGap, keyLeading, line, "", 0, "L", false, 0, "")
	}
	w, _ := d.pdf.GetPageSize()
	d.qrCode(w-pageMargin-qrSide, y, modules)
	d.pdf.SetFont(fontFamily, "I", bodySize-2)
	d.pdf.SetXY(w-pageMargin-qrSide, y+qrSide)
	d.pdf.CellFormat(qrSide, lineHeight, "The same key as a QR code", "", 0, "C", false, 0, "")
	d.body()
	d.pdf.SetXY(pageMargin, y+qrSide+lineHeight+2)
}

// qrCode draws a QR code's modules (its quiet zone included) as black
// squares in a qrSide square at x, y: vector shapes, sharp at any size.
// A run of dark modules in a row is one rectangle.
func (d *document) qrCode(x, y float64, modules [][]bool) {
	m := qrSide / float64(len(modules))
	d.pdf.SetFillColor(0, 0, 0)
	for r, row := range modules {
		for c := 0; c < len(row); c++ {
			if !row[c] {
				continue
			}
			start := c
			for c < len(row) && row[c] {
				c++
			}
			d.pdf.Rect(x+float64(start)*m, y+float64(r)*m, float64(c-start)*m, m, "F")
		}
	}
	d.pdf.SetFillColor(255, 255, 255)
}

// RecoveryNote is the recovery key as a small text file: the vault, the date
// it was made, the key in its groups and what to do with it. Its lines end
// in CRLF, so that Notepad and any other editor show them.
func RecoveryNote(s RecoverySheet) []byte {
	var b strings.Builder
	b.WriteString("MSP Records recovery key\n\n")
	fmt.Fprintf(&b, "Vault folder: %s\nVault id:     %s\nVault made:   %s\n\n", s.VaultName, s.VaultID, madeDate(s.Made))
	b.WriteString(s.Key + "\n\n")
	b.WriteString(wrapText(noteAdvice, 76) + "\n\n")
	for _, p := range recoveryUse {
		b.WriteString(wrapText(p, 76) + "\n\n")
	}
	return []byte(strings.ReplaceAll(b.String(), "\n", "\r\n"))
}

// wrapText breaks text into lines of at most width characters at spaces.
func wrapText(text string, width int) string {
	var b strings.Builder
	n := 0
	for i, word := range strings.Fields(text) {
		l := len([]rune(word))
		switch {
		case i == 0:
		case n+1+l > width:
			b.WriteByte('\n')
			n = 0
		default:
			b.WriteByte(' ')
			n++
		}
		b.WriteString(word)
		n += l
	}
	return b.String()
}
