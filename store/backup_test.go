package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"msprecords/practice"
	"msprecords/records"

	"github.com/dgraph-io/badger/v4/pb"
	"google.golang.org/protobuf/proto"
)

func TestRestoreRefusesBadStreams(t *testing.T) {
	s, _, _ := newTestStore(t)
	mustCreate(t, s, "Ann Able")
	var good bytes.Buffer
	if err := s.Backup(&good); err != nil {
		t.Fatal(err)
	}
	huge := binary.LittleEndian.AppendUint64(nil, 1<<40)
	tests := map[string][]byte{
		"garbage":    []byte(strings.Repeat("not a backup ", 100)),
		"huge frame": append(huge, "x"...),
		"truncated":  good.Bytes()[:good.Len()*2/3],
		"no trailer": good.Bytes()[:good.Len()-len(backupTrailer())],
	}
	for name, stream := range tests {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "db")
			err := Restore(dir, randomKey(t), "u", bytes.NewReader(stream))
			if !errors.Is(err, ErrDamagedStore) {
				t.Errorf("Restore = %v, want ErrDamagedStore", err)
			}
			if _, err := os.Stat(dir); !os.IsNotExist(err) {
				t.Errorf("a failed restore left %s behind", dir)
			}
		})
	}
	t.Run("into an empty existing folder", func(t *testing.T) {
		dir := t.TempDir()
		if err := Restore(dir, randomKey(t), "u", bytes.NewReader(good.Bytes()[:10])); !errors.Is(err, ErrDamagedStore) {
			t.Fatalf("Restore = %v", err)
		}
		if left, _ := os.ReadDir(dir); len(left) != 0 {
			t.Errorf("a failed restore left %d files in the folder", len(left))
		}
	})
}

// frames splits a backup stream into its frames, failing the test on a
// frame that does not decode.
func frames(t *testing.T, stream []byte) []*pb.KVList {
	t.Helper()
	var out []*pb.KVList
	for len(stream) > 0 {
		if len(stream) < 8 {
			t.Fatalf("%d bytes left after the last frame", len(stream))
		}
		n := binary.LittleEndian.Uint64(stream)
		if uint64(len(stream)-8) < n {
			t.Fatalf("a frame of %d bytes with %d left", n, len(stream)-8)
		}
		list := &pb.KVList{}
		if err := proto.Unmarshal(stream[8:8+n], list); err != nil {
			t.Fatalf("frame %d: %v", len(out), err)
		}
		out, stream = append(out, list), stream[8+n:]
	}
	return out
}

// TestBackupStreamInSmallFrames checks that the stream is written a frame
// of about backupFrameSize at a time (which is what bounds a backup's
// memory), each key once and in order, with the trailer last.
func TestBackupStreamInSmallFrames(t *testing.T) {
	defer func(n int) { backupFrameSize = n }(backupFrameSize)
	backupFrameSize = 8 << 10
	s, _, _ := newTestStore(t)
	for i := range 20 {
		c := fullCase(fmt.Sprint(i))
		if err := s.Create(c); err != nil {
			t.Fatal(err)
		}
	}
	var stream bytes.Buffer
	if err := s.Backup(&stream); err != nil {
		t.Fatal(err)
	}
	lists := frames(t, stream.Bytes())
	if len(lists) < 10 {
		t.Fatalf("%d frames for %d bytes, want frames of about %d bytes", len(lists), stream.Len(), backupFrameSize)
	}
	var last []byte
	for i, list := range lists[:len(lists)-1] {
		size, largest := 0, 0
		for _, kv := range list.Kv {
			n := proto.Size(kv) + 4
			size, largest = size+n, max(largest, n)
			if bytes.Compare(kv.Key, last) <= 0 {
				t.Fatalf("frame %d: key %q after %q", i, kv.Key, last)
			}
			last = kv.Key
			if kv.Version == 0 {
				t.Fatalf("frame %d: key %q has no version", i, kv.Key)
			}
		}
		if size > backupFrameSize+largest {
			t.Errorf("frame %d holds %d bytes, more than %d and its largest entry", i, size, backupFrameSize)
		}
	}
	end := lists[len(lists)-1].Kv
	if len(end) != 1 || string(end[0].Key) != backupEndKey {
		t.Fatalf("the last frame is %v, not the trailer", end)
	}
}

