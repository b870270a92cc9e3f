//go:build windows

package store

import (
	"errors"
	"io/fs"

	"golang.org/x/sys/windows"
)

// freeSpace returns the bytes the user may still write on the volume of
// dir (GetDiskFreeSpaceEx, which counts quotas), and whether it could tell.
func freeSpace(dir string) (int64, bool) {
	p, err := windows.UTF16PtrFromString(existingDir(dir))
	if err != nil {
		return 0, false
	}
	var avail, total, totalFree uint64
	if err := windows.GetDiskFreeSpaceEx(p, &avail, &total, &totalFree); err != nil {
		return 0, false
	}
	return int64(min(avail, 1<<62)), true
}

// allocated returns a file's size: NTFS gives a file its clusters when it
// is stretched, so none of Badger's files is sparse there (an extension
// that does not fit fails with ERROR_DISK_FULL instead).
func allocated(fi fs.FileInfo) int64 { return fi.Size() }

// isDiskFullErrno reports Windows's errors for a full disk, which are not
// syscall.ENOSPC.
func isDiskFullErrno(err error) bool {
	return errors.Is(err, windows.ERROR_DISK_FULL) || errors.Is(err, windows.ERROR_HANDLE_DISK_FULL)
}
