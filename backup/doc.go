// Package backup makes and restores the vault's backups: one encrypted file
// holding a whole vault, so that it can be kept off the PC and restored on
// another.
//
// It exists because a backup needs two layers that must not know of each
// other: the key slots and the encryption (package crypto) and the case
// database's stream (package records). Like restic's repository layer,
// which joins its crypto and storage layers, this package joins them into
// one file, so that the command line and the window share one format and
// neither has to import the other.
//
// # Format
//
// A backup is an age file, sealed with a passphrase (scrypt), holding a tar
// stream in this order:
//
//	vault.json          the vault's header, byte for byte
//	slots/<id>.json     every key slot file, byte for byte
//	db.backup.000000    the database, as store.Store.Backup writes it,
//	db.backup.000001    cut into consecutive entries of at most ChunkSize
//	…                   bytes, numbered from 0 with no gaps
//
// Backups made before the database was cut into chunks hold it as a single
// entry named db.backup instead; Restore reads both. The key slots go with
// the backup, so a restored vault opens with the passphrases (and the
// recovery key) it had when the backup was made.
//
// The database stream is plaintext. It is never written to disk as it is:
// Write holds one chunk at a time in memory, and Restore passes the chunks
// straight to store.Restore, which encrypts them again.
//
// Errors are sentinels of this package and of crypto and records, wrapped
// with detail: ErrWrongPassphrase, crypto.ErrDamagedBackup,
// crypto.ErrVaultExists. The words a user reads are the caller's.
package backup
