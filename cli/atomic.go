package cli

import (
	"errors"
	"os"

	"msprecords/crypto"
)

// atomicFile is crypto.AtomicFile, the program's one atomic file writer,
// with the command line's messages: a crash, a full disk or an error never
// leaves a half-written backup, export or report where the real one should
// be.
type atomicFile struct {
	*crypto.AtomicFile
	path string
}

// createAtomic starts writing path, owner-only (0600): what the command
// line writes is case data or holds it.
func createAtomic(path string) (*atomicFile, error) {
	f, err := crypto.CreateAtomic(path, 0o600)
	if err != nil {
		return nil, failf("cannot write in the folder of %s: %v", path, unwrapPath(err))
	}
	return &atomicFile{AtomicFile: f, path: path}, nil
}

// commit flushes the file to disk and gives it its real name.
func (a *atomicFile) commit() error {
	if err := a.Commit(); err != nil {
		return failf("cannot save %s: %v", a.path, unwrapPath(err))
	}
	return nil
}

// abandon removes the temporary file unless commit succeeded; it is safe
// to defer.
func (a *atomicFile) abandon() { a.Abandon() }

// unwrapPath drops the path from an *os.PathError, which the message
// around it already names.
func unwrapPath(err error) error {
	var pe *os.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		return pe.Err
	case errors.As(err, &le):
		return le.Err
	}
	return err
}
