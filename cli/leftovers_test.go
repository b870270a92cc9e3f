package cli

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"msprecords/crypto"
)

// tempFilesIn returns the names of the temporary files of atomic writers
// in dir.
func tempFilesIn(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var temps []string
	for _, e := range entries {
		if crypto.IsTempName(e.Name()) {
			temps = append(temps, e.Name())
		}
	}
	return temps
}

func wantEmptyFolder(t *testing.T, dir string) {
	t.Helper()
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("%s holds %q; want nothing", filepath.Base(dir), names)
	}
}

// TestFailedWriteLeavesNothing: a write that fails part way (here the
// drive, by the test hook, after the first bytes) leaves no temporary file
// and no output, for each command that writes a file.
func TestFailedWriteLeavesNothing(t *testing.T) {
	v := newVault(t, "Alice", "alice's passphrase")
	ok(t, v.args("demo", "--cases", "3")...)
	gone := errors.New("the drive was disconnected")
	afterWriteTestHook = func(int64) error { return gone }
	defer func() { afterWriteTestHook = nil }()
	for _, cmd := range [][]string{
		{"export-json", "--out"},
		{"backup", "--out"},
		{"stats", "--year", "2025-26", "--out"},
		{"audit", "--sample", "1", "--seed", "1", "--out"},
	} {
		t.Run(cmd[0], func(t *testing.T) {
			out := t.TempDir()
			fails(t, "the drive was disconnected", v.args(append(cmd, filepath.Join(out, "file"))...)...)
			wantEmptyFolder(t, out)
		})
	}
}

// TestVerifyStrayFiles: verify lists what in the vault folder is none of
// its parts, with what it probably is, without failing; --remove-stray
// removes each and says so.
func TestVerifyStrayFiles(t *testing.T) {
	v := newVault(t, "Alice", "alice's passphrase")
	ok(t, v.args("demo", "--cases", "2")...)
	if got := ok(t, v.args("verify")...); !strings.Contains(got, "Stray files: none\n") {
		t.Errorf("verify of a new vault said %q", got)
	}
	temp, err := crypto.TempName()
	if err != nil {
		t.Fatal(err)
	}
	for _, rel := range []string{"db/notes.txt", "db/" + temp, "slots/.hidden.json", "Copy of vault.json"} {
		if err := os.WriteFile(filepath.Join(v.dir, filepath.FromSlash(rel)), []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(v.dir, "old"), 0o700); err != nil {
		t.Fatal(err)
	}
	got := ok(t, v.args("verify")...)
	for _, want := range []string{
		"Stray files: 5 items in the vault folder that MSP Records does not use:\n",
		"  Copy of vault.json: not a file MSP Records writes; perhaps copied there by hand or by another program\n",
		"  db/" + temp + ": a temporary file left by an interrupted save, which the vault does not use\n",
		"  db/notes.txt: not a file",
		"  old: a folder MSP Records never makes here",
		"  slots/.hidden.json: not a file",
		"Run 'msprecords verify --remove-stray' to remove them",
		"Everything checked is in order.\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("verify did not say %q:\n%s", want, got)
		}
	}
	got = ok(t, v.args("verify", "--remove-stray")...)
	if n := strings.Count(got, "Removed: "); n != 5 || !strings.Contains(got, "Removed: db/notes.txt (not a file") {
		t.Errorf("verify --remove-stray said:\n%s", got)
	}
	if got := ok(t, v.args("verify")...); !strings.Contains(got, "Stray files: none\n") {
		t.Errorf("verify after --remove-stray said %q", got)
	}
	ok(t, v.args("list")...)
	if r := msp(t, "", "verify", "--help"); !strings.Contains(r.stdout, "verify [--remove-stray]") {
		t.Errorf("verify --help does not show the flag: %q", r.stdout)
	}
}

// TestUnlockRemovesSlotTemp: listing the slots never shows an unfinished
// slot in slots/, and it is gone once any command takes the vault's lock.
func TestUnlockRemovesSlotTemp(t *testing.T) {
	v := newVault(t, "Alice", "alice's passphrase")
	temp, err := crypto.TempName()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(v.dir, "slots", temp)
	data, err := os.ReadFile(recoverySlotPath(t, v))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	got := ok(t, v.args("slots", "list")...)
	if strings.Count(got, "\n") != 2 {
		t.Errorf("slots list shows the unfinished slot: %q", got)
	}
	ok(t, v.args("list")...) // takes the vault's lock
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("the unfinished slot is still there: %v", err)
	}
}
