package crypto

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Names inside a vault folder.
const (
	headerName = "vault.json"
	slotsName  = "slots"
	dbName     = "db"
)

// Vault is an opened vault folder: its header, and where to find its slots
// and database. Opening a vault reads only the header; every method reads
// the slot files afresh, so a Vault never holds a stale view of them, and
// it never holds the master key.
type Vault struct {
	Dir    string
	Header Header

	// WorkFactor is the scrypt work factor for new passphrase slots; 0 means
	// DefaultWorkFactor.
	WorkFactor int
}

// Create makes a new vault in dir, which must not exist or be an empty
// folder: vault.json, and in slots/ one passphrase slot for label, its
// lead, and one recovery slot. It returns the vault, the new master key
// with the lead's key pair (as Unlock would), and the recovery key as an
// age X25519 identity ("AGE-SECRET-KEY-1..."), which is shown to the user
// once and stored nowhere.
//
// vault.json is written last, so a folder left by a crash halfway is not
// mistaken for a vault; on an error, Create removes what it made.
func Create(dir, label, passphrase string, workFactor int) (*Vault, Unlocked, string, error) {
	label, err := checkNewSlot(label, passphrase, workFactor)
	if err != nil {
		return nil, Unlocked{}, "", err
	}
	made, err := prepareDir(dir)
	if err != nil {
		return nil, Unlocked{}, "", err
	}
	v, u, recovery, err := create(dir, label, passphrase, workFactor)
	if err != nil {
		undoCreate(dir, made)
		return nil, Unlocked{}, "", err
	}
	return v, u, recovery, nil
}

// create writes a new vault into the empty folder dir.
func create(dir, label, passphrase string, workFactor int) (*Vault, Unlocked, string, error) {
	h, err := newHeader(now())
	if err != nil {
		return nil, Unlocked{}, "", err
	}
	v := &Vault{Dir: dir, Header: h, WorkFactor: workFactor}
	key, err := NewMasterKey()
	if err != nil {
		return nil, Unlocked{}, "", err
	}
	if err := os.Mkdir(v.slotsDir(), 0o700); err != nil {
		return nil, Unlocked{}, "", fmt.Errorf("creating vault: %w", err)
	}
	pair, err := v.writeNewPassphraseSlot(key, label, passphrase, Lead)
	if err != nil {
		return nil, Unlocked{}, "", err
	}
	recovery, _, err := v.writeNewRecoverySlot(key)
	if err != nil {
		return nil, Unlocked{}, "", err
	}
	if err := v.writeHeader(); err != nil {
		return nil, Unlocked{}, "", err
	}
	return v, Unlocked{Key: key, Label: label, Role: Lead, Identity: pair}, recovery, nil
}

// prepareDir makes sure dir is an empty folder, creating it (and its
// parents) if it does not exist. It reports whether it created dir.
func prepareDir(dir string) (made bool, err error) {
	info, err := os.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return false, fmt.Errorf("creating vault: %w", err)
		}
		return true, nil
	}
	if err != nil {
		return false, fmt.Errorf("creating vault: %w", err)
	}
	if !info.IsDir() {
		return false, fmt.Errorf("%w: %s is a file", ErrVaultExists, dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false, fmt.Errorf("creating vault: %w", err)
	}
	if len(entries) > 0 {
		return false, fmt.Errorf("%w: %s", ErrVaultExists, dir)
	}
	return false, nil
}

// undoCreate removes what a failed Create wrote. The folder was empty, so
// everything in it is ours.
func undoCreate(dir string, made bool) {
	if made {
		os.RemoveAll(dir)
		return
	}
	os.Remove(filepath.Join(dir, headerName))
	os.RemoveAll(filepath.Join(dir, slotsName))
}

// Open reads and checks dir/vault.json. It does not look at the slots:
// Slots, Users and Unlock do, each time they are called.
func Open(dir string) (*Vault, error) {
	h, err := readHeader(filepath.Join(dir, headerName))
	if err != nil {
		return nil, err
	}
	return &Vault{Dir: dir, Header: h}, nil
}

// DBDir returns the folder of the vault's database. The database belongs
// to another package; nothing here creates, reads or changes it.
func (v *Vault) DBDir() string { return filepath.Join(v.Dir, dbName) }

func (v *Vault) slotsDir() string { return filepath.Join(v.Dir, slotsName) }

func (v *Vault) slotPath(id string) string {
	return filepath.Join(v.slotsDir(), id+".json")
}

// writeHeader writes vault.json atomically.
func (v *Vault) writeHeader() error {
	data, err := encodeJSON(v.Header)
	if err != nil {
		return err
	}
	return WriteFileAtomic(filepath.Join(v.Dir, headerName), data, 0o600)
}
