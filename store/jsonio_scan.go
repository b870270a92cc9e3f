package store

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"msprecords/records"
)

// scanner reads an import file as a stream of bytes and checks its JSON as
// it goes, knowing at every byte where it is: the line, the column, and the
// JSON path (cases[3].contacts[0].notes). It keeps the bytes of one value
// at a time (a case), so memory is bounded by the largest case allowed, not
// by the file; and it finds what encoding/json would hide or say without a
// place: invalid UTF-8 (which json replaces), lone UTF-16 surrogates,
// nesting too deep, lists too long.
type scanner struct {
	r        *bufio.Reader
	off      int64 // bytes read
	line     int   // of the next byte, from 1
	lineAt   int64 // offset of the first byte of that line
	depth    int   // objects and lists open
	path     []segment
	keep     bool   // keep the bytes read in buf
	buf      []byte // the value being kept
	maxKeep  int    // the most bytes buf may hold
	overflow bool   // more than maxKeep bytes were read while keeping

	// In a case (caseDepth > 0, the depth of its fields; caseFrom, the
	// segment of the path its own path starts at): its list entries, its
	// reference as written, and the first problem found that is not a
	// syntax error.
	caseDepth int
	caseFrom  int
	entries   int
	refAt     [2]int // where the reference's bytes are in buf, quotes and all
	problem   *scanProblem
}

// segment is one step of a JSON path: a field name or a list position.
type segment struct {
	key   []byte
	index int
	isKey bool
}

// scanProblem is something wrong with a case that is not a syntax error:
// the case is still read to its end.
type scanProblem struct {
	path string // within the case
	msg  string
}

// syntaxError is a file that is not JSON, or not JSON this reader takes,
// with where it went wrong.
type syntaxError struct {
	msg        string
	path       string
	line, col  int
	off        int64
	endOfInput bool
}

func (e *syntaxError) Error() string {
	in := ""
	if e.path != "" {
		in = ", in " + e.path
	}
	if e.endOfInput {
		return fmt.Sprintf("%s%s (line %d, byte %s)", e.msg, in, e.line, records.Thousands(e.off))
	}
	return fmt.Sprintf("line %d, column %d (byte %s)%s: %s", e.line, e.col, records.Thousands(e.off), in, e.msg)
}

// maxDepth is the deepest nesting of objects and lists a file may have. A
// case is at depth 3 (the file, its list of cases, the case), and its
// deepest fields (risks[].actions[].what) at 7.
const maxDepth = 16

// maxKeyLength is the most of a field name kept for a path: no field of a
// case has a longer name, so a longer one is unknown in any case.
const maxKeyLength = 64

// newScanner reads r, of size bytes (-1 if not known): a small file gets a
// small buffer, which is what lets the fuzzer run fast.
func newScanner(r io.Reader, size int64) *scanner {
	n := 64 << 10
	if size >= 0 && size < int64(n) {
		n = int(size) + 1
	}
	return &scanner{r: bufio.NewReaderSize(r, n), line: 1}
}

// fail returns a syntax error at the byte just read.
func (s *scanner) fail(format string, args ...any) error {
	col := int(s.off - s.lineAt)
	return &syntaxError{msg: fmt.Sprintf(format, args...), path: s.pathString(0), line: s.line, col: col, off: max(s.off-1, 0)}
}

func (s *scanner) endOfInput() error {
	return &syntaxError{msg: "the file ends too soon", path: s.pathString(0), line: s.line, off: s.off, endOfInput: true}
}

// next reads one byte.
func (s *scanner) next() (byte, error) {
	b, err := s.r.ReadByte()
	if err != nil {
		if err == io.EOF {
			return 0, s.endOfInput()
		}
		return 0, err
	}
	s.off++
	if b == '\n' {
		s.line++
		s.lineAt = s.off
	}
	if s.keep {
		if len(s.buf) < s.maxKeep {
			s.buf = append(s.buf, b)
		} else {
			s.tooLarge()
		}
	}
	return b, nil
}

// skipSpace reads up to the next byte that is not white space, and returns
// it without reading it; atEnd is true at the end of the file. It takes
// the white space in runs from bufio's buffer rather than a byte at a time.
func (s *scanner) skipSpace() (b byte, atEnd bool, err error) {
	for {
		p, err := s.buffered()
		if err == io.EOF {
			return 0, true, nil
		}
		if err != nil {
			return 0, false, err
		}
		i := 0
		for ; i < len(p) && isSpace(p[i]); i++ {
			if p[i] == '\n' {
				s.line++
				s.lineAt = s.off + int64(i) + 1
			}
		}
		s.take(p[:i])
		if i < len(p) {
			return p[i], false, nil
		}
	}
}

