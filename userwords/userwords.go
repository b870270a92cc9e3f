// Package userwords holds the words a person reads when something goes
// wrong: one sentence for each error of the packages below, shared by the
// window and the command line, so that the same failure is explained the
// same way wherever it happens.
//
// The error values say what went wrong for a developer; these words say
// what it means and what to do, without jargon. Each front end may add its
// own next step (a command to run, a folder to name), and the command line
// starts its one line in lower case after "msprecords: ".
//
//	userwords.Window.Message(err)            // a sentence for the window
//	userwords.CommandLine(dir).Message(err)  // one line for the terminal
//
// An error no sentence fits is said in general words with its own text, so
// nothing is hidden; an internal error (store.ErrInternal) comes with its
// crash report, which holds no personal data.
package userwords

import (
	"errors"
	"strconv"
	"strings"
	"syscall"
	"unicode"
	"unicode/utf8"

	"msprecords/backup"
	"msprecords/crypto"
	"msprecords/practice"
	"msprecords/records"
	"msprecords/store"
	"msprecords/vaultopen"
)

// Front is where the words are read: the window, or the command line.
type Front struct {
	commandLine bool
	vaultDir    string // named in the words about the vault's folder
}

// Window is the words for the window.
var Window = Front{}

// CommandLine is the words for the command line, naming the vault folder
// dir where it matters.
func CommandLine(dir string) Front { return Front{commandLine: true, vaultDir: dir} }

// entry is one line of the table: the sentence both front ends say, and
// what each adds as its next step.
type entry struct {
	err                 error
	text                string
	window, commandLine string
	detail              bool // the error's own words after err's follow text: they name who or what
}

// folderWord stands in a sentence for the vault folder: "the folder DIR"
// where it is known, else "this folder".
const folderWord = "{folder}"

// seeReadme is the command line's pointer to how a vault is restored.
const seeReadme = "The README says how."

