package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"golang.org/x/term"

	"msprecords/crypto"
)

// maxSecretFile bounds what is read of a passphrase or recovery key file:
// both are a line long, and a wrong file named by mistake (a video, a
// database) should fail at once rather than be read into memory.
const maxSecretFile = 64 << 10

// passphrase gets a passphrase: the first line of file when one is given,
// else a prompt without echo when stdin is a terminal, else one line of
// stdin (so scripts can pipe it in, one line per passphrase asked for).
func (env *Env) passphrase(file, prompt string) (string, error) {
	if file != "" {
		return readPassphraseFile(file)
	}
	if fd, ok := env.terminal(); ok {
		return env.prompt(fd, prompt)
	}
	line, err := env.readLine()
	if line == "" {
		if err != nil && !errors.Is(err, io.EOF) {
			return "", failf("could not read the passphrase: %v", err)
		}
		return "", failf("no passphrase was given: use --passphrase-file FILE, or run the command at a terminal to be asked")
	}
	return line, nil
}

// newPassphrase gets a passphrase that is about to be set. At a terminal
// it is asked for twice, so that a typing mistake cannot lock anyone out.
func (env *Env) newPassphrase(file, prompt string) (string, error) {
	fd, ok := env.terminal()
	if file != "" || !ok {
		return env.passphrase(file, prompt)
	}
	first, err := env.prompt(fd, prompt)
	if err != nil {
		return "", err
	}
	again, err := env.prompt(fd, "Type it again: ")
	if err != nil {
		return "", err
	}
	if first != again {
		return "", failf("the two passphrases were not the same, so nothing was changed")
	}
	return first, nil
}

// prompt asks for a passphrase at the terminal without echoing it.
func (env *Env) prompt(fd int, prompt string) (string, error) {
	fmt.Fprint(env.stderr, prompt)
	b, err := term.ReadPassword(fd)
	fmt.Fprintln(env.stderr)
	if err != nil {
		return "", failf("could not read the passphrase from the terminal: %v", err)
	}
	if len(b) == 0 {
		return "", failf("no passphrase was given")
	}
	return string(b), nil
}

// readPassphraseFile returns the first line of a file, without its line
// ending (and without the byte-order mark some Windows editors add).
func readPassphraseFile(path string) (string, error) {
	data, err := readSecretFile(path, "passphrase file")
	if err != nil {
		return "", err
	}
	line, _, _ := strings.Cut(string(data), "\n")
	line = strings.TrimSuffix(line, "\r")
	if line == "" {
		return "", failf("the passphrase file %s is empty: its first line must be the passphrase", path)
	}
	return line, nil
}

// readRecoveryKeyFile returns the recovery key in a file. The file may be
// the key alone or a note with the key in it, as saved from init.
func readRecoveryKeyFile(path string) (string, error) {
	data, err := readSecretFile(path, "recovery key file")
	if err != nil {
		return "", err
	}
	if key, ok := crypto.FindRecoveryKey(string(data)); ok {
		return key, nil
	}
	return string(data), nil // typed by hand, perhaps in groups: crypto forgives spacing
}

// recoveryKeyPrefix starts every recovery key (an age X25519 identity).
const recoveryKeyPrefix = crypto.RecoveryKeyPrefix

// readSecretFile reads a small file that holds a secret.
func readSecretFile(path, what string) ([]byte, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, failf("the %s %s does not exist", what, path)
	}
	if err != nil {
		return nil, failf("cannot read the %s %s: %v", what, path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxSecretFile+1))
	if err != nil {
		return nil, failf("cannot read the %s %s: %v", what, path, err)
	}
	if len(data) > maxSecretFile {
		return nil, failf("the %s %s is too large to be one: check the file name", what, path)
	}
	return bytes.TrimPrefix(data, []byte("\ufeff")), nil
}
