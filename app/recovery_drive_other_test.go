//go:build !windows

package app

import (
	"os"
	"path/filepath"
	"testing"
)

// TestFirstFolderIn: the save dialogs start on the first drive mounted
// under the first of /media/$USER and /run/media/$USER that has one.
func TestFirstFolderIn(t *testing.T) {
	media, runMedia := t.TempDir(), t.TempDir()
	if got := firstFolderIn(filepath.Join(media, "missing"), media, runMedia); got != "" {
		t.Errorf("no drive mounted: %q, want none", got)
	}
	for _, d := range []string{filepath.Join(runMedia, "CARD"), filepath.Join(media, "USB STICK"), filepath.Join(media, "BACKUP")} {
		if err := os.Mkdir(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(media, "AAA not a drive"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if got, want := firstFolderIn(media, runMedia), filepath.Join(media, "BACKUP"); got != want {
		t.Errorf("firstFolderIn = %q, want %q", got, want)
	}
	if got, want := firstFolderIn(filepath.Join(media, "missing"), runMedia), filepath.Join(runMedia, "CARD"); got != want {
		t.Errorf("firstFolderIn = %q, want %q", got, want)
	}
}