func isSpace(b byte) bool { return spaceByte[b] }

var spaceByte = [256]bool{' ': true, '\t': true, '\n': true, '\r': true}

// buffered returns the bytes bufio holds, reading more if it holds none.
func (s *scanner) buffered() ([]byte, error) {
	if s.r.Buffered() == 0 {
		if _, err := s.r.Peek(1); err != nil {
			return nil, err
		}
	}
	return s.r.Peek(s.r.Buffered())
}

// tooLarge stops keeping the value being read, which is larger than it may be.
func (s *scanner) tooLarge() {
	s.keep, s.overflow = false, true
	size := fmt.Sprintf("%d KB", s.maxKeep>>10)
	if s.maxKeep >= 1<<20 {
		size = fmt.Sprintf("%d MB", s.maxKeep>>20)
	}
	s.noteCase("", "The case takes more than "+size+" of the file, the most one case may take")
}

// take reads p, a run of bytes from the start of bufio's buffer with no
// line break in it (or one counted already).
func (s *scanner) take(p []byte) {
	if len(p) == 0 {
		return
	}
	if s.keep {
		if len(s.buf)+len(p) > s.maxKeep {
			s.tooLarge()
		} else {
			s.buf = append(s.buf, p...)
		}
	}
	s.off += int64(len(p))
	_, _ = s.r.Discard(len(p))
}

// nextToken reads white space and the byte after it.
func (s *scanner) nextToken() (byte, error) {
	if _, atEnd, err := s.skipSpace(); err != nil {
		return 0, err
	} else if atEnd {
		return 0, s.endOfInput()
	}
	return s.next()
}

// value reads one JSON value.
func (s *scanner) value() error {
	b, err := s.nextToken()
	if err != nil {
		return err
	}
	switch {
	case b == '{':
		return s.object(func([]byte) error { return s.value() })
	case b == '[':
		return s.array(func(int) error { return s.value() })
	case b == '"':
		return s.str(nil)
	case b == 't':
		return s.literal("rue")
	case b == 'f':
		return s.literal("alse")
	case b == 'n':
		return s.literal("ull")
	case b == '-' || isDigit(b):
		return s.number(b)
	}
	return s.fail("expected a value, found %s", describeByte(b))
}

func (s *scanner) open() error {
	s.depth++
	if s.depth > maxDepth {
		return s.fail("lists and objects are nested more than %d deep", maxDepth)
	}
	return nil
}

// object reads an object whose { has been read, calling member for each
// field with the path at the field.
func (s *scanner) object(member func(key []byte) error) error {
	if err := s.open(); err != nil {
		return err
	}
	b, err := s.nextToken()
	if err != nil {
		return err
	}
	if b == '}' {
		s.depth--
		return nil
	}
	for {
		if b != '"' {
			return s.fail("expected a field name in quotes, found %s", describeByte(b))
		}
		seg := s.push()
		seg.isKey = true
		if err := s.str(&seg.key); err != nil {
			return err
		}
		if b, err = s.nextToken(); err != nil {
			return err
		} else if b != ':' {
			return s.fail("expected : after the field name, found %s", describeByte(b))
		}
		refAt := -1
		if s.caseDepth > 0 && s.depth == s.caseDepth && string(seg.key) == "reference" {
			refAt = len(s.buf)
		}
		if err := member(seg.key); err != nil {
			return err
		}
		if refAt >= 0 && s.keep {
			s.refAt = [2]int{refAt, len(s.buf)}
		}
		s.pop()
		if b, err = s.nextToken(); err != nil {
			return err
		}
		switch b {
		case ',':
			if b, err = s.nextToken(); err != nil {
				return err
			}
		case '}':
			s.depth--
			return nil
		default:
			return s.fail("expected , or } after a field, found %s", describeByte(b))
		}
	}
}

