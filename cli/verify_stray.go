package cli

import (
	"fmt"
	"path/filepath"

	"msprecords/crypto"
	"msprecords/store"
)

// The stray files of msprecords verify: anything in the vault folder that
// is none of its parts (see crypto.Vault.StrayFiles), said with what it
// probably is, and removed with --remove-stray. A stray file is not a
// problem with the records, so it does not make verify fail.

// removeStrayFlag is verify's flag that removes the stray files it lists.
const removeStrayFlag = "--remove-stray"

// reportStrays lists the stray files in v's folder, and removes them when
// remove is set. It returns how many could not be removed.
func reportStrays(env *Env, v *crypto.Vault, remove bool) int {
	strays, err := v.StrayFiles(store.IsOwnFile)
	if err != nil {
		env.printf("Stray files: could not be listed: %s\n", oneLine(fmt.Sprint(unwrapPath(err))))
		return 0
	}
	if len(strays) == 0 {
		env.printf("Stray files: none\n")
		return 0
	}
	if !remove {
		env.printf("Stray files: %s in the vault folder that MSP Records does not use:\n", plural(len(strays), "item"))
		for _, s := range strays {
			env.printf("  %s: %s\n", filepath.ToSlash(s.Rel), strayWhat(s))
		}
		env.printf("Run 'msprecords verify %s' to remove them (a folder only if it is empty).\n", removeStrayFlag)
		return 0
	}
	failed := 0
	for _, s := range strays {
		if err := v.RemoveStray(s); err != nil {
			failed++
			env.printf("Not removed: %s (%s): %s\n", filepath.ToSlash(s.Rel), strayWhat(s), oneLine(fmt.Sprint(unwrapPath(err))))
			continue
		}
		env.printf("Removed: %s (%s)\n", filepath.ToSlash(s.Rel), strayWhat(s))
	}
	return failed
}

// strayWhat says what a stray file probably is.
func strayWhat(s crypto.Stray) string {
	dir := filepath.Dir(s.Rel)
	switch {
	case s.Folder:
		return "a folder MSP Records never makes here; look inside it before removing it"
	case s.Kind == crypto.StrayTemp && dir == "slots":
		return "an unfinished key slot left by an interrupted 'slots add' or 'passwd', which never took effect"
	case s.Kind == crypto.StrayTemp && dir == ".":
		return "an unfinished copy of vault.json left by an interrupted save, which the vault does not use"
	case s.Kind == crypto.StrayTemp:
		return "a temporary file left by an interrupted save, which the vault does not use"
	}
	return "not a file MSP Records writes; perhaps copied there by hand or by another program"
}
