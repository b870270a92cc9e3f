package export

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"sync"
	"unicode"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"golang.org/x/text/unicode/norm"
)

var (
	// ErrEmptyPassword is returned when asked to encrypt with no password.
	ErrEmptyPassword = errors.New("export: a password is needed to encrypt the PDF")
	// ErrPasswordTooLong is returned for a password PDF readers would cut short.
	ErrPasswordTooLong = errors.New("export: the PDF password is too long")
)

const (
	// aesKeyBits is the AES key length: 256, the strongest PDF encryption.
	aesKeyBits = 256
	// maxPasswordBytes is the longest password AES-256 PDFs hold: readers
	// cut what is typed to 127 bytes, so a longer one would never open.
	maxPasswordBytes = 127
)

var pdfcpuOffline sync.Once

// EncryptPDF returns the PDF encrypted with AES-256 so that it opens only with
// password. It works in memory: the clear PDF never touches the disk.
// The owner password is random and thrown away; every permission is granted,
// so that screen readers may still extract the text once it is opened.
func EncryptPDF(pdf []byte, password string) ([]byte, error) {
	if err := CheckPDFPassword(password); err != nil {
		return nil, err
	}
	password = saslPrep(password)
	quietPdfcpu()
	owner, err := randomPassword()
	if err != nil {
		return nil, err
	}
	conf := model.NewAESConfiguration(password, owner, aesKeyBits)
	conf.Permissions = model.PermissionsAll
	conf.Offline = true
	var out bytes.Buffer
	if err := api.Encrypt(bytes.NewReader(pdf), &out, conf); err != nil {
		return nil, fmt.Errorf("export: encrypting the PDF: %w", err)
	}
	return out.Bytes(), nil
}

// CheckPDFPassword reports whether a password can protect a PDF: not empty,
// and short enough that PDF readers do not cut it (ErrPasswordTooLong).
// Callers check it before the work of making the pack.
func CheckPDFPassword(password string) error {
	password = saslPrep(password)
	if password == "" {
		return ErrEmptyPassword
	}
	if len(password) > maxPasswordBytes {
		return fmt.Errorf("%w: at most %d bytes (about %d letters)", ErrPasswordTooLong, maxPasswordBytes, maxPasswordBytes/2)
	}
	return nil
}

// saslPrep prepares a password as PDF readers do before checking it
// (SASLprep, RFC 4013): other spaces become a plain space, invisible
// characters go, and the text is put in NFKC. pdfcpu encrypts the bytes as
// given, so without this a password typed with, say, a decomposed accent or
// a non-breaking space would make a PDF no reader opens.
func saslPrep(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case mappedToNothing(r):
			return -1
		case r != ' ' && unicode.Is(unicode.Zs, r):
			return ' '
		}
		return r
	}, s)
	return norm.NFKC.String(s)
}

// mappedToNothing lists RFC 3454 table B.1: characters SASLprep drops.
func mappedToNothing(r rune) bool {
	switch {
	case r == 0x00AD, r == 0x034F, r == 0x1806, r >= 0x180B && r <= 0x180D,
		r >= 0x200B && r <= 0x200D, r == 0x2060, r >= 0xFE00 && r <= 0xFE0F, r == 0xFEFF:
		return true
	}
	return false
}

// quietPdfcpu stops pdfcpu writing a configuration folder and fonts into
// the user's profile on first use: it needs neither to encrypt.
func quietPdfcpu() {
	pdfcpuOffline.Do(func() { model.ConfigPath = "disable" })
}

func randomPassword() (string, error) {
	b := make([]byte, 24)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("export: no random owner password: %w", err)
	}
	return hex.EncodeToString(b), nil
}
