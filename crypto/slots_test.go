package crypto

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

const (
	bobPass    = "bob's own passphrase"
	newPass    = "a new passphrase for alice"
	dbFileName = "000001.vlog"
)

// TestSlotLifecycle adds, changes and removes slots, checking after each
// step who can unlock, and at the end that the database folder was never
// touched.
func TestSlotLifecycle(t *testing.T) {
	v, key, _ := newTestVault(t)
	checkDB := watchDBDir(t, v)

	wantErr(t, v.AddSlot(key, "Bob", bobPass, Practitioner), nil)
	wantErr(t, v.AddSlot(key, "bob", "x", Practitioner), ErrSlotExists)
	wantErr(t, v.AddSlot(key, " Bob ", "x", Practitioner), ErrSlotExists)
	wantUsers(t, v, alice, "Bob")
	wantUnlock(t, v, key, "Bob", bobPass, nil)

	wantErr(t, v.ChangePassphrase(key, alice, newPass, nil), nil)
	wantUnlock(t, v, key, alice, alicePass, ErrWrongPassphrase)
	wantUnlock(t, v, key, alice, newPass, nil)
	wantUnlock(t, v, key, "", newPass, nil)
	wantUnlock(t, v, key, "Bob", bobPass, nil)
	wantErr(t, v.ChangePassphrase(key, "Carol", newPass, nil), ErrNoSuchUser)

	wantErr(t, v.RemoveSlot("Nobody"), ErrNoSuchUser)
	wantErr(t, v.RemoveSlot(""), ErrNoSuchUser)
	wantErr(t, v.RemoveSlot("bob"), nil)
	wantUnlock(t, v, key, "Bob", bobPass, ErrNoSuchUser)
	wantUnlock(t, v, key, "", bobPass, ErrWrongPassphrase)
	wantErr(t, v.RemoveSlot(alice), ErrLastSlot)
	wantUnlock(t, v, key, alice, newPass, nil)
	wantUsers(t, v, alice)

	_, err := v.ReplaceRecoveryKey(key)
	wantErr(t, err, nil)
	checkDB()
}

// watchDBDir puts a file in the vault's database folder and returns a
// check that its bytes, time and the folder's listing are unchanged.
func watchDBDir(t *testing.T, v *Vault) func() {
	t.Helper()
	if err := os.Mkdir(v.DBDir(), 0o700); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(v.DBDir(), dbFileName)
	content := []byte("encrypted database bytes")
	writeFile(t, path, content)
	mtime := time.Date(2025, 6, 4, 10, 0, 0, 0, time.UTC)
	if err := os.Chtimes(path, mtime, mtime); err != nil {
		t.Fatal(err)
	}
	return func() {
		t.Helper()
		entries, err := os.ReadDir(v.DBDir())
		if err != nil || len(entries) != 1 || entries[0].Name() != dbFileName {
			t.Fatalf("db folder changed: %v, %v", entries, err)
		}
		info, err := os.Stat(path)
		if err != nil || !info.ModTime().Equal(mtime) {
			t.Errorf("db file time changed: %v, %v", info.ModTime(), err)
		}
		if !bytes.Equal(readFile(t, path), content) {
			t.Error("db file content changed")
		}
	}
}

func wantUsers(t *testing.T, v *Vault, want ...string) {
	t.Helper()
	got, err := v.Users()
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("Users = %q, %v; want %q", got, err, want)
	}
}

func wantUnlock(t *testing.T, v *Vault, key MasterKey, label, pass string, want error) {
	t.Helper()
	u, err := v.Unlock(label, pass)
	got := u.Key
	switch {
	case want == nil && err != nil, want != nil && !errors.Is(err, want):
		t.Errorf("Unlock(%q, %q) = %v, want %v", label, pass, err, want)
	case want == nil && !key.isZero() && got != key:
		t.Errorf("Unlock(%q) opened another key", label)
	}
}

func TestChangePassphraseKeepsSlot(t *testing.T) {
	v, key, _ := newTestVault(t)
	before, _ := v.Slots()
	path := slotFileOf(t, v, alice)
	old := readFile(t, path)
	u, err := v.Unlock(alice, alicePass)
	if err != nil {
		t.Fatal(err)
	}
	if err := v.ChangePassphrase(key, "alice", newPass, u.Identity); err != nil {
		t.Fatal(err)
	}
	after, _ := v.Slots()
	if !slices.Equal(before, after) {
		t.Errorf("Slots changed: %+v, then %+v", before, after)
	}
	if bytes.Equal(old, readFile(t, path)) {
		t.Error("slot file not rewritten")
	}
	wantNoTempFiles(t, v.slotsDir())
}

func TestReplaceRecoveryKey(t *testing.T) {
	v, key, oldRecovery := newTestVault(t)
	newRecovery, err := v.ReplaceRecoveryKey(key)
	if err != nil {
		t.Fatal(err)
	}
	if newRecovery == oldRecovery {
		t.Fatal("same recovery key")
	}
	_, err = v.UnlockWithRecoveryKey(oldRecovery)
	wantErr(t, err, ErrWrongRecoveryKey)
	got, err := v.UnlockWithRecoveryKey(newRecovery)
	if err != nil || got.Key != key {
		t.Errorf("new recovery key: %v", err)
	}
	recoverySlotFile(t, v) // exactly one
}

func TestReplaceDamagedRecoverySlot(t *testing.T) {
	v, key, _ := newTestVault(t)
	writeFile(t, recoverySlotFile(t, v), []byte("garbage"))
	recovery, err := v.ReplaceRecoveryKey(key)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := v.UnlockWithRecoveryKey(recovery); err != nil {
		t.Errorf("new recovery key: %v", err)
	}
}

