package cli

import (
	"flag"
	"os"
	"strconv"

	"msprecords/crypto"
)

// globalOptions are the flags every command takes.
type globalOptions struct {
	vault          string
	passphraseFile string
	user           string
}

// register declares the common flags in fs.
func (o *globalOptions) register(fs *flag.FlagSet) {
	fs.StringVar(&o.vault, "vault", DefaultVaultDir(), "the vault folder `DIR`")
	fs.StringVar(&o.passphraseFile, "passphrase-file", "", "read the passphrase from the first line of `FILE`")
	fs.StringVar(&o.user, "user", "", "unlock with the passphrase of the user `NAME` (default: try every user)")
}

// testWorkFactorEnv names an environment variable for TESTS ONLY. When set
// (10 to 20), new passphrase slots and backups use that scrypt work factor
// instead of the default of 18, so that a test suite does not spend a
// second and 256 MB per passphrase. A vault made with it is much easier to
// attack by guessing passphrases: never set it for real records.
const testWorkFactorEnv = "MSPRECORDS_TEST_WORK_FACTOR"

// workFactor returns the scrypt work factor for new slots and backups: 0
// (the default) unless the test-only variable is set.
func workFactor() (int, error) {
	s := os.Getenv(testWorkFactorEnv)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < crypto.MinWorkFactor || n > crypto.MaxWorkFactor {
		return 0, failf("%s must be a number from %d to %d (it is for tests only)", testWorkFactorEnv, crypto.MinWorkFactor, crypto.MaxWorkFactor)
	}
	return n, nil
}
