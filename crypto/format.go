package crypto

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
)

// This file holds what the three JSON formats (vault.json, slot files and
// slot payloads) share: the version check, and bounded reading.

// FormatVersion is the version of passphrase and recovery slot files and
// of the payload inside them (vault.json has HeaderFormat, setup slots
// SetupSlotFormat). Each file says so in a "format" field, and every reader
// refuses a version it does not know with ErrUnknownFormat rather than
// guess.
const FormatVersion = 1

// HeaderFormat is the version of vault.json this release writes. Version
// 2 says that the vault's users have roles and key pairs (roles.go): a
// release from before them refuses the vault by name rather than open it
// and leave restricted cases and roles unenforced. A version 1 vault is
// read, and upgraded by its lead (upgrade.go).
const HeaderFormat = 2

// SetupSlotFormat is the format of setup slot files and of their payloads.
// It is 2 so that releases from before setup codes refuse a setup slot by
// name (ErrUnknownFormat) instead of misreading it as a passphrase slot;
// passphrase and recovery slots stay at FormatVersion, so a vault with no
// setup code waiting is still read by those releases.
const SetupSlotFormat = 2

// slotFormat is the format a slot of kind is written in.
func slotFormat(kind SlotKind) int {
	if kind == Setup {
		return SetupSlotFormat
	}
	return FormatVersion
}

// maxSmallFile bounds what we read of vault.json and slot files. Both are
// well under a kilobyte; the bound keeps a hostile or corrupt file from
// making us read gigabytes.
const maxSmallFile = 64 << 10

// encodeJSON is json.MarshalIndent with a final newline, for files a person
// may open to see what is there.
func encodeJSON(v any) ([]byte, error) {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
}

// errNoFormat is what checkFormatUpTo returns for JSON without a usable
// "format" field: damage, not a newer version.
var errNoFormat = errors.New("no format version")

// checkFormatUpTo looks only at the "format" field of a JSON object, before
// the rest is decoded, so that a file from a newer release is reported as
// such (ErrUnknownFormat, naming the version) even if its other fields have
// changed beyond recognition. Files come in versions 1 to newest; which
// versions fit which contents is for the caller to check. what names the
// kind of file for the message.
func checkFormatUpTo(data []byte, what string, newest int) error {
	var v struct {
		Format *int `json:"format"`
	}
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	switch {
	case v.Format == nil || *v.Format <= 0:
		return errNoFormat
	case *v.Format > newest:
		return fmt.Errorf("%w: %s format %d (this version reads %s)", ErrUnknownFormat, what, *v.Format, formatRange(newest))
	}
	return nil
}

// wrapDamaged passes ErrUnknownFormat through and reports anything else as
// damage of the given kind.
func wrapDamaged(kind, err error) error {
	if errors.Is(err, ErrUnknownFormat) {
		return err
	}
	return fmt.Errorf("%w: %v", kind, err)
}

// readSmallFile reads at most maxSmallFile bytes of path, and fails if the
// file is bigger.
func readSmallFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readSmall(f)
}

// readSmall reads r to the end, failing past maxSmallFile bytes.
func readSmall(r io.Reader) ([]byte, error) {
	var buf bytes.Buffer
	n, err := io.Copy(&buf, io.LimitReader(r, maxSmallFile+1))
	if err != nil {
		return nil, err
	}
	if n > maxSmallFile {
		return nil, fmt.Errorf("larger than %d bytes", maxSmallFile)
	}
	return buf.Bytes(), nil
}

// formatRange names the versions up to newest, for a message.
func formatRange(newest int) string {
	if newest == 1 {
		return "1"
	}
	return fmt.Sprintf("1 to %d", newest)
}
