// Package store is the encrypted case database of a vault, built on Badger
// with its own encryption at rest (AES-256, keyed with the vault's master
// key from package crypto).
//
// It holds:
//
//   - one JSON document per case (store_case.go), versioned with a schema
//     version and a revision counter for optimistic concurrency, with the
//     chronology kept append-only;
//   - an in-memory index of compact case summaries (index*.go), built at
//     open, for the case list and search; each summary carries the
//     practice-check gaps worked out with the practice options the store
//     was opened with;
//   - the hash-chained audit trail (audit*.go) and Verify;
//   - the commit mark (mark.go, loss.go): a small file beside Badger's own,
//     COMMITTED, naming the audit head of the last commit, so that changes
//     Badger drops at open from a memtable log damaged in a crash are
//     found, recorded in the audit trail and reported (LostChanges,
//     Verify) rather than lost in silence;
//   - the backup stream (backup.go), plaintext by Badger's design, which
//     package backup seals before it reaches a disk;
//   - JSON case files (jsonio*.go): export, and import of all or nothing;
//   - readers for audits and figures that decode only the parts of the
//     documents they need (dipsample_load.go, figures_load.go).
//
// Open and Create take the vault's key; nothing is ever written outside
// Badger's encrypted files but the commit mark, which holds only sequence
// numbers, hashes and times.
package store
