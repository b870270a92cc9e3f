package app

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"msprecords/crypto"
	"msprecords/records"
	"msprecords/store"
)

// TestMessageFor checks a few of the window's words; package userwords
// tests the whole table.
func TestMessageFor(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want string
	}{
		{fmt.Errorf("%w: detail for developers", crypto.ErrWrongPassphrase), "The passphrase is not right for this vault. Check Caps Lock and try again (passphrases are case-sensitive)."},
		{crypto.ErrNoVault, "There is no vault in this folder."},
		{store.ErrDuplicateReference, "Another case already has this reference. Choose another, or leave it blank to number the case automatically."},
	} {
		if got := messageFor(tt.err); got != tt.want {
			t.Errorf("messageFor(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
	v := &records.ValidationError{Problems: []records.Problem{{Message: "Enter the person's full name"}, {Message: "Date closed must be today or in the past"}}}
	if got := messageFor(fmt.Errorf("saving: %w", v)); got != "Not saved yet: Enter the person's full name; Date closed must be today or in the past." {
		t.Errorf("validation message: %q", got)
	}
	if got := messageFor(errors.New("disk full")); !strings.Contains(got, "disk full") {
		t.Errorf("unknown error: %q", got)
	}
	if messageFor(nil) != "" {
		t.Error("messageFor(nil) is not empty")
	}
	if got := recoveryKeyMessage(crypto.ErrDamagedSlot); !strings.Contains(got, "recovery key file is missing or damaged") {
		t.Errorf("damaged recovery slot: %q", got)
	}
}