// table words the sentinel errors of the packages below. The first that
// matches wins, so the more telling ones come first: an internal error
// before anything it may wrap, a full disk before the damage it may look
// like, a damaged backup before the damaged database it may contain.
var table = []entry{
	{err: store.ErrInternal, text: "Something went wrong inside MSP Records (internal error). Nothing was saved. Please report this with the details below:"},
	{err: syscall.ENOSPC, text: "The disk is full.", // store.ErrDiskFull wraps it
		window:      "Nothing was saved: free some space, and what you typed is saved as soon as there is room.",
		commandLine: "Nothing was saved: free some space and try again."},
	{err: crypto.ErrVaultInUse, text: "The vault is already open in another window or program. Close it there and try again."},
	{err: store.ErrStoreInUse, text: "The vault is already open in another window or program. Close it there and try again."},
	{err: backup.ErrWrongPassphrase, text: "The passphrase does not open this backup. Check Caps Lock, and that it is the passphrase the backup was made with."},
	{err: crypto.ErrWrongPassphrase, text: "The passphrase is not right for this vault. Check Caps Lock and try again (passphrases are case-sensitive)."},
	{err: crypto.ErrWrongRecoveryKey, text: "The recovery key is not right for this vault. Check it against the copy you kept: it starts with " +
		crypto.RecoveryKeyPrefix + ", and spaces and capital letters in it do not matter."},
	{err: crypto.ErrSetupCodeExpired, text: "This setup code has expired: setup codes work for seven days. Ask the lead who added you for a new one."},
	{err: crypto.ErrWrongSetupCode, text: "The setup code is not right. Check it against the one you were given: " +
		"it has 12 letters and digits, like 7K3Q-M9XD-2HTB, and capital letters, spaces and dashes do not matter."},
	{err: crypto.ErrSetupCodeUsed, text: "This setup code has been used already: unlock with the passphrase you chose with it. " +
		"If you have forgotten it, ask the lead for a new setup code."},
	{err: crypto.ErrUpgradeByLead, text: "This vault was made by an earlier version of MSP Records, before users had roles. " +
		"Its first user, its safeguarding lead, must unlock it once to bring it up to date: ask them to, then try again.",
		commandLine: "Whoever holds the recovery key can do it too, with --recovery-key-file."},
	{err: crypto.ErrNotLead, text: "Only a safeguarding lead can do this. Ask a lead of this vault."},
	{err: crypto.ErrLastLead, text: "That is the only safeguarding lead of this vault: make another user a lead first."},
	{err: vaultopen.ErrRemoveSelf, text: "You cannot remove yourself. Ask another safeguarding lead of this vault to do it."},
	{err: crypto.ErrKeyChanged, text: "The vault's key was changed when a user was removed, and your passphrase was not given the new key " +
		"(you had not unlocked since the vault was brought up to date). Ask a safeguarding lead for a setup code."},
	{err: crypto.ErrUnknownRole, text: "A role is either lead (a safeguarding lead) or practitioner."},
	{err: store.ErrRestricted, text: "This case is restricted. Ask a safeguarding lead for access."},
	{err: store.ErrNotRestricted, text: "This case is not restricted."},
	{err: vaultopen.ErrNoRecipient, text: "The case cannot be sealed to everyone named yet:", detail: true},
	{err: crypto.ErrNoVault, text: "There is no vault in " + folderWord + ".",
		commandLine: "Create one with 'msprecords init', or name the right folder with --vault."},
	{err: crypto.ErrUnknownFormat, text: "This vault was made by a newer version of MSP Records. Install the latest version to open it."},
	{err: store.ErrUnknownSchema, text: "The records were written by a newer version of MSP Records. Install the latest version to open them."},
	{err: crypto.ErrDamagedHeader, text: "The vault is damaged: its header file, vault.json, cannot be read. Restore the vault from a backup.",
		commandLine: seeReadme},
	{err: crypto.ErrForeignSlot, text: "A key file in this vault belongs to another vault: someone has copied files between vaults. Restore the vault from a backup.",
		commandLine: seeReadme},
	{err: store.ErrWrongKey, text: "The key does not open this vault's case database: a key file may come from another vault. Restore the vault from a backup.",
		commandLine: seeReadme},
	{err: crypto.ErrDamagedSlot, text: "A key file of this vault is damaged. " +
		"Unlock as another user, or use the recovery key, or restore the vault from a backup.",
		commandLine: seeReadme},
	{err: crypto.ErrDamagedBackup, text: "The backup file is damaged, incomplete or not an MSP Records backup."},
	{err: store.ErrDamagedStore, text: "The case database of this vault is missing or damaged. Restore the vault from a backup.",
		commandLine: seeReadme},
	{err: crypto.ErrNoSuchUser, text: "There is no user of that name in this vault.",
		commandLine: "'msprecords slots list' shows the users."},
	{err: crypto.ErrSlotExists, text: "There is already a user of that name in this vault."},
	{err: crypto.ErrLastSlot, text: "That is the only user who can unlock the vault: add another user before removing this one."},
	{err: crypto.ErrVaultExists, text: "A new vault cannot be made in " + folderWord + ", as it is not empty: choose a new or empty folder.",
		commandLine: "Name it with --vault."},
	{err: crypto.ErrInvalidLabel, text: "A user name must be 1 to 100 characters long, with no control characters."},
	{err: crypto.ErrEmptyPassphrase, text: "Enter a passphrase: it must not be empty."},
	{err: crypto.ErrWorkFactor, text: "The scrypt work factor is out of range.",
		commandLine: "Check MSPRECORDS_TEST_WORK_FACTOR, which is for tests only."},
	{err: store.ErrNotFound, text: "There is no case with that reference: it may have been deleted.",
		commandLine: "'msprecords list' shows the cases."},
	{err: store.ErrDuplicateReference, text: "Another case already has this reference.",
		window: "Choose another, or leave it blank to number the case automatically."},
	{err: store.ErrConflict, text: "This case was changed elsewhere since it was opened.", commandLine: "Try again."},
	{err: records.ErrChronologyRewritten, text: "Chronology entries cannot be changed or removed: add a correction instead."},
	{err: records.ErrSignOffRewritten, text: "A safeguarding lead's sign-off cannot be changed or removed, and is added only by signing off. " +
		"Open the case again to see it as saved."},
	{err: store.ErrNothingToSignOff, text: "This case is not closed, so there is no closure to sign off: record its closing date first " +
		"(Outcome & evaluation), then sign it off."},
	{err: store.ErrAlreadySignedOff, text: "The closure of this case is already signed off: the case shows by whom and when."},
	{err: store.ErrStoreClosed, text: "The vault was locked or closed before this was done. Unlock it and try again."},
}

