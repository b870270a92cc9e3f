// Package quietlog silences the standard logger when the binary runs as a
// command line, before other packages' init functions can write to it.
//
// Why: Fyne's lang package logs "Error parsing user locale C" from its init
// function when LANG is C.UTF-8 (the default in many containers and CI
// machines), which would break the command line's promise of exactly one
// line on stderr when a command fails. The command line itself never uses
// the standard logger, so nothing of ours is lost; the window (no
// arguments) keeps Fyne's log.
//
// main imports it for its side effect only. Go initialises packages in
// dependency order, and among packages ready at the same time in import-path
// order; this package needs only io, log and os, so its init runs before
// Fyne's lang package, whose dependencies take longer to be ready. (Checked
// by running "LANG=C.UTF-8 msprecords help" and finding stderr empty.)
package quietlog

import (
	"io"
	"log"
	"os"
)

func init() {
	if len(os.Args) > 1 {
		log.SetOutput(io.Discard)
	}
}
