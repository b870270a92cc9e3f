package store

import (
	"bufio"
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
	"github.com/dgraph-io/badger/v4/pb"
	"google.golang.org/protobuf/proto"
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

// backupStream writes the latest version of every key as Badger's backup
// stream (the format DB.Load reads, and DB.Backup writes), then the trailer.
//
// It does not use DB.Backup: Badger's stream framework reads with several
// goroutines, each filling 32 MB buffers, queues up to 32 of them and joins
// them into batches of up to 100 MB before a batch is copied once more to
// be written, which took a backup of 10,000 cases to over 500 MB of memory.
// Here one iterator reads the keys in order, one frame of about
// backupFrameSize bytes at a time, so memory stays at a frame or two
// whatever the size of the vault. Only the latest version of each key is
// written, and no deleted key: the restored database is the same, and no
// earlier versions of an edited case travel in the backup.
func backupStream(db *badger.DB, w io.Writer) (err error) {
	defer recoverInto(&err)
	fw := &frameWriter{w: w}
	defer fw.wipe()
	err = view(db, func(txn *badger.Txn) error {
		opts := badger.DefaultIteratorOptions
		opts.PrefetchSize = 16 // values read ahead: a few hundred kilobytes
		it := txn.NewIterator(opts)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			if err := fw.add(it.Item()); err != nil {
				return err
			}
		}
		return fw.flush()
	})
	if err != nil {
		return err
	}
	_, err = w.Write(backupTrailer())
	return err
}

// backupFrameSize is about how many bytes of entries one frame of the
// backup stream holds (a larger entry has a frame of its own): small
// enough to cost little memory, large enough that framing costs nothing.
// A test lowers it.
var backupFrameSize = 1 << 20

// frameWriter gathers entries into frames of the backup stream: an 8-byte
// little-endian length, then a protobuf KVList of KV entries (fields key 1,
// value 2, user_meta 3, version 4, expires_at 5; meta, field 6, is left
// out, as it is only ever 0 for a live key), encoded by hand like the
// trailer. Its buffers hold plaintext, so they are wiped when done.
type frameWriter struct {
	w     io.Writer
	frame []byte // the length, then the KVList so far
	kv    []byte // one KV being encoded
	val   []byte // one value, copied out of Badger
}

func (f *frameWriter) add(item *badger.Item) error {
	var err error
	if f.val, err = item.ValueCopy(f.val[:0]); err != nil {
		return err
	}
	kv := appendProtoBytes(f.kv[:0], 1, item.Key())
	kv = appendProtoBytes(kv, 2, f.val)
	if um := item.UserMeta(); um != 0 {
		kv = appendProtoBytes(kv, 3, []byte{um})
	}
	kv = binary.AppendUvarint(binary.AppendUvarint(kv, 4<<3), item.Version())
	if exp := item.ExpiresAt(); exp != 0 {
		kv = binary.AppendUvarint(binary.AppendUvarint(kv, 5<<3), exp)
	}
	f.kv = kv
	if len(f.frame) > 8 && len(f.frame)+len(kv) > backupFrameSize {
		if err := f.flush(); err != nil {
			return err
		}
	}
	if len(f.frame) == 0 {
		f.frame = append(f.frame, make([]byte, 8)...)
	}
	f.frame = appendProtoBytes(f.frame, 1, kv)
	return nil
}

// flush writes the frame gathered so far, if it holds any entry.
func (f *frameWriter) flush() error {
	if len(f.frame) <= 8 {
		return nil
	}
	binary.LittleEndian.PutUint64(f.frame, uint64(len(f.frame)-8))
	_, err := f.w.Write(f.frame)
	clear(f.frame)
	f.frame = f.frame[:0]
	return err
}

