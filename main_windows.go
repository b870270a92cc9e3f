package main

import (
	"os"

	"golang.org/x/sys/windows"
)

// useParentConsole lets the command line print in the Command Prompt or
// PowerShell window it was typed in. msprecords.exe is a windowed program
// (`fyne package` links it with -H=windowsgui), so that opening it from the
// Start menu shows no black console window beside it; Windows then starts it
// with no console, and without this what a command prints, and its prompt
// for a passphrase, would go nowhere. It attaches to the console of the
// program that started it, if that has one, and uses it for each of standard
// input, output and error that was not redirected to a file or a pipe.
// Started any other way (from Explorer, or with everything redirected), it
// changes nothing.
func useParentConsole() {
	const attachParentProcess = ^uintptr(0) // ATTACH_PARENT_PROCESS
	std := []struct {
		id      uint32
		file    **os.File
		console string
	}{
		{windows.STD_INPUT_HANDLE, &os.Stdin, "CONIN$"},
		{windows.STD_OUTPUT_HANDLE, &os.Stdout, "CONOUT$"},
		{windows.STD_ERROR_HANDLE, &os.Stderr, "CONOUT$"},
	}
	var missing []int
	for i, s := range std {
		if h, err := windows.GetStdHandle(s.id); err != nil || h == 0 || h == windows.InvalidHandle {
			missing = append(missing, i)
		}
	}
	if len(missing) == 0 {
		return
	}
	attach := windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")
	if attach.Find() != nil {
		return
	}
	if ok, _, _ := attach.Call(attachParentProcess); ok == 0 {
		return // no console to attach to: started from Explorer
	}
	for _, i := range missing {
		f, err := os.OpenFile(std[i].console, os.O_RDWR, 0)
		if err != nil {
			continue
		}
		_ = windows.SetStdHandle(std[i].id, windows.Handle(f.Fd()))
		*std[i].file = f
	}
}
