package crypto

import "errors"

// Sentinel errors. Callers test for them with [errors.Is]; the messages are
// for logs and developers, and the words a user reads are chosen by the
// caller. Functions wrap them with detail, as in
// fmt.Errorf("%w: slot %s", ErrDamagedSlot, id), so the detail never
// replaces the kind.
var (
	// ErrWrongPassphrase means no passphrase slot (or backup) opened with the
	// passphrase given.
	ErrWrongPassphrase = errors.New("incorrect passphrase")

	// ErrWrongRecoveryKey means the recovery key is malformed or opens no
	// recovery slot of this vault.
	ErrWrongRecoveryKey = errors.New("incorrect recovery key")

	// ErrNoVault means the folder holds no vault.json.
	ErrNoVault = errors.New("no vault")

	// ErrVaultExists means Create was asked to use a folder that is not empty.
	ErrVaultExists = errors.New("vault folder is not empty")

	// ErrDamagedHeader means vault.json cannot be read as a vault header.
	ErrDamagedHeader = errors.New("damaged vault header")

	// ErrUnknownFormat means a header, slot or payload carries a format
	// version this code does not know, most likely from a newer release.
	ErrUnknownFormat = errors.New("unknown format version")

	// ErrDamagedSlot means a slot file cannot be read, or its age payload
	// fails to decrypt for a reason other than a wrong passphrase or key.
	ErrDamagedSlot = errors.New("damaged key slot")

	// ErrForeignSlot means a slot decrypted but belongs to another vault:
	// someone copied slot files between vaults.
	ErrForeignSlot = errors.New("key slot belongs to another vault")

	// ErrNoSuchUser means no passphrase slot carries the label.
	ErrNoSuchUser = errors.New("no such user")

	// ErrSlotExists means a passphrase slot already carries the label.
	ErrSlotExists = errors.New("user already exists")

	// ErrLastSlot means the operation would leave no passphrase slot.
	ErrLastSlot = errors.New("cannot remove the last passphrase slot")

	// ErrVaultInUse means another Lock, in this process or another, holds
	// the vault.
	ErrVaultInUse = errors.New("vault is in use")

	// ErrInvalidLabel means a user label is empty, too long or holds
	// control characters.
	ErrInvalidLabel = errors.New("invalid user label")

	// ErrEmptyPassphrase means a slot or backup was to be sealed with an
	// empty passphrase.
	ErrEmptyPassphrase = errors.New("empty passphrase")

	// ErrWorkFactor means a scrypt work factor outside
	// [MinWorkFactor, MaxWorkFactor] was asked for.
	ErrWorkFactor = errors.New("scrypt work factor out of range")

	// ErrWrongSetupCode means a setup code is malformed or does not open
	// the colleague's setup slot.
	ErrWrongSetupCode = errors.New("incorrect setup code")

	// ErrSetupCodeExpired means the colleague's setup code is past its
	// expiry: the lead must give them a new one.
	ErrSetupCodeExpired = errors.New("setup code has expired")

	// ErrSetupCodeUsed means the colleague has already set their passphrase
	// with their setup code.
	ErrSetupCodeUsed = errors.New("setup code already used")

	// ErrDamagedBackup means an encrypted backup is not an age file, or is
	// truncated or altered.
	ErrDamagedBackup = errors.New("damaged backup")
)
