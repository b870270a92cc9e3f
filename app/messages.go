package app

import "msprecords/userwords"

// messageFor gives the words a person reads for an error from the vault or
// the store: the window's wording from package userwords, which the
// command line shares.
func messageFor(err error) string { return userwords.Window.Message(err) }

// recoveryKeyMessage is messageFor for using the recovery key, where a
// damaged key file is the recovery key's own, not a passphrase's.
func recoveryKeyMessage(err error) string { return userwords.Window.RecoveryKey(err) }
