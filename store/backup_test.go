package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRestoreRefusesBadStreams(t *testing.T) {
	s, _, _ := newTestStore(t)
	mustCreate(t, s, "Ann Able")
	var good bytes.Buffer
	if err := s.Backup(&good); err != nil {
		t.Fatal(err)
	}
	huge := binary.LittleEndian.AppendUint64(nil, 1<<40)
	tests := map[string][]byte{
		"garbage":    []byte(strings.Repeat("not a backup ", 100)),
		"huge frame": append(huge, "x"...),
		"truncated":  good.Bytes()[:good.Len()*2/3],
		"no trailer": good.Bytes()[:good.Len()-len(backupTrailer())],
	}
	for name, stream := range tests {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "db")
			err := Restore(dir, randomKey(t), "u", bytes.NewReader(stream))
			if !errors.Is(err, ErrDamagedStore) {
				t.Errorf("Restore = %v, want ErrDamagedStore", err)
			}
			if _, err := os.Stat(dir); !os.IsNotExist(err) {
				t.Errorf("a failed restore left %s behind", dir)
			}
		})
	}
	t.Run("into an empty existing folder", func(t *testing.T) {
		dir := t.TempDir()
		if err := Restore(dir, randomKey(t), "u", bytes.NewReader(good.Bytes()[:10])); !errors.Is(err, ErrDamagedStore) {
			t.Fatalf("Restore = %v", err)
		}
		if left, _ := os.ReadDir(dir); len(left) != 0 {
			t.Errorf("a failed restore left %d files in the folder", len(left))
		}
	})
}
