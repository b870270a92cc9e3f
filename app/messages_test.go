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

func TestMessageFor(t *testing.T) {
	seen := map[string]error{}
	for _, m := range errorMessages {
		wrapped := fmt.Errorf("%w: detail for developers", m.err)
		got := messageFor(wrapped)
		if got != m.text || strings.Contains(got, "detail for developers") {
			t.Errorf("messageFor(%v) = %q", wrapped, got)
		}
		if prev, dup := seen[got]; dup && !sameKind(prev, m.err) {
			t.Errorf("%v and %v share the message %q", prev, m.err, got)
		}
		seen[got] = m.err
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
}

// sameKind allows the two "already open" errors, from the vault lock and
// from the database, to say the same thing.
func sameKind(a, b error) bool {
	inUse := func(e error) bool { return e == crypto.ErrVaultInUse || e == store.ErrStoreInUse }
	return inUse(a) && inUse(b)
}
