//go:build windows

package crypto

import (
	"fmt"
	"os"
	"testing"
	"unsafe"

	"golang.org/x/sys/windows"
)

// checkOwnerOnly reads back the file's access list: protected (nothing
// inherited from the folder) with one entry, allowing the current user.
// Under Wine, which does not keep access lists on files as Windows does,
// a list that is not so is skipped with a logged reason rather than failed.
func checkOwnerOnly(t *testing.T, path string) {
	t.Helper()
	if problem := ownerOnlyProblem(path); problem != "" {
		if os.Getenv("MSPRECORDS_UNDER_WINE") != "" {
			t.Skipf("under Wine (scripts/wine-test.sh): %s. Wine does not implement Windows access lists on files "+
				"as Windows does, so the owner-only list is checked on Windows itself; the file's contents were checked here", problem)
		}
		t.Error(problem)
	}
}

// ownerOnlyProblem says what is wrong with path's access list, or "".
func ownerOnlyProblem(path string) string {
	sd, err := windows.GetNamedSecurityInfo(path, windows.SE_FILE_OBJECT, windows.DACL_SECURITY_INFORMATION)
	if err != nil {
		return fmt.Sprintf("reading the access list: %v", err)
	}
	control, _, err := sd.Control()
	if err != nil {
		return fmt.Sprintf("reading the security descriptor: %v", err)
	}
	if control&windows.SE_DACL_PROTECTED == 0 {
		return "the access list is not protected: it inherits from the folder"
	}
	dacl, _, err := sd.DACL()
	if err != nil || dacl == nil {
		return fmt.Sprintf("the file has no access list (%v): anyone may open it", err)
	}
	if dacl.AceCount != 1 {
		return fmt.Sprintf("the access list has %d entries, want 1", dacl.AceCount)
	}
	var ace *windows.ACCESS_ALLOWED_ACE
	if err := windows.GetAce(dacl, 0, &ace); err != nil {
		return fmt.Sprintf("reading the entry: %v", err)
	}
	me, err := currentUserSID()
	if err != nil {
		return fmt.Sprintf("the current user: %v", err)
	}
	sid := (*windows.SID)(unsafe.Pointer(&ace.SidStart))
	if ace.Header.AceType != windows.ACCESS_ALLOWED_ACE_TYPE || !sid.Equals(me) {
		return fmt.Sprintf("the one entry is of type %d for %v, want one allowing %v", ace.Header.AceType, sid, me)
	}
	return ""
}
