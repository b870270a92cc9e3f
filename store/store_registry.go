package store

import (
	"fmt"
	"path/filepath"
	"sync"
)

// openDirs holds the databases this program has open. The table check at
// open reads files before Badger takes its own lock on the folder, so a
// second open in the same program must be refused before that: otherwise a
// compaction of the open store could make its tables look damaged. Between
// programs the vault lock (crypto.Lock), which the app and the CLI take
// before opening a store, does the same.
var openDirs = struct {
	sync.Mutex
	m map[string]bool
}{m: map[string]bool{}}

// claimDir marks dir as open, or returns ErrStoreInUse; release undoes it.
func claimDir(dir string) (release func(), err error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrDamagedStore, err)
	}
	openDirs.Lock()
	defer openDirs.Unlock()
	if openDirs.m[abs] {
		return nil, fmt.Errorf("%w: %s is already open in this program", ErrStoreInUse, dir)
	}
	openDirs.m[abs] = true
	var once sync.Once
	return func() {
		once.Do(func() {
			openDirs.Lock()
			defer openDirs.Unlock()
			delete(openDirs.m, abs)
		})
	}, nil
}
