package crypto

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestIsTempName(t *testing.T) {
	name, err := TempName()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		want bool
	}{
		{name, true},
		{".msprecords-0123456789abcdef01234567.tmp", true},
		{".vault.json.123456.tmp", true},    // as earlier versions named them
		{".0a1b.json.4294967295.tmp", true}, // an earlier slot temporary file
		{".msprecords-0123456789ABCDEF01234567.tmp", false},
		{".msprecords-0123.tmp", false},
		{"msprecords-0123456789abcdef01234567.tmp", false},
		{".report.pdf.tmp", false},
		{".report.pdf.12a.tmp", false},
		{"..1.tmp", false},
		{"notes.tmp", false},
		{"0a1b.json", false},
	}
	for _, tt := range tests {
		if got := IsTempName(tt.name); got != tt.want {
			t.Errorf("IsTempName(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// ledgerLog is a TempLedger that checks, at each Begin, that the file is
// not there yet, and keeps what is recorded.
type ledgerLog struct {
	t       *testing.T
	open    []string
	fail    error
	begun   int
	existed bool
}

func (l *ledgerLog) Begin(path string) error {
	l.begun++
	if _, err := os.Lstat(path); err == nil {
		l.existed = true
	}
	if !filepath.IsAbs(path) {
		l.t.Errorf("Begin(%q): not an absolute path", path)
	}
	if l.fail != nil {
		return l.fail
	}
	l.open = append(l.open, path)
	return nil
}

func (l *ledgerLog) End(path string) {
	i := slices.Index(l.open, path)
	if i < 0 {
		l.t.Errorf("End(%q) without Begin", path)
		return
	}
	l.open = slices.Delete(l.open, i, i+1)
}

// TestAtomicFileLedger: the temporary file is named as a temporary file
// with nothing of its real name, recorded before it exists and forgotten
// once committed or abandoned; a ledger that fails stops the write before
// anything is on disk.
func TestAtomicFileLedger(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "Zoë Łukasiewicz pack.pdf")
	l := &ledgerLog{t: t}
	f, err := CreateAtomicWith(path, 0o600, l)
	if err != nil {
		t.Fatal(err)
	}
	base := filepath.Base(f.Name())
	if !IsTempName(base) || strings.Contains(base, "Zo") || strings.Contains(base, "pack") {
		t.Errorf("temporary file %q", base)
	}
	if len(l.open) != 1 || filepath.Base(l.open[0]) != base || l.existed {
		t.Errorf("ledger holds %q (the file existed at Begin: %v)", l.open, l.existed)
	}
	if !TempInUse(f.Name()) {
		t.Error("the file being written is not in use")
	}
	if _, err := f.Write([]byte("pack")); err != nil {
		t.Fatal(err)
	}
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	f.Abandon() // after Commit: does nothing
	if len(l.open) != 0 || TempInUse(f.Name()) {
		t.Errorf("after Commit: ledger holds %q", l.open)
	}
	if got := readFile(t, path); string(got) != "pack" {
		t.Errorf("file holds %q", got)
	}

	f, err = CreateAtomicWith(path, 0o600, l)
	if err != nil {
		t.Fatal(err)
	}
	f.Abandon()
	if len(l.open) != 0 {
		t.Errorf("after Abandon: ledger holds %q", l.open)
	}
	wantNoTempFiles(t, dir)

	l.fail = errors.New("store closed")
	if err := WriteFileAtomicWith(path, []byte("new"), 0o600, l); !errors.Is(err, l.fail) || !errors.Is(err, ErrTempNotRecorded) {
		t.Errorf("WriteFileAtomicWith with a failing ledger: %v", err)
	}
	wantNoTempFiles(t, dir)
	if got := readFile(t, path); string(got) != "pack" {
		t.Errorf("file holds %q after a refused write", got)
	}

	l.fail = nil
	if err := WriteFileAtomicWith(filepath.Join(dir, "missing", "x"), []byte("x"), 0o600, l); err == nil {
		t.Error("writing into a missing folder succeeded")
	}
	if len(l.open) != 0 {
		t.Errorf("after a failed create: ledger holds %q", l.open)
	}
}

// leaveSlotTemp leaves in slots/ exactly what writeSlot leaves when killed
// after its write and before its rename: the complete slot for id (label,
// sealed with passphrase) in the AtomicFile's temporary file.
func leaveSlotTemp(t *testing.T, v *Vault, key MasterKey, id, label, passphrase string) string {
	t.Helper()
	r, err := v.scryptRecipient(passphrase)
	if err != nil {
		t.Fatal(err)
	}
	data, err := v.sealSlotFile(slotFile{ID: id, Kind: Passphrase, Label: label, Created: now()}, key, r, "")
	if err != nil {
		t.Fatal(err)
	}
	f, err := CreateAtomic(v.slotPath(id), 0o600)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write(data); err != nil {
		t.Fatal(err)
	}
	f.Close()
	liveTemps.remove(f.Name()) // the killed process no longer writes it
	return f.Name()
}

// TestInterruptedSlotWriteNeverUnlocks: a slot left half-added (slots add)
// or half-changed (passwd) by a kill holds a complete slot, but it never
// opens the vault under any name the unlock code reads, and the next Lock
// removes it.
func TestInterruptedSlotWriteNeverUnlocks(t *testing.T) {
	v, key, _ := newTestVault(t)
	const newPass = "a new passphrase nobody agreed to"
	newID, err := newID()
	if err != nil {
		t.Fatal(err)
	}
	added := leaveSlotTemp(t, v, key, newID, "Mallory", newPass)
	aliceID := filepath.Base(strings.TrimSuffix(slotFileOf(t, v, alice), ".json"))
	changed := leaveSlotTemp(t, v, key, aliceID, alice, newPass)
	old := filepath.Join(v.slotsDir(), "."+aliceID+".json.1234567.tmp")
	data, err := os.ReadFile(changed)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, old, data) // as an earlier version named it
	other := filepath.Join(v.slotsDir(), "notes.txt")
	writeFile(t, other, []byte("not ours"))

	wantUsers(t, v, alice)
	for _, label := range []string{"", "Mallory", alice} {
		_, err := v.Unlock(label, newPass)
		if err == nil {
			t.Errorf("Unlock(%q) with the interrupted passphrase opened the vault", label)
		}
	}
	wantUnlock(t, v, key, alice, alicePass, nil)

	// The leftover is a whole slot: under its real name it would open.
	// That is what makes leaving it unread, and removing it, matter.
	proof := filepath.Join(t.TempDir(), "vault")
	if err := os.CopyFS(proof, os.DirFS(v.Dir)); err != nil {
		t.Fatal(err)
	}
	pv := &Vault{Dir: proof, Header: v.Header}
	if err := os.Rename(filepath.Join(pv.slotsDir(), filepath.Base(added)), pv.slotPath(newID)); err != nil {
		t.Fatal(err)
	}
	if u, err := pv.Unlock("Mallory", newPass); err != nil || u.Label != "Mallory" {
		t.Fatalf("the simulated leftover is not a complete slot: %v", err)
	}

	lock, err := Lock(v.Dir)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Release()
	for _, p := range []string{added, changed, old} {
		if _, err := os.Lstat(p); !os.IsNotExist(err) {
			t.Errorf("Lock left %s (%v)", filepath.Base(p), err)
		}
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("Lock removed a file that is not a temporary file: %v", err)
	}
	wantUnlock(t, v, key, alice, alicePass, nil)
}

func TestStrayFiles(t *testing.T) {
	v, _, _ := newTestVault(t)
	lock, err := Lock(v.Dir)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Release()
	db := v.DBDir()
	for _, d := range []string{db, filepath.Join(v.Dir, "empty"), filepath.Join(v.Dir, "full")} {
		if err := os.Mkdir(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	temp, _ := TempName()
	for _, p := range []string{
		filepath.Join(db, "MANIFEST"), filepath.Join(db, "notes.txt"), filepath.Join(db, temp),
		filepath.Join(v.slotsDir(), ".hidden.json"), filepath.Join(v.Dir, "full", "x"), filepath.Join(v.Dir, "copy of vault.json"),
	} {
		writeFile(t, p, []byte("x"))
	}
	own := func(name string) bool { return name == "MANIFEST" }
	strays, err := v.StrayFiles(own)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range strays {
		got = append(got, filepath.ToSlash(s.Rel)+map[StrayKind]string{StrayTemp: " temp", StrayOther: ""}[s.Kind]+map[bool]string{true: "/"}[s.Folder])
	}
	want := []string{"copy of vault.json", "db/" + temp + " temp", "db/notes.txt", "empty/", "full/", "slots/.hidden.json"}
	if !slices.Equal(got, want) {
		t.Fatalf("StrayFiles = %q\nwant %q", got, want)
	}
	for _, s := range strays {
		err := v.RemoveStray(s)
		if (err != nil) != (s.Rel == "full") {
			t.Errorf("RemoveStray(%s): %v", s.Rel, err)
		}
	}
	strays, _ = v.StrayFiles(own)
	if len(strays) != 1 || strays[0].Rel != "full" {
		t.Errorf("after removal: %+v", strays)
	}
	for _, rel := range []string{"vault.json", "lock", "slots", "db", "../x"} {
		if v.RemoveStray(Stray{Rel: rel}) == nil {
			t.Errorf("RemoveStray(%s) succeeded", rel)
		}
	}
	wantUsers(t, v, alice)
}
