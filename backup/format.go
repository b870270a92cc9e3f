package backup

import (
	"fmt"
	"path"
	"strconv"
	"strings"
)

// The names of the files in a backup's tar stream (see the package doc).
const (
	headerName  = "vault.json"
	slotsPrefix = "slots/"
	legacyDB    = "db.backup"  // the whole database in one entry, as first written
	chunkPrefix = "db.backup." // followed by the chunk's number, six digits
	chunkDigits = 6
	maxChunks   = 1_000_000 // what six digits can number
)

// ChunkSize is the most database bytes in one tar entry, and so the most
// plaintext Write holds in memory at once. A tar entry's size comes before
// its data, so a chunk must be complete before it is written. It is a
// variable only so that tests can lower it; readers accept any size.
var ChunkSize = 1 << 20

// maxSmallFile bounds vault.json and each slot file in a backup; both are
// well under a kilobyte.
const maxSmallFile = 64 << 10

// chunkName is the name of the database chunk numbered n.
func chunkName(n int) string {
	return fmt.Sprintf("%s%0*d", chunkPrefix, chunkDigits, n)
}

// chunkNumber returns the number of the chunk named name, and false for a
// name that is not a chunk's as chunkName writes it.
func chunkNumber(name string) (int, bool) {
	digits, ok := strings.CutPrefix(name, chunkPrefix)
	if !ok || len(digits) != chunkDigits {
		return 0, false
	}
	n, err := strconv.Atoi(digits)
	if err != nil || chunkName(n) != name {
		return 0, false
	}
	return n, true
}

// validSlotName accepts the name of a slot file and nothing that could
// climb out of the slots folder when a backup is restored.
func validSlotName(name string) bool {
	return strings.HasSuffix(name, ".json") && !strings.HasPrefix(name, ".") &&
		len(name) < 100 && path.Base(name) == name && !strings.ContainsAny(name, `/\:`)
}
