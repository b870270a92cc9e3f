package cli

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"
)

// Env is where a command reads and writes: the standard streams of the
// process, or buffers in tests.
type Env struct {
	stdin    io.Reader
	stdout   io.Writer
	stderr   io.Writer
	lines    *bufio.Reader // stdin read line by line when it is not a terminal
	vaultDir string        // the vault being worked on, for messages
}

func newEnv(stdin io.Reader, stdout, stderr io.Writer) *Env {
	if stdin == nil {
		stdin = strings.NewReader("")
	}
	return &Env{stdin: stdin, stdout: stdout, stderr: stderr}
}

// fail prints the one line a failure gets and returns the exit status.
func (env *Env) fail(status int, msg string) int {
	msg = strings.Join(strings.Fields(msg), " ") // one line, whatever the message held
	fmt.Fprintln(env.stderr, "msprecords: "+msg)
	return status
}

// printf writes to stdout.
func (env *Env) printf(format string, args ...any) {
	fmt.Fprintf(env.stdout, format, args...)
}

// terminal returns the file descriptor of stdin when it is a terminal.
func (env *Env) terminal() (int, bool) {
	f, ok := env.stdin.(*os.File)
	if !ok {
		return 0, false
	}
	fd := int(f.Fd())
	return fd, term.IsTerminal(fd)
}

// readLine reads one line of stdin, without its line ending.
func (env *Env) readLine() (string, error) {
	if env.lines == nil {
		env.lines = bufio.NewReader(env.stdin)
	}
	line, err := env.lines.ReadString('\n')
	if err == io.EOF && line != "" {
		err = nil
	}
	return strings.TrimRight(line, "\r\n"), err
}

// printErrLine writes a note for the person at the keyboard on stderr,
// where it does not mix with output meant for scripts.
func (env *Env) printErrLine(s string) {
	fmt.Fprintln(env.stderr, s)
}

// stdoutIsTerminal reports whether a person, not a script, reads stdout.
func (env *Env) stdoutIsTerminal() bool {
	f, ok := env.stdout.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
