package userwords

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"msprecords/crypto"
	"msprecords/records"
	"msprecords/store"
)

// TestEveryLine checks each line of the table in both front ends: a
// wrapped error gets its sentence, without the developer's detail (with
// it for the lines whose detail names who or what), and no
// two errors share a sentence unless they mean the same thing.
func TestEveryLine(t *testing.T) {
	seen := map[string]error{}
	for _, e := range table {
		t.Run(e.err.Error(), func(t *testing.T) {
			wrapped := fmt.Errorf("%w: detail for developers", e.err)
			window, cli := Window.Message(wrapped), CommandLine("/v").Message(wrapped)
			for _, got := range []string{window, cli} {
				if e.detail != strings.Contains(got, "detail for developers") || strings.Contains(got, folderWord) || got == "" {
					t.Errorf("%v gives %q", e.err, got)
				}
			}
			if !strings.HasPrefix(window, strings.ReplaceAll(e.text, folderWord, "this folder")) {
				t.Errorf("window: %q does not start with the table's sentence", window)
			}
			if !strings.EqualFold(window[:1], cli[:1]) || strings.ToUpper(window[:1]) != window[:1] {
				t.Errorf("window %q, command line %q: want the same sentence, capitalised in the window", window, cli)
			}
			if prev, dup := seen[window]; dup && !sameKind(prev, e.err) {
				t.Errorf("%v and %v share the words %q", prev, e.err, window)
			}
			seen[window] = e.err
		})
	}
}

// sameKind allows the two "already open" errors, from the vault lock and
// from the database, to say the same thing.
func sameKind(a, b error) bool {
	inUse := func(e error) bool { return e == crypto.ErrVaultInUse || e == store.ErrStoreInUse }
	return inUse(a) && inUse(b)
}

func TestEachFrontsOwnWords(t *testing.T) {
	for _, tt := range []struct {
		name string
		got  string
		want string
	}{
		{"wrong passphrase, window", Window.Message(crypto.ErrWrongPassphrase),
			"The passphrase is not right for this vault. Check Caps Lock and try again (passphrases are case-sensitive)."},
		{"wrong passphrase, command line", CommandLine("/v").Message(crypto.ErrWrongPassphrase),
			"the passphrase is not right for this vault. Check Caps Lock and try again (passphrases are case-sensitive)."},
		{"no vault, window", Window.Message(crypto.ErrNoVault), "There is no vault in this folder."},
		{"no vault, command line", CommandLine("/v").Message(crypto.ErrNoVault),
			"there is no vault in the folder /v. Create one with 'msprecords init', or name the right folder with --vault."},
		{"a name stays capitalised", CommandLine("").Message(errors.New("MSP went wrong")), "something went wrong: MSP went wrong."},
		{"validation, window", Window.Message(fmt.Errorf("saving: %w", &records.ValidationError{Problems: []records.Problem{{Message: "Enter the person's full name"}}})),
			"Not saved yet: Enter the person's full name."},
		{"validation, command line", CommandLine("").Message(&records.ValidationError{Problems: []records.Problem{{Message: "Enter the person's full name"}}}),
			"the case cannot be saved: Enter the person's full name."},
		{"unknown", Window.Message(errors.New("disk on fire")), "Something went wrong: disk on fire."},
		{"disk full, command line", CommandLine("/v").Message(fmt.Errorf("saving: %w", store.ErrDiskFull)),
			"the disk is full. Nothing was saved: free some space and try again."},
		{"disk full, window", Window.Message(store.ErrDiskFull),
			"The disk is full. Nothing was saved: free some space, and what you typed is saved as soon as there is room."},
		{"disk full at open, not damage", CommandLine("/v").Message(store.AsDiskFull(fmt.Errorf("%w: %v", store.ErrDamagedStore, "write MANIFEST: no space left on device"))),
			"the disk is full. Nothing was saved: free some space and try again."},
		{"nil", Window.Message(nil), ""},
		{"recovery key file damaged", Window.RecoveryKey(crypto.ErrDamagedSlot),
			"The vault's recovery key file is missing or damaged, so the recovery key cannot open it. Another user of this vault can add you again in Settings, or restore the vault from a backup."},
		{"recovery key wrong", Window.RecoveryKey(crypto.ErrWrongRecoveryKey), Window.Message(crypto.ErrWrongRecoveryKey)},
	} {
		if tt.got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}

// TestInternalError checks that an internal error is said as one, with its
// crash report: a line each in the window, one line at the command line.
func TestInternalError(t *testing.T) {
	err := fmt.Errorf("saving: %w", &store.InternalError{Report: []string{"MSP Records v1", "panic: a value of type string", "msprecords/practice.Check (practice/practice.go:10)"}})
	const words = "Something went wrong inside MSP Records (internal error). Nothing was saved. Please report this with the details below:"
	if got, want := Window.Message(err), words+"\nMSP Records v1\npanic: a value of type string\nmsprecords/practice.Check (practice/practice.go:10)"; got != want {
		t.Errorf("window: %q, want %q", got, want)
	}
	if got, want := CommandLine("").Message(err), "s"+words[1:]+" MSP Records v1; panic: a value of type string; msprecords/practice.Check (practice/practice.go:10)"; got != want {
		t.Errorf("command line: %q, want %q", got, want)
	}
	if got := Window.Message(fmt.Errorf("%w: %w", store.ErrDamagedStore, err)); !strings.HasPrefix(got, words) {
		t.Errorf("an internal error wrapped with damage: %q", got)
	}
}
