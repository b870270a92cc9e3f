package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"msprecords/practice"

	badger "github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"
)

// Store is the encrypted case database of one vault: case documents, the
// hash-chained audit trail and an in-memory index of case summaries built at
// open. A Store is safe for use by several goroutines; writes are serialised
// so that the index always matches what was committed.
type Store struct {
	user string
	key  []byte // the copy Badger holds; zeroed on Close

	life sync.RWMutex // held for reading by every call, for writing by Close
	db   *badger.DB   // nil once closed

	writeMu sync.Mutex // one writer at a time: the index and refseq stay consistent
	idx     index
	rules   practice.Options // what the summaries' gaps are worked out with

	release func() // gives up the claim on the folder (see claimDir)

	mark *commitMark // the commit mark (mark.go), moved by every commit that appends to the audit trail
	loss *LossReport // what this open found lost, or nil (loss.go)

	closing atomic.Bool // set by Close, so that the search-text loader stops at once

	keys caseKeys // the user's key pair and the restricted cases' keys it opened (restricted.go)
}

// Badger's sizes for a desktop PC: a few tens of megabytes in all rather than
// Badger's server defaults of several hundred. Measured at 50,000 cases
// (scripts/bench.sh): Badger syncs every value-log file when it closes and
// checkTables syncs every table it has checked, a disk flush each, so files
// are made fewer by being larger (64 MB value-log files, 8 MB tables) rather
// than the 16 MB and 2 MB this store started with; caches stay small, as the index holds only
// compact summaries.
const (
	memTableSize   = 8 << 20 // also bounds one transaction (15% of it) for values kept in the tree
	valueThreshold = 2 << 10 // documents go to the value log; the tables keep keys, summaries, search words and audit
	valueLogSize   = 64 << 20
	baseTableSize  = 8 << 20
	blockCacheSize = 16 << 20 // required (> 0) with encryption
	indexCacheSize = 8 << 20  // keeps the table indexes out of the heap
)

// manifestName and keyRegistryName are files Badger writes in every database;
// their absence means there is no database (or a damaged one).
const (
	manifestName    = "MANIFEST"
	keyRegistryName = "KEYREGISTRY"
)

// Open opens the existing encrypted database in dir with the vault's
// master key; user is the slot label written in the audit trail, and rules
// the practice options the case list's gaps are worked out with (stored
// gaps worked out otherwise are worked out again). It never creates a
// database (see Create): a missing or empty dir gives ErrDamagedStore.
// Other errors: ErrDiskFull (asked first, as a full disk can look like
// damage), ErrWrongKey, ErrStoreInUse, ErrDamagedStore.
func Open(dir string, key [32]byte, user string, rules practice.Options) (*Store, error) {
	if err := checkRoomToOpen(dir); err != nil {
		return nil, err
	}
	if err := checkExisting(dir); err != nil {
		return nil, err
	}
	return open(dir, key[:], user, rules)
}

// Create creates a new, empty encrypted database in dir (which may exist,
// but must not hold a database: ErrStoreExists) and opens it.
func Create(dir string, key [32]byte, user string, rules practice.Options) (*Store, error) {
	if err := checkRoomToOpen(dir); err != nil {
		return nil, err
	}
	if err := checkAbsent(dir); err != nil {
		return nil, err
	}
	return open(dir, key[:], user, rules)
}

// OpenPlainForBenchmark opens or creates an unencrypted database, only to
// measure what encryption costs. Never use it for real records.
func OpenPlainForBenchmark(dir string, user string) (*Store, error) {
	return open(dir, nil, user, practice.DefaultOptions())
}

func checkExisting(dir string) error {
	for _, name := range []string{manifestName, keyRegistryName} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			return fmt.Errorf("%w: no database in %s (%s missing)", ErrDamagedStore, dir, name)
		}
	}
	return nil
}

func checkAbsent(dir string) error {
	if _, err := os.Stat(filepath.Join(dir, manifestName)); err == nil {
		return fmt.Errorf("%w: %s", ErrStoreExists, dir)
	}
	return nil
}

func open(dir string, key []byte, user string, rules practice.Options) (s *Store, err error) {
	release, err := claimDir(dir)
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			release()
		}
	}()
	s = &Store{user: user, release: release, rules: rules}
	if key != nil {
		s.key = append([]byte(nil), key...)
	}
	_, err = os.Stat(filepath.Join(dir, manifestName))
	existed := err == nil
	if existed {
		if err := removeEmptyMemtables(dir); err != nil {
			return nil, err
		}
		if err := checkTables(dir, s.key); err != nil {
			return nil, err
		}
	}
	db, err := openBadger(dir, s.key)
	if err != nil {
		return nil, err
	}
	s.db = db
	// Before anything else is written: the first write would move the
	// audit head past what the mark can be compared with.
	if err := s.checkMark(dir, existed); err != nil {
		s.closeFailed()
		if errors.Is(err, ErrUnknownSchema) || errors.Is(err, ErrDamagedStore) {
			return nil, err
		}
		return nil, fmt.Errorf("%w: %v", ErrDamagedStore, err)
	}
	if err := s.prepare(); err != nil {
		s.closeFailed()
		if IsDiskFull(err) {
			return nil, AsDiskFull(err)
		}
		return nil, fmt.Errorf("%w: %v", ErrDamagedStore, err)
	}
	if err := s.buildIndex(); err != nil {
		s.closeFailed()
		if errors.Is(err, ErrUnknownSchema) || errors.Is(err, ErrDamagedStore) {
			return nil, err
		}
		return nil, fmt.Errorf("%w: %v", ErrDamagedStore, err)
	}
	return s, nil
}