// array reads a list whose [ has been read, calling elem for each entry
// with the path at the entry. In a case it counts the entries against the
// limits, so that a list of a million empty objects is refused before it
// is decoded.
func (s *scanner) array(elem func(i int) error) error {
	if err := s.open(); err != nil {
		return err
	}
	if b, atEnd, err := s.skipSpace(); err != nil {
		return err
	} else if !atEnd && b == ']' {
		_, err := s.next()
		s.depth--
		return err
	}
	for i := 0; ; i++ {
		s.countEntry(i)
		s.push().index = i
		if err := elem(i); err != nil {
			return err
		}
		s.pop()
		b, err := s.nextToken()
		if err != nil {
			return err
		}
		switch b {
		case ',':
		case ']':
			s.depth--
			return nil
		default:
			return s.fail("expected , or ] after an entry of the list, found %s", describeByte(b))
		}
	}
}

func (s *scanner) countEntry(i int) {
	if s.caseDepth == 0 {
		return
	}
	s.entries++
	if i == records.MaxListEntries {
		path := s.pathString(s.caseFrom)
		s.noteCase(path, fmt.Sprintf("%s must have %s entries or fewer", records.FieldLabel(path), records.Thousands(records.MaxListEntries)))
	}
	if s.entries == records.MaxCaseEntries+1 {
		s.noteCase("", fmt.Sprintf("A case must have %s list entries or fewer in all", records.Thousands(records.MaxCaseEntries)))
	}
}

// noteCase records the first problem of the case being read, and stops
// keeping its bytes: it will not be decoded.
func (s *scanner) noteCase(path, msg string) {
	if s.caseDepth > 0 && s.problem == nil {
		s.problem = &scanProblem{path: path, msg: msg}
		s.keep = false
	}
}

// str reads a string whose opening quote has been read, checking its
// escapes and its UTF-8; key, if not nil, gets its bytes (up to
// maxKeyLength, escapes as written).
func (s *scanner) str(key *[]byte) error {
	if key != nil {
		*key = (*key)[:0]
	}
	for {
		if err := s.plainRun(key); err != nil {
			return err
		}
		b, err := s.next()
		if err != nil {
			return err
		}
		if key != nil && len(*key) < maxKeyLength && b != '"' {
			*key = append(*key, b)
		}
		switch {
		case b == '"':
			return nil
		case b == '\\':
			if err := s.escape(); err != nil {
				return err
			}
		case b < 0x20:
			return s.fail("text holds a control character (%s), which JSON allows only as an escape such as \\u0000", describeByte(b))
		case b >= utf8.RuneSelf:
			if err := s.utf8(b); err != nil {
				return err
			}
		}
	}
}

// plainRun reads the run of bytes in bufio's buffer that need no closer
// look: printable ASCII other than a quote or a backslash.
func (s *scanner) plainRun(key *[]byte) error {
	p, err := s.buffered()
	if err != nil {
		return nil // next reports it
	}
	i := 0
	for i < len(p) && plainByte[p[i]] {
		i++
	}
	if key != nil {
		*key = append(*key, p[:min(i, max(maxKeyLength-len(*key), 0))]...)
	}
	s.take(p[:i])
	return nil
}

// plainByte marks the bytes plainRun takes: a table rather than four
// comparisons a byte, which also keeps the fuzzer's comparison hooks out
// of the loop that reads most of a file.
var plainByte = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// utf8 reads the rest of a character whose first byte b has been read, and
// notes the field when it is not UTF-8.
func (s *scanner) utf8(b byte) error {
	var c [utf8.UTFMax]byte
	c[0] = b
	n := 1
	for ; n < utf8.UTFMax && !utf8.FullRune(c[:n]); n++ {
		p, err := s.r.Peek(1)
		if err != nil || p[0]&0xC0 != 0x80 {
			break // not a continuation: the next byte is read as itself
		}
		if c[n], err = s.next(); err != nil {
			return err
		}
	}
	if r, size := utf8.DecodeRune(c[:n]); r == utf8.RuneError && size <= 1 {
		s.notUTF8()
	}
	return nil
}

func (s *scanner) notUTF8() {
	if s.caseDepth == 0 || s.problem != nil {
		return // noteCase keeps only a case's first problem: the path is not needed
	}
	path := s.pathString(s.caseFrom)
	s.noteCase(path, fmt.Sprintf("%s must be UTF-8 text (line %d, byte %s)", records.FieldLabel(path), s.line, records.Thousands(s.off-1)))
}

