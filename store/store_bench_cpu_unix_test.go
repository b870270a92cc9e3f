//go:build unix

package store

import (
	"syscall"
	"time"
)

// processCPU returns the CPU time this process has used, user and system.
// The benchmarks report it per operation as well as wall time, because on a
// shared machine the wall time says more about the neighbours than the code.
func processCPU() time.Duration {
	var r syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &r) != nil {
		return 0
	}
	return time.Duration(r.Utime.Nano() + r.Stime.Nano())
}
