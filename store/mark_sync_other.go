//go:build !linux

package store

import "os"

// datasync flushes the mark's data to disk: FlushFileBuffers on Windows,
// fsync elsewhere (F_FULLFSYNC on macOS, as os.File.Sync does).
func datasync(f *os.File) error { return f.Sync() }
