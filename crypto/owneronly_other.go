//go:build !windows

package crypto

// RestrictToOwner does nothing beyond Windows: there a file's mode says who
// may read it, and WriteOwnerOnly gives the file mode 0600 itself.
func RestrictToOwner(path string) error { return nil }
