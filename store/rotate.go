package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"msprecords/crypto"

	badger "github.com/dgraph-io/badger/v4"
)

// A new master key, when someone who knew the old one leaves. Badger never
// encrypts a table or value-log file with the master key itself: each file
// is encrypted with a data key, and the data keys are kept in the key
// registry (KEYREGISTRY), encrypted with the master key. So a new master
// key means writing the registry again, as Badger's own `badger rotate`
// command does, and nothing else of Badger's: no table or value-log file
// is read or written, however large the database.
//
// The commit mark (mark.go) is the one other file keyed with the master
// key (its HMAC). It is written again first, with two records naming the
// same head: the older keyed with the old key, the newer with the new one,
// so that whichever key a crash leaves the registry under, the mark is
// valid under it too and the next open reports no false loss. Once the
// registry is rewritten, the mark is written once more with the new key
// alone.

// RotateKey re-encrypts the database in dir under the master key next,
// from old. The store must be closed (and the vault locked by the caller):
// a store open on dir in this program gives ErrStoreInUse.
//
// It can be called again after a crash at any point: a registry that
// already opens with next is left as it is (and the mark finished), so
// the caller that finds the vault half-rotated (see KeyOpens) calls
// RotateKey again with the same keys. A registry that opens with neither
// key gives ErrWrongKey; a damaged one ErrDamagedStore.
func RotateKey(dir string, old, next [32]byte) (err error) {
	defer recoverInto(&err) // WriteKeyRegistry panics on some failures (y.Check)
	release, err := claimDir(dir)
	if err != nil {
		return err
	}
	defer release()
	if err := checkExisting(dir); err != nil {
		return err
	}
	kr, err := openRegistry(dir, old[:])
	if errors.Is(err, ErrWrongKey) {
		return finishRotation(dir, old, next)
	}
	if err != nil {
		return err
	}
	defer kr.Close()
	if err := writeMark(dir, old, next, true); err != nil {
		return err
	}
	if err := rewriteRegistry(dir, kr, next[:]); err != nil {
		return err
	}
	return writeMark(dir, old, next, false)
}

// finishRotation is RotateKey for a registry the old key does not open: a
// crash came after the new registry was renamed into place, or the keys
// are wrong.
func finishRotation(dir string, old, next [32]byte) error {
	kr, err := openRegistry(dir, next[:])
	if errors.Is(err, ErrWrongKey) {
		return fmt.Errorf("%w: neither the old key nor the new one opens the database in %s", ErrWrongKey, dir)
	}
	if err != nil {
		return err
	}
	_ = kr.Close()
	return writeMark(dir, old, next, false)
}

// KeyOpens reports whether key opens the key registry in dir: after a
// crash during RotateKey, which of the two keys the database is under.
// A key that does not open it gives false and no error; a missing or
// damaged registry gives ErrDamagedStore.
func KeyOpens(dir string, key [32]byte) (opens bool, err error) {
	defer recoverInto(&err)
	if err := checkExisting(dir); err != nil {
		return false, err
	}
	kr, err := openRegistry(dir, key[:])
	if errors.Is(err, ErrWrongKey) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return true, kr.Close()
}

// registryOptions are those Badger opens the registry with
// (badgerOptions), read-only: opening it never writes to dir.
func registryOptions(dir string, key []byte) badger.KeyRegistryOptions {
	return badger.KeyRegistryOptions{
		Dir: dir, ReadOnly: true, EncryptionKey: key,
		EncryptionKeyRotationDuration: badgerOptions(dir, key).EncryptionKeyRotationDuration,
	}
}

// openRegistry opens the key registry read-only; ErrWrongKey if key does
// not open it. checkExisting must have found it: Badger gives an empty
// registry, not an error, for a missing one.
func openRegistry(dir string, key []byte) (*badger.KeyRegistry, error) {
	kr, err := badger.OpenKeyRegistry(registryOptions(dir, key))
	if err != nil {
		return nil, mapOpenError(err)
	}
	return kr, nil
}

// rewriteRegistry writes kr's data keys encrypted with key. Badger writes
// REWRITE-KEYREGISTRY and renames it over KEYREGISTRY; one a crash left
// behind is removed first, so that nothing of an earlier attempt is kept.
func rewriteRegistry(dir string, kr *badger.KeyRegistry, key []byte) error {
	tmp := filepath.Join(dir, badger.KeyRegistryRewriteFileName)
	if err := os.Remove(tmp); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("%w: a leftover %s could not be removed: %v", ErrDamagedStore, badger.KeyRegistryRewriteFileName, err)
	}
	if err := badger.WriteKeyRegistry(kr, registryOptions(dir, key)); err != nil {
		if IsDiskFull(err) {
			return AsDiskFull(err)
		}
		return fmt.Errorf("%w: the key registry could not be written again under the new key: %v", ErrDamagedStore, err)
	}
	return nil
}

// writeMark writes the commit mark again for the new key: with both
// records (the old key's and, one generation newer, the new key's) when
// both is set, else with the new key's alone. A mark that neither key
// makes valid (none, damaged, another vault's) is left for the next open
// to report, as it would have been without the new key.
func writeMark(dir string, old, next [32]byte, both bool) error {
	oldMAC, err := markKey(old[:])
	if err != nil {
		return err
	}
	nextMAC, err := markKey(next[:])
	if err != nil {
		return err
	}
	rec, ok, err := newestMark(dir, oldMAC, nextMAC)
	if err != nil || !ok {
		return err
	}
	data := make([]byte, markSize)
	if both {
		b := rec.encode(oldMAC)
		copy(data[slotOffset(rec.Gen):], b[:])
	}
	rec.Gen++
	b := rec.encode(nextMAC)
	copy(data[slotOffset(rec.Gen):], b[:])
	err = crypto.WriteFileAtomic(filepath.Join(dir, markName), data, 0o600)
	switch {
	case IsDiskFull(err):
		return AsDiskFull(err)
	case err != nil:
		return fmt.Errorf("%w: writing the commit mark: %w", ErrDamagedStore, err)
	}
	return nil
}

// newestMark reads the mark under either key and returns its newest valid
// record, as the old key's record to follow: a new key's record one
// generation older than it is. ok is false if neither key makes it valid.
func newestMark(dir string, oldMAC, nextMAC []byte) (rec markRecord, ok bool, err error) {
	ro, so, err := readMarkFile(dir, oldMAC)
	if err != nil {
		return rec, false, err
	}
	rn, sn, err := readMarkFile(dir, nextMAC)
	if err != nil {
		return rec, false, err
	}
	switch {
	case sn == markValid && (so != markValid || rn.Gen > ro.Gen):
		rn.Gen--
		return rn, true, nil
	case so == markValid:
		return ro, true, nil
	}
	return rec, false, nil
}
