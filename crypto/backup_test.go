package crypto

import (
	"bytes"
	"crypto/rand"
	"io"
	"testing"

	"filippo.io/age"
)

const backupPass = "backup passphrase"

// encryptForTest encrypts plaintext with EncryptWithPassphrase.
func encryptForTest(t *testing.T, plaintext []byte, passphrase string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := EncryptWithPassphrase(&buf, passphrase, testWorkFactor)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(plaintext); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestBackupRoundTrip(t *testing.T) {
	big := make([]byte, 200<<10) // several age chunks of 64 KiB
	rand.Read(big)
	for name, plaintext := range map[string][]byte{"empty": nil, "small": []byte("records"), "big": big} {
		t.Run(name, func(t *testing.T) {
			sealed := encryptForTest(t, plaintext, backupPass)
			if len(plaintext) > 0 && bytes.Contains(sealed, plaintext) {
				t.Fatal("plaintext in the backup")
			}
			r, err := DecryptWithPassphrase(bytes.NewReader(sealed), backupPass)
			if err != nil {
				t.Fatal(err)
			}
			got, err := io.ReadAll(r)
			if err != nil || !bytes.Equal(got, plaintext) {
				t.Errorf("round trip: %d bytes, %v; want %d bytes", len(got), err, len(plaintext))
			}
		})
	}
}

func TestBackupDecryptErrors(t *testing.T) {
	sealed := encryptForTest(t, bytes.Repeat([]byte("record "), 20000), backupPass)
	tests := []struct {
		name, pass string
		data       []byte
		want       error
	}{
		{"wrong passphrase", "wrong", sealed, ErrWrongPassphrase},
		{"empty passphrase", "", sealed, ErrWrongPassphrase},
		{"not age", backupPass, []byte("PK\x03\x04 a zip file"), ErrDamagedBackup},
		{"empty file", backupPass, nil, ErrDamagedBackup},
		{"header only", backupPass, sealed[:bytes.Index(sealed, []byte("\n---"))], ErrDamagedBackup},
		{"hostile work factor", backupPass, bytes.Replace(sealed, []byte(" 10\n"), []byte(" 30\n"), 1), ErrDamagedBackup},
		{"sealed to a key", backupPass, x25519ForTest(t), ErrDamagedBackup},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecryptWithPassphrase(bytes.NewReader(tt.data), tt.pass)
			wantErr(t, err, tt.want)
		})
	}
}

// TestBackupDamagedStream damages the encrypted body: the header opens,
// and the damage shows up as ErrDamagedBackup from Read.
func TestBackupDamagedStream(t *testing.T) {
	sealed := encryptForTest(t, bytes.Repeat([]byte("record "), 20000), backupPass)
	tests := map[string][]byte{
		"truncated": sealed[:len(sealed)-100],
		"flipped":   flipByte(sealed, len(sealed)-100),
	}
	for name, data := range tests {
		t.Run(name, func(t *testing.T) {
			r, err := DecryptWithPassphrase(bytes.NewReader(data), backupPass)
			if err != nil {
				t.Fatal(err)
			}
			_, err = io.ReadAll(r)
			wantErr(t, err, ErrDamagedBackup)
		})
	}
}

func TestBackupEncryptArguments(t *testing.T) {
	tests := []struct {
		name, pass string
		workFactor int
		want       error
	}{
		{"empty passphrase", "", testWorkFactor, ErrEmptyPassphrase},
		{"work factor too high", backupPass, 40, ErrWorkFactor},
		{"work factor too low", backupPass, 1, ErrWorkFactor},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := EncryptWithPassphrase(io.Discard, tt.pass, tt.workFactor)
			wantErr(t, err, tt.want)
		})
	}
}

func flipByte(data []byte, i int) []byte {
	out := bytes.Clone(data)
	out[i] ^= 1
	return out
}

func x25519ForTest(t *testing.T) []byte {
	id, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	w, err := age.Encrypt(&buf, id.Recipient())
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte("x"))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
