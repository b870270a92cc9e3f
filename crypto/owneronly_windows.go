//go:build windows

package crypto

import (
	"fmt"
	"path/filepath"

	"golang.org/x/sys/windows"
)

// RestrictToOwner gives the file at path a protected access list (one that
// inherits nothing from its folder) with a single entry: full control for
// the user running the program. Other users of the PC, and administrators
// through the folder's inherited entries, are no longer granted access. An
// administrator can still take ownership; nothing on a PC stops that.
func RestrictToOwner(path string) error {
	sid, err := currentUserSID()
	if err != nil {
		return fmt.Errorf("restricting %s to its owner: %w", filepath.Base(path), err)
	}
	acl, err := windows.ACLFromEntries([]windows.EXPLICIT_ACCESS{{
		AccessPermissions: windows.GENERIC_ALL,
		AccessMode:        windows.SET_ACCESS,
		Inheritance:       windows.NO_INHERITANCE,
		Trustee: windows.TRUSTEE{
			TrusteeForm:  windows.TRUSTEE_IS_SID,
			TrusteeType:  windows.TRUSTEE_IS_USER,
			TrusteeValue: windows.TrusteeValueFromSID(sid),
		},
	}}, nil)
	if err != nil {
		return fmt.Errorf("restricting %s to its owner: %w", filepath.Base(path), err)
	}
	const info = windows.DACL_SECURITY_INFORMATION | windows.PROTECTED_DACL_SECURITY_INFORMATION
	if err := windows.SetNamedSecurityInfo(path, windows.SE_FILE_OBJECT, info, nil, nil, acl, nil); err != nil {
		return fmt.Errorf("restricting %s to its owner: %w", filepath.Base(path), err)
	}
	return nil
}

// currentUserSID is the security identifier of the user this process runs
// as, from its access token.
func currentUserSID() (*windows.SID, error) {
	tu, err := windows.GetCurrentProcessToken().GetTokenUser()
	if err != nil {
		return nil, err
	}
	return tu.User.Sid.Copy()
}
