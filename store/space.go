package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"msprecords/records"

	badger "github.com/dgraph-io/badger/v4"
)

// Free space, and why the store counts it before every write.
//
// Badger writes its value log (.vlog), its memtables' write-ahead logs
// (.mem) and every table it builds (.sst, on a memtable flush or a
// compaction) through memory maps of files it first stretches to their
// full size with ftruncate: 128 MB for a value-log file, 16 MB for a
// memtable, a table's size for a table. On Linux (ext4, tmpfs and the
// rest) such a file is sparse: its blocks are found only when the mapped
// memory is first written, and when the file system has none left the
// write faults with SIGBUS, which kills the program with no error to
// handle. Flushes and compactions run in Badger's own goroutines, after
// the write that caused them has returned, and Close flushes the memtable.
//
// So the store never lets the disk come near that point. Before it opens
// a database and before every change it commits, it asks the file system
// how much is free (statfs; GetDiskFreeSpaceEx on Windows, microseconds)
// and refuses with ErrDiskFull unless there is room for the change and for
// the reserve: all that Badger may yet write by itself for what is already
// on disk, worked out from the database's files (see reserve). Nothing of
// a refused change is written.
//
// The store does not preallocate Badger's files: the open value-log file
// and memtable alone would take 144 MB of real disk per open vault, and
// the only writes into them are the store's own commits, each of which is
// counted here first.

const (
	// reserveSlack covers Badger's small writes that are not tables:
	// the MANIFEST and its rewrite, the key registry's new data keys, the
	// DISCARD statistics (1 MB, mapped), directory entries and the file
	// system's rounding of each new file to whole blocks.
	reserveSlack = 4 << 20
	// maxFlush bounds the table a memtable is flushed into: the memtable's
	// arena, its size plus room for one more batch of the most entries and
	// bytes (Badger's arenaSize, 15% of the memtable each).
	maxFlush = memTableSize * 13 / 10
	// writeFactor is how many times a committed byte may be written
	// before it rests: once in the write-ahead log or value log, once more
	// in the table its memtable is flushed into, and once more when a
	// compaction rewrites that table.
	writeFactor = 3
	// entryOverhead is what Badger adds to each entry it writes: header,
	// checksum, value pointer, table index and bloom filter, generously.
	entryOverhead = 128
	// changeRoom is the room asked for an ordinary change (a case saved,
	// viewed, created or deleted, an audit entry) before its size is
	// known: a large case with its summary, search words and audit entry.
	changeRoom = 4 << 20
)

// reserve is what Badger may still write by itself for the database in
// dir, in bytes, beyond what the store's next commit writes:
//
//   - each memtable's write-ahead log (.mem) becomes a table when it is
//     flushed, at most its written size (and at most maxFlush), and that
//     table may then be rewritten by a compaction: twice its written size;
//   - each table (.sst) may be rewritten by a compaction before the old
//     one is deleted (a compaction's output is no larger than its input,
//     give or take an eighth for indexes, filters and block rounding, and
//     the tables being compacted at once are at most all of them); a
//     table still being written needs its unwritten part besides;
//   - reserveSlack for the rest.
//
// The value log is written only by commits, which count themselves.
func reserve(dir string) int64 {
	r := int64(reserveSlack)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return r
	}
	for _, e := range entries {
		ext := filepath.Ext(e.Name())
		if ext != ".mem" && ext != ".sst" {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			continue // removed since the listing: a table compacted away, a memtable flushed
		}
		size, used := fi.Size(), allocated(fi)
		if ext == ".mem" {
			r += 2 * min(used, maxFlush)
		} else {
			r += size + size/8 + max(size-used, 0)
		}
	}
	return r
}

// checkRoom returns ErrDiskFull unless the file system of the database in
// dir has room for need bytes written by a commit, and for the reserve.
// Where free space cannot be told, it does not stand in the way.
func checkRoom(dir string, need int64) error {
	free, ok := freeSpace(dir)
	if !ok {
		return nil
	}
	want := reserve(dir) + need
	if free < want {
		return fmt.Errorf("%w: %s free, %s needed", ErrDiskFull, megabytes(free), megabytes(want))
	}
	return nil
}

// checkRoomToOpen is checkRoom before a database is opened (or created)
// for writing: Badger replays and may flush memtables as it opens.
func checkRoomToOpen(dir string) error {
	return checkRoom(dir, changeRoom)
}

