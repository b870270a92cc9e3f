package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
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
		label += fmt.Sprintf(" (%s)", records.Shorten(ref, 40))
	}
	return fmt.Sprintf("%v: %s: %s", ErrImport, label, describe(e.Err))
}

// Unwrap lets errors.Is find both ErrImport and the cause.
func (e *ImportError) Unwrap() []error { return []error{ErrImport, e.Err} }

// describe lists a validation error's problems with the fields they belong
// to, which is what someone fixing a file needs.
func describe(err error) string {
	var ve *records.ValidationError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &te):
		return describeType(te)
	case !errors.As(err, &ve):
		return strings.TrimPrefix(err.Error(), "json: ")
	}
	msgs := make([]string, len(ve.Problems))
	for i, p := range ve.Problems {
		msgs[i] = fmt.Sprintf("%s (%s)", p.Message, p.Field)
	}
	return strings.Join(msgs, "; ")
}

// validateImported is Validate plus a length limit on every text field, not
// only the long notes: an import file comes from outside, and a 10 MB name
// would swamp every list it appears in.
func validateImported(c *records.Case) error {
	err := records.Validate(c, records.Today())
	var long []records.Problem
	walkStrings(reflect.ValueOf(c).Elem(), "", func(field, s string) {
		if len(s) > records.MaxTextLength && utf8.RuneCountInString(s) > records.MaxTextLength {
			long = append(long, records.Problem{Field: field, Message: fmt.Sprintf("Text must be %d characters or fewer", records.MaxTextLength)})
		}
	})
	if len(long) == 0 {
		return err
	}
	var ve *records.ValidationError
	if errors.As(err, &ve) {
		long = append(slices.Clone(ve.Problems), long...)
	}
	return &records.ValidationError{Problems: long}
}

// walkStrings calls fn for every string in v with its JSON path, e.g.
// "contacts[2].views".
func walkStrings(v reflect.Value, path string, fn func(field, s string)) {
	switch v.Kind() {
	case reflect.String:
		fn(path, v.String())
	case reflect.Slice:
		for i := range v.Len() {
			walkStrings(v.Index(i), fmt.Sprintf("%s[%d]", path, i), fn)
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if path != "" {
				name = path + "." + name
			}
			walkStrings(v.Field(i), name, fn)
		}
	}
}

// describeType says which field has the wrong kind of value, in words.
func describeType(te *json.UnmarshalTypeError) string {
	want := "a " + te.Type.Kind().String()
	switch te.Type.Kind() {
	case reflect.String:
		want = "text"
	case reflect.Bool:
		want = "true or false"
	case reflect.Int, reflect.Int64, reflect.Uint64:
		want = "a whole number"
	case reflect.Slice:
		want = "a list"
	case reflect.Struct:
		want = "an object"
	}
	field := te.Field
	if field == "" {
		field = "the case"
	}
	return fmt.Sprintf("%s must be %s, not %s", field, want, te.Value)
}
