package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"msprecords/records"
)

func TestIsDiskFull(t *testing.T) {
	for _, tt := range []struct {
		name string
		err  error
		want bool
	}{
		{"ErrDiskFull", ErrDiskFull, true},
		{"wrapped ENOSPC", &os.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}, true},
		{"Badger's words on Linux", errors.New("while writing to MANIFEST: write /v/db/MANIFEST: no space left on device"), true},
		{"Windows's words", errors.New("write 000001.vlog: There is not enough space on the disk."), true},
		{"another error", errors.New("permission denied"), false},
		{"damage", fmt.Errorf("%w: bad checksum", ErrDamagedStore), false},
		{"nil", nil, false},
	} {
		if got := IsDiskFull(tt.err); got != tt.want {
			t.Errorf("%s: IsDiskFull = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// A full disk at open is ErrDiskFull, never the damage it can look like.
func TestMapOpenErrorFullDiskIsNotDamage(t *testing.T) {
	err := mapOpenError(errors.New("Error while creating log file: truncate 000002.vlog: no space left on device"))
	if !errors.Is(err, ErrDiskFull) || errors.Is(err, ErrDamagedStore) {
		t.Errorf("mapOpenError = %v; want ErrDiskFull and not ErrDamagedStore", err)
	}
	if !errors.Is(err, syscall.ENOSPC) {
		t.Errorf("%v does not wrap ENOSPC", err)
	}
}

// CheckFreeSpace asks the real file system: a need beyond any disk is
// refused, a small one is not, for a folder that exists and one not made yet.
func TestCheckFreeSpace(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{dir, filepath.Join(dir, "not", "made", "yet")} {
		if err := CheckFreeSpace(d, 1<<60); !errors.Is(err, ErrDiskFull) {
			t.Errorf("CheckFreeSpace(%s, an exabyte) = %v, want ErrDiskFull", d, err)
		}
		if err := CheckFreeSpace(d, 1<<10); err != nil {
			t.Errorf("CheckFreeSpace(%s, 1 kB) = %v", d, err)
		}
	}
	if _, ok := freeSpace(dir); !ok {
		t.Error("freeSpace cannot tell on this system")
	}
}

// The reserve grows with what Badger may yet write by itself: a table
// counts for its rewrite by a compaction, a memtable for its flush.
func TestReserveCountsTablesAndMemtables(t *testing.T) {
	dir := t.TempDir()
	if got := reserve(dir); got != reserveSlack {
		t.Errorf("reserve of an empty folder = %d, want %d", got, reserveSlack)
	}
	table := make([]byte, 1<<20)
	for i := range table {
		table[i] = byte(i*7 + 1)
	}
	if err := os.WriteFile(filepath.Join(dir, "000001.sst"), table, 0o600); err != nil {
		t.Fatal(err)
	}
	withTable := reserve(dir)
	if withTable < reserveSlack+1<<20 {
		t.Errorf("reserve with a 1 MB table = %d, want at least %d", withTable, reserveSlack+1<<20)
	}
	if err := os.WriteFile(filepath.Join(dir, "00002.mem"), table[:512<<10], 0o600); err != nil {
		t.Fatal(err)
	}
	if got := reserve(dir); got < withTable+2*(512<<10) {
		t.Errorf("reserve with a 512 kB memtable as well = %d, want at least %d", got, withTable+2*(512<<10))
	}
}

// Room is asked of the store's own database: a store on this disk has room
// for a case, not for an exabyte of them.
func TestStoreCheckRoom(t *testing.T) {
	s, _, _ := newTestStore(t)
	if err := s.CheckRoom(1 << 10); err != nil {
		t.Errorf("CheckRoom(1 kB) = %v", err)
	}
	if err := s.CheckRoom(1 << 60); !errors.Is(err, ErrDiskFull) {
		t.Errorf("CheckRoom(an exabyte) = %v, want ErrDiskFull", err)
	}
	c := fullCase("room")
	if err := s.CheckRoomForCases([]*records.Case{c}, 1<<40); !errors.Is(err, ErrDiskFull) {
		t.Errorf("CheckRoomForCases(a trillion copies) = %v, want ErrDiskFull", err)
	}
	s.Close()
	if err := s.CheckRoom(1); !errors.Is(err, ErrStoreClosed) {
		t.Errorf("CheckRoom after Close = %v, want ErrStoreClosed", err)
	}
}
