package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"reflect"
	"time"

	"msprecords/records"
)

// maxImportSize is MaxImportSize, lowered by a test.
var maxImportSize int64 = MaxImportSize

// maxCaseSize is MaxCaseSize, lowered by a test.
var maxCaseSize = MaxCaseSize

// errStop ends a pass over a file early: the error it carries is known.
var errStop = errors.New("stop")

// importScan is one pass over an import file: the top-level object, its
// header checked by name, and each case handed to each as the bytes the
// file holds for it. each returns the case's error, if any; the first is
// kept and the rest of the cases are only checked as JSON until the header
// has been checked, as a file of another format or version is refused for
// that, whatever its cases say.
type importScan struct {
	s                 *scanner
	each              func(pos int, raw []byte, ref string) error
	format            *string
	version           *int
	sawFormat, sawVer bool
	headerOK          bool
	unknown           string // the first unknown top-level field
	seen              map[string]bool
	cases             int
	caseErr           error
}

// scanImport passes over the file r once and returns how many cases it
// holds, or why it cannot be imported (an ErrImport error).
func scanImport(r io.Reader, each func(pos int, raw []byte, ref string) error) (int, error) {
	size := int64(-1)
	if l, ok := r.(interface{ Len() int }); ok {
		size = int64(l.Len())
	}
	lr := &sizeLimit{r: r, left: maxImportSize}
	ir := &importScan{s: newScanner(lr, size), each: each}
	err := ir.read()
	switch {
	case lr.over:
		return 0, tooLarge()
	case err == nil:
		return ir.cases, nil
	case errors.Is(err, errStop):
		return 0, ir.caseErr
	}
	var se *syntaxError
	if errors.As(err, &se) {
		return 0, fmt.Errorf("%w: not a JSON case file: %v", ErrImport, se)
	}
	if errors.Is(err, ErrImport) {
		return 0, err
	}
	return 0, fmt.Errorf("%w: cannot read the file: %v", ErrImport, err)
}

func tooLarge() error {
	return fmt.Errorf("%w: the file is larger than %s MB, the most that can be imported at once: split it into smaller files",
		ErrImport, records.Thousands(maxImportSize>>20))
}

func (ir *importScan) read() error {
	s := ir.s
	if _, atEnd, err := s.skipSpace(); err != nil {
		return err
	} else if atEnd {
		return fmt.Errorf("%w: not a JSON case file: the file is empty", ErrImport)
	}
	if b, err := s.next(); err != nil {
		return err
	} else if b != '{' {
		return s.fail("expected { to begin the file, found %s", describeByte(b))
	}
	if err := s.object(ir.field); err != nil {
		return err
	}
	if _, atEnd, err := s.skipSpace(); err != nil {
		return err
	} else if !atEnd {
		return fmt.Errorf("%w: unexpected data after the end of the file (line %d, byte %s)", ErrImport, s.line, records.Thousands(s.off))
	}
	if err := ir.checkHeader(true); err != nil {
		return err
	}
	if ir.unknown != "" {
		return fmt.Errorf("%w: unknown field %q", ErrImport, ir.unknown)
	}
	if ir.caseErr != nil {
		return ir.caseErr
	}
	if ir.cases == 0 {
		return fmt.Errorf("%w: the file holds no cases", ErrImport)
	}
	return nil
}

// field reads one top-level field.
func (ir *importScan) field(key []byte) error {
	var err error
	switch name := string(key); name {
	case "format", "version", "exported", "cases":
		if ir.seen[name] {
			return fmt.Errorf("%w: the field %q appears twice at the top of the file", ErrImport, name)
		}
		if ir.seen == nil {
			ir.seen = map[string]bool{}
		}
		ir.seen[name] = true
	}
	switch string(key) {
	case "format":
		ir.format, ir.sawFormat = new(string), true
		err = ir.small("format", ir.format)
	case "version":
		ir.version, ir.sawVer = new(int), true
		err = ir.small("version", ir.version)
	case "exported":
		var t time.Time
		err = ir.small("exported", &t)
	case "cases":
		return ir.readCases()
	default:
		if ir.unknown == "" {
			ir.unknown = records.Shorten(string(key), 40)
		}
		return ir.s.value()
	}
	if err != nil {
		return err
	}
	return ir.checkHeader(false)
}

// small reads a header value, which is never more than a line.
func (ir *importScan) small(name string, v any) error {
	s := ir.s
	s.keep, s.buf, s.maxKeep, s.overflow = true, s.buf[:0], 1<<10, false
	err := s.value()
	s.keep = false
	if err != nil {
		return err
	}
	if s.overflow {
		return fmt.Errorf("%w: %s: the value is too long", ErrImport, name)
	}
	if err := json.Unmarshal(s.buf, v); err != nil {
		raw := bytes.TrimSpace(s.buf)
		return fmt.Errorf("%w: %s: %s", ErrImport, name, valueProblem(name, reflect.TypeOf(v).Elem(), raw, err))
	}
	return nil
}

