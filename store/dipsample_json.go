package store

import (
	"bytes"
	"encoding/json"
	"errors"
)

// errNotObject is returned for a document that is not a JSON object.
var errNotObject = errors.New("not a JSON object")

// decodeFields decodes some top-level fields of a JSON object: for each
// name in fields, the value goes into the pointer given. It stops reading
// as soon as it has them all, so a field near the start of a long case
// document (the person comes before the contacts and the chronology) costs
// little to read. Fields not present are left as they were.
func decodeFields(doc []byte, fields map[string]any) error {
	dec := json.NewDecoder(bytes.NewReader(doc))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return errNotObject
	}
	left := len(fields)
	for left > 0 && dec.More() {
		t, err := dec.Token()
		if err != nil {
			return err
		}
		name, _ := t.(string)
		into, ok := fields[name]
		if !ok {
			var skip json.RawMessage
			into = &skip
		} else {
			left--
		}
		if err := dec.Decode(into); err != nil {
			return err
		}
	}
	return nil
}