// closeFailed closes what a failed open had opened: the mark and the
// database.
func (s *Store) closeFailed() {
	s.closeMark()
	_ = safeClose(s.db)
}

// closeMark stops the database's commits moving the mark and closes it.
func (s *Store) closeMark() {
	marks.Delete(s.db)
	if s.mark != nil {
		_ = s.mark.close()
	}
}

// prepare finishes what a crash may have left undone and brings the stored
// summaries up to date, before the index is read from them.
func (s *Store) prepare() (err error) {
	defer recoverInto(&err)
	s.removeLeftoverTemps()
	if err := s.finishInterruptedImport(); err != nil {
		return err
	}
	if err := s.purgePending(); err != nil {
		return err
	}
	return s.ensureSummaries()
}

// badgerOptions are the desktop-sized settings. The logger is off because
// Badger's messages can include keys and file contents.
func badgerOptions(dir string, key []byte) badger.Options {
	opt := badger.DefaultOptions(dir).
		WithLogger(nil).
		WithSyncWrites(true). // a save is on disk when Save returns
		WithMemTableSize(memTableSize).
		WithNumMemtables(2).
		WithValueThreshold(valueThreshold).
		WithValueLogFileSize(valueLogSize).
		WithNumCompactors(2).
		WithNumGoroutines(2).
		WithNumLevelZeroTables(3).
		WithNumLevelZeroTablesStall(8).
		WithBaseTableSize(baseTableSize).
		WithBlockCacheSize(blockCacheSize).
		WithIndexCacheSize(indexCacheSize).
		WithCompression(options.None). // encrypted blocks do not compress; keeps CPU down
		WithMetricsEnabled(false).
		// Checksums on every block and value read turn a damaged file into
		// an error rather than garbage further on. Whole tables are checked
		// once at open by checkTables.
		WithChecksumVerificationMode(options.OnBlockRead).
		WithVerifyValueChecksum(true)
	if key != nil {
		opt = opt.WithEncryptionKey(key)
	}
	return opt
}

// openBadger opens Badger and turns its errors, and any panic inside it on
// damaged files, into the store's sentinels.
func openBadger(dir string, key []byte) (db *badger.DB, err error) {
	defer func() {
		if r := recover(); r != nil {
			db, err = nil, mapOpenError(fmt.Errorf("%v", r))
		}
	}()
	db, err = badger.Open(badgerOptions(dir, key))
	if err != nil {
		return nil, mapOpenError(err)
	}
	return db, nil
}

func mapOpenError(err error) error {
	msg := err.Error()
	switch {
	case IsDiskFull(err): // before all else: a full disk is not damage
		return AsDiskFull(err)
	case errors.Is(err, badger.ErrEncryptionKeyMismatch):
		return fmt.Errorf("%w (%v)", ErrWrongKey, err)
	case strings.Contains(msg, "Cannot acquire directory lock"),
		strings.Contains(msg, "Another process is using this Badger database"):
		return fmt.Errorf("%w (%v)", ErrStoreInUse, err)
	}
	return fmt.Errorf("%w: %v", ErrDamagedStore, err)
}

// Close flushes and closes the database and forgets the key. Calls after
// Close return ErrStoreClosed; a second Close does nothing.
func (s *Store) Close() error {
	s.closing.Store(true)
	s.life.Lock()
	defer s.life.Unlock()
	if s.db == nil {
		return nil
	}
	s.closeMark()
	err := safeClose(s.db)
	s.db = nil
	s.release()
	clear(s.key)
	s.idx.reset()
	return err
}

func safeClose(db *badger.DB) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: while closing: %v", ErrDamagedStore, r)
		}
	}()
	return db.Close()
}

// User returns the slot label that the audit trail records for this session.
func (s *Store) User() string { return s.user }

// use holds the store open for the duration of a call and returns the
// database, or ErrStoreClosed. The caller must call s.done.
func (s *Store) use() (*badger.DB, error) {
	s.life.RLock()
	if s.db == nil {
		s.life.RUnlock()
		return nil, ErrStoreClosed
	}
	return s.db, nil
}

func (s *Store) done() { s.life.RUnlock() }

// useForWriting is use for a change: it also takes the write lock, so that
// a read-check-write transaction (revisions, references, the audit chain)
// never races another. release undoes both.
func (s *Store) useForWriting() (db *badger.DB, release func(), err error) {
	if db, err = s.use(); err != nil {
		return nil, nil, err
	}
	s.writeMu.Lock()
	if err := roomFor(db, changeRoom); err != nil { // see space.go
		s.writeMu.Unlock()
		s.done()
		return nil, nil, err
	}
	return db, func() { s.writeMu.Unlock(); s.done() }, nil
}
