package store

import "msprecords/records"

// SetSummariseTestHook makes hook run where a case being written is about
// to be summarised with the practice rules, until the test ends. It exists
// only in this package's test binary.
func SetSummariseTestHook(t interface{ Cleanup(func()) }, hook func(*records.Case)) {
	summariseTestHook = hook
	t.Cleanup(func() { summariseTestHook = nil })
}
