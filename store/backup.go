package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"msprecords/practice"

	badger "github.com/dgraph-io/badger/v4"
)

// Backup writes the whole database to w as Badger's backup stream, after
// recording a "backup" audit entry (which the backup contains). The stream
// is PLAINTEXT: every case in clear. Callers must encrypt it (the vault's
// backups are age files) and never write it to disk as it is.
func (s *Store) Backup(w io.Writer) error {
	return s.BackupContext(context.Background(), w)
}

// BackupContext is Backup that stops when ctx is done: the next write to w
// returns ctx's error instead, and so does BackupContext. What was written
// to w by then is a partial stream, which the caller removes. The store
// stays open and unchanged (bar the "backup" audit entry), and closing it
// no longer waits for the backup.
func (s *Store) BackupContext(ctx context.Context, w io.Writer) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := s.RecordEvent(AuditBackup, "", "full backup"); err != nil {
		return err
	}
	db, err := s.use()
	if err != nil {
		return err
	}
	defer s.done()
	return backupStream(db, ctxWriter{ctx, w})
}

// BackupSize estimates the bytes of a backup stream, for a progress bar:
// the size of every key and its latest value, read from the keys alone
// (no value is read or decrypted), plus a little for each entry's framing.
// It is 0 when the store is closed or cannot be read.
func (s *Store) BackupSize() int64 {
	db, err := s.use()
	if err != nil {
		return 0
	}
	defer s.done()
	var n int64
	err = view(db, func(txn *badger.Txn) error {
		opts := badger.DefaultIteratorOptions
		opts.PrefetchValues = false
		it := txn.NewIterator(opts)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			item := it.Item()
			n += int64(len(item.Key())) + item.ValueSize() + backupEntryOverhead
		}
		return nil
	})
	if err != nil {
		return 0
	}
	return n
}

// backupEntryOverhead is about what Badger's stream adds to each entry
// (its protobuf fields: version, meta, lengths).
const backupEntryOverhead = 16

// ctxWriter fails every write once its context is done.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}

func backupStream(db *badger.DB, w io.Writer) (err error) {
	defer recoverInto(&err)
	if _, err = db.Backup(w, 0); err != nil {
		return err
	}
	_, err = w.Write(backupTrailer())
	return err
}

// backupEndKey is the last entry of every backup stream, so that a restore
// knows the stream is complete: Badger's stream has no end of its own, and
// a stream cut at a frame boundary would otherwise load without error. The
// restore checks for it and removes it.
const backupEndKey = "meta/backup-end"

var backupEndValue = []byte("complete")

// backupTrailer is one more frame of the stream: its 8-byte little-endian
// length, then a protobuf KVList holding one KV {key: backupEndKey, value:
// backupEndValue, version: 1}, encoded by hand (fields 1, 2 and 4 of KV;
// field 1 of KVList) as it is too small to need a protobuf library.
func backupTrailer() []byte {
	kv := appendProtoBytes(nil, 1, []byte(backupEndKey))
	kv = appendProtoBytes(kv, 2, backupEndValue)
	kv = binary.AppendUvarint(binary.AppendUvarint(kv, 4<<3), 1) // varint field 4: version
	list := appendProtoBytes(nil, 1, kv)
	return append(binary.LittleEndian.AppendUint64(nil, uint64(len(list))), list...)
}

func appendProtoBytes(b []byte, field int, v []byte) []byte {
	b = binary.AppendUvarint(b, uint64(field<<3|2)) // wire type 2: length-delimited
	b = binary.AppendUvarint(b, uint64(len(v)))
	return append(b, v...)
}

// takeBackupEnd checks that a loaded stream ended with its trailer, and
// removes the trailer.
func takeBackupEnd(db *badger.DB) error {
	return update(db, func(txn *badger.Txn) error {
		item, err := txn.Get([]byte(backupEndKey))
		if errors.Is(err, badger.ErrKeyNotFound) {
			return fmt.Errorf("%w: the backup is incomplete: it ends early", ErrDamagedStore)
		}
		if err != nil {
			return err
		}
		v, err := item.ValueCopy(nil)
		if err != nil || !bytes.Equal(v, backupEndValue) {
			return fmt.Errorf("%w: the backup's end marker is damaged", ErrDamagedStore)
		}
		return txn.Delete([]byte(backupEndKey))
	})
}

