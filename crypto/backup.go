package crypto

import (
	"fmt"
	"io"

	"filippo.io/age"
)

// EncryptWithPassphrase returns a writer that encrypts what is written to it
// into dst, as a binary age file sealed with passphrase alone (scrypt must
// be an age file's only recipient). workFactor 0 means DefaultWorkFactor.
// The caller must Close the writer to finish the file; dst is not closed.
//
// Backups use a passphrase of their own, not a slot's, so a backup can be
// restored on a PC where the vault and its users do not exist.
func EncryptWithPassphrase(dst io.Writer, passphrase string, workFactor int) (io.WriteCloser, error) {
	r, err := newScryptRecipient(passphrase, workFactor)
	if err != nil {
		return nil, err
	}
	w, err := age.Encrypt(dst, r)
	if err != nil {
		return nil, fmt.Errorf("encrypting backup: %w", err)
	}
	return w, nil
}

// DecryptWithPassphrase returns a reader of the plaintext of an age file
// made by EncryptWithPassphrase. A wrong passphrase gives
// ErrWrongPassphrase at once; a file that is not such an age file gives
// ErrDamagedBackup, either at once or, for damage further in (the stream is
// authenticated chunk by chunk), from Read. Data read before such an error
// is authentic but incomplete.
func DecryptWithPassphrase(src io.Reader, passphrase string) (io.Reader, error) {
	id, ok := newScryptIdentity(passphrase)
	if !ok {
		return nil, ErrWrongPassphrase
	}
	r, err := age.Decrypt(src, id)
	if wrongIdentity(err, id) {
		return nil, ErrWrongPassphrase
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrDamagedBackup, err)
	}
	return damageReader{r}, nil
}

// damageReader reports the errors of an age stream as ErrDamagedBackup,
// keeping the underlying error wrapped too, so that a caller can tell
// damage from success with errors.Is alone.
type damageReader struct{ r io.Reader }

func (d damageReader) Read(p []byte) (int, error) {
	n, err := d.r.Read(p)
	if err != nil && err != io.EOF {
		err = fmt.Errorf("%w: %w", ErrDamagedBackup, err)
	}
	return n, err
}
