// Command msprecords keeps adult safeguarding enquiry records, Making
// Safeguarding Personal, in an encrypted vault on this computer. With no
// arguments it opens the window; with a command it runs the command line
// (msprecords help lists the commands).
package main

import (
	"fmt"
	"os"

	_ "msprecords/cli/quietlog" // first: keeps stderr to one line for the command line

	"msprecords/app"
	"msprecords/cli"
)

func main() {
	if len(os.Args) > 1 {
		os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(runWindow())
}

// runWindow opens the window on the default vault: the one place the GUI
// is wired in.
func runWindow() int {
	if err := app.Run(cli.DefaultVaultDir()); err != nil {
		fmt.Fprintln(os.Stderr, "msprecords:", err)
		return 1
	}
	return 0
}