// TestRestoreInSmallBatches restores a stream in many small batches, then
// checks that the restored store reads every case, at its latest version,
// and that a case saved after the restore reads back as saved.
func TestRestoreInSmallBatches(t *testing.T) {
	defer func(n, m int) { backupFrameSize, loadBatchSize = n, m }(backupFrameSize, loadBatchSize)
	backupFrameSize, loadBatchSize = 4<<10, 16<<10
	s, _, _ := newTestStore(t)
	var want []*records.Case
	for i := range 30 {
		c := fullCase(fmt.Sprint(i))
		if err := s.Create(c); err != nil {
			t.Fatal(err)
		}
		c.Person.Name = "Edited " + c.Person.Name // a second version of each
		if err := s.Save(c); err != nil {
			t.Fatal(err)
		}
		want = append(want, c)
	}
	var stream bytes.Buffer
	if err := s.Backup(&stream); err != nil {
		t.Fatal(err)
	}
	dir, key := filepath.Join(t.TempDir(), "db"), randomKey(t)
	if err := Restore(dir, key, "u", bytes.NewReader(stream.Bytes())); err != nil {
		t.Fatal(err)
	}
	r, err := Open(dir, key, "u", practice.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = r.Close() })
	for _, c := range want {
		got, err := r.Load(c.ID)
		if err != nil || got.Person.Name != c.Person.Name {
			t.Fatalf("case %s after the restore: %v, %v", c.Reference, got, err)
		}
	}
	c, _ := r.Load(want[0].ID)
	c.Person.Name = "Saved after the restore"
	if err := r.Save(c); err != nil {
		t.Fatal(err)
	}
	r = reopen(t, r, dir, key)
	if got, err := r.Load(c.ID); err != nil || got.Person.Name != c.Person.Name {
		t.Fatalf("a case saved after the restore reads %v, %v", got, err)
	}
	if rep := mustVerify(t, r); !rep.OK() {
		t.Fatalf("restored store does not verify: %v", rep.Problems)
	}
}

// TestRestoreReadsBadgerBackups restores a stream as backups were written
// before backupStream: by Badger's own DB.Backup (every version of every
// key, a delete marker and all, in one large frame), then the trailer. Its
// audit trail verifies only if the load moved the database's clock past
// the versions it loaded, so that the restore's own audit entry follows
// the loaded ones.
func TestRestoreReadsBadgerBackups(t *testing.T) {
	s, _, _ := newTestStore(t)
	kept := mustCreate(t, s, "Ann Able")
	gone := mustCreate(t, s, "Bob Gone")
	kept.Person.Name = "Ann Edited"
	if err := s.Save(kept); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(gone.ID); err != nil {
		t.Fatal(err)
	}
	var stream bytes.Buffer
	if _, err := s.db.Backup(&stream, 0); err != nil {
		t.Fatal(err)
	}
	stream.Write(backupTrailer())
	dir, key := filepath.Join(t.TempDir(), "db"), randomKey(t)
	if err := Restore(dir, key, "u", &stream); err != nil {
		t.Fatal(err)
	}
	r, err := Open(dir, key, "u", practice.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = r.Close() })
	if got, err := r.Load(kept.ID); err != nil || got.Person.Name != "Ann Edited" {
		t.Errorf("kept case: %v, %v", got, err)
	}
	if _, err := r.Load(gone.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleted case: %v, want ErrNotFound", err)
	}
	if n := len(r.Summaries()); n != 1 {
		t.Errorf("%d cases restored, want 1", n)
	}
	if rep := mustVerify(t, r); !rep.OK() {
		t.Fatalf("restored store does not verify: %v", rep.Problems)
	}
}