// escape reads an escape whose backslash has been read. A UTF-16
// surrogate must come in a pair, as json would put U+FFFD in place of a
// lone one.
func (s *scanner) escape() error {
	b, err := s.next()
	if err != nil {
		return err
	}
	switch b {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		return nil
	case 'u':
	default:
		return s.fail("text holds an unknown escape \\%s", string(rune(b)))
	}
	r, err := s.hex4()
	if err != nil || r < 0xD800 || r > 0xDFFF {
		return err
	}
	if r >= 0xDC00 {
		s.notUTF8()
		return nil
	}
	if p, err := s.r.Peek(2); err != nil || string(p) != `\u` {
		s.notUTF8()
		return nil
	}
	_, _ = s.next()
	_, _ = s.next()
	low, err := s.hex4()
	if err == nil && (low < 0xDC00 || low > 0xDFFF) {
		s.notUTF8()
	}
	return err
}

func (s *scanner) hex4() (rune, error) {
	var r rune
	for range 4 {
		b, err := s.next()
		if err != nil {
			return 0, err
		}
		v, ok := hexValue(b)
		if !ok {
			return 0, s.fail("text holds an escape \\u with %s where a hex digit should be", describeByte(b))
		}
		r = r<<4 | v
	}
	return r, nil
}

func hexValue(b byte) (rune, bool) {
	switch {
	case isDigit(b):
		return rune(b - '0'), true
	case 'a' <= b && b <= 'f':
		return rune(b-'a') + 10, true
	case 'A' <= b && b <= 'F':
		return rune(b-'A') + 10, true
	}
	return 0, false
}

func (s *scanner) literal(rest string) error {
	for i := range len(rest) {
		b, err := s.next()
		if err != nil {
			return err
		}
		if b != rest[i] {
			return s.fail("expected a value, found %s", describeByte(b))
		}
	}
	return nil
}

// number reads a number whose first byte b has been read, to the JSON
// grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (s *scanner) number(b byte) error {
	var err error
	if b == '-' {
		if b, err = s.next(); err != nil {
			return err
		}
	}
	switch {
	case b == '0':
	case isDigit(b):
		s.digits()
	default:
		return s.fail("expected a digit, found %s", describeByte(b))
	}
	if s.peekIs('.') {
		if err := s.fraction(); err != nil {
			return err
		}
	}
	if s.peekIs('e') || s.peekIs('E') {
		_, _ = s.next()
		if s.peekIs('+') || s.peekIs('-') {
			_, _ = s.next()
		}
		return s.someDigits()
	}
	return nil
}

func (s *scanner) fraction() error {
	_, _ = s.next()
	return s.someDigits()
}

func (s *scanner) someDigits() error {
	b, err := s.next()
	if err != nil {
		return err
	}
	if !isDigit(b) {
		return s.fail("expected a digit, found %s", describeByte(b))
	}
	s.digits()
	return nil
}

func (s *scanner) digits() {
	for {
		p, err := s.r.Peek(1)
		if err != nil || !isDigit(p[0]) {
			return
		}
		_, _ = s.next()
	}
}

func (s *scanner) peekIs(c byte) bool {
	p, err := s.r.Peek(1)
	return err == nil && p[0] == c
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// describeByte names a byte in a message: the character when it can be
// printed, its code when not.
func describeByte(b byte) string {
	if b > 0x20 && b < 0x7f {
		return string(rune(b))
	}
	if b < utf8.RuneSelf {
		return fmt.Sprintf("U+%04X", b)
	}
	return fmt.Sprintf("the byte 0x%02X", b)
}

func (s *scanner) push() *segment {
	n := len(s.path)
	if n < cap(s.path) {
		s.path = s.path[:n+1]
	} else {
		s.path = append(s.path, segment{})
	}
	seg := &s.path[n]
	seg.isKey, seg.index = false, 0
	return seg
}

func (s *scanner) pop() { s.path = s.path[:len(s.path)-1] }

// pathString writes the path from segment from on: "contacts[0].notes".
// Field names that are not plain words are quoted, so a hostile name
// cannot put control characters on a terminal.
func (s *scanner) pathString(from int) string {
	var b strings.Builder
	for _, seg := range s.path[min(max(from, 0), len(s.path)):] {
		if !seg.isKey {
			fmt.Fprintf(&b, "[%d]", seg.index)
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		if plainKey(seg.key) {
			b.Write(seg.key)
		} else {
			b.WriteString(strconv.QuoteToASCII(records.Shorten(strings.ToValidUTF8(string(seg.key), "\uFFFD"), 40)))
		}
	}
	return b.String()
}

func plainKey(k []byte) bool {
	if len(k) == 0 {
		return false
	}
	for _, c := range k {
		if !(c == '_' || isDigit(c) || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')) {
			return false
		}
	}
	return true
}