// roomFor is checkRoom for a commit of about need bytes to the open db.
func roomFor(db *badger.DB, need int64) error {
	return checkRoom(db.Opts().Dir, need)
}

// roomMeter is checkRoom for the steps of one transaction: it asks the
// file system once, then counts down what each step may write.
type roomMeter struct {
	left  int64 // free space less the reserve, less what was taken
	known bool
}

func newRoomMeter(db *badger.DB) roomMeter {
	dir := db.Opts().Dir
	free, ok := freeSpace(dir)
	return roomMeter{left: free - reserve(dir), known: ok}
}

// take counts n bytes more, or returns ErrDiskFull if they do not fit.
func (m *roomMeter) take(n int64) error {
	m.left -= n
	if m.known && m.left < 0 {
		return fmt.Errorf("%w: %s short", ErrDiskFull, megabytes(-m.left))
	}
	return nil
}

// commitSize is what a commit of n entries holding bytes bytes may write.
func commitSize(n int, bytes int64) int64 {
	return writeFactor * (bytes + int64(n)*entryOverhead)
}

// CheckFreeSpace returns ErrDiskFull unless the file system holding dir
// (or, if dir does not exist yet, its nearest existing parent) has need
// bytes free, and a few megabytes more: for a backup or restored vault
// about to be written there. Where free space cannot be told it returns
// nil.
func CheckFreeSpace(dir string, need int64) error {
	free, ok := freeSpace(dir)
	if !ok {
		return nil
	}
	want := need + reserveSlack
	if free < want {
		return fmt.Errorf("%w: %s free, %s needed", ErrDiskFull, megabytes(free), megabytes(want))
	}
	return nil
}

// RestoreSize is the free space a database restored from a backup of
// backupSize bytes needs: each byte may be written three times (value log
// or memtable log, table, compacted table) before it rests.
func RestoreSize(backupSize int64) int64 {
	return writeFactor*backupSize + reserveSlack
}

// CheckRoom returns ErrDiskFull unless the database has room for about
// bytes of new data (the size of a JSON file about to be imported, say),
// and for its reserve.
func (s *Store) CheckRoom(bytes int64) error {
	db, err := s.use()
	if err != nil {
		return err
	}
	defer s.done()
	return roomFor(db, commitSize(0, bytes))
}

// CheckRoomForCases returns ErrDiskFull unless the database has room for
// copies times as many new cases as cases, of their size: demo and import
// ask it before they start, so that a large addition is refused at once
// rather than after some of its batches.
func (s *Store) CheckRoomForCases(cases []*records.Case, copies int) error {
	db, err := s.use()
	if err != nil {
		return err
	}
	defer s.done()
	docs, err := encodeAll(cases, s.rules)
	if err != nil {
		return err
	}
	return roomFor(db, int64(copies)*docsSize(docs))
}

// docsSize is what writing docs with their audit entries may take.
func docsSize(docs []storedCase) int64 {
	var n int64
	for _, sc := range docs {
		n += int64(len(sc.doc)+len(sc.sum)+len(sc.text)) + auditEntryRoom
	}
	return commitSize(4*len(docs), n)
}

// auditEntryRoom is a generous size for one audit entry.
const auditEntryRoom = 512

// IsDiskFull reports whether err says that a disk is full: ErrDiskFull,
// ENOSPC, Windows's ERROR_DISK_FULL and ERROR_HANDLE_DISK_FULL, or
// Badger's words for them (Badger does not always wrap the error it got).
func IsDiskFull(err error) bool {
	if err == nil {
		return false
	}
	if errors.Is(err, syscall.ENOSPC) || isDiskFullErrno(err) {
		return true
	}
	msg := strings.ToLower(err.Error())
	return strings.Contains(msg, "no space left on device") ||
		strings.Contains(msg, "not enough space on the disk") ||
		strings.Contains(msg, "disk is full")
}

// AsDiskFull returns err as ErrDiskFull (with err's detail) if it says
// that the disk is full, else err unchanged.
func AsDiskFull(err error) error {
	if !IsDiskFull(err) || errors.Is(err, ErrDiskFull) {
		return err
	}
	return fmt.Errorf("%w (%v)", ErrDiskFull, err)
}

// existingDir is dir or its nearest parent that exists, for asking the
// file system about a folder not made yet.
func existingDir(dir string) string {
	for {
		if _, err := os.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return dir
		}
		dir = parent
	}
}

func megabytes(n int64) string {
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}
