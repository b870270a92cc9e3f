package store

import "errors"

var (
	// ErrConflict is returned when a case was saved elsewhere since it was read.
	ErrConflict = errors.New("the case was changed elsewhere since it was opened")
	// ErrNotFound is returned for a case that does not exist.
	ErrNotFound = errors.New("no such case")
	// ErrUnknownSchema is returned for a document of a schema version this build does not know.
	ErrUnknownSchema = errors.New("unknown record format version")
)