func (f *frameWriter) wipe() {
	clear(f.frame[:cap(f.frame)])
	clear(f.kv[:cap(f.kv)])
	clear(f.val[:cap(f.val)])
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
	if err := loadStream(s.db, r); err != nil {
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
	if err := view(s.db, func(txn *badger.Txn) error { return s.verifyCases(txn, rep) }); err != nil {
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

// maxBackupFrame bounds one frame of a backup stream. Backups written by
// Badger's own stream (before backupStream) have frames of up to about
// 100 MB; a frame is read as its bytes arrive, so a damaged length asks
// for no memory the stream does not hold.
const maxBackupFrame = 512 << 20

// loadBatchSize is about how many bytes of entries are written to the
// database at a time while a backup is loaded. A test lowers it.
var loadBatchSize = 4 << 20

// loadStream writes the entries of a backup stream into db, a batch of
// about loadBatchSize bytes at a time, holding the stream's trailer back to
// the end. It does what DB.Load does, but DB.Load gathers up to 100 MB of
// values per batch and keeps up to 256 batches in flight, which took a
// restore of 10,000 cases to over 450 MB of memory. The trailer is then
// loaded with DB.Load, at the highest version of the stream, as that is
// what moves the database's clock past the versions loaded, so that
// transactions after it see them.
func loadStream(db *badger.DB, r io.Reader) error {
	fr := &frameReader{r: bufio.NewReaderSize(r, 64<<10)}
	defer fr.wipe()
	ldr, pending := db.NewKVLoader(1), 0
	var end *pb.KV
	var top uint64
	for {
		list, err := fr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		for _, kv := range list.Kv {
			if string(kv.Key) == backupEndKey {
				end = kv
				continue
			}
			top = max(top, kv.Version)
			if pending == 0 {
				// Each batch is checked for room before it is written, so a
				// disk that fills during a restore stops it cleanly (the
				// hidden folder is then removed) rather than faulting Badger.
				if err := roomFor(db, commitSize(0, int64(loadBatchSize))); err != nil {
					return err
				}
			}
			if err := ldr.Set(kv); err != nil {
				return err
			}
			if pending += len(kv.Key) + len(kv.Value); pending >= loadBatchSize {
				if err := ldr.Finish(); err != nil {
					return err
				}
				ldr, pending = db.NewKVLoader(1), 0
			}
		}
	}
	if err := ldr.Finish(); err != nil {
		return err
	}
	if end == nil {
		return nil // takeBackupEnd says the backup is incomplete
	}
	end.Version = max(end.Version, top)
	last, err := proto.Marshal(&pb.KVList{Kv: []*pb.KV{end}})
	if err != nil {
		return err
	}
	frame := append(binary.LittleEndian.AppendUint64(nil, uint64(len(last))), last...)
	return db.Load(bytes.NewReader(frame), 1)
}

// frameReader reads the frames of a backup stream (an 8-byte little-endian
// length, then a protobuf KVList), checking each length. Its buffer holds
// plaintext, so it is wiped after each frame.
type frameReader struct {
	r   *bufio.Reader
	buf bytes.Buffer
}

// next returns the next frame, or io.EOF at the end of the stream at a
// frame boundary.
func (f *frameReader) next() (*pb.KVList, error) {
	var header [8]byte
	if n, err := io.ReadFull(f.r, header[:]); err != nil {
		if err == io.EOF || (err == io.ErrUnexpectedEOF && n == 0) {
			return nil, io.EOF
		}
		return nil, fmt.Errorf("the backup ends in the middle of a frame: %v", err)
	}
	size := binary.LittleEndian.Uint64(header[:])
	if size > maxBackupFrame {
		return nil, fmt.Errorf("a backup frame of %d bytes is too large: the backup is damaged", size)
	}
	f.wipe()
	if _, err := io.CopyN(&f.buf, f.r, int64(size)); err != nil {
		return nil, fmt.Errorf("the backup ends in the middle of a frame: %v", err)
	}
	list := &pb.KVList{}
	err := proto.Unmarshal(f.buf.Bytes(), list)
	f.wipe()
	if err != nil {
		return nil, err
	}
	return list, nil
}

func (f *frameReader) wipe() {
	clear(f.buf.Bytes())
	f.buf.Reset()
}