// Message returns the words for err, or "" for nil.
func (f Front) Message(err error) string {
	if err == nil {
		return ""
	}
	return f.say(f.words(err))
}

func (f Front) words(err error) string {
	var only *practice.OnlyAuthorError
	if errors.As(err, &only) {
		return only.Error() + "."
	}
	for _, e := range table {
		if errors.Is(err, e.err) && e.detail {
			return e.text + " " + strings.TrimSuffix(strings.TrimPrefix(err.Error(), e.err.Error()+": "), ".") + "."
		}
		if errors.Is(err, e.err) {
			return f.sentence(e) + f.crashReport(err)
		}
	}
	var v *records.ValidationError
	if errors.As(err, &v) {
		return f.validation(v)
	}
	return "Something went wrong: " + strings.TrimSuffix(err.Error(), ".") + "."
}

// sentence is an entry's text with this front end's next step.
func (f Front) sentence(e entry) string {
	next := e.window
	if f.commandLine {
		next = e.commandLine
	}
	text := strings.ReplaceAll(e.text, folderWord, f.folder())
	if next == "" {
		return text
	}
	return text + " " + next
}

func (f Front) folder() string {
	if f.vaultDir == "" {
		return "this folder"
	}
	return "the folder " + f.vaultDir
}

// crashReport is the report of an internal error, a line each in the
// window and on one line at the command line; "" for any other error.
func (f Front) crashReport(err error) string {
	var ie *store.InternalError
	if !errors.As(err, &ie) {
		return ""
	}
	if f.commandLine {
		return " " + strings.Join(ie.Report, "; ")
	}
	return "\n" + strings.Join(ie.Report, "\n")
}

// validation lists what stops a case being saved, each problem in the
// GOV.UK style the domain package already wrote. The window saves by
// itself once the problems are put right, so there it is "not saved yet".
func (f Front) validation(v *records.ValidationError) string {
	msgs := make([]string, len(v.Problems))
	for i, p := range v.Problems {
		msgs[i] = p.Message
	}
	lead := "Not saved yet: "
	if f.commandLine {
		lead = "The case cannot be saved: "
	}
	return lead + strings.Join(msgs, "; ") + "."
}

// say starts a command line's words in lower case, as they follow
// "msprecords: ", unless the first word is a name such as MSP.
func (f Front) say(s string) string {
	if !f.commandLine {
		return s
	}
	first, n := utf8.DecodeRuneInString(s)
	next, _ := utf8.DecodeRuneInString(s[n:])
	if unicode.IsUpper(next) {
		return s
	}
	return string(unicode.ToLower(first)) + s[n:]
}

// RecoveryKey is Message for using the recovery key, where a damaged key
// file is the recovery key's own, not a passphrase's.
func (f Front) RecoveryKey(err error) string {
	if !errors.Is(err, crypto.ErrDamagedSlot) {
		return f.Message(err)
	}
	next := "Another user of this vault can add you again in Settings, or restore the vault from a backup."
	if f.commandLine {
		next = "Another user of this vault can add you again with 'msprecords slots add', or restore the vault from a backup."
	}
	return f.say("The vault's recovery key file is missing or damaged, so the recovery key cannot open it. " + next)
}

// Plural shows a count with its noun as a person reads it: "1 day",
// "3 days", "2 audit entries".
func Plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if k := len(noun); k > 1 && noun[k-1] == 'y' && !strings.ContainsRune("aeiou", rune(noun[k-2])) {
		return strconv.Itoa(n) + " " + noun[:k-1] + "ies"
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
