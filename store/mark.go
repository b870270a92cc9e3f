package store

import (
	"bytes"
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"sync"
	"time"

	"msprecords/crypto"

	badger "github.com/dgraph-io/badger/v4"
)

// The commit mark: a small file beside Badger's own, in the store's folder,
// that names the audit-chain head (sequence number and hash) of the last
// commit, written after every commit that moved the head.
//
// Why: Badger replays its memtable log (*.mem) at open and, at the first
// entry whose checksum fails, silently drops it and everything after it.
// One damaged byte there can take hundreds of acknowledged saves with it,
// and the audit chain cannot tell, as its head record is dropped with them.
// The mark is written after Badger's commit is on disk, so Badger's head is
// never behind the mark unless Badger lost what it had acknowledged; open
// compares the two (see checkMark in loss.go).
//
// The file is markSize bytes: two records of markRecordSize bytes, one at
// offset 0 and one at markSlotStride, overwritten in place in turn and
// flushed with fdatasync, one flush per commit. A torn write damages at most
// the record being written, and the other, one commit older, still stands;
// the valid record with the higher generation wins. The records sit 4 KB
// apart so that no disk sector or page holds both. docs/format.md gives the
// layout; Badger ignores files whose names it does not know.
const (
	markName       = "COMMITTED"
	markRecordSize = 128
	markSlotStride = 4096
	markSize       = markSlotStride + markRecordSize
	markVersion    = 1
	// markMACInfo is the HKDF info that makes the mark's HMAC key from the
	// master key: distinct from every other use of the key, and versioned.
	markMACInfo = "msprecords commit mark v1"
)

// markMagic starts every record, so that a record is told from zeros or
// another file's bytes before its version is read.
var markMagic = [8]byte{'M', 'S', 'P', 'R', 'M', 'A', 'R', 'K'}

