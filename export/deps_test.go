package export_test

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestNeverImportsTheStore: packs are made from a case the caller has
// loaded; export never opens the database, so it links neither the store
// nor Badger.
func TestNeverImportsTheStore(t *testing.T) {
	if os.Getenv("MSPRECORDS_UNDER_WINE") != "" {
		t.Skip("under Wine (scripts/wine-test.sh): go is a Linux program, which a Windows program cannot start there; the imports are the same on Linux, where this runs")
	}
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		if dep == "msprecords/store" || strings.Contains(dep, "badger") || strings.Contains(dep, "protobuf") {
			t.Errorf("export imports %s; it must not reach the store", dep)
		}
	}
}
