package backup

import (
	"context"

	"msprecords/crypto"
	"msprecords/store"
)

// WriteFile writes a backup (as Write) to the file at path, atomically
// (crypto.AtomicFile): the backup goes to a temporary file beside path,
// which is synced and renamed over path only once the backup is complete.
// A backup that fails or is cancelled (ctx done) removes the temporary
// file, so that no half-written backup is left to be mistaken for a good
// one; path itself is then left as it was. While it exists the temporary
// file is recorded in the store's ledger (store.TempLedger), so that one a
// kill leaves is removed when the vault is next opened.
func WriteFile(ctx context.Context, path, vaultDir string, st *store.Store, passphrase string, workFactor int, progress Progress) error {
	f, err := crypto.CreateAtomicWith(path, 0o600, st.TempLedger())
	if err != nil {
		return err
	}
	defer f.Abandon()
	if err := Write(ctx, f, vaultDir, st, passphrase, workFactor, progress); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err // cancelled at the last moment: the old file stays
	}
	return f.Commit()
}
