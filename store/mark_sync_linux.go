package store

import (
	"os"
	"syscall"
)

// datasync flushes the mark's data to disk. fdatasync, not fsync: the file
// never changes size, so its metadata (times) need not be flushed.
func datasync(f *os.File) error {
	for {
		err := syscall.Fdatasync(int(f.Fd()))
		if err != syscall.EINTR {
			return err
		}
	}
}
