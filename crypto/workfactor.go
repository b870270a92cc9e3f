package crypto

import (
	"fmt"
	"sync/atomic"
	"testing"
	"time"
)

// Scrypt work factors are base-2 logarithms: a work factor of 18 means
// N = 2^18, which costs about a second and 256 MiB on a current desktop.
const (
	// DefaultWorkFactor is used for new passphrase slots and backups when the
	// caller passes 0. It is age's own default: about a second to unlock.
	DefaultWorkFactor = 18

	// MinWorkFactor is the least work factor accepted for new slots and
	// backups. It is low only so that tests can run fast; real callers pass
	// 0 and get DefaultWorkFactor.
	MinWorkFactor = 10

	// MaxWorkFactor is the most work a slot or backup may ask of us, both
	// when writing and when reading. Reading matters most: a hostile slot
	// file or backup names its own work factor, and age's default cap of 22
	// means 4 GiB of memory and some fifteen seconds per try, which is
	// enough to freeze a modest PC. 20 (1 GiB, a few seconds) still leaves
	// room to raise the default by two steps.
	MaxWorkFactor = 20
)

// testOnlyWorkFactor, when non-zero, replaces DefaultWorkFactor. It is set
// only through SetTestOnlyWorkFactor, and only in test binaries.
var testOnlyWorkFactor atomic.Int32

// SetTestOnlyWorkFactor makes a work factor of 0 mean 2^logN instead of
// DefaultWorkFactor, and returns a function that undoes it. It lets the tests
// of other packages, which go through code that asks for the default, skip a
// second of scrypt per slot.
//
// It does nothing outside a test binary (see [testing.Testing]) or when logN
// is out of range, so a release build can never be weakened by it.
func SetTestOnlyWorkFactor(logN int) (restore func()) {
	if !testing.Testing() || checkWorkFactor(logN) != nil {
		return func() {}
	}
	old := testOnlyWorkFactor.Swap(int32(logN))
	return func() { testOnlyWorkFactor.Store(old) }
}

// resolveWorkFactor turns a caller's work factor into the one to use:
// 0 means the default, anything else must be in range, because age panics on
// values it cannot use and we never panic on input.
func resolveWorkFactor(logN int) (int, error) {
	if logN != 0 {
		return logN, checkWorkFactor(logN)
	}
	if t := testOnlyWorkFactor.Load(); t != 0 {
		return int(t), nil
	}
	return DefaultWorkFactor, nil
}

func checkWorkFactor(logN int) error {
	if logN < MinWorkFactor || logN > MaxWorkFactor {
		return fmt.Errorf("%w: %d is not between %d and %d", ErrWorkFactor, logN, MinWorkFactor, MaxWorkFactor)
	}
	return nil
}

// testOnlyClockShift, when non-zero, is added to the clock this package
// reads (see now). It is set only through SetTestOnlyClock.
var testOnlyClockShift atomic.Int64

// SetTestOnlyClock moves the clock this package reads (slot creation
// times, setup code expiry) by shift, and returns a function that undoes
// it. It lets the tests of other packages see a setup code expire without
// waiting a week. Like SetTestOnlyWorkFactor, it does nothing outside a
// test binary.
func SetTestOnlyClock(shift time.Duration) (restore func()) {
	if !testing.Testing() {
		return func() {}
	}
	old := testOnlyClockShift.Swap(int64(shift))
	return func() { testOnlyClockShift.Store(old) }
}
