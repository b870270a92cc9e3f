//go:build unix

package store

import (
	"errors"
	"io/fs"
	"syscall"

	"golang.org/x/sys/unix"
)

// freeSpace returns the bytes an ordinary user may still write on the file
// system of dir (statfs's available blocks), and whether it could tell.
func freeSpace(dir string) (int64, bool) {
	var st unix.Statfs_t
	if err := unix.Statfs(existingDir(dir), &st); err != nil {
		return 0, false
	}
	return int64(st.Bavail) * int64(st.Bsize), true
}

// allocated returns the bytes of disk a file holds: less than its size
// while Badger has stretched it (sparse) and not yet written it all.
func allocated(fi fs.FileInfo) int64 {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return int64(st.Blocks) * 512
	}
	return fi.Size()
}

// isDiskFullErrno reports a full disk in the words of this system; ENOSPC
// is tested for everywhere, and EDQUOT (over the user's quota) means the
// same to a user.
func isDiskFullErrno(err error) bool {
	return errors.Is(err, syscall.EDQUOT)
}
