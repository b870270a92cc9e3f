package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"msprecords/records"
)

// readImport reads an import file as a stream: one pass over the text to
// split it, one to decode each case, and never more than the file in memory.
// The format and version are checked by name before any case error is
// reported; a wrong format or version seen first stops reading at once.
func readImport(r io.Reader) ([]*records.Case, error) {
	lr := &sizeLimit{r: r, left: maxImportSize}
	dec := json.NewDecoder(lr)
	ir := &importReader{dec: dec}
	cases, err := ir.read()
	if lr.over {
		return nil, fmt.Errorf("%w: the file is larger than %d MB", ErrImport, maxImportSize>>20)
	}
	return cases, err
}

// importReader walks the top-level object of an import file.
type importReader struct {
	dec               *json.Decoder
	format            *string
	version           *int
	unknown           string // the first unknown top-level field
	cases             []*records.Case
	caseErr           error // the first case that cannot be decoded
	sawFormat, sawVer bool
}

func (ir *importReader) read() ([]*records.Case, error) {
	if err := ir.expect(json.Delim('{')); err != nil {
		return nil, err
	}
	for ir.dec.More() {
		if err := ir.field(); err != nil {
			return nil, err
		}
		if err := ir.checkHeader(false); err != nil {
			return nil, err
		}
	}
	if err := ir.expect(json.Delim('}')); err != nil {
		return nil, err
	}
	if _, err := ir.dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("%w: unexpected data after the end of the file", ErrImport)
	}
	if err := ir.checkHeader(true); err != nil {
		return nil, err
	}
	if ir.unknown != "" {
		return nil, fmt.Errorf("%w: unknown field %q", ErrImport, ir.unknown)
	}
	return ir.cases, ir.caseErr
}

func notJSON(err error) error {
	return fmt.Errorf("%w: not a JSON case file: %v", ErrImport, err)
}

func (ir *importReader) expect(want json.Delim) error {
	tok, err := ir.dec.Token()
	if err != nil {
		return notJSON(err)
	}
	if tok != want {
		return notJSON(fmt.Errorf("expected %v, found %v", want, tok))
	}
	return nil
}

// field reads one top-level field.
func (ir *importReader) field() error {
	tok, err := ir.dec.Token()
	if err != nil {
		return notJSON(err)
	}
	key, _ := tok.(string)
	switch key {
	case "format":
		ir.format, ir.sawFormat = new(string), true
		return ir.value(ir.format, "format")
	case "version":
		ir.version, ir.sawVer = new(int), true
		return ir.value(ir.version, "version")
	case "exported":
		var t time.Time
		return ir.value(&t, "exported")
	case "cases":
		return ir.readCases()
	}
	if ir.unknown == "" {
		ir.unknown = key
	}
	var skip json.RawMessage
	return ir.value(&skip, key)
}

func (ir *importReader) value(v any, name string) error {
	if err := ir.dec.Decode(v); err != nil {
		var syntax *json.SyntaxError
		if errors.As(err, &syntax) || errors.Is(err, io.ErrUnexpectedEOF) {
			return notJSON(err)
		}
		return fmt.Errorf("%w: %q: %v", ErrImport, name, err)
	}
	return nil
}

// checkHeader refuses another format or version by name: as soon as both
// are known, or at the end of the file.
func (ir *importReader) checkHeader(atEnd bool) error {
	if !atEnd && !(ir.sawFormat && ir.sawVer) {
		return nil
	}
	if ir.format == nil || *ir.format != ExportFormat {
		got := ""
		if ir.format != nil {
			got = *ir.format
		}
		return fmt.Errorf("%w: not an MSP Records case file (format %q, expected %q)", ErrImport, got, ExportFormat)
	}
	if ir.version == nil || *ir.version != ExportVersion {
		got := 0
		if ir.version != nil {
			got = *ir.version
		}
		return fmt.Errorf("%w: the file is version %d of %s; this version of MSP Records reads version %d",
			ErrImport, got, ExportFormat, ExportVersion)
	}
	return nil
}

// readCases splits the cases array and decodes each case, keeping the first
// case error (and skipping the decoding of the rest) until the header has
// been checked.
func (ir *importReader) readCases() error {
	if err := ir.expect(json.Delim('[')); err != nil {
		return err
	}
	for i := 0; ir.dec.More(); i++ {
		var raw json.RawMessage
		if err := ir.value(&raw, "cases"); err != nil {
			return err
		}
		if ir.caseErr != nil {
			continue
		}
		c, err := decodeImportCase(raw)
		if err != nil {
			ir.caseErr = &ImportError{Position: i + 1, Reference: referenceIn(raw), Err: err}
			continue
		}
		ir.cases = append(ir.cases, c)
	}
	return ir.expect(json.Delim(']'))
}

// maxImportSize is MaxImportSize, lowered by a test.
var maxImportSize int64 = MaxImportSize

// sizeLimit passes at most left bytes through and notes an attempt to read more.
type sizeLimit struct {
	r    io.Reader
	left int64
	over bool
}

var errTooLarge = errors.New("the file is too large")

func (l *sizeLimit) Read(p []byte) (int, error) {
	if l.left <= 0 {
		var one [1]byte
		if n, _ := l.r.Read(one[:]); n > 0 {
			l.over = true
			return 0, errTooLarge
		}
		return 0, io.EOF
	}
	if int64(len(p)) > l.left {
		p = p[:l.left]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	return n, err
}
