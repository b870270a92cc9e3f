package store

import (
	"errors"
	"strings"
)

// Errors of the encrypted store. Each is returned wrapped with detail; test
// with errors.Is. The wording a person sees is chosen by the app and the CLI.
var (
	// ErrStoreInUse is returned when the database is already open, in this
	// program or another one.
	ErrStoreInUse = errors.New("the case database is already open elsewhere")
	// ErrDamagedStore is returned for a database that is missing, truncated
	// or otherwise unreadable.
	ErrDamagedStore = errors.New("the case database is missing or damaged")
	// ErrWrongKey is returned when the key does not open the database: the
	// database belongs to another vault, or the key is wrong.
	ErrWrongKey = errors.New("the key does not open this case database")
	// ErrStoreExists is returned when creating or restoring a database into
	// a folder that already holds one.
	ErrStoreExists = errors.New("a case database already exists there")
	// ErrStoreClosed is returned by every method called after Close.
	ErrStoreClosed = errors.New("the case database is closed")
	// ErrDuplicateReference is returned when a case reference is already
	// used by another case.
	ErrDuplicateReference = errors.New("another case already has this reference")
	// ErrImport is returned for a JSON import file that cannot be imported;
	// the detail says which case and what is wrong. Nothing was written.
	ErrImport = errors.New("the file cannot be imported")
	// ErrInternal is returned when a panic in MSP Records' own code (a
	// practice rule, say, while a case is summarised) stopped a store
	// operation: a bug, not damage to the database. Nothing of the
	// operation was written. It comes as an *InternalError, whose crash
	// report holds no personal data.
	ErrInternal = errors.New("internal error")
)

// InternalError is ErrInternal with its crash report.
type InternalError struct {
	// Report is the program's version, the kind of panic and the stack
	// where it happened, one line each: function names, files and lines,
	// never a value, so that it can be passed on to whoever supports the
	// program without passing on anything of a case. It is never written
	// to disk.
	Report []string
}

func (e *InternalError) Error() string {
	return ErrInternal.Error() + ": " + strings.Join(e.Report, "; ")
}

func (e *InternalError) Unwrap() error { return ErrInternal }
