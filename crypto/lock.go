package crypto

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
)

// lockName is the lock file in a vault folder. It is always empty: the
// lock is the operating system's, taken on the open file, so it goes away
// by itself when the process dies, and a stale file never blocks anyone.
const lockName = "lock"

// VaultLock is an exclusive hold on a vault, taken by Lock. Badger has a
// directory lock of its own, but it is taken only once the key is known;
// this one lets the unlock screen say "already open" before asking for a
// passphrase, and covers the slot files too.
type VaultLock struct {
	path string
	f    *os.File
	once sync.Once
	err  error
}

// held records the lock files held by this process. Operating systems
// differ on whether a process conflicts with its own locks (flock over NFS
// does not), so a second Lock in the same process is refused here first.
var held = struct {
	sync.Mutex
	paths map[string]bool
}{paths: map[string]bool{}}

// Lock takes an exclusive lock on dir's lock file, creating it if needed.
// It fails at once with ErrVaultInUse if another Lock holds it, in this
// process or in any other. Once it holds the lock it removes the temporary
// files a killed program left in dir and dir/slots (see removeVaultTemps).
func Lock(dir string) (*VaultLock, error) {
	path, err := filepath.Abs(filepath.Join(dir, lockName))
	if err != nil {
		return nil, fmt.Errorf("locking vault: %w", err)
	}
	if !claim(path) {
		return nil, fmt.Errorf("%w: already open in this program", ErrVaultInUse)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err == nil {
		err = lockFile(f)
		if err != nil {
			f.Close()
		}
	}
	if err != nil {
		unclaim(path)
		return nil, fmt.Errorf("locking vault: %w", err)
	}
	removeVaultTemps(dir)
	return &VaultLock{path: path, f: f}, nil
}

// Release lets go of the lock. Calling it again, or on a nil lock, does
// nothing.
func (l *VaultLock) Release() error {
	if l == nil {
		return nil
	}
	l.once.Do(func() {
		l.err = errors.Join(unlockFile(l.f), l.f.Close())
		unclaim(l.path)
	})
	return l.err
}

func claim(path string) bool {
	held.Lock()
	defer held.Unlock()
	if held.paths[path] {
		return false
	}
	held.paths[path] = true
	return true
}

func unclaim(path string) {
	held.Lock()
	defer held.Unlock()
	delete(held.paths, path)
}
