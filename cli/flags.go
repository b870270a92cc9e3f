package cli

import (
	"flag"
	"fmt"
)

// parseInterleaved parses flags that may come before, between or after
// positional arguments ("show REF --vault DIR" as well as "show --vault DIR
// REF"), which the standard flag package alone does not allow: it stops at
// the first positional argument. Everything after "--" is positional.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		consumed := len(args) - len(rest)
		if consumed > 0 && args[consumed-1] == "--" && !isFlagValue(fs, args, consumed-1) {
			return append(positional, rest...), nil
		}
		if len(rest) == 0 {
			return positional, nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// isFlagValue reports whether args[i] is the value of the flag before it
// ("--user --"), not the end of the flags.
func isFlagValue(fs *flag.FlagSet, args []string, i int) bool {
	if i == 0 {
		return false
	}
	name := args[i-1]
	for len(name) > 0 && name[0] == '-' {
		name = name[1:]
	}
	f := fs.Lookup(name)
	if f == nil {
		return false
	}
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return !ok || !b.IsBoolFlag()
}

// usageError is a command line that cannot be understood: exit status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// usagef returns a usageError.
func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// wantArgs checks the number of positional arguments.
func wantArgs(args []string, n int, what string) error {
	switch {
	case len(args) < n:
		return usagef("give %s", what)
	case len(args) > n:
		return usagef("unexpected argument %q", args[n])
	}
	return nil
}
