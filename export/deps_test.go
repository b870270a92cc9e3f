package export_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNeverImportsTheStore: packs are made from a case the caller has
// loaded; export never opens the database, so it links neither the store
// nor Badger.
func TestNeverImportsTheStore(t *testing.T) {
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
