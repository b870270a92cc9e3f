package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"msprecords/records"
)

// ImportError says which case of an import file is wrong and why. It
// matches ErrImport and the cause (a *ValidationError, ErrUnknownSchema,
// ErrDuplicateReference or a JSON error) with errors.Is and errors.As.
type ImportError struct {
	Position  int    // 1 for the first case in the file
	Reference string // as written in the file; may be empty
	Err       error
}

func (e *ImportError) Error() string {
	label := fmt.Sprintf("case %d", e.Position)
	if ref := strings.TrimSpace(e.Reference); ref != "" {
		label += fmt.Sprintf(" (%s)", printable(records.Shorten(ref, 40)))
	}
	return fmt.Sprintf("%v: %s: %s", ErrImport, label, describe(e.Err))
}

// printable is s as it is when it is one line of text, else quoted with
// escapes: a hostile reference cannot put control characters on a terminal.
func printable(s string) string {
	for _, r := range s {
		if records.IsControl(r) || r == utf8.RuneError {
			return strconv.QuoteToASCII(s)
		}
	}
	return s
}

// Unwrap lets errors.Is find both ErrImport and the cause.
func (e *ImportError) Unwrap() []error { return []error{ErrImport, e.Err} }

// describe lists a validation error's problems with the fields they belong
// to, which is what someone fixing a file needs: "person.name: Enter the
// person's full name".
func describe(err error) string {
	var ve *records.ValidationError
	if !errors.As(err, &ve) {
		return strings.TrimPrefix(err.Error(), "json: ")
	}
	msgs := make([]string, len(ve.Problems))
	for i, p := range ve.Problems {
		msgs[i] = p.Message
		if p.Field != "" {
			msgs[i] = p.Field + ": " + p.Message
		}
	}
	return strings.Join(msgs, "; ")
}

// locateError finds the field of raw (JSON that decoding into v failed
// with err) that is wrong, and says what is wrong with it: encoding/json
// names no field for a date that is not real, an unknown field or a
// value of the wrong kind inside a list. It is only called for a value
// that failed, so its slowness does not matter.
func locateError(raw []byte, v any, err error) error {
	if p := locate(raw, reflect.TypeOf(v).Elem(), ""); p != nil {
		return &records.ValidationError{Problems: []records.Problem{*p}}
	}
	return err
}

var unmarshaler = reflect.TypeFor[json.Unmarshaler]()

// locate returns the first problem decoding raw into a value of type t
// would meet, in the order of the file, or nil.
func locate(raw []byte, t reflect.Type, path string) *records.Problem {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return nil
	}
	custom := reflect.PointerTo(t).Implements(unmarshaler)
	switch {
	case !custom && t.Kind() == reflect.Struct && raw[0] == '{':
		return locateFields(raw, t, path)
	case t.Kind() == reflect.Slice && raw[0] == '[':
		return locateEntries(raw, t.Elem(), path)
	}
	err := json.Unmarshal(raw, reflect.New(t).Interface())
	if err == nil {
		return nil
	}
	return &records.Problem{Field: path, Message: valueProblem(path, t, raw, err)}
}

func locateFields(raw []byte, t reflect.Type, path string) *records.Problem {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if _, err := dec.Token(); err != nil {
		return nil
	}
	for dec.More() {
		tok, err := dec.Token()
		key, _ := tok.(string)
		var v json.RawMessage
		if err != nil || dec.Decode(&v) != nil {
			return nil
		}
		at := joinPath(path, key)
		f, ok := fieldNamed(t, key)
		if !ok {
			return &records.Problem{Field: at, Message: "this version of MSP Records has no such field"}
		}
		if p := locate(v, f.Type, at); p != nil {
			return p
		}
	}
	return nil
}

func locateEntries(raw []byte, elem reflect.Type, path string) *records.Problem {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if _, err := dec.Token(); err != nil {
		return nil
	}
	for i := 0; dec.More(); i++ {
		var v json.RawMessage
		if dec.Decode(&v) != nil {
			return nil
		}
		if p := locate(v, elem, fmt.Sprintf("%s[%d]", path, i)); p != nil {
			return p
		}
	}
	return nil
}

func joinPath(path, key string) string {
	if !plainKey([]byte(key)) {
		key = strconv.QuoteToASCII(records.Shorten(key, 40))
	}
	if path == "" {
		return key
	}
	return path + "." + key
}

// fieldNamed finds the field of struct type t that JSON key names, as
// encoding/json does: the exact name, else one that differs only in case.
func fieldNamed(t reflect.Type, key string) (reflect.StructField, bool) {
	var fold *reflect.StructField
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		if name == key {
			return f, true
		}
		if fold == nil && strings.EqualFold(name, key) {
			fold = &f
		}
	}
	if fold != nil {
		return *fold, true
	}
	return reflect.StructField{}, false
}

// valueProblem words why raw is not a value of type t for the field at path.
func valueProblem(path string, t reflect.Type, raw []byte, err error) string {
	label := "The case"
	if path != "" {
		label = records.FieldLabel(path)
	}
	switch {
	case errors.Is(err, records.ErrNotADate) && isoShaped(raw):
		return label + " must be a real date"
	case errors.Is(err, records.ErrNotADate):
		return label + " must be a real date, written as YYYY-MM-DD, like 2026-01-31"
	case errors.Is(err, records.ErrNotAnAnswer):
		return fmt.Sprintf(`%s must be "yes", "no" or null for not answered, not %s`, label, records.Shorten(string(raw), 24))
	case t == reflect.TypeFor[time.Time]():
		return label + " must be a date and time, written like 2026-01-31T14:30:00Z"
	}
	return fmt.Sprintf("%s must be %s, not %s", label, kindWords(t), jsonKind(raw))
}

// isoShaped reports whether raw is a string of the form "dddd-dd-dd".
func isoShaped(raw []byte) bool {
	if len(raw) != 12 || raw[0] != '"' || raw[11] != '"' || raw[5] != '-' || raw[8] != '-' {
		return false
	}
	for i, c := range raw[1:11] {
		if i != 4 && i != 7 && !isDigit(c) {
			return false
		}
	}
	return true
}

// kindWords says in words what a value of type t is.
func kindWords(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "text"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int64, reflect.Int32, reflect.Uint64:
		return "a whole number"
	case reflect.Slice:
		return "a list"
	case reflect.Struct:
		if t == reflect.TypeFor[records.Date]() {
			return "a date, written as YYYY-MM-DD"
		}
		return "an object"
	}
	return "a " + t.Kind().String()
}

// jsonKind says in words what the JSON value raw is; a number is given as
// written ("not 1.5"), as the number is what is wrong with it.
func jsonKind(raw []byte) string {
	switch raw[0] {
	case '"':
		return "text"
	case '{':
		return "an object"
	case '[':
		return "a list"
	case 't', 'f':
		return "true or false"
	case 'n':
		return "null"
	}
	return records.Shorten(string(raw), 24)
}
