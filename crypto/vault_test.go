package crypto

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCreateOpenUnlock(t *testing.T) {
	v, key, recovery := newTestVault(t)
	if !strings.HasPrefix(recovery, "AGE-SECRET-KEY-1") {
		t.Errorf("recovery key %q is not an age identity", recovery)
	}
	opened, err := Open(v.Dir)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if opened.Header != v.Header {
		t.Errorf("Open header = %+v, want %+v", opened.Header, v.Header)
	}
	u, err := opened.Unlock(alice, alicePass)
	got, label := u.Key, u.Label
	if err != nil {
		t.Fatalf("Unlock: %v", err)
	}
	if got != key || label != alice {
		t.Errorf("Unlock = %v, %q; want the created key and %q", got == key, label, alice)
	}
	if want := filepath.Join(v.Dir, "db"); v.DBDir() != want {
		t.Errorf("DBDir = %q, want %q", v.DBDir(), want)
	}
}

func TestCreateSlots(t *testing.T) {
	v, _, _ := newTestVault(t)
	slots, err := v.Slots()
	if err != nil {
		t.Fatal(err)
	}
	if len(slots) != 2 || slots[0].Kind != Passphrase || slots[0].Label != alice || slots[1].Kind != Recovery {
		t.Fatalf("Slots = %+v", slots)
	}
	users, err := v.Users()
	if err != nil || len(users) != 1 || users[0] != alice {
		t.Errorf("Users = %q, %v", users, err)
	}
	if _, err := os.Stat(v.DBDir()); !os.IsNotExist(err) {
		t.Errorf("Create made the db folder: %v", err)
	}
}

// TestNothingSecretInClear looks at every file of a new vault for the
// passphrase, the recovery key and the master key.
func TestNothingSecretInClear(t *testing.T) {
	v, key, recovery := newTestVault(t)
	secrets := map[string][]byte{
		"passphrase":     []byte(alicePass),
		"recovery key":   []byte(recovery),
		"key (raw)":      key[:],
		"key (hex)":      []byte(hex.EncodeToString(key[:])),
		"key (base64)":   []byte(base64.StdEncoding.EncodeToString(key[:])),
		"label (header)": []byte(alice),
	}
	filepath.WalkDir(v.Dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data := readFile(t, path)
		for name, s := range secrets {
			if name == "label (header)" && filepath.Base(path) != headerName {
				continue // labels are in clear in slot files, by design
			}
			if bytes.Contains(data, s) {
				t.Errorf("%s holds the %s in clear", path, name)
			}
		}
		return nil
	})
}

func TestCreateFolder(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string)
		want  error
	}{
		{"missing", func(*testing.T, string) {}, nil},
		{"empty", func(t *testing.T, dir string) { os.Mkdir(dir, 0o700) }, nil},
		{"not empty", func(t *testing.T, dir string) {
			os.Mkdir(dir, 0o700)
			writeFile(t, filepath.Join(dir, "x"), nil)
		}, ErrVaultExists},
		{"a file", func(t *testing.T, dir string) { writeFile(t, dir, nil) }, ErrVaultExists},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "vault")
			tt.setup(t, dir)
			_, _, _, err := Create(dir, alice, alicePass, testWorkFactor)
			wantErr(t, err, tt.want)
		})
	}
}

func TestCreateArguments(t *testing.T) {
	tests := []struct {
		name, label, pass string
		workFactor        int
		want              error
	}{
		{"empty label", "  ", alicePass, testWorkFactor, ErrInvalidLabel},
		{"control character", "Al\x1bice", alicePass, testWorkFactor, ErrInvalidLabel},
		{"invalid UTF-8", "Al\xffice", alicePass, testWorkFactor, ErrInvalidLabel},
		{"long label", strings.Repeat("a", maxLabelRunes+1), alicePass, testWorkFactor, ErrInvalidLabel},
		{"empty passphrase", alice, "", testWorkFactor, ErrEmptyPassphrase},
		{"work factor too low", alice, alicePass, MinWorkFactor - 1, ErrWorkFactor},
		{"work factor too high", alice, alicePass, MaxWorkFactor + 1, ErrWorkFactor},
		{"negative work factor", alice, alicePass, -1, ErrWorkFactor},
		{"non-ASCII label", "Zoë Łukasiewicz", alicePass, testWorkFactor, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "vault")
			_, _, _, err := Create(dir, tt.label, tt.pass, tt.workFactor)
			wantErr(t, err, tt.want)
			if _, statErr := os.Stat(dir); err != nil && !os.IsNotExist(statErr) {
				t.Errorf("failed Create left %s behind", dir)
			}
		})
	}
}

func TestOpen(t *testing.T) {
	tests := []struct {
		name   string
		header string // "" for no vault.json
		want   error
		detail string
	}{
		{"no vault.json", "", ErrNoVault, ""},
		{"good", `{"format":2,"vault_id":"00112233445566778899aabbccddeeff","created":"2025-06-04T10:00:00Z"}`, nil, ""},
		{"before roles", `{"format":1,"vault_id":"00112233445566778899aabbccddeeff","created":"2025-06-04T10:00:00Z"}`, nil, ""},
		{"newer format", `{"format":3,"vault_id":"00112233445566778899aabbccddeeff","created":"2025-06-04T10:00:00Z"}`, ErrUnknownFormat, "format 3"},
		{"newer format, other fields changed", `{"format":7,"vault_id":42}`, ErrUnknownFormat, "format 7"},
		{"format 0", `{"format":0,"vault_id":"00112233445566778899aabbccddeeff","created":"2025-06-04T10:00:00Z"}`, ErrDamagedHeader, ""},
		{"no format", `{"vault_id":"00112233445566778899aabbccddeeff","created":"2025-06-04T10:00:00Z"}`, ErrDamagedHeader, ""},
		{"format as text", `{"format":"1"}`, ErrDamagedHeader, ""},
		{"bad vault id", `{"format":1,"vault_id":"../../etc","created":"2025-06-04T10:00:00Z"}`, ErrDamagedHeader, ""},
		{"no created", `{"format":1,"vault_id":"00112233445566778899aabbccddeeff"}`, ErrDamagedHeader, ""},
		{"truncated", `{"format":1,"vault_id":"0011`, ErrDamagedHeader, ""},
		{"garbage", "\x00\xff garbage", ErrDamagedHeader, ""},
		{"empty", " ", ErrDamagedHeader, ""},
		{"huge", `{"format":1,"pad":"` + strings.Repeat("x", maxSmallFile) + `"}`, ErrDamagedHeader, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if tt.header != "" {
				writeFile(t, filepath.Join(dir, headerName), []byte(tt.header))
			}
			_, err := Open(dir)
			wantErr(t, err, tt.want)
			if err != nil && !strings.Contains(err.Error(), tt.detail) {
				t.Errorf("error %q does not name %q", err, tt.detail)
			}
		})
	}
	t.Run("missing folder", func(t *testing.T) {
		_, err := Open(filepath.Join(t.TempDir(), "nope"))
		wantErr(t, err, ErrNoVault)
	})
}
