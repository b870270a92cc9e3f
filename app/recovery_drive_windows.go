//go:build windows

package app

import (
	"os"

	"golang.org/x/sys/windows"
)

// removableDrive is the root of a removable drive (a USB stick or a memory
// card) that is plugged in, such as `E:\`, or "". Drive A: and B: are
// floppy drives, never asked about, so that no old drive is woken.
func removableDrive() string {
	drives, err := windows.GetLogicalDrives()
	if err != nil {
		return ""
	}
	for i := 2; i < 26; i++ {
		if drives&(1<<i) == 0 {
			continue
		}
		root := string(rune('A'+i)) + `:\`
		p, err := windows.UTF16PtrFromString(root)
		if err != nil {
			continue
		}
		// A card reader with no card in it is removable too, but not there.
		if windows.GetDriveType(p) != windows.DRIVE_REMOVABLE {
			continue
		}
		if _, err := os.Stat(root); err == nil {
			return root
		}
	}
	return ""
}
