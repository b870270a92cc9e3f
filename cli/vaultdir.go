package cli

import (
	"os"
	"path/filepath"
	"runtime"
)

// DefaultVaultDir returns the folder of the vault when none is given: the
// per-user local (not roaming) data folder, so that the encrypted records
// are not copied to a server with a roaming Windows profile.
//
//	Windows: %LocalAppData%\MSPRecords
//	Linux:   $XDG_DATA_HOME/msprecords, or ~/.local/share/msprecords
//
// The window and the command line use the same default.
func DefaultVaultDir() string {
	if runtime.GOOS == "windows" {
		if d := os.Getenv("LOCALAPPDATA"); d != "" {
			return filepath.Join(d, "MSPRecords")
		}
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, "AppData", "Local", "MSPRecords")
		}
		return "MSPRecords"
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "msprecords")
	}
	if home, err := os.UserHomeDir(); err == nil {
		return filepath.Join(home, ".local", "share", "msprecords")
	}
	return "msprecords"
}