// Offsets within a record (see docs/format.md). The magic, version and
// checksum stay where they are in every version, so that a later version's
// record is told from a damaged one.
const (
	offVersion = 8   // uint32
	offGen     = 12  // uint64: which record is newer
	offSeq     = 20  // uint64: the audit head's sequence number
	offHash    = 28  // [32]byte: the audit head's hash
	offTime    = 60  // int64: when it was committed, Unix nanoseconds
	offMAC     = 68  // [32]byte: HMAC-SHA256 of bytes 0 to 68
	offCRC     = 124 // uint32: CRC-32C of bytes 0 to 124
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// markState is what a record or a mark file was found to be.
type markState int

const (
	markValid   markState = iota + 1
	markEmpty             // all zeros: never written
	markDamaged           // fails its checksum, or is not a mark at all
	markForeign           // intact, but not made with this vault's key
)

// markRecord is one record of the mark.
type markRecord struct {
	Gen  uint64
	Seq  uint64
	Hash [32]byte // zero for an empty trail
	Time time.Time
}

// head is the audit head the record names.
func (r markRecord) head() auditHead {
	if r.Seq == 0 {
		return auditHead{}
	}
	return auditHead{Seq: r.Seq, Hash: hex.EncodeToString(r.Hash[:])}
}

// markKey derives the mark's HMAC key from the master key. The benchmark's
// plain store has no key; its marks are keyed with zeros.
func markKey(master []byte) ([]byte, error) {
	if master == nil {
		master = make([]byte, 32)
	}
	return hkdf.Key(sha256.New, master, nil, markMACInfo, 32)
}

// encode writes the record in the version 1 layout.
func (r markRecord) encode(macKey []byte) [markRecordSize]byte {
	var b [markRecordSize]byte
	copy(b[:], markMagic[:])
	binary.BigEndian.PutUint32(b[offVersion:], markVersion)
	binary.BigEndian.PutUint64(b[offGen:], r.Gen)
	binary.BigEndian.PutUint64(b[offSeq:], r.Seq)
	copy(b[offHash:], r.Hash[:])
	binary.BigEndian.PutUint64(b[offTime:], uint64(r.Time.UnixNano()))
	m := hmac.New(sha256.New, macKey)
	m.Write(b[:offMAC])
	copy(b[offMAC:], m.Sum(nil))
	binary.BigEndian.PutUint32(b[offCRC:], crc32.Checksum(b[:offCRC], castagnoli))
	return b
}

// decodeRecord reads one record. A record of another version is refused by
// name (ErrUnknownSchema), as the vault may have been used by a later
// release: reading it as damage would report a loss that is not one.
func decodeRecord(b []byte, macKey []byte) (markRecord, markState, error) {
	if len(b) < markRecordSize {
		return markRecord{}, markDamaged, nil
	}
	b = b[:markRecordSize]
	if bytes.Count(b, []byte{0}) == markRecordSize {
		return markRecord{}, markEmpty, nil
	}
	if binary.BigEndian.Uint32(b[offCRC:]) != crc32.Checksum(b[:offCRC], castagnoli) || !bytes.Equal(b[:8], markMagic[:]) {
		return markRecord{}, markDamaged, nil
	}
	if v := binary.BigEndian.Uint32(b[offVersion:]); v != markVersion {
		return markRecord{}, markDamaged, fmt.Errorf("%w: the commit mark (%s) is version %d; this version of MSP Records reads version %d",
			ErrUnknownSchema, markName, v, markVersion)
	}
	m := hmac.New(sha256.New, macKey)
	m.Write(b[:offMAC])
	if !hmac.Equal(m.Sum(nil), b[offMAC:offMAC+32]) {
		return markRecord{}, markForeign, nil
	}
	r := markRecord{
		Gen:  binary.BigEndian.Uint64(b[offGen:]),
		Seq:  binary.BigEndian.Uint64(b[offSeq:]),
		Time: time.Unix(0, int64(binary.BigEndian.Uint64(b[offTime:]))).UTC(),
	}
	copy(r.Hash[:], b[offHash:])
	return r, markValid, nil
}

// readMarkFile reads the mark in dir: the newer valid record, or why there
// is none. A missing file gives ok false and state 0.
func readMarkFile(dir string, macKey []byte) (rec markRecord, state markState, err error) {
	b, err := os.ReadFile(filepath.Join(dir, markName))
	if errors.Is(err, os.ErrNotExist) {
		return rec, 0, nil
	}
	if err != nil {
		return rec, 0, fmt.Errorf("%w: the commit mark: %v", ErrDamagedStore, err)
	}
	state = markDamaged
	for _, off := range []int{0, markSlotStride} {
		var part []byte
		if off < len(b) {
			part = b[off:]
		}
		r, st, err := decodeRecord(part, macKey)
		if err != nil {
			return rec, 0, err
		}
		switch {
		case st == markValid && (state != markValid || r.Gen > rec.Gen):
			rec, state = r, markValid
		case st == markForeign && state != markValid:
			state = markForeign
		}
	}
	return rec, state, nil
}

// commitMark is the open mark file of a store.
type commitMark struct {
	mu     sync.Mutex
	f      *os.File
	macKey []byte
	last   markRecord // the record written last
	err    error      // the first failure to write it, for Verify
}

// createMark writes a new mark file in dir naming head, atomically (so that
// a crash leaves the old file or the new one), and opens it for updating.
func createMark(dir string, macKey []byte, head auditHead, at time.Time) (*commitMark, error) {
	rec, err := recordFor(head, 1, at)
	if err != nil {
		return nil, err
	}
	data := make([]byte, markSize)
	b := rec.encode(macKey)
	copy(data[slotOffset(rec.Gen):], b[:])
	if err := crypto.WriteFileAtomic(filepath.Join(dir, markName), data, 0o600); err != nil {
		return nil, err
	}
	return openMark(dir, macKey, rec)
}

// openMark opens the mark file for updating; last is its newer record.
func openMark(dir string, macKey []byte, last markRecord) (*commitMark, error) {
	f, err := os.OpenFile(filepath.Join(dir, markName), os.O_RDWR, 0)
	if err != nil {
		return nil, err
	}
	return &commitMark{f: f, macKey: macKey, last: last}, nil
}

// slotOffset is where the record of generation gen goes: the two slots in
// turn, so that a write never touches the newer of the two records.
func slotOffset(gen uint64) int { return int(gen%2) * markSlotStride }

// recordFor is the record naming head, of generation gen.
func recordFor(head auditHead, gen uint64, at time.Time) (markRecord, error) {
	r := markRecord{Gen: gen, Seq: head.Seq, Time: at.UTC()}
	if head.Seq == 0 {
		return r, nil
	}
	h, err := hex.DecodeString(head.Hash)
	if err != nil || len(h) != len(r.Hash) {
		return r, fmt.Errorf("%w: the audit head's hash is not a SHA-256 hash", ErrDamagedStore)
	}
	copy(r.Hash[:], h)
	return r, nil
}

// advance records head as committed, unless the mark already names it or
// a later one (two commits may finish in either order). The record goes
// into the slot the newer record is not in, and is flushed to disk before
// advance returns.
func (m *commitMark) advance(head auditHead) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.f == nil || head.Seq < m.last.Seq || head == m.last.head() {
		return nil
	}
	rec, err := recordFor(head, m.last.Gen+1, nowUTC())
	if err == nil {
		b := rec.encode(m.macKey)
		if _, err = m.f.WriteAt(b[:], int64(slotOffset(rec.Gen))); err == nil {
			err = datasync(m.f)
		}
	}
	if err != nil {
		if m.err == nil {
			m.err = err
		}
		return err
	}
	m.last = rec
	return nil
}

// writeError is the first failure to update the mark, if any.
func (m *commitMark) writeError() error {
	if m == nil {
		return nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.err
}

// close closes the file; later advances do nothing.
func (m *commitMark) close() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.f == nil {
		return nil
	}
	err := m.f.Close()
	m.f = nil
	return err
}

// marks finds the mark of an open database, for update: the function every
// commit goes through takes the database, not the store, and is called in
// many places. A database with no mark (during open, before it is checked)
// commits without one.
var marks sync.Map // *badger.DB → *commitMark

func markOf(db *badger.DB) *commitMark {
	if m, ok := marks.Load(db); ok {
		return m.(*commitMark)
	}
	return nil
}
