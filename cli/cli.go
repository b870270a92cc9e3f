// Package cli is the command line of MSP Records: the subcommands of the
// msprecords binary, for scripting, support and tests. With no arguments
// the binary opens the window instead (see main.go).
//
// Every command has the same thin shape, after restic: a file cmd_x.go with
// newXCommand, which declares the flags into an options struct, and runX,
// which does the work. Flags may come before or after positional
// arguments. A passphrase comes from --passphrase-file or a prompt, never
// from an argument, where other users of the PC could read it in the
// process list or the shell history.
//
// Exit status: 0 on success, 1 when a command fails, 2 for a command line
// that cannot be understood, 130 when Ctrl+C or a termination signal
// stopped it (any file it was saving is removed unfinished first). A
// failure prints exactly one line on stderr, in plain English.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
)

// Exit statuses.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2

	exitInterrupted = 130 // 128 + SIGINT, as shells report it
)

// Main runs the command line args (without the program name) and returns
// the exit status.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	env := newEnv(stdin, stdout, stderr)
	if len(args) == 0 || isHelp(args[0]) {
		printUsage(stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	e, ok := lookup(args[0])
	if !ok {
		return env.fail(exitUsage, fmt.Sprintf("there is no command %q. Run 'msprecords help' to see the commands.", args[0]))
	}
	defer removeTempsOnSignal(env)()
	return env.run(e.build(), args[1:])
}

// run parses a command's flags and runs it.
func (env *Env) run(cmd *command, args []string) int {
	cmd.flags.SetOutput(io.Discard) // errors are reported in one line below
	pos, err := parseInterleaved(cmd.flags, args)
	if errors.Is(err, flag.ErrHelp) {
		cmd.printHelp(env.stdout)
		return exitOK
	}
	if err != nil {
		return env.fail(exitUsage, fmt.Sprintf("%s. Usage: msprecords %s", err, cmd.usage))
	}
	if err := cmd.run(env, pos); err != nil {
		var ue *usageError
		if errors.As(err, &ue) {
			return env.fail(exitUsage, fmt.Sprintf("%s. Usage: msprecords %s", ue.msg, cmd.usage))
		}
		return env.fail(exitFailure, message(err, env.vaultDir))
	}
	return exitOK
}

func isHelp(arg string) bool {
	return arg == "help" || arg == "-h" || arg == "-help" || arg == "--help"
}

// printUsage lists the commands.
func printUsage(w io.Writer) {
	fmt.Fprintln(w, "MSP Records: adult safeguarding enquiry records, kept encrypted on this computer.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage:")
	fmt.Fprintln(w, "  msprecords                 open the window")
	fmt.Fprintln(w, "  msprecords COMMAND [flags] run a command (flags may come before or after arguments)")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	for _, e := range table {
		fmt.Fprintf(w, "  %-12s %s\n", e.name, e.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Flags every command takes:")
	fmt.Fprintln(w, "  --vault DIR            the vault folder (default "+DefaultVaultDir()+")")
	fmt.Fprintln(w, "  --passphrase-file FILE read the passphrase from the first line of FILE")
	fmt.Fprintln(w, "  --user NAME            unlock with NAME's passphrase (default: try every user)")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run 'msprecords COMMAND --help' for a command's own flags.")
}