// Restore creates a new encrypted database in dir (which must be
// missing or empty: ErrStoreExists) from a stream written by Backup, checks
// that every case reads, and records a "restore" entry in the restored audit
// trail. On failure it removes what it wrote, leaving no half-restored
// database. It leaves the database closed; open it with Open.
func Restore(dir string, key [32]byte, user string, r io.Reader) (err error) {
	created, err := prepareEmptyDir(dir)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			removeRestored(dir, created)
		}
	}()
	s, err := Create(dir, key, user, practice.DefaultOptions())
	if err != nil {
		return err
	}
	if err := s.load(r); err != nil {
		_ = s.Close()
		return err
	}
	if err := s.RecordEvent(AuditRestore, "", fmt.Sprintf("restored from a backup: %d cases", s.idx.count())); err != nil {
		_ = s.Close()
		return err
	}
	return s.Close()
}

// load reads a backup stream into the new database, builds the index and
// checks that every case reads.
func (s *Store) load(r io.Reader) (err error) {
	defer recoverInto(&err)
	if err := s.db.Load(&frameLimiter{r: r}, 256); err != nil {
		return fmt.Errorf("%w: the backup cannot be read: %v", ErrDamagedStore, err)
	}
	if err := takeBackupEnd(s.db); err != nil {
		return err
	}
	if err := s.prepare(); err != nil {
		return fmt.Errorf("%w: %v", ErrDamagedStore, err)
	}
	if err := s.buildIndex(); err != nil {
		return fmt.Errorf("%w: the backup's case list cannot be read: %v", ErrDamagedStore, err)
	}
	rep := &VerifyReport{}
	if err := view(s.db, func(txn *badger.Txn) error { return verifyCases(txn, rep) }); err != nil {
		return err
	}
	if !rep.OK() {
		return fmt.Errorf("%w: the backup is damaged: %s", ErrDamagedStore, strings.Join(rep.Problems, "; "))
	}
	return nil
}

// prepareEmptyDir checks that dir is missing or empty, and reports whether
// it was missing (so that a failed restore removes it again).
func prepareEmptyDir(dir string) (missing bool, err error) {
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return true, nil
	}
	if err != nil {
		return false, err
	}
	if len(entries) > 0 {
		return false, fmt.Errorf("%w: %s is not empty", ErrStoreExists, dir)
	}
	return false, nil
}

func removeRestored(dir string, created bool) {
	if created {
		_ = os.RemoveAll(dir)
		return
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		_ = os.RemoveAll(filepath.Join(dir, e.Name()))
	}
}

// maxBackupFrame bounds one frame of a backup stream. Badger allocates a
// frame's stated size before reading it, so a damaged length would
// otherwise ask for any amount of memory.
const maxBackupFrame = 512 << 20

// frameLimiter passes a backup stream through unchanged while checking each
// frame's length (8 bytes, little-endian, before each protobuf frame).
type frameLimiter struct {
	r       io.Reader
	header  [8]byte
	pending []byte // header bytes read but not yet passed on
	remain  uint64 // bytes of the current frame still to pass on
}

func (f *frameLimiter) Read(p []byte) (int, error) {
	if len(f.pending) == 0 && f.remain == 0 {
		if err := f.nextHeader(); err != nil {
			return 0, err
		}
	}
	if len(f.pending) > 0 {
		n := copy(p, f.pending)
		f.pending = f.pending[n:]
		return n, nil
	}
	if uint64(len(p)) > f.remain {
		p = p[:f.remain]
	}
	n, err := f.r.Read(p)
	f.remain -= uint64(n)
	if err == io.EOF && f.remain > 0 {
		err = io.ErrUnexpectedEOF
	}
	return n, err
}

func (f *frameLimiter) nextHeader() error {
	if _, err := io.ReadFull(f.r, f.header[:]); err != nil {
		return err // io.EOF at a frame boundary is the clean end
	}
	size := binary.LittleEndian.Uint64(f.header[:])
	if size > maxBackupFrame {
		return fmt.Errorf("a backup frame of %d bytes is too large: the backup is damaged", size)
	}
	f.pending, f.remain = f.header[:], size
	return nil
}
