package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	badger "github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/fb"
	"github.com/dgraph-io/badger/v4/options"
	"github.com/dgraph-io/badger/v4/table"
	"github.com/dgraph-io/ristretto/v2"
	"github.com/dgraph-io/ristretto/v2/z"
)

// checkTables reads every table of the database, checking each block's
// checksum, before Badger opens it.
//
// Why: Badger opens tables in goroutines of its own, where a damaged table
// panics (slice bounds out of range) and ends the whole program, past any
// recover; and a table that fails its checksum is silently left out, losing
// the cases in it. Opening each table here, in this goroutine, turns both
// into ErrDamagedStore. Badger itself then checks blocks only as it reads
// them, so the tables are read once at open, not twice.
func checkTables(dir string, key []byte) (err error) {
	defer recoverInto(&err)
	manifest, err := readManifest(dir)
	if err != nil {
		return err
	}
	kr, err := badger.OpenKeyRegistry(badger.KeyRegistryOptions{
		Dir: dir, ReadOnly: true, EncryptionKey: key,
		EncryptionKeyRotationDuration: badger.DefaultOptions("").EncryptionKeyRotationDuration,
	})
	if err != nil {
		return mapOpenError(err)
	}
	defer kr.Close()
	cache, err := ristretto.NewCache(&ristretto.Config[uint64, *fb.TableIndex]{
		NumCounters: 1 << 12, MaxCost: indexCacheSize, BufferItems: 64,
	})
	if err != nil {
		return err
	}
	defer cache.Close()
	var tasks []func() error
	for id, tf := range manifest.Tables {
		dk, err := kr.DataKey(tf.KeyID)
		if err != nil {
			return mapOpenError(err)
		}
		// OnBlockRead, not OnTableAndBlockRead: the latter makes OpenTable
		// verify every block too, so checkTable below would decrypt and
		// check each block twice. VerifyChecksum reads every block, and in
		// this mode each block read is checked.
		opts := table.Options{
			ChkMode: options.OnBlockRead, Compression: tf.Compression, DataKey: dk,
			BlockSize: badger.DefaultOptions("").BlockSize, IndexCache: cache,
		}
		path := table.NewFilename(id, dir)
		tasks = append(tasks, func() error { return checkTable(path, opts) })
	}
	return runParallel(tasks)
}

// runParallel runs tasks on every core and returns the first error.
func runParallel(tasks []func() error) error {
	next := make(chan func() error)
	errs := make([]error, max(1, runtime.GOMAXPROCS(0)))
	var wg sync.WaitGroup
	for w := range errs {
		wg.Go(func() {
			for task := range next {
				if err := task(); err != nil && errs[w] == nil {
					errs[w] = err
				}
			}
		})
	}
	for _, task := range tasks {
		next <- task
	}
	close(next)
	wg.Wait()
	return errors.Join(errs...)
}

// readManifest reads Badger's list of tables.
func readManifest(dir string) (badger.Manifest, error) {
	f, err := os.Open(filepath.Join(dir, manifestName))
	if err != nil {
		return badger.Manifest{}, fmt.Errorf("%w: %v", ErrDamagedStore, err)
	}
	defer f.Close()
	m, _, err := badger.ReplayManifestFile(f, 0, badger.DefaultOptions(dir).WithLogger(nil))
	if err != nil {
		return m, fmt.Errorf("%w: the table list (MANIFEST): %v", ErrDamagedStore, err)
	}
	return m, nil
}

// checkTable opens one table read-only and verifies every block.
func checkTable(path string, opts table.Options) (err error) {
	name := filepath.Base(path)
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: table %s: %v", ErrDamagedStore, name, r)
		}
	}()
	if err := checkFooter(path); err != nil {
		return err
	}
	mf, err := z.OpenMmapFile(path, os.O_RDONLY, 0)
	if err != nil && !errors.Is(err, z.NewFile) {
		return fmt.Errorf("%w: table %s: %v", ErrDamagedStore, name, err)
	}
	defer mf.Close(-1) // never DecrRef: at zero references the table package deletes the file
	t, err := table.OpenTable(mf, opts)
	if err != nil {
		return fmt.Errorf("%w: table %s: %v", ErrDamagedStore, name, err)
	}
	if err := t.VerifyChecksum(); err != nil {
		return fmt.Errorf("%w: table %s: %v", ErrDamagedStore, name, err)
	}
	return nil
}

// checkFooter checks that the lengths at the end of a table fit inside it.
// The table package reads them unchecked, and a read past the end of the
// file there stops the program (log.Fatal) rather than panicking.
func checkFooter(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrDamagedStore, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	size := info.Size()
	chkLen, err := readU32At(f, size-4)
	if err != nil || int64(chkLen) > size-8 {
		return fmt.Errorf("%w: table %s is truncated", ErrDamagedStore, filepath.Base(path))
	}
	idxLen, err := readU32At(f, size-8-int64(chkLen))
	if err != nil || int64(idxLen) > size-8-int64(chkLen) {
		return fmt.Errorf("%w: table %s is truncated", ErrDamagedStore, filepath.Base(path))
	}
	return nil
}

// readU32At reads a big-endian uint32, as Badger writes its lengths.
func readU32At(f *os.File, off int64) (uint32, error) {
	if off < 0 {
		return 0, errors.New("before the start of the file")
	}
	var b [4]byte
	if _, err := f.ReadAt(b[:], off); err != nil {
		return 0, err
	}
	return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3]), nil
}

// removeEmptyMemtables removes memtable logs (*.mem) of no bytes at all,
// which a program killed just as Badger made a new one leaves behind (a
// restriction's purge makes new ones, see Restrict). Such a file holds
// nothing, not even its header, and Badger refuses to open a database with
// one ("Create a new file").
func removeEmptyMemtables(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if filepath.Ext(e.Name()) != ".mem" {
			continue
		}
		info, err := e.Info()
		if err == nil && info.Size() == 0 {
			if err := os.Remove(filepath.Join(dir, e.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}
