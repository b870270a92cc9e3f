package records

import (
	"errors"
	"regexp"
	"strings"
)

// ErrPostcode is returned for text that cannot be a UK postcode.
var ErrPostcode = errors.New("not a UK postcode")

var postcodeShape = regexp.MustCompile(`^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$`)

// NormalisePostcode turns "sw1a1aa" or " SW1A  1AA" into "SW1A 1AA". People
// type postcodes in every style, so the style is fixed rather than refused;
// only text that cannot be a postcode is an error. Empty stays empty.
func NormalisePostcode(s string) (string, error) {
	compact := strings.ToUpper(strings.Join(strings.Fields(s), ""))
	if compact == "" {
		return "", nil
	}
	if !postcodeShape.MatchString(compact) {
		return "", ErrPostcode
	}
	return compact[:len(compact)-3] + " " + compact[len(compact)-3:], nil
}