func TestZeroKeyRefused(t *testing.T) {
	v, _, _ := newTestVault(t)
	var zero MasterKey
	if err := v.AddSlot(zero, "Bob", bobPass, Practitioner); err == nil {
		t.Error("AddSlot sealed the zero key")
	}
	if err := v.ChangePassphrase(zero, alice, newPass, nil); err == nil {
		t.Error("ChangePassphrase sealed the zero key")
	}
	if _, err := v.ReplaceRecoveryKey(zero); err == nil {
		t.Error("ReplaceRecoveryKey sealed the zero key")
	}
	wantUnlock(t, v, zero, alice, alicePass, nil) // the zero key skips the key check
}

func TestSlotsOrder(t *testing.T) {
	v, key, _ := newTestVault(t)
	for _, label := range []string{"carol", "Bob", "Zoë", "alice2"} {
		if err := v.AddSlot(key, label, bobPass, Practitioner); err != nil {
			t.Fatal(err)
		}
	}
	wantUsers(t, v, alice, "alice2", "Bob", "carol", "Zoë")
	slots, err := v.Slots()
	if err != nil || len(slots) != 6 || slots[5].Kind != Recovery {
		t.Errorf("Slots = %+v, %v; want the recovery slot last", slots, err)
	}
}

// TestSlotsSkipsStrayFiles checks that temporary files left by a crash,
// and files that are not slots at all, are ignored.
func TestSlotsSkipsStrayFiles(t *testing.T) {
	v, _, _ := newTestVault(t)
	for _, name := range []string{".abc.json.123.tmp", "README.txt", ".hidden.json"} {
		writeFile(t, filepath.Join(v.slotsDir(), name), []byte("junk"))
	}
	if err := os.Mkdir(filepath.Join(v.slotsDir(), "folder"), 0o700); err != nil {
		t.Fatal(err)
	}
	slots, err := v.Slots()
	if err != nil || len(slots) != 2 {
		t.Errorf("Slots = %d slots, %v", len(slots), err)
	}
}

func TestDamagedSlotDoesNotHideOthers(t *testing.T) {
	v, key, _ := newTestVault(t)
	if err := v.AddSlot(key, "Bob", bobPass, Practitioner); err != nil {
		t.Fatal(err)
	}
	writeFile(t, slotFileOf(t, v, "Bob"), []byte("{"))
	users, err := v.Users()
	wantErr(t, err, ErrDamagedSlot)
	if !slices.Equal(users, []string{alice}) {
		t.Errorf("Users = %q", users)
	}
	wantUnlock(t, v, key, "", alicePass, nil)
	wantUnlock(t, v, key, "", bobPass, ErrWrongPassphrase)
	wantErr(t, v.RemoveSlot(alice), ErrLastSlot)
}

// TestSlotWorkFactor checks the work factor written into the scrypt
// stanza: the caller's, or the default (lowered by the test hook) when the
// vault was opened rather than created.
func TestSlotWorkFactor(t *testing.T) {
	v, key, _ := newTestVault(t)
	v.WorkFactor = 12
	if err := v.AddSlot(key, "Bob", bobPass, Practitioner); err != nil {
		t.Fatal(err)
	}
	opened, err := Open(v.Dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := opened.AddSlot(key, "Carol", bobPass, Practitioner); err != nil {
		t.Fatal(err)
	}
	for label, want := range map[string]string{alice: "10", "Bob": "12", "Carol": "10"} {
		if got := scryptWorkFactor(t, slotFileOf(t, v, label)); got != want {
			t.Errorf("%s's slot has work factor %s, want %s", label, got, want)
		}
	}
}

// scryptWorkFactor returns the work factor in a slot file's scrypt stanza.
func scryptWorkFactor(t *testing.T, path string) string {
	t.Helper()
	f, err := decodeSlotFile(readFile(t, path))
	if err != nil {
		t.Fatal(err)
	}
	bin, err := dearmor(f.Age)
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(bin), "\n") {
		if fields := strings.Fields(line); len(fields) == 4 && fields[0] == "->" && fields[1] == "scrypt" {
			return fields[3]
		}
	}
	t.Fatal("no scrypt stanza")
	return ""
}

func TestResolveWorkFactor(t *testing.T) {
	saved := testOnlyWorkFactor.Load()
	defer testOnlyWorkFactor.Store(saved)
	SetTestOnlyWorkFactor(MaxWorkFactor + 1) // out of range: must change nothing
	if got := testOnlyWorkFactor.Load(); got != saved {
		t.Errorf("out-of-range SetTestOnlyWorkFactor changed the hook to %d", got)
	}
	tests := []struct {
		in, hook, want int
		err            error
	}{
		{0, 0, DefaultWorkFactor, nil},
		{0, 12, 12, nil},
		{14, 12, 14, nil},
		{MinWorkFactor, 0, MinWorkFactor, nil},
		{MaxWorkFactor, 0, MaxWorkFactor, nil},
		{MinWorkFactor - 1, 0, 0, ErrWorkFactor},
		{MaxWorkFactor + 1, 0, 0, ErrWorkFactor},
		{31, 0, 0, ErrWorkFactor},
		{-5, 0, 0, ErrWorkFactor},
	}
	for _, tt := range tests {
		testOnlyWorkFactor.Store(int32(tt.hook))
		got, err := resolveWorkFactor(tt.in)
		if tt.err != nil {
			wantErr(t, err, tt.err)
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("resolveWorkFactor(%d) with hook %d = %d, %v; want %d", tt.in, tt.hook, got, err, tt.want)
		}
	}
}
