package crypto

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"time"
)

// Header is the plaintext content of vault.json. It holds nothing personal:
// only what is needed to recognise the folder as a vault and to bind slots
// to it.
type Header struct {
	Format  int       `json:"format"`
	VaultID string    `json:"vault_id"`
	Created time.Time `json:"created"`
}

// newHeader returns the header of a vault created now.
func newHeader(now time.Time) (Header, error) {
	id, err := newID()
	if err != nil {
		return Header{}, err
	}
	return Header{Format: HeaderFormat, VaultID: id, Created: now}, nil
}

// readHeader reads and checks path (a vault.json).
func readHeader(path string) (Header, error) {
	data, err := readSmallFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Header{}, fmt.Errorf("%w: %s not found", ErrNoVault, path)
	}
	if err != nil {
		return Header{}, fmt.Errorf("%w: %v", ErrDamagedHeader, err)
	}
	return decodeHeader(data)
}

// decodeHeader parses and checks the content of vault.json.
func decodeHeader(data []byte) (Header, error) {
	if err := checkFormatUpTo(data, "vault header", HeaderFormat); err != nil {
		return Header{}, wrapDamaged(ErrDamagedHeader, err)
	}
	var h Header
	if err := json.Unmarshal(data, &h); err != nil {
		return Header{}, fmt.Errorf("%w: %v", ErrDamagedHeader, err)
	}
	switch {
	case !validID(h.VaultID):
		return Header{}, fmt.Errorf("%w: bad vault id", ErrDamagedHeader)
	case h.Created.IsZero():
		return Header{}, fmt.Errorf("%w: no creation time", ErrDamagedHeader)
	}
	return h, nil
}
