//go:build !windows

package crypto

import "testing"

// checkOwnerOnly: beyond Windows the mode, checked by the caller, is all.
func checkOwnerOnly(t *testing.T, path string) { t.Helper() }
