package store

import (
	"os"
	"path/filepath"
	"testing"

	"msprecords/crypto"
)

// plantTemp does what crypto.CreateAtomicWith does before a kill: the
// temporary file's path recorded in st's ledger, then the file made with
// case data in it. (A writer in this process would also mark the file as
// in use, which a kill clears.)
func plantTemp(t *testing.T, st *Store, dir string) string {
	t.Helper()
	name, err := crypto.TempName()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := st.TempLedger().Begin(path); err != nil {
		t.Fatalf("Begin: %v", err)
	}
	if err := os.WriteFile(path, []byte(`{"person":"Zoë Łukasiewicz"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func ledgerRecords(t *testing.T, st *Store) map[string]string {
	t.Helper()
	db, err := st.use()
	if err != nil {
		t.Fatal(err)
	}
	defer st.done()
	recs, err := recordedTemps(db)
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

func wantGone(t *testing.T, path string) {
	t.Helper()
	if _, err := os.Lstat(path); !os.IsNotExist(err) {
		t.Errorf("%s is still there (%v)", filepath.Base(path), err)
	}
}

func wantThere(t *testing.T, path string) {
	t.Helper()
	if _, err := os.Lstat(path); err != nil {
		t.Errorf("%s: %v", filepath.Base(path), err)
	}
}

// TestOpenRemovesRecordedTemps: what a kill leaves recorded is removed at
// the next open and its record deleted; what the ledger must not touch is
// left alone.
func TestOpenRemovesRecordedTemps(t *testing.T) {
	st, dir, key := newTestStore(t)
	out := t.TempDir()
	left := plantTemp(t, st, out)
	left2 := plantTemp(t, st, out)

	// A record naming a file that is not a temporary file (a damaged
	// record) never removes it.
	notTemp := filepath.Join(out, "Zoë's pack.pdf")
	if err := os.WriteFile(notTemp, []byte("pack"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := st.TempLedger().Begin(notTemp); err != nil {
		t.Fatal(err)
	}
	// A temporary file in a folder that is not there (a USB drive taken
	// out) stays on record for when it comes back.
	away := filepath.Join(t.TempDir(), "usb")
	if err := os.Mkdir(away, 0o700); err != nil {
		t.Fatal(err)
	}
	onDrive := plantTemp(t, st, away)
	if err := os.Rename(away, away+"-out"); err != nil {
		t.Fatal(err)
	}
	// A temporary file this process is still writing stays too.
	live, err := crypto.CreateAtomicWith(filepath.Join(out, "backup"), 0o600, st.TempLedger())
	if err != nil {
		t.Fatal(err)
	}
	if n := len(ledgerRecords(t, st)); n != 5 {
		t.Fatalf("%d records, want 5", n)
	}

	st = reopen(t, st, dir, key)
	wantGone(t, left)
	wantGone(t, left2)
	wantThere(t, notTemp)
	wantThere(t, live.Name())
	recs := ledgerRecords(t, st)
	if len(recs) != 2 {
		t.Errorf("records after open: %v; want the USB drive's and the live one's", recs)
	}

	// The drive is back: the next open removes its temporary file.
	if err := os.Rename(away+"-out", away); err != nil {
		t.Fatal(err)
	}
	live.Abandon()
	wantGone(t, live.Name())
	st = reopen(t, st, dir, key)
	wantGone(t, onDrive)
	if recs := ledgerRecords(t, st); len(recs) != 0 {
		t.Errorf("records left: %v", recs)
	}
}

// TestLedgerForgetsFinishedTemps: a committed, an abandoned and a failed
// write each leave no record and no file.
func TestLedgerForgetsFinishedTemps(t *testing.T) {
	st, _, _ := newTestStore(t)
	out := t.TempDir()
	path := filepath.Join(out, "cases.json")
	if err := crypto.WriteFileAtomicWith(path, []byte("{}"), 0o600, st.TempLedger()); err != nil {
		t.Fatal(err)
	}
	f, err := crypto.CreateAtomicWith(path, 0o600, st.TempLedger())
	if err != nil {
		t.Fatal(err)
	}
	if n := len(ledgerRecords(t, st)); n != 1 {
		t.Errorf("%d records while a file is written, want 1", n)
	}
	f.Abandon()
	// The folder is a file: nothing can be created in it.
	if err := crypto.WriteFileAtomicWith(filepath.Join(path, "x"), []byte("{}"), 0o600, st.TempLedger()); err == nil {
		t.Error("writing into a file succeeded")
	}
	if recs := ledgerRecords(t, st); len(recs) != 0 {
		t.Errorf("records left: %v", recs)
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 1 || entries[0].Name() != "cases.json" {
		t.Errorf("folder holds %v, want cases.json alone", entries)
	}
}

// TestLedgerOfClosedStore: a write begun on a closed store fails before
// any file is made, and one ended after the close leaves a record that
// names nothing.
func TestLedgerOfClosedStore(t *testing.T) {
	st, _, _ := newTestStore(t)
	st.Close()
	out := t.TempDir()
	if err := crypto.WriteFileAtomicWith(filepath.Join(out, "pack.pdf"), []byte("x"), 0o600, st.TempLedger()); err == nil {
		t.Error("a write recorded in a closed store succeeded")
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
	var none *Store
	if none.TempLedger() != nil {
		t.Error("a nil store gave a ledger")
	}
}

func TestIsOwnFile(t *testing.T) {
	st, dir, _ := newTestStore(t)
	if err := st.RecordEvent("test", "", "a write, so that every kind of file is there"); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !IsOwnFile(e.Name()) {
			t.Errorf("the store's own %s is not known as its own", e.Name())
		}
	}
	for _, name := range []string{"notes.txt", ".msprecords-0123456789abcdef01234567.tmp", "x.sst", ".sst", "000001.sst.bak", "MANIFEST.old"} {
		if IsOwnFile(name) {
			t.Errorf("%s is known as the store's own", name)
		}
	}
}
