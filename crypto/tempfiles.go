package crypto

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// Temporary files. Every AtomicFile writes under a name from TempName,
// which tells nothing of the file it will become (no case reference, no
// person's name, no user's folder names: a name can be personal data),
// and which the program recognises as its own when a crash leaves one.

// ErrTempNotRecorded is returned, wrapping the ledger's error, when a
// TempLedger could not record a temporary file: nothing was written.
var ErrTempNotRecorded = errors.New("the temporary file could not be recorded")

// tempPrefix and tempSuffix frame the random part of a temporary name.
const (
	tempPrefix    = ".msprecords-"
	tempSuffix    = ".tmp"
	tempRandBytes = 12 // 96 bits: two writers never pick the same name
)

// TempName returns a new name for a temporary file:
// ".msprecords-<24 hex digits>.tmp". The leading dot hides it from most
// listings, and the slot reader skips it.
func TempName() (string, error) {
	b := make([]byte, tempRandBytes)
	if _, err := io.ReadFull(rand.Reader, b); err != nil {
		return "", fmt.Errorf("naming a temporary file: %w", err)
	}
	return tempPrefix + hex.EncodeToString(b) + tempSuffix, nil
}

// IsTempName reports whether name (a base name) is a temporary file of an
// AtomicFile: one from TempName, or one named as earlier versions named
// theirs, ".<final name>.<digits>.tmp".
func IsTempName(name string) bool {
	return isCurrentTempName(name) || isOldTempName(name)
}

// isCurrentTempName reports whether name is exactly what TempName makes.
func isCurrentTempName(name string) bool {
	r, ok := strings.CutPrefix(name, tempPrefix)
	if !ok {
		return false
	}
	r, ok = strings.CutSuffix(r, tempSuffix)
	return ok && len(r) == 2*tempRandBytes && isLowerHex(r)
}

// isOldTempName recognises os.CreateTemp(dir, "."+base+".*.tmp"), which
// versions before TempName used: the random part is decimal digits.
func isOldTempName(name string) bool {
	r, ok := strings.CutPrefix(name, ".")
	if !ok {
		return false
	}
	r, ok = strings.CutSuffix(r, tempSuffix)
	if !ok {
		return false
	}
	i := strings.LastIndexByte(r, '.')
	if i < 1 || i == len(r)-1 {
		return false
	}
	return strings.Trim(r[i+1:], "0123456789") == ""
}

func isLowerHex(s string) bool {
	for _, c := range []byte(s) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// liveTemps holds the absolute paths of the temporary files this process
// is writing now, so that a clean-up in the same process (the store's at a
// reopen, while a slow backup of the last session is still being
// abandoned) never removes one from under its writer.
var liveTemps = tempSet{m: map[string]bool{}}

type tempSet struct {
	sync.Mutex
	m map[string]bool
}

func (s *tempSet) add(path string) {
	s.Lock()
	defer s.Unlock()
	s.m[path] = true
}

func (s *tempSet) remove(path string) {
	s.Lock()
	defer s.Unlock()
	delete(s.m, path)
}

func (s *tempSet) has(path string) bool {
	s.Lock()
	defer s.Unlock()
	return s.m[path]
}

// TempInUse reports whether the temporary file at path is being written by
// this process now. A clean-up must leave such a file alone.
func TempInUse(path string) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		return true // cannot tell: leave it
	}
	return liveTemps.has(abs)
}

// RemoveLeftoverTemp removes the temporary file at path, which a ledger
// recorded and a crash may have left, and reports whether the record can
// go: the file is gone (removed now, or never made, or renamed into place
// long ago). A path whose name is not a temporary name is never removed,
// whatever a record says; a file this process is writing is left alone;
// and a file in a folder that is not there (a USB drive taken out) is kept
// on record for when the folder comes back.
func RemoveLeftoverTemp(path string) (forget bool) {
	if !isCurrentTempName(filepath.Base(path)) {
		return true // not ours to remove, and not worth keeping on record
	}
	if TempInUse(path) {
		return false
	}
	err := os.Remove(path)
	if err == nil || !errors.Is(err, fs.ErrNotExist) {
		return err == nil
	}
	_, err = os.Stat(filepath.Dir(path))
	return err == nil
}

// removeVaultTemps removes the temporary files that a killed program left
// in the vault folder dir and its slots folder: an unfinished vault.json
// (from a restore or init) or an unfinished key slot (from adding a user
// or changing a passphrase, which therefore did not happen). Only the
// holder of the vault lock may call it: no one else writes there then.
func removeVaultTemps(dir string) {
	for _, d := range []string{dir, filepath.Join(dir, slotsName)} {
		entries, err := os.ReadDir(d)
		if err != nil {
			continue
		}
		removed := false
		for _, e := range entries {
			path := filepath.Join(d, e.Name())
			if !e.Type().IsRegular() || !IsTempName(e.Name()) || TempInUse(path) {
				continue
			}
			if os.Remove(path) == nil {
				removed = true
			}
		}
		if removed {
			syncDir(d) // best effort: a temp that comes back is removed next time
		}
	}
}
