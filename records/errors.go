package records

import "errors"

// ErrChronologyRewritten is returned when a change would alter or remove past
// case notes: the chronology is append-only, and a correction is a new entry.
var ErrChronologyRewritten = errors.New("chronology entries cannot be changed or removed")

// ErrSignOffRewritten is returned when a change would alter or remove a
// lead's sign-off, or add one other than by signing off.
var ErrSignOffRewritten = errors.New("sign-offs cannot be changed or removed")
