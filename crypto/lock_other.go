//go:build !(darwin || dragonfly || freebsd || linux || netbsd || openbsd || solaris || windows)

package crypto

import (
	"errors"
	"os"
)

// lockFile refuses on systems without a lock we have tested: opening a
// vault unlocked could let two programs write it at once.
func lockFile(*os.File) error {
	return errors.New("vault locking is not supported on this system")
}

func unlockFile(*os.File) error { return nil }
