package cli

import (
	"path/filepath"
	"reflect"
	"runtime"
	"testing"
)

func TestParseInterleaved(t *testing.T) {
	tests := []struct {
		args      []string
		wantPos   []string
		wantVault string
		wantCases int
	}{
		{[]string{"A", "--vault", "V"}, []string{"A"}, "V", 1},
		{[]string{"--vault", "V", "A"}, []string{"A"}, "V", 1},
		{[]string{"A", "--cases=3", "B", "-vault", "V"}, []string{"A", "B"}, "V", 3},
		{[]string{"--cases", "2", "--", "--vault", "X"}, []string{"--vault", "X"}, "", 2},
		{[]string{"--vault", "--", "A"}, []string{"A"}, "--", 1},
		{nil, nil, "", 1},
	}
	for _, tt := range tests {
		fs := newFlagSet("t")
		vault := fs.String("vault", "", "")
		cases := fs.Int("cases", 1, "")
		pos, err := parseInterleaved(fs, tt.args)
		if err != nil {
			t.Errorf("%q: %v", tt.args, err)
			continue
		}
		if !reflect.DeepEqual(pos, tt.wantPos) || *vault != tt.wantVault || *cases != tt.wantCases {
			t.Errorf("%q: positional %q, vault %q, cases %d; want %q, %q, %d", tt.args, pos, *vault, *cases, tt.wantPos, tt.wantVault, tt.wantCases)
		}
	}
}

func TestDefaultVaultDir(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the Linux default")
	}
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	if got := DefaultVaultDir(); got != filepath.Join(data, "msprecords") {
		t.Errorf("DefaultVaultDir() = %q", got)
	}
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("HOME", "/home/someone")
	if got := DefaultVaultDir(); got != filepath.Join("/home/someone", ".local", "share", "msprecords") {
		t.Errorf("DefaultVaultDir() without XDG_DATA_HOME = %q", got)
	}
}
