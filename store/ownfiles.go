package store

import "strings"

// ownFiles are the files Badger and this package keep in the database
// folder under fixed names; ownSuffixes end the numbered ones (tables,
// value-log files, memtable logs). Badger's names are those of v4.9
// (manifest.go, key_registry.go, discard.go, db.go).
var (
	ownFiles = []string{
		manifestName, "MANIFEST-REWRITE",
		keyRegistryName, "REWRITE-KEYREGISTRY",
		"DISCARD", "LOCK",
		markName,
	}
	ownSuffixes = []string{".sst", ".vlog", ".mem"}
)

// IsOwnFile reports whether name, a file in the database folder, is one of
// the database's own: Badger's or this package's. Anything else there is a
// stray, which msprecords verify lists. A file this package adds to the
// folder must be added to ownFiles.
func IsOwnFile(name string) bool {
	for _, own := range ownFiles {
		if name == own {
			return true
		}
	}
	for _, suffix := range ownSuffixes {
		if num, ok := strings.CutSuffix(name, suffix); ok && num != "" && strings.Trim(num, "0123456789") == "" {
			return true
		}
	}
	return false
}
