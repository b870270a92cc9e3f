//go:build !windows

package app

import (
	"os"
	"path/filepath"
	"sort"
)

// removableDrive is the folder of a removable drive (a USB stick or a memory
// card) that is plugged in, or "". Desktops mount them in a folder of the
// user's under /media (Debian, Ubuntu) or /run/media (Fedora, Arch).
func removableDrive() string {
	user := os.Getenv("USER")
	if user == "" {
		return ""
	}
	return firstFolderIn(filepath.Join("/media", user), filepath.Join("/run/media", user))
}

// firstFolderIn is the first folder, by name, in the first of roots that
// has one, or "".
func firstFolderIn(roots ...string) string {
	for _, root := range roots {
		entries, err := os.ReadDir(root)
		if err != nil {
			continue
		}
		var names []string
		for _, e := range entries {
			if e.IsDir() {
				names = append(names, e.Name())
			}
		}
		if len(names) > 0 {
			sort.Strings(names)
			return filepath.Join(root, names[0])
		}
	}
	return ""
}
