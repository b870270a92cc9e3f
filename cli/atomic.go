package cli

import (
	"errors"
	"os"
	"os/signal"
	"sync"
	"syscall"

	"msprecords/crypto"
)

// atomicFile is crypto.AtomicFile, the program's one atomic file writer,
// with the command line's messages: a crash, a full disk or an error never
// leaves a half-written backup, export or report where the real one should
// be. Its temporary file is recorded in the store's ledger while it exists
// (so a kill leaves nothing that the next open does not remove), and a
// Ctrl+C or a termination signal removes it before the program ends (see
// removeTempsOnSignal).
type atomicFile struct {
	*crypto.AtomicFile
	path    string
	written int64
}

// createAtomic starts writing path, owner-only (0600): what the command
// line writes is case data or holds it. ledger is the open store's
// (store.TempLedger), or nil when no store is open.
func createAtomic(path string, ledger crypto.TempLedger) (*atomicFile, error) {
	f, err := crypto.CreateAtomicWith(path, 0o600, ledger)
	if errors.Is(err, crypto.ErrTempNotRecorded) {
		return nil, explain(err, "cannot save %s: the vault could not record the file about to be written, so nothing was "+
			"written (%v). Check there is space on the drive the vault is on, and try again", path, unwrapPath(err))
	}
	if err != nil {
		return nil, failf("cannot write in the folder of %s: %v", path, unwrapPath(err))
	}
	a := &atomicFile{AtomicFile: f, path: path}
	unfinished.add(a)
	return a, nil
}

// Write writes to the temporary file.
func (a *atomicFile) Write(p []byte) (int, error) {
	n, err := a.AtomicFile.Write(p)
	a.written += int64(n)
	if err == nil && afterWriteTestHook != nil {
		err = afterWriteTestHook(a.written)
	}
	return n, err
}

// afterWriteTestHook, when set, runs after every write to an atomicFile
// with the bytes written so far; an error it returns is the write's. Only
// this package's tests set it, to stall or fail a command part way.
var afterWriteTestHook func(written int64) error

// commit flushes the file to disk and gives it its real name.
func (a *atomicFile) commit() error {
	unfinished.Lock()
	defer unfinished.Unlock()
	delete(unfinished.files, a)
	if err := a.Commit(); err != nil {
		return failf("cannot save %s: %v", a.path, unwrapPath(err))
	}
	return nil
}

// abandon removes the temporary file unless commit succeeded; it is safe
// to defer.
func (a *atomicFile) abandon() {
	unfinished.Lock()
	defer unfinished.Unlock()
	delete(unfinished.files, a)
	a.Abandon()
}

// unfinished holds the atomic files being written, for the signal handler.
// Its lock is held across a commit, so that a signal either comes before
// the rename (the file is removed) or after it (the file is complete).
var unfinished = fileSet{files: map[*atomicFile]bool{}}

type fileSet struct {
	sync.Mutex
	files map[*atomicFile]bool
}

func (u *fileSet) add(a *atomicFile) {
	u.Lock()
	defer u.Unlock()
	u.files[a] = true
}

// removeTempsOnSignal makes Ctrl+C (SIGINT) and SIGTERM remove the
// temporary files of the atomic files being written, then end the program
// with exitInterrupted, as the signal would have ended it. The handler
// touches nothing else: the store, its ledger's records and the vault lock
// are left to the operating system and the next open, as after any crash
// (the ledger's records then point at nothing and are forgotten). The
// returned function undoes it.
func removeTempsOnSignal(env *Env) (stop func()) {
	signals := make(chan os.Signal, 1)
	done := make(chan struct{})
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	go func() {
		select {
		case <-signals:
			unfinished.Lock() // held until the end: no commit starts now
			for a := range unfinished.files {
				a.Close()
				os.Remove(a.Name())
			}
			env.fail(exitInterrupted, "stopped before finishing: no half-written file was left behind")
			os.Exit(exitInterrupted)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(signals)
		close(done)
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

// saveRecorded writes data to path whole, records action and detail in the
// audit trail, and only then gives the file its name: a report that leaves
// the vault is always in the audit trail.
func saveRecorded(s *session, path string, data []byte, action, detail string) error {
	f, err := createAtomic(path, s.store.TempLedger())
	if err != nil {
		return err
	}
	defer f.abandon()
	if _, err := f.Write(data); err != nil {
		return failf("cannot write %s: %v", path, unwrapPath(err))
	}
	if err := s.store.RecordEvent(action, "", detail); err != nil {
		return err
	}
	return f.commit()
}
