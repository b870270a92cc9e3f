package store

import (
	"errors"
	"fmt"
	"syscall"
)

var (
	// ErrConflict is returned when a case was saved elsewhere since it was read.
	ErrConflict = errors.New("the case was changed elsewhere since it was opened")
	// ErrNotFound is returned for a case that does not exist.
	ErrNotFound = errors.New("no such case")
	// ErrUnknownSchema is returned for a document of a schema version this build does not know.
	ErrUnknownSchema = errors.New("unknown record format version")
	// ErrDiskFull is returned when the disk holding the database has too
	// little free space for a change to be written safely (see space.go):
	// nothing of the change was written. It wraps syscall.ENOSPC, so that
	// errors.Is(err, syscall.ENOSPC) holds as for any other full disk.
	ErrDiskFull = fmt.Errorf("the disk is full: %w", syscall.ENOSPC)
)
