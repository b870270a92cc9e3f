package userwords

import (
	"fmt"

	"msprecords/records"
	"msprecords/vaultopen"
)

// Removal says what removing a user did, line by line, in the words the
// window and the command line both show.
func Removal(r vaultopen.Removal) []string {
	if r.CodeOnly {
		return []string{r.User + "'s setup code has been taken back: it no longer works."}
	}
	lines := []string{
		r.User + " has been removed: their passphrase no longer opens the vault.",
		"The vault has a new key, so the old one no longer opens the case database.",
	}
	if r.Rekeyed > 0 {
		lines = append(lines, fmt.Sprintf("%s that %s could read %s given a new key.", casesWord(r.Rekeyed), r.User, wasWere(r.Rekeyed)))
	}
	if r.Unreadable > 0 {
		lines = append(lines, fmt.Sprintf("%s that %s could read %s restricted away from you: each gets a new key the next time one of its readers unlocks.",
			casesWord(r.Unreadable), r.User, isAre(r.Unreadable)))
	}
	for _, c := range r.Codes {
		why := "had not unlocked since the vault was brought up to date"
		if c.Waiting {
			why = "had not used their setup code yet"
		}
		lines = append(lines, fmt.Sprintf("%s could not be given the new key, as they %s. Give them this new setup code, which works until %s: %s",
			c.Label, why, records.DateOf(c.Expires.Local()), c.Code))
	}
	if r.RecoveryKey != "" {
		lines = append(lines, "The recovery key had to be replaced. Write the new one down and keep it safe; the old one no longer works: "+r.RecoveryKey)
	}
	return append(lines, "A copy of the vault taken before now, a backup included, still opens with "+r.User+"'s old passphrase: keep such copies locked away, or destroy them.")
}

func casesWord(n int) string {
	if n == 1 {
		return "1 restricted case"
	}
	return fmt.Sprintf("%d restricted cases", n)
}

func wasWere(n int) string {
	if n == 1 {
		return "was"
	}
	return "were"
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}
