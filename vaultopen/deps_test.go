package vaultopen_test

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestDependenciesPointOneWay: vaultopen joins crypto and store, and
// userwords words their errors; neither crypto nor store may reach either
// of them, and neither of them may reach the window (Fyne).
func TestDependenciesPointOneWay(t *testing.T) {
	if os.Getenv("MSPRECORDS_UNDER_WINE") != "" {
		t.Skip("under Wine (scripts/wine-test.sh): go is a Linux program, which a Windows program cannot start there; the imports are the same on Linux, where this runs")
	}
	deps := func(pkg string) []string {
		out, err := exec.Command("go", "list", "-deps", pkg).Output()
		if err != nil {
			t.Fatalf("go list %s: %v", pkg, err)
		}
		return strings.Fields(string(out))
	}
	for _, pkg := range []string{"msprecords/crypto", "msprecords/store"} {
		for _, dep := range deps(pkg) {
			if dep == "msprecords/vaultopen" || dep == "msprecords/userwords" {
				t.Errorf("%s imports %s", pkg, dep)
			}
		}
	}
	for _, pkg := range []string{"msprecords/vaultopen", "msprecords/userwords"} {
		for _, dep := range deps(pkg) {
			if strings.HasPrefix(dep, "fyne.io/") || dep == "msprecords/app" || dep == "msprecords/cli" {
				t.Errorf("%s imports %s", pkg, dep)
			}
		}
	}
}
