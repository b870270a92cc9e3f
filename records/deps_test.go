package records_test

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestImportsStandardLibraryOnly: the domain stands on its own, so that
// every other package can use it without bringing in the store or the window.
func TestImportsStandardLibraryOnly(t *testing.T) {
	if os.Getenv("MSPRECORDS_UNDER_WINE") != "" {
		t.Skip("under Wine (scripts/wine-test.sh): go is a Linux program, which a Windows program cannot start there; the imports are the same on Linux, where this runs")
	}
	out, err := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		if dep != "msprecords/records" {
			t.Errorf("records imports %s; it may import the standard library only", dep)
		}
	}
}
