package cli

import (
	"errors"
	"os"
	"path/filepath"
)

// atomicFile is a file written under a temporary name in the folder of its
// final one and renamed into place only once complete and on disk, so that
// a crash, a full disk or an error never leaves a half-written backup or
// export where the real one should be.
type atomicFile struct {
	*os.File
	path string
	done bool
}

// createAtomic starts writing path.
func createAtomic(path string) (*atomicFile, error) {
	f, err := os.CreateTemp(filepath.Dir(path), ".msprecords-*.tmp")
	if err != nil {
		return nil, failf("cannot write in the folder of %s: %v", path, unwrapPath(err))
	}
	return &atomicFile{File: f, path: path}, nil
}

// commit flushes the file to disk and gives it its real name.
func (a *atomicFile) commit() error {
	err := a.Sync()
	if cerr := a.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(a.Name(), a.path)
	}
	if err != nil {
		os.Remove(a.Name())
		return failf("cannot save %s: %v", a.path, unwrapPath(err))
	}
	a.done = true
	syncDir(filepath.Dir(a.path))
	return nil
}

// abandon removes the temporary file unless commit succeeded; it is safe
// to defer.
func (a *atomicFile) abandon() {
	if !a.done {
		a.Close()
		os.Remove(a.Name())
	}
}

// syncDir makes a rename in dir durable. Not every system can sync a
// folder (Windows cannot), and the file itself is already on disk, so a
// failure here is not reported.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

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
