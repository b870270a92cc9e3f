package store_test

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"msprecords/crypto"
	"msprecords/practice"
	"msprecords/records"
	"msprecords/store"
	"msprecords/userwords"
	"msprecords/vaultopen"
)

// TestPanicDuringSaveIsAnInternalError makes a practice rule panic while a
// case being saved is summarised, and checks that the save fails as an
// internal error (not as a damaged database), that the words a person
// reads say so and carry a crash report without the case's data, and that
// the vault then opens and the case reads as it was.
func TestPanicDuringSaveIsAnInternalError(t *testing.T) {
	const name = "Zoë Łukasiewicz"
	panics := map[string]func(c *records.Case){
		"a rule panics with case data": func(c *records.Case) { panic("rule failed for " + c.Person.Name) },
		"a rule indexes out of range": func(c *records.Case) {
			_ = c.Risks[len(c.Person.Name)]
		},
	}
	for what, hook := range panics {
		t.Run(what, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "vault")
			s, _, err := vaultopen.Create(dir, "Alice", "pass", crypto.MinWorkFactor, practice.DefaultOptions())
			if err != nil {
				t.Fatal(err)
			}
			c := &records.Case{Person: records.Person{Name: name}}
			if err := s.Store.Create(c); err != nil {
				t.Fatal(err)
			}
			store.SetSummariseTestHook(t, hook)
			changed := *c
			changed.Person.PreferredName = "Zo"
			err = s.Store.Save(&changed)
			store.SetSummariseTestHook(t, nil)
			if !errors.Is(err, store.ErrInternal) || errors.Is(err, store.ErrDamagedStore) {
				t.Fatalf("Save gave %v; want ErrInternal and not ErrDamagedStore", err)
			}
			checkWords(t, err, name)
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}

			s, err = vaultopen.Open(dir, "Alice", "pass", practice.DefaultOptions())
			if err != nil {
				t.Fatalf("the vault does not open after the panic: %v", err)
			}
			defer s.Close()
			got, err := s.Store.Get(c.ID)
			if err != nil {
				t.Fatalf("the case does not read after the panic: %v", err)
			}
			if got.Person.Name != name || got.Person.PreferredName != "" || got.Revision != c.Revision {
				t.Errorf("after the failed save the case reads %q (%q), revision %d", got.Person.Name, got.Person.PreferredName, got.Revision)
			}
		})
	}
}

// checkWords checks what the window and the command line say for an
// internal error: the internal-error words, a report that points at the
// panic, and nothing of the case.
func checkWords(t *testing.T, err error, name string) {
	t.Helper()
	window, cli := userwords.Window.Message(err), userwords.CommandLine("").Message(err)
	t.Logf("the window says:\n%s", window)
	const words = "Something went wrong inside MSP Records (internal error). Nothing was saved. Please report this with the details below:"
	if !strings.HasPrefix(window, words) || !strings.HasPrefix(cli, "s"+words[1:]) {
		t.Errorf("the words are\n%s\nand\n%s", window, cli)
	}
	if !strings.Contains(window, "msprecords/store.(*Store).Save") || !strings.Contains(window, "store/store_case.go:") {
		t.Errorf("the crash report does not show where the panic was:\n%s", window)
	}
	for _, leak := range []string{name, "Łukasiewicz", "rule failed"} {
		if strings.Contains(window, leak) || strings.Contains(cli, leak) || strings.Contains(err.Error(), leak) {
			t.Errorf("the crash report holds %q:\n%s", leak, window)
		}
	}
	if strings.Count(cli, "\n") != 0 {
		t.Errorf("the command line's words are more than one line: %q", cli)
	}
}
