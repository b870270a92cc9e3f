package records

import (
	"errors"
	"strings"
	"unicode"
)

// ErrNHSNumber is returned for an NHS number that is not ten digits with a
// valid modulus-11 check digit.
var ErrNHSNumber = errors.New("not a valid NHS number")

// NormaliseNHSNumber strips spaces and dashes and checks the number: ten
// digits whose tenth is the modulus-11 check digit of the first nine.
// An empty number is allowed and stays empty.
func NormaliseNHSNumber(s string) (string, error) {
	digits := strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' {
			return -1
		}
		return r
	}, s)
	if digits == "" {
		return "", nil
	}
	if len(digits) != 10 || strings.IndexFunc(digits, func(r rune) bool { return !unicode.IsDigit(r) || r > '9' }) >= 0 {
		return "", ErrNHSNumber
	}
	if nhsCheckDigit(digits[:9]) != int(digits[9]-'0') {
		return "", ErrNHSNumber
	}
	return digits, nil
}

// nhsCheckDigit returns the check digit for nine digits, or -1 when none
// exists (a remainder of 10 means the number is never issued).
func nhsCheckDigit(nine string) int {
	sum := 0
	for i := 0; i < 9; i++ {
		sum += int(nine[i]-'0') * (10 - i)
	}
	check := 11 - sum%11
	switch check {
	case 11:
		return 0
	case 10:
		return -1
	}
	return check
}

// FormatNHSNumber shows a ten-digit NHS number as 3-3-4: "999 123 4560".
func FormatNHSNumber(s string) string {
	if len(s) != 10 {
		return s
	}
	return s[:3] + " " + s[3:6] + " " + s[6:]
}

// DemoNHSNumber returns a valid number in the never-issued range 999 000 0000
// to 999 999 9999 for fictional people, from a seed.
func DemoNHSNumber(seed int) string {
	for n := seed % 1000000; ; n = (n + 1) % 1000000 {
		nine := "999" + pad6(n)
		if c := nhsCheckDigit(nine); c >= 0 {
			return nine + string(rune('0'+c))
		}
	}
}

func pad6(n int) string {
	b := []byte("000000")
	for i := 5; i >= 0 && n > 0; i-- {
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b)
}
