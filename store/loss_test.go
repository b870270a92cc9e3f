package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"msprecords/practice"
	"msprecords/records"
)

// lossCases is how many cases the crashed stores hold, each saved in a
// commit of its own with one audit entry: enough for the memtable log to
// hold a few hundred commits, few enough to be quick under Wine.
const lossCases = 300

// crashedStore saves n cases (each with a document of docBytes or more)
// and copies the store's folder while it is open, as a crash leaves it:
// the cases are in the memtable log (*.mem) and, for large documents, the
// value log, not yet in tables. It returns the copy and its key.
func crashedStore(t *testing.T, n, docBytes int) (string, [32]byte) {
	t.Helper()
	s, dir, key := newTestStore(t)
	for i := range n {
		c := &records.Case{Person: records.Person{Name: fmt.Sprint("Person ", i)}, Enquiry: records.Enquiry{Stage: records.Stages()[0]}}
		c.Enquiry.Concern = strings.Repeat("A concern. ", docBytes/11)
		if err := s.Create(c); err != nil {
			t.Fatal(err)
		}
	}
	crashed := copyDir(t, dir)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return crashed, key
}

// usedFile returns the file of dir with the given extension and how much
// of it is written: Badger makes its logs at full size, in zeros, and
// writes from the start.
func usedFile(t *testing.T, dir, ext string) (string, int64) {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(dir, "*"+ext))
	if len(paths) == 0 {
		t.Fatalf("no %s file in %s", ext, dir)
	}
	best, bestUsed := "", int64(0)
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		used := int64(len(b))
		for used > 0 && b[used-1] == 0 {
			used--
		}
		if used > bestUsed {
			best, bestUsed = p, used
		}
	}
	return best, bestUsed
}

// flipByte inverts the byte at off in path.
func flipByte(t *testing.T, path string, off int64) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b := make([]byte, 1)
	if _, err := f.ReadAt(b, off); err != nil {
		t.Fatal(err)
	}
	b[0] ^= 0xff
	if _, err := f.WriteAt(b, off); err != nil {
		t.Fatal(err)
	}
}

// damageOffsets are where in a log's written part a byte is damaged.
var damageOffsets = []float64{0.02, 0.25, 0.5, 0.75, 0.98}

// TestLostChangesReported reproduces the finding: a store left by a crash
// with its cases in the memtable log, one byte of the log damaged. Badger
// drops everything after the damage when it opens; the store must then
// refuse to open, or open and say how many changes were lost, with Verify
// reporting it. It must never open with fewer cases as if nothing happened.
func TestLostChangesReported(t *testing.T) {
	crashed, key := crashedStore(t, lossCases, 0)
	mem, used := usedFile(t, crashed, ".mem")
	for _, at := range damageOffsets {
		off := int64(at * float64(used))
		t.Run(fmt.Sprintf("memtable log byte %d of %d", off, used), func(t *testing.T) {
			dir := damagedCopy(t, crashed)
			flipByte(t, filepath.Join(dir, filepath.Base(mem)), off)
			checkNoSilentLoss(t, dir, key, lossCases)
		})
	}
}

// TestDamagedValueLogReported damages the value log of a crashed store
// whose documents are all in it. Badger cuts the last value-log file short
// at the damage, and the documents there can no longer be read: Verify
// reads every case and must say so.
func TestDamagedValueLogReported(t *testing.T) {
	crashed, key := crashedStore(t, lossCases/3, 3*valueThreshold)
	vlog, used := usedFile(t, crashed, ".vlog")
	for _, at := range damageOffsets {
		off := int64(at * float64(used))
		t.Run(fmt.Sprintf("value log byte %d of %d", off, used), func(t *testing.T) {
			dir := damagedCopy(t, crashed)
			flipByte(t, filepath.Join(dir, filepath.Base(vlog)), off)
			s := checkNoSilentLoss(t, dir, key, lossCases/3)
			if s == nil {
				return
			}
			if r, err := s.Verify(); err == nil && r.OK() {
				t.Errorf("the value log was damaged at byte %d, but Verify found nothing wrong", off)
			}
		})
	}
}

