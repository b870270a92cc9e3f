package cli

import (
	"archive/tar"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"msprecords/crypto"
	"msprecords/records"
)

// WriteBackup and RestoreBackup are the vault's backups, shared by the
// command line (backup, restore) and the window, so that there is one
// backup format: see archive.go.

// ErrWrongBackupPassphrase is returned by RestoreBackup when the
// passphrase does not open the backup. It also matches
// crypto.ErrWrongPassphrase.
var ErrWrongBackupPassphrase = errors.New("the passphrase does not open this backup")

// WriteBackup writes an encrypted backup of an open vault to w: the
// header and key slots in vaultDir and the whole database in store, sealed
// with passphrase. The caller must hold the vault's lock, so that the key
// slots do not change meanwhile, and must remove what was written to w if
// WriteBackup fails. The database stream is plaintext: it is held in
// memory and reaches w only encrypted.
func WriteBackup(w io.Writer, vaultDir string, store *records.Store, passphrase string) error {
	wf, err := workFactor()
	if err != nil {
		return err
	}
	var db bytes.Buffer
	if err := store.Backup(&db); err != nil {
		return err
	}
	enc, err := crypto.EncryptWithPassphrase(w, passphrase, wf)
	if err != nil {
		return err
	}
	if err := writeArchive(enc, vaultDir, db.Bytes()); err != nil {
		return err
	}
	return enc.Close()
}

// UnlockFunc unlocks a vault just restored, as the person restoring it
// chooses: with the backup's passphrase, their own, or the recovery key.
// It returns the master key and the user to record in the audit trail.
type UnlockFunc func(v *crypto.Vault) (crypto.MasterKey, string, error)

// RestoreBackup restores the backup read from r into dir, which must not
// exist or be empty (crypto.ErrVaultExists), and returns the number of
// cases restored. backupPassphrase opens the backup; unlock then opens the
// restored vault, whose key slots are those in the backup. On any failure
// RestoreBackup removes everything it wrote. Errors: ErrWrongBackupPassphrase,
// crypto.ErrDamagedBackup, and whatever unlock returns.
func RestoreBackup(r io.Reader, dir, backupPassphrase string, unlock UnlockFunc) (n int, err error) {
	if err := checkRestoreTarget(dir); err != nil {
		return 0, err
	}
	plain, err := crypto.DecryptWithPassphrase(r, backupPassphrase)
	if errors.Is(err, crypto.ErrWrongPassphrase) {
		return 0, fmt.Errorf("%w (%w)", ErrWrongBackupPassphrase, err)
	}
	if err != nil {
		return 0, err
	}
	created := !exists(dir)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return 0, failf("cannot make the folder %s: %v", dir, unwrapPath(err))
	}
	defer func() {
		if err != nil {
			undoRestore(dir, created)
		}
	}()
	rs := &restorer{dir: dir, unlock: unlock, slots: map[string][]byte{}}
	return rs.restore(tar.NewReader(plain))
}

// checkRestoreTarget refuses a folder that holds anything: restoring never
// overwrites or mixes with what is there.
func checkRestoreTarget(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return failf("cannot use the folder %s: %v", dir, unwrapPath(err))
	case len(entries) > 0:
		return explain(crypto.ErrVaultExists, "restore needs a new or empty folder, and %s is not empty: choose a new folder", dir)
	}
	return nil
}

// restorer writes a backup's files into the new vault folder.
type restorer struct {
	dir    string
	unlock UnlockFunc
	head   []byte
	slots  map[string][]byte
	cases  int
}

// restore reads the archive to its end and returns the number of cases.
func (r *restorer) restore(tr *tar.Reader) (int, error) {
	dbDone := false
	for {
		e, err := nextEntry(tr)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return 0, damagedBackup(err)
		}
		if dbDone {
			return 0, damagedBackup(errors.New("data after the database"))
		}
		if err := r.take(e); err != nil {
			return 0, err
		}
		dbDone = e.kind == archiveDB
	}
	if !dbDone {
		return 0, damagedBackup(errors.New("it holds no database"))
	}
	return r.cases, nil
}

// take handles one file of the archive.
func (r *restorer) take(e *archiveEntry) error {
	if e.kind == archiveDB {
		return r.restoreDB(e.r)
	}
	data, err := readSmall(e.r)
	if err != nil {
		return damagedBackup(err)
	}
	if e.kind == archiveHeader {
		r.head = data
	} else {
		r.slots[e.name] = data
	}
	return nil
}

// restoreDB writes the header and slots, unlocks the new vault and loads
// the database into it.
func (r *restorer) restoreDB(db io.Reader) error {
	if r.head == nil || len(r.slots) == 0 {
		return damagedBackup(errors.New("it holds no vault header or key slots"))
	}
	if err := writeVaultFiles(r.dir, r.head, r.slots); err != nil {
		return err
	}
	s, err := lockVault(r.dir)
	if err != nil {
		return err
	}
	defer s.close()
	if s.key, s.user, err = r.unlock(s.vault); err != nil {
		return err
	}
	if err := records.RestoreStore(s.vault.DBDir(), s.key, s.user, db); err != nil {
		if errors.Is(err, records.ErrDamagedStore) {
			return damagedBackup(err)
		}
		return err
	}
	if err := s.openStore(); err != nil {
		return err
	}
	r.cases = len(s.store.Summaries())
	return nil
}

func damagedBackup(err error) error {
	return explain(errors.Join(crypto.ErrDamagedBackup, err), "the backup file is damaged, incomplete or not an MSP Records backup (%v)", err)
}

// writeVaultFiles writes the slot files, then vault.json, so that the
// folder is a vault only once its slots are there.
func writeVaultFiles(dir string, head []byte, slots map[string][]byte) error {
	fail := func(err error) error { return failf("cannot write the vault in %s: %v", dir, unwrapPath(err)) }
	slotsDir := filepath.Join(dir, "slots")
	if err := os.Mkdir(slotsDir, 0o700); err != nil {
		return fail(err)
	}
	for name, data := range slots {
		if err := crypto.WriteFileAtomic(filepath.Join(slotsDir, name), data, 0o600); err != nil {
			return fail(err)
		}
	}
	if err := crypto.WriteFileAtomic(filepath.Join(dir, archiveHeader), head, 0o600); err != nil {
		return fail(err)
	}
	return nil
}

// undoRestore removes what a failed restore wrote.
func undoRestore(dir string, created bool) {
	if created {
		os.RemoveAll(dir)
		return
	}
	undoInit(dir)
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
