// Package crypto keeps the keys of an MSP Records vault: the master key
// that encrypts the database, the key slots that wrap it, the recovery key,
// and the passphrase encryption of backups. All the cryptography is
// filippo.io/age; this package decides what is sealed, to whom, and where
// it is written.
//
// # A vault
//
// A vault is a folder:
//
//	vault.json   plaintext header: format, random vault id, creation time
//	slots/       one small JSON file per key slot
//	db/          the database, encrypted with the master key (not ours)
//	lock         held while a program has the vault open
//
// The master key is made once, by Create, and never changes. Each user has
// a passphrase slot: the master key sealed with age's scrypt recipient, the
// only recipient, so that the slot is authenticated by the passphrase.
// There is also one recovery slot, sealed to an age X25519 key whose secret
// half ("AGE-SECRET-KEY-1...") is given to the user once, to print or save,
// and stored nowhere. Changing a passphrase rewrites one slot; the database
// is never touched, because its key stays the same.
//
// Every user also has a role (Lead or Practitioner, in clear in their slot)
// and an age X25519 key pair: the secret half sealed in their slot beside
// the master key, the public half in clear (roles.go). Restricted cases are
// sealed with case keys wrapped to those public keys (casekey.go). A vault
// made before roles is brought up to date by its lead (upgrade.go).
//
// # Using it
//
// To make a vault:
//
//	v, u, recoveryKey, err := crypto.Create(dir, "Alice", passphrase, 0)
//	// show recoveryKey once; the database in v.DBDir() is keyed by u.Key[:];
//	// Alice is the vault's lead, with her key pair in u.Identity
//
// and, on later runs, to open it:
//
//	lock, err := crypto.Lock(dir) // ErrVaultInUse if open elsewhere
//	defer lock.Release()
//	v, err := crypto.Open(dir)
//	users, err := v.Users()       // for the unlock screen
//	u, err := v.Unlock("Alice", passphrase) // u.Key, u.Label, u.Role, u.Identity
//
// Users are added with AddSlot and removed with RemoveSlot (never the
// last). Better, a lead adds a colleague with AddSetupSlot, which returns a
// one-time setup code ("7K3Q-M9XD-2HTB", good for SetupCodeLife); the
// colleague's ClaimSetupCode opens the setup slot with it and writes their
// own passphrase slot, so nobody else ever knows their passphrase. Until
// then they are listed by WaitingSetups, not Users. ChangePassphrase
// rewrites one slot, SetRole changes a user's role, and ReplaceRecoveryKey
// makes a new recovery key and retires the old. All of these take the
// master key from an earlier unlock.
//
// A MasterKey prints as "MasterKey(redacted)", so it cannot leak into a log
// by way of fmt.
//
// # What is in clear
//
// Only vault.json and the plaintext part of each slot file: ids, slot
// kinds, creation times and user labels, which the unlock screen must list
// before any key is known. Labels are the names of staff, never of people
// in the records. Everything else is inside age. Files are replaced
// atomically (WriteFileAtomic): temporary file, fsync, rename, fsync of the
// folder, so a crash leaves the old slot or the new one, never half of one.
//
// # Formats
//
// vault.json carries "format": HeaderFormat (2 since roles; 1 is read and
// upgraded). Slot files and the payload sealed in a slot each carry
// "format": FormatVersion. A version this code does not know is refused
// with ErrUnknownFormat naming it, rather than misread. The one exception:
// setup slots, and their payloads, are "format": SetupSlotFormat (2), so
// that releases from before setup codes refuse them by name; format 2 is
// accepted for setup slots only, and they are never format 1.
//
// A slot file, slots/<id>.json:
//
//	{"format":1, "id":"<32 hex>", "kind":"passphrase"|"recovery",
//	 "label":"<user name; empty for recovery>", "created":"<RFC 3339>",
//	 "role":"lead"|"practitioner" (passphrase slots), "recipient":"age1…",
//	 "age":"<ASCII-armored age file>", "check":"<64 hex>"}
//
// or, for a setup slot, sealed with age's scrypt recipient keyed by the
// setup code's 12 symbols in their shown form ("XXXX-XXXX-XXXX"):
//
//	{"format":2, "id":..., "kind":"setup", "label":"<colleague's name>",
//	 "created":..., "expires":"<RFC 3339>", "role":..., "age":..., "check":...}
//
// "check" is the slot's check value, an HMAC of the file's exact bytes
// keyed from the master key (slotcheck.go has the construction), with which
// VerifySlots proves every slot, the recovery slot included, without its
// passphrase or key. Slots written before it existed have none.
//
// and the age file decrypts to
//
//	{"format":1, "vault_id":"<32 hex>", "label":"<same label>", "key":"<base64 of 32 bytes>",
//	 "identity":"AGE-SECRET-KEY-1…" (passphrase slots; its public half is "recipient")}
//
// (for a setup slot, "format":2 and "expires" equal to the one in clear, so
// that moving the expiry in clear only damages the slot).
//
// The vault id binds a slot to its vault: a slot copied from another vault
// decrypts, and is refused with ErrForeignSlot. The sealed label must equal
// the plaintext one, so labels swapped between files are caught.
//
// # Errors and limits
//
// Failures are sentinel errors (ErrWrongPassphrase, ErrDamagedSlot, ...)
// wrapped with detail; callers choose the words users see. Every reader of
// a file anyone could have altered returns an error, never panics, and reads
// a bounded amount. A slot or backup may not ask for an scrypt work factor
// above MaxWorkFactor, so a hostile file cannot stall an unlock for minutes.
//
// # Tests
//
// Scrypt is slow on purpose. Tests pass a low work factor (MinWorkFactor)
// where they can, and SetTestOnlyWorkFactor lowers the default for code
// that asks for it; it does nothing outside a test binary.
package crypto