// checkNoSilentLoss opens a damaged store that held n cases (one audit
// entry each). It must refuse with ErrDamagedStore, or open with every case,
// or open with fewer and report exactly the changes lost, in LostChanges
// and in Verify, until the loss is acknowledged. It returns the store if it
// opened (closed when the test ends).
func checkNoSilentLoss(t *testing.T, dir string, key [32]byte, n int) *Store {
	t.Helper()
	s, err := Open(dir, key, "After the crash", practice.DefaultOptions())
	if err != nil {
		if !errors.Is(err, ErrDamagedStore) {
			t.Fatalf("Open = %v, want ErrDamagedStore or an open store", err)
		}
		t.Logf("refused: %v", err)
		return nil
	}
	t.Cleanup(func() { _ = s.Close() })
	kept := len(s.Summaries())
	r, err := s.Verify()
	if err != nil {
		t.Fatalf("Verify: %v", err)
	}
	loss := s.LostChanges()
	t.Logf("opened with %d of %d cases; loss %+v; problems %q", kept, n, loss, r.Problems)
	if kept == n {
		return s
	}
	if loss == nil || loss.Kind != LossFound {
		t.Fatalf("opened with %d of %d cases and reported no loss; Verify problems: %q", kept, n, r.Problems)
	}
	if loss.Count != n-kept || loss.FirstSeq != uint64(kept+1) || loss.LastSeq != uint64(n) {
		t.Errorf("loss = %d changes (%d to %d), want %d (%d to %d)", loss.Count, loss.FirstSeq, loss.LastSeq, n-kept, kept+1, n)
	}
	if r.OK() || r.Loss == nil || !strings.Contains(strings.Join(r.Problems, "\n"), loss.Message()) {
		t.Errorf("Verify after a loss: problems %q, loss %v", r.Problems, r.Loss)
	}
	want := fmt.Sprintf("%d changes made before the computer stopped on %s could not be recovered", n-kept, ukDate(loss.Stopped))
	if n-kept == 1 {
		want = "1 change made before"
	}
	if !strings.Contains(loss.Message(), want) {
		t.Errorf("the loss is said as %q, want it to say %q", loss.Message(), want)
	}
	checkLossRecorded(t, s, loss)
	return s
}

// checkLossRecorded checks the audit entry that records a loss; the entry
// comes straight after the last entry kept.
func checkLossRecorded(t *testing.T, s *Store, loss *LossReport) {
	t.Helper()
	trail, err := s.AuditTrail()
	if err != nil {
		t.Fatal(err)
	}
	last := trail[len(trail)-1]
	wantDetail := fmt.Sprintf("%d changes made before the computer stopped could not be recovered (audit entries %d to %d)",
		loss.Count, loss.FirstSeq, loss.LastSeq)
	if last.Action != AuditChangesLost || last.Detail != wantDetail || last.Seq != loss.FirstSeq || loss.AuditSeq != last.Seq {
		t.Errorf("the last audit entry is %+v, want %q: %q as entry %d", last, AuditChangesLost, wantDetail, loss.FirstSeq)
	}
}

// TestLossReportedUntilAcknowledged: after a loss, a second open finds
// nothing new, but Verify goes on saying it until AcknowledgeLoss, which
// the audit trail records.
func TestLossReportedUntilAcknowledged(t *testing.T) {
	crashed, key := crashedStore(t, 50, 0)
	mem, used := usedFile(t, crashed, ".mem")
	flipByte(t, mem, used/2)
	s, err := Open(crashed, key, "u", practice.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	loss := s.LostChanges()
	if loss == nil || loss.Count == 0 {
		t.Fatalf("a damaged memtable log: LostChanges = %+v", loss)
	}
	s = reopen(t, s, crashed, key)
	if got := s.LostChanges(); got != nil {
		t.Errorf("a second open found a loss again: %+v", got)
	}
	r, err := s.Verify()
	if err != nil || r.OK() || r.Loss == nil || r.Loss.AuditSeq != loss.AuditSeq {
		t.Fatalf("Verify at the second open = %v, %+v", err, r)
	}
	acked, err := s.AcknowledgeLoss()
	if err != nil || acked == nil || acked.AuditSeq != loss.AuditSeq {
		t.Fatalf("AcknowledgeLoss = %+v, %v", acked, err)
	}
	if again, err := s.AcknowledgeLoss(); again != nil || err != nil {
		t.Errorf("a second AcknowledgeLoss = %+v, %v; want nothing to acknowledge", again, err)
	}
	s = reopen(t, s, crashed, key)
	if r, err := s.Verify(); err != nil || !r.OK() {
		t.Errorf("Verify after the loss was acknowledged = %v, %q", err, r.Problems)
	}
	trail, _ := s.AuditTrail()
	if last := trail[len(trail)-1]; last.Action != AuditLossAcknowledged ||
		last.Detail != fmt.Sprintf("the report in audit entry %d has been dealt with", loss.AuditSeq) {
		t.Errorf("the acknowledgement is recorded as %+v", last)
	}
}
