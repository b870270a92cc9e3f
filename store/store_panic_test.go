package store

import (
	"errors"
	"runtime"
	"strings"
	"testing"
)

// TestPanicErrorTellsDamageFromBugs checks whose panic is whose: one raised
// inside Badger is a damaged database, one raised in our own code (with
// the standard library or the runtime between) is an internal error.
func TestPanicErrorTellsDamageFromBugs(t *testing.T) {
	frames := func(fns ...string) []runtime.Frame {
		var st []runtime.Frame
		for _, fn := range fns {
			st = append(st, runtime.Frame{Function: fn, File: "/build/x/" + fn + ".go", Line: 1})
		}
		return st
	}
	tests := []struct {
		name    string
		stack   []runtime.Frame
		damaged bool
	}{
		{"badger table", frames("runtime.panicIndex", "github.com/dgraph-io/badger/v4/table.(*Table).block", "msprecords/store.getCase"), true},
		{"ristretto", frames("github.com/dgraph-io/ristretto/v2/z.Calloc", "msprecords/store.view"), true},
		{"our rule", frames("runtime.panicmem", "msprecords/practice.CountGaps", "msprecords/store.summarise"), false},
		{"stdlib called by us", frames("encoding/json.(*encodeState).marshal", "msprecords/store.encodeCase"), false},
		{"stdlib called by badger", frames("encoding/binary.bigEndian.Uint32", "github.com/dgraph-io/badger/v4.(*Txn).Get"), true},
		{"no clue", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := panicError("boom", tt.stack)
			if errors.Is(err, ErrDamagedStore) != tt.damaged || errors.Is(err, ErrInternal) == tt.damaged {
				t.Errorf("gave %v", err)
			}
		})
	}
}

func TestCrashReport(t *testing.T) {
	var r any
	func() {
		defer func() { r = recover() }()
		var m map[string]int
		//lint:ignore SA5000 the panic is what is tested
		m["Zoë"]++
	}()
	report := crashReport(r, []runtime.Frame{{Function: "runtime.mapassign"}, {Function: "msprecords/practice.CountGaps", File: "/home/dev/msprecords/practice/practice.go", Line: 42}})
	want := []string{"panic: a value of type runtime.plainError", "msprecords/practice.CountGaps (practice/practice.go:42)"}
	if len(report) != 3 || !strings.HasPrefix(report[0], "MSP Records ") || report[1] != want[0] || report[2] != want[1] {
		t.Errorf("report %q", report)
	}
	if got := crashReport("secret for Zoë", nil); strings.Contains(strings.Join(got, " "), "Zoë") || got[1] != "panic: a value of type string" {
		t.Errorf("report of a string panic: %q", got)
	}
}