// checkHeader refuses another format or version by name: as soon as both
// are known, or at the end of the file.
func (ir *importScan) checkHeader(atEnd bool) error {
	if !atEnd && !(ir.sawFormat && ir.sawVer) {
		return nil
	}
	if ir.format == nil || *ir.format != ExportFormat {
		got := ""
		if ir.format != nil {
			got = *ir.format
		}
		return fmt.Errorf("%w: not an MSP Records case file (format %q, expected %q)", ErrImport, records.Shorten(got, 40), ExportFormat)
	}
	if ir.version == nil || *ir.version != ExportVersion {
		got := 0
		if ir.version != nil {
			got = *ir.version
		}
		return fmt.Errorf("%w: the file is version %d of %s; this version of MSP Records reads version %d",
			ErrImport, got, ExportFormat, ExportVersion)
	}
	ir.headerOK = true
	if ir.caseErr != nil {
		return errStop
	}
	return nil
}

// readCases reads the list of cases, keeping the bytes of one case at a
// time for each.
func (ir *importScan) readCases() error {
	s := ir.s
	b, err := s.nextToken()
	if err != nil {
		return err
	}
	if b != '[' {
		return s.fail("expected [ to begin the list of cases, found %s", describeByte(b))
	}
	return s.array(ir.readCase)
}

func (ir *importScan) readCase(i int) error {
	s := ir.s
	if i == MaxImportCases {
		return fmt.Errorf("%w: the file holds more than %s cases, the most that can be imported at once: split it into smaller files",
			ErrImport, records.Thousands(MaxImportCases))
	}
	if ir.caseErr != nil {
		ir.cases++
		return s.value()
	}
	s.keep, s.buf, s.maxKeep, s.overflow = true, s.buf[:0], maxCaseSize, false
	s.caseDepth, s.caseFrom, s.entries, s.problem, s.refAt = s.depth+1, len(s.path), 0, nil, [2]int{}
	err := s.value()
	s.keep, s.caseDepth = false, 0
	if err != nil {
		return err
	}
	ir.cases++
	ref := ir.reference()
	if p := s.problem; p != nil {
		err = &ImportError{Position: i + 1, Reference: ref, Err: &records.ValidationError{Problems: []records.Problem{{Field: p.path, Message: p.msg}}}}
	} else {
		err = ir.each(i+1, s.buf, ref)
	}
	if err == nil {
		return nil
	}
	ir.caseErr = err
	if ir.headerOK {
		return errStop
	}
	return nil
}

// reference is the reference of the case just read, as written, to name
// it in an error even when the case cannot be decoded.
func (ir *importScan) reference() string {
	at := ir.s.refAt
	var ref string
	if at[1] <= at[0] || at[1] > len(ir.s.buf) || json.Unmarshal(ir.s.buf[at[0]:at[1]], &ref) != nil {
		return ""
	}
	return records.Shorten(ref, records.MaxReferenceLength)
}

// importSource returns r ready to be read twice, from where it is now:
// a file or other io.ReadSeeker as it is, after checking its size, before
// reading a byte of it; anything else read into memory, up to the limit.
func importSource(r io.Reader) (io.ReadSeeker, error) {
	if st, ok := r.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if fi, err := st.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() > maxImportSize {
			return nil, tooLarge()
		}
	}
	if rs, ok := r.(io.ReadSeeker); ok {
		if start, err := rs.Seek(0, io.SeekCurrent); err == nil {
			end, err := rs.Seek(0, io.SeekEnd)
			if err == nil {
				_, err = rs.Seek(start, io.SeekStart)
			}
			if err != nil {
				return nil, fmt.Errorf("%w: cannot read the file: %v", ErrImport, err)
			}
			if end-start > maxImportSize {
				return nil, tooLarge()
			}
			return &rewinder{rs: rs, start: start, size: end - start}, nil
		}
	}
	data, err := io.ReadAll(io.LimitReader(r, maxImportSize+1))
	if err != nil {
		return nil, fmt.Errorf("%w: cannot read the file: %v", ErrImport, err)
	}
	if int64(len(data)) > maxImportSize {
		return nil, tooLarge()
	}
	return bytes.NewReader(data), nil
}

// rewinder is an io.ReadSeeker whose start is where it was handed over.
type rewinder struct {
	rs          io.ReadSeeker
	start, size int64
}

// Len is the size of the file, which is what is left to read at the start
// of a pass.
func (w *rewinder) Len() int { return int(min(w.size, 1<<40)) }

func (w *rewinder) Read(p []byte) (int, error) { return w.rs.Read(p) }

func (w *rewinder) Seek(offset int64, whence int) (int64, error) {
	if whence == io.SeekStart {
		offset += w.start
	}
	n, err := w.rs.Seek(offset, whence)
	return n - w.start, err
}

// sizeLimit passes at most left bytes through and notes an attempt to read
// more: a file that grows while it is read is still bounded.
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
