//go:build !windows

package cli

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The killed-command tests run this test binary again as a child that
// runs one command line (cliChildArgsEnv, the arguments separated by
// newlines) whose file write stalls once part of it is written, and then
// stop it with a signal.
const cliChildArgsEnv = "MSPRECORDS_CLI_CHILD_ARGS"

// stalledLine is what the child prints once it stalls.
const stalledLine = "stalled part way"

func TestCLIChild(t *testing.T) {
	args := os.Getenv(cliChildArgsEnv)
	if args == "" {
		t.Skip("run only as the child of the killed-command tests")
	}
	afterWriteTestHook = func(written int64) error {
		if written > 0 {
			fmt.Fprintln(os.Stdout, stalledLine)
			select {}
		}
		return nil
	}
	os.Exit(Main(strings.Split(args, "\n"), os.Stdin, os.Stdout, os.Stderr))
}

// stalledChild starts the child on args and returns once it has stalled
// with part of its file written.
func stalledChild(t *testing.T, args []string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCLIChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), cliChildArgsEnv+"="+strings.Join(args, "\n"))
	stderr := new(bytes.Buffer)
	cmd.Stderr = stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	stalled := make(chan bool, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if sc.Text() == stalledLine {
				stalled <- true
			}
		}
		close(stalled)
	}()
	select {
	case ok := <-stalled:
		if !ok {
			cmd.Wait()
			t.Fatalf("the child ended before stalling: %s", stderr.String())
		}
	case <-time.After(60 * time.Second):
		t.Fatalf("the child did not stall within a minute: %s", stderr.String())
	}
	return cmd, stderr
}

// TestKilledCommandLeavesNothing kills export-json and backup part way
// with SIGKILL: the temporary file is in the output folder (export-json's
// holding case data in clear), and the next command that opens the vault
// removes it.
func TestKilledCommandLeavesNothing(t *testing.T) {
	v := newVault(t, "Alice", "alice's passphrase")
	ok(t, v.args("demo", "--cases", "3")...)
	tests := []struct {
		command, inClear string
	}{
		{"export-json", `"format":"msprecords-cases"`},
		{"backup", ""},
	}
	for _, tt := range tests {
		t.Run(tt.command, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "Adult safeguarding")
			if err := os.Mkdir(out, 0o700); err != nil {
				t.Fatal(err)
			}
			cmd, _ := stalledChild(t, v.args(tt.command, "--out", filepath.Join(out, "file")))
			temps := tempFilesIn(t, out)
			if len(temps) != 1 {
				t.Fatalf("the stalled child's folder holds temporary files %q, want one", temps)
			}
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			cmd.Wait()
			data, err := os.ReadFile(filepath.Join(out, temps[0]))
			if err != nil {
				t.Fatalf("the killed command left no temporary file (%v): the test proves nothing", err)
			}
			if tt.inClear != "" && !bytes.Contains(data, []byte(tt.inClear)) {
				t.Errorf("the temporary file does not hold the export in clear: %.60q", data)
			}
			ok(t, v.args("list")...)
			wantEmptyFolder(t, out)
		})
	}
}

// TestInterruptedCommandLeavesNothing stops export-json and backup part
// way with Ctrl+C (SIGINT) and SIGTERM: the command removes its temporary
// file before it ends, says so in one line and exits with 130; the vault
// opens afterwards as ever.
func TestInterruptedCommandLeavesNothing(t *testing.T) {
	v := newVault(t, "Alice", "alice's passphrase")
	ok(t, v.args("demo", "--cases", "3")...)
	for _, command := range []string{"export-json", "backup"} {
		for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
			t.Run(command+" "+sig.String(), func(t *testing.T) {
				out := t.TempDir()
				cmd, stderr := stalledChild(t, v.args(command, "--out", filepath.Join(out, "file")))
				if temps := tempFilesIn(t, out); len(temps) != 1 {
					t.Fatalf("the stalled child's folder holds temporary files %q, want one", temps)
				}
				if err := cmd.Process.Signal(sig); err != nil {
					t.Fatal(err)
				}
				err := cmd.Wait()
				var exit *exec.ExitError
				if !errors.As(err, &exit) || exit.ExitCode() != exitInterrupted {
					t.Errorf("the interrupted command ended with %v, want exit status %d", err, exitInterrupted)
				}
				if want := "msprecords: stopped before finishing: no half-written file was left behind\n"; stderr.String() != want {
					t.Errorf("stderr %q, want %q", stderr.String(), want)
				}
				wantEmptyFolder(t, out)
				ok(t, v.args("list")...)
			})
		}
	}
}
