package app

import (
	"encoding/json"
	"errors"

	"msprecords/records"
	"msprecords/store"
)

// Saving a case off the UI goroutine.
//
// The widgets edit the open case in place, on the UI goroutine, while a
// save may be writing to disk. The store is therefore never handed that
// case: a save takes a deep copy (a snapshot) on the UI goroutine and the
// worker writes the copy. Every edit is numbered (caseScreen.edits), and a
// save remembers the number its copy was taken at, so "All changes saved"
// is shown only when the copy that was written is the latest edit.
//
// One save runs at a time. A save asked for while one is in flight (a
// timer, Ctrl+S, leaving the case) waits for it and then writes the latest
// copy. The revision the store gave the copy is carried back to the live
// case, so the next save is not mistaken for a conflict.
//
// Leaving the case waits for the save through a callback. Locking and
// quitting cannot wait that way (the store must close before the unlock
// screen may take the vault again), so they flush: wait for the save in
// flight, then write what is left, and only then close the store.

// saveJob is one save: the copy written, the edit it was taken at, and the
// outcome, which the worker fills in before closing done.
type saveJob struct {
	snap  *records.Case
	edits uint64
	done  chan struct{}

	err     error
	stored  *records.Case // after a conflict: the version in the store
	loadErr error         // and why it could not be read, if it could not
	applied bool          // the outcome reached the case screen
}

// newSaveJob takes the copy to save. It runs on the UI goroutine.
func (s *caseScreen) newSaveJob() *saveJob {
	j := &saveJob{edits: s.edits, done: make(chan struct{})}
	j.snap, j.err = cloneCase(s.c)
	return j
}

// run writes the copy; after a conflict it reads the version in the store,
// for the conflict dialog. It never touches the UI.
func (j *saveJob) run(st *store.Store) {
	defer close(j.done)
	if j.err != nil {
		return // the copy could not be taken
	}
	if hook := testOnlySaveHook; hook != nil {
		hook()
	}
	j.err = st.Save(j.snap)
	if errors.Is(j.err, store.ErrConflict) {
		j.stored, j.loadErr = st.Load(j.snap.ID)
	}
}

// testOnlySaveHook, when not nil, runs just before each save writes, on the
// goroutine that writes it, so that a test can hold a save in flight. Never
// set outside tests.
var testOnlySaveHook func()

// cloneCase is a deep copy of c through its own JSON encoding: the copy is
// exactly what the store would write, and shares no slice with c.
func cloneCase(c *records.Case) (*records.Case, error) {
	data, err := json.Marshal(c)
	if err != nil {
		return nil, err
	}
	out := &records.Case{}
	if err := json.Unmarshal(data, out); err != nil {
		return nil, err
	}
	return out, nil
}

// save writes the case in the worker if it has unsaved edits, and calls then
// (if not nil) on the UI goroutine with the outcome once the case is saved,
// or cannot be.
func (s *caseScreen) save(then func(error)) {
	s.stopTimer()
	if then != nil {
		s.waiters = append(s.waiters, then)
	}
	if s.saving != nil {
		s.again = true
		return
	}
	s.startSave()
}

// startSave starts the next save, or tells the waiters there is nothing to
// save.
func (s *caseScreen) startSave() {
	s.again = false
	switch {
	case !s.dirty:
		s.settle(nil)
		return
	case s.conflict:
		s.settle(store.ErrConflict)
		return
	}
	j := s.newSaveJob()
	s.saving = j
	s.showStatus()
	st := s.store
	s.u.work.run(func() { j.run(st) }, func() { s.finish(j) })
}

// finish runs on the UI goroutine when a save is done: it shows the
// outcome, then saves again if the case was edited meanwhile and someone is
// waiting, or tells the waiters.
func (s *caseScreen) finish(j *saveJob) {
	if j.applied || s.gone {
		return // flushed already, or the case was closed
	}
	s.apply(j)
	s.report(j)
	conflict := errors.Is(j.err, store.ErrConflict)
	if !conflict && j.edits != s.edits && (s.again || len(s.waiters) > 0) {
		s.startSave()
		return
	}
	s.again = false
	s.settle(j.err)
}

// apply carries a finished save's outcome to the live case: the revision
// the store gave the copy, and whether edits are still unsaved.
func (s *caseScreen) apply(j *saveJob) {
	j.applied = true
	if s.saving == j {
		s.saving = nil
	}
	switch {
	case j.err == nil:
		s.c.Schema, s.c.Revision, s.c.Created, s.c.Updated = j.snap.Schema, j.snap.Revision, j.snap.Created, j.snap.Updated
		if j.edits == s.edits {
			records.Normalise(s.c) // as the store tidied the copy
			s.dirty = false
		}
	case errors.Is(j.err, store.ErrConflict):
		s.conflict = true
	}
}

// settle tells everyone waiting for the save.
func (s *caseScreen) settle(err error) {
	waiters := s.waiters
	s.waiters = nil
	for _, then := range waiters {
		then(err)
	}
}

// flush saves the case before the store closes, waiting for it: the save
// in flight first, then whatever was typed since. It is for locking and
// quitting only, where nothing may run after the store is closed; every
// other save goes through save.
func (s *caseScreen) flush() error {
	s.stopTimer()
	if j := s.saving; j != nil {
		<-j.done
		s.apply(j)
	}
	s.again = false
	if !s.dirty {
		return nil
	}
	if s.conflict {
		return store.ErrConflict
	}
	j := s.newSaveJob()
	j.run(s.store)
	s.apply(j)
	if j.err != nil {
		s.report(j)
	}
	return j.err
}

// pending reports whether the case has edits not yet in the store, or a
// save still running.
func (s *caseScreen) pending() bool { return s.dirty || s.saving != nil }
