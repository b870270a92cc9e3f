//go:build !windows

package main

// useParentConsole is needed on Windows only (main_windows.go): elsewhere a
// program started from a terminal always has it.
func useParentConsole() {}
