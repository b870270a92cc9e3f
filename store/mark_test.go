package store

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"msprecords/practice"

	badger "github.com/dgraph-io/badger/v4"
)

// markedStore is a closed store with a few cases, and the head its mark
// should name.
func markedStore(t *testing.T) (string, [32]byte, auditHead) {
	t.Helper()
	s, dir, key := newTestStore(t)
	for _, name := range []string{"Ann Able", "Ben Bold", "Cat Cole"} {
		mustCreate(t, s, name)
	}
	head := s.mark.last.head()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return dir, key, head
}

// readMark reads the mark of a closed store with its key.
func readMark(t *testing.T, dir string, key [32]byte) (markRecord, markState) {
	t.Helper()
	mk, err := markKey(key[:])
	if err != nil {
		t.Fatal(err)
	}
	rec, state, err := readMarkFile(dir, mk)
	if err != nil {
		t.Fatal(err)
	}
	return rec, state
}

// openNoLoss opens a store that must report no loss and verify clean.
func openNoLoss(t *testing.T, dir string, key [32]byte) *Store {
	t.Helper()
	s, err := Open(dir, key, "u", practice.DefaultOptions())
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	if l := s.LostChanges(); l != nil {
		t.Errorf("LostChanges = %+v, want none", l)
	}
	if r, err := s.Verify(); err != nil || !r.OK() {
		t.Errorf("Verify = %v, %q", err, r.Problems)
	}
	return s
}

// TestMarkFollowsCommits: every commit that appends to the audit trail
// moves the mark, in alternate slots; a clean close and reopen finds no loss.
func TestMarkFollowsCommits(t *testing.T) {
	s, dir, key := newTestStore(t)
	for i, name := range []string{"Ann Able", "Ben Bold", "Cat Cole"} {
		c := mustCreate(t, s, name)
		var head auditHead
		if err := view(s.db, func(txn *badger.Txn) (err error) { head, err = readHead(txn); return err }); err != nil {
			t.Fatal(err)
		}
		rec, state := readMark(t, dir, key)
		if state != markValid || rec.head() != head {
			t.Fatalf("after save %d the mark names %+v (%d), want %+v", i+1, rec.head(), state, head)
		}
		if err := s.Delete(c.ID); err != nil {
			t.Fatal(err)
		}
	}
	gen := s.mark.last.Gen
	s.Close()
	s = openNoLoss(t, dir, key)
	if s.mark.last.Gen != gen {
		t.Errorf("a clean reopen rewrote the mark (generation %d, was %d)", s.mark.last.Gen, gen)
	}
}

// TestOpenWithoutMark: a database made by a version without the mark opens
// with no loss, and gets one.
func TestOpenWithoutMark(t *testing.T) {
	dir, key, head := markedStore(t)
	if err := os.Remove(filepath.Join(dir, markName)); err != nil {
		t.Fatal(err)
	}
	s := openNoLoss(t, dir, key)
	s.Close()
	if rec, state := readMark(t, dir, key); state != markValid || rec.head() != head {
		t.Errorf("the mark written at open names %+v (%d), want %+v", rec.head(), state, head)
	}
}

// TestMarkBehind: a mark one commit behind (the computer stopped between a
// commit and the mark's write) is no loss.
func TestMarkBehind(t *testing.T) {
	dir, key, head := markedStore(t)
	old, err := os.ReadFile(filepath.Join(dir, markName))
	if err != nil {
		t.Fatal(err)
	}
	s := openNoLoss(t, dir, key)
	mustCreate(t, s, "Dan Dale")
	s.Close()
	if err := os.WriteFile(filepath.Join(dir, markName), old, 0o600); err != nil {
		t.Fatal(err)
	}
	s = openNoLoss(t, dir, key)
	if got := s.mark.last.head(); got.Seq != head.Seq+1 {
		t.Errorf("the mark behind was not brought up to the head: %+v", got)
	}
}

// TestTornMark: one record damaged (a torn write) leaves the other, which
// is one commit older or the newer one; both damaged is reported as damage,
// not as a loss, and the mark is written again.
func TestTornMark(t *testing.T) {
	dir, key, head := markedStore(t)
	rec, _ := readMark(t, dir, key)
	for _, slot := range []string{"newer", "older", "both"} {
		t.Run(slot, func(t *testing.T) {
			d := copyDir(t, dir)
			newer := slotOffset(rec.Gen)
			switch slot {
			case "newer":
				damageMark(t, d, newer+offSeq)
			case "older":
				damageMark(t, d, slotOffset(rec.Gen+1)+offSeq)
			case "both":
				damageMark(t, d, newer+offSeq)
				damageMark(t, d, slotOffset(rec.Gen+1)+offHash)
			}
			if slot != "both" {
				openNoLoss(t, d, key)
				return
			}
			checkUnchecked(t, d, key, LossUnchecked, "was found damaged on")
			if got, state := readMark(t, d, key); state != markValid || got.Seq != head.Seq+1 {
				t.Errorf("the damaged mark was written again as %+v (%d)", got.head(), state)
			}
		})
	}
	t.Run("emptied", func(t *testing.T) {
		d := copyDir(t, dir)
		if err := os.Truncate(filepath.Join(d, markName), 0); err != nil {
			t.Fatal(err)
		}
		checkUnchecked(t, d, key, LossUnchecked, "was found damaged on")
	})
}

