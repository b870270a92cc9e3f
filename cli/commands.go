package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

// command is one subcommand, built afresh for each run by its newXCommand.
type command struct {
	usage   string // e.g. "show REF [flags]", after "msprecords "
	summary string
	flags   *flag.FlagSet
	run     func(env *Env, args []string) error
}

// entry is one line of the command table.
type entry struct {
	name    string
	summary string
	build   func() *command
}

// table is the command table, in the order help lists it: one line per
// command, naming its constructor. A new command gets a line here and a
// file cmd_x.go with its newXCommand; there is no other way to add one.
var table = []entry{
	{"init", "create a new vault and print its recovery key", newInitCommand},
	{"passwd", "change a user's passphrase (or set one with the recovery key)", newPasswdCommand},
	{"slots", "add, remove or list the users who can unlock the vault", newSlotsCommand},
	{"demo", "add fictional demonstration cases", newDemoCommand},
	{"list", "list the cases: reference, stage, opened, name", newListCommand},
	{"show", "show the whole of one case as text", newShowCommand},
	{"import", "add the cases of a JSON case file", newImportCommand},
	{"delete", "delete one case (recorded in the audit trail)", newDeleteCommand},
	{"export-json", "save cases as a JSON case file (not encrypted)", newExportJSONCommand},
	{"backup", "save an encrypted backup of the whole vault", newBackupCommand},
	{"restore", "restore a backup into a new vault folder", newRestoreCommand},
	{"verify", "check the vault, its key slots, its cases and its audit trail", newVerifyCommand},
	{"export", "save a meeting pack or report (PDF or HTML)", newExportCommand},
	{"signoff", "sign off the closure of a case, as a safeguarding lead", newSignOffCommand},
	{"audit", "run the practice audit over a sample of cases", newAuditCommand},
	{"audit-trail", "show who did what to which case and when, and check the trail", newTrailCommand},
	{"restrict", "restrict a case to named users, sealed with a key only they hold (leads only)", newRestrictCommand},
	{"unrestrict", "lift a case's restriction (leads only)", newUnrestrictCommand},
	{"access", "say who can read a case", newAccessCommand},
	{"stats", "count cases for the national return", newStatsCommand},
}

// lookup finds a command by name.
func lookup(name string) (entry, bool) {
	for _, e := range table {
		if e.name == name {
			return e, true
		}
	}
	return entry{}, false
}

// newFlagSet returns an empty flag set for a command.
func newFlagSet(name string) *flag.FlagSet {
	return flag.NewFlagSet(name, flag.ContinueOnError)
}

// printHelp prints a command's usage and flags.
func (c *command) printHelp(w io.Writer) {
	fmt.Fprintf(w, "Usage: msprecords %s\n\n%s\n\nFlags:\n", c.usage, capitalise(c.summary))
	c.flags.SetOutput(w)
	c.flags.PrintDefaults()
	c.flags.SetOutput(io.Discard)
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:] + "."
}
