// Command msprecords keeps adult safeguarding enquiry records, Making
// Safeguarding Personal, in an encrypted vault on this computer. With no
// arguments, or with only --vault DIR, it opens the window; with a command
// it runs the command line (msprecords help lists the commands).
package main

import (
	"fmt"
	"os"
	"strings"

	_ "msprecords/cli/quietlog" // first: keeps stderr to one line for the command line

	"msprecords/app"
	"msprecords/cli"
)

func main() {
	args := os.Args[1:]
	if dir, ok := windowVault(args); ok {
		os.Exit(runWindow(dir))
	}
	useParentConsole()
	os.Exit(cli.Main(args, os.Stdin, os.Stdout, os.Stderr))
}

// windowVault reports whether the arguments ask for the window, and on
// which vault: none (the default vault) or only --vault DIR.
func windowVault(args []string) (string, bool) {
	switch {
	case len(args) == 0:
		return cli.DefaultVaultDir(), true
	case len(args) == 2 && (args[0] == "--vault" || args[0] == "-vault"):
		return args[1], true
	case len(args) == 1 && strings.HasPrefix(args[0], "--vault="):
		return strings.TrimPrefix(args[0], "--vault="), true
	}
	return "", false
}

// runWindow opens the window on a vault: the one place the GUI is wired in.
func runWindow(dir string) int {
	if err := app.Run(dir); err != nil {
		fmt.Fprintln(os.Stderr, "msprecords:", err)
		return 1
	}
	return 0
}