// damageMark flips a byte of the mark file.
func damageMark(t *testing.T, dir string, off int) {
	t.Helper()
	flipByte(t, filepath.Join(dir, markName), int64(off))
}

// checkUnchecked opens a store whose mark could not be trusted: a report
// of kind, said with want, recorded in the audit trail and by Verify; the
// next open finds the new mark good.
func checkUnchecked(t *testing.T, dir string, key [32]byte, kind, want string) {
	t.Helper()
	s, err := Open(dir, key, "u", practice.DefaultOptions())
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer s.Close()
	loss := s.LostChanges()
	if loss == nil || loss.Kind != kind || loss.Count != 0 || !strings.Contains(loss.Message(), want) {
		t.Fatalf("LostChanges = %+v, want %s saying %q", loss, kind, want)
	}
	if strings.Contains(loss.Message(), "could not be recovered") {
		t.Errorf("a mark that cannot be trusted is said as a loss: %q", loss.Message())
	}
	r, err := s.Verify()
	if err != nil || r.OK() || r.Loss == nil || r.Loss.Kind != kind {
		t.Errorf("Verify = %v, %+v", err, r)
	}
	trail, _ := s.AuditTrail()
	if last := trail[len(trail)-1]; last.Action != AuditChangesUnchecked {
		t.Errorf("the last audit entry is %+v, want %q", last, AuditChangesUnchecked)
	}
	s.Close()
	s2, err := Open(dir, key, "u", practice.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if l := s2.LostChanges(); l != nil {
		t.Errorf("the mark written again is not trusted either: %+v", l)
	}
}

// TestForeignMark: a mark copied in from another vault is intact but not
// made with this vault's key, and is told apart from damage.
func TestForeignMark(t *testing.T) {
	dir, key, _ := markedStore(t)
	other, _, _ := markedStore(t)
	copyFile(t, filepath.Join(other, markName), filepath.Join(dir, markName))
	checkUnchecked(t, dir, key, LossForeign, "belongs to another vault")
}

// TestMarkUnknownVersion: a mark of a version this build does not know
// refuses the open by name rather than being read as damage.
func TestMarkUnknownVersion(t *testing.T) {
	dir, key, _ := markedStore(t)
	path := filepath.Join(dir, markName)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, off := range []int{0, markSlotStride} {
		rec := b[off : off+markRecordSize]
		binary.BigEndian.PutUint32(rec[offVersion:], 2)
		binary.BigEndian.PutUint32(rec[offCRC:], crc32.Checksum(rec[:offCRC], castagnoli))
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = Open(dir, key, "u", practice.DefaultOptions())
	if !errors.Is(err, ErrUnknownSchema) || !strings.Contains(err.Error(), "commit mark (COMMITTED) is version 2") {
		t.Fatalf("Open with a version 2 mark = %v, want ErrUnknownSchema naming it", err)
	}
}

// TestCreateIgnoresStaleMark: a new database gets a new mark, even over a
// mark left in the folder (which names entries the new one never had).
func TestCreateIgnoresStaleMark(t *testing.T) {
	dir, key, _ := markedStore(t)
	fresh := t.TempDir()
	copyFile(t, filepath.Join(dir, markName), filepath.Join(fresh, markName))
	s, err := Create(fresh, key, "u", practice.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if l := s.LostChanges(); l != nil {
		t.Errorf("a new database over a stale mark reports %+v", l)
	}
	if got := s.mark.last.head(); got != (auditHead{}) {
		t.Errorf("the new database's mark names %+v", got)
	}
}

// BenchmarkMarkAdvance measures what the mark adds to a commit: one
// record written in place and flushed.
func BenchmarkMarkAdvance(b *testing.B) {
	dir := b.TempDir()
	m, err := createMark(dir, make([]byte, 32), auditHead{}, nowUTC())
	if err != nil {
		b.Fatal(err)
	}
	defer m.close()
	head := auditHead{Hash: strings.Repeat("ab", 32)}
	cpu := startCPU()
	for b.Loop() {
		head.Seq++
		if err := m.advance(head); err != nil {
			b.Fatal(err)
		}
	}
	cpu.report(b)
}
