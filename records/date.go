package records

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar day with no time of day. The zero Date means "not
// recorded". It is written as ISO 8601 (2026-01-31) in JSON and shown to
// people as "31 January 2026".
type Date struct {
	t time.Time
}

// ErrNotADate is returned for text that is not a real date.
var ErrNotADate = errors.New("not a real date")

// NewDate returns the Date for a year, month and day.
func NewDate(year int, month time.Month, day int) Date {
	return Date{time.Date(year, month, day, 0, 0, 0, 0, time.UTC)}
}

// DateOf returns the calendar day of t in its own location.
func DateOf(t time.Time) Date {
	return NewDate(t.Year(), t.Month(), t.Day())
}

// Today returns today's date on this computer.
func Today() Date { return DateOf(time.Now()) }

// ParseDate reads a UK date typed as 31/01/2026 or 31/1/2026 (dots and dashes
// also serve as separators), or an ISO date 2026-01-31. Empty text gives the
// zero Date and no error.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		return parseParts(s[8:], s[5:7], s[:4])
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '.' || r == '-' })
	if len(parts) != 3 || len(parts[2]) != 4 {
		return Date{}, fmt.Errorf("%w: %q", ErrNotADate, s)
	}
	return parseParts(parts[0], parts[1], parts[2])
}

func parseParts(d, m, y string) (Date, error) {
	day, err1 := strconv.Atoi(d)
	month, err2 := strconv.Atoi(m)
	year, err3 := strconv.Atoi(y)
	if err1 != nil || err2 != nil || err3 != nil || year < 1850 || year > 2200 {
		return Date{}, fmt.Errorf("%w: %s/%s/%s", ErrNotADate, d, m, y)
	}
	date := NewDate(year, time.Month(month), day)
	if date.t.Day() != day || int(date.t.Month()) != month {
		return Date{}, fmt.Errorf("%w: %s/%s/%s", ErrNotADate, d, m, y)
	}
	return date, nil
}

// IsZero reports whether the date was not recorded.
func (d Date) IsZero() bool { return d.t.IsZero() }

// Time returns midnight UTC at the start of the day.
func (d Date) Time() time.Time { return d.t }

// String shows the date as people read it: "4 June 2025", or "" when unset.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format("2 January 2006")
}

// Short shows the date as typed: "04/06/2025", or "" when unset.
func (d Date) Short() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format("02/01/2006")
}

// ISO shows the date as 2025-06-04, or "" when unset.
func (d Date) ISO() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format("2006-01-02")
}

// Before reports whether d is strictly before o.
func (d Date) Before(o Date) bool { return d.t.Before(o.t) }

// After reports whether d is strictly after o.
func (d Date) After(o Date) bool { return d.t.After(o.t) }

// DaysUntil returns the number of calendar days from d to o.
func (d Date) DaysUntil(o Date) int {
	return int(o.t.Sub(d.t).Hours() / 24)
}

// AddDays returns the date n days later.
func (d Date) AddDays(n int) Date { return Date{d.t.AddDate(0, 0, n)} }

// WorkingDaysUntil counts the working days after d up to and including o:
// weekdays that are not bank holidays in England and Wales. In a year whose
// bank holidays are not known (see BankHolidayYears) only weekends are
// skipped; HolidaysKnownBetween says whether the count is exact.
func (d Date) WorkingDaysUntil(o Date) int {
	n := 0
	for day := d.AddDays(1); !day.After(o); day = day.AddDays(1) {
		if day.IsWorkingDay() {
			n++
		}
	}
	return n
}

// YearsOn returns the age in whole years on a given day of someone born on d.
func (d Date) YearsOn(o Date) int {
	years := o.t.Year() - d.t.Year()
	if o.t.Month() < d.t.Month() || (o.t.Month() == d.t.Month() && o.t.Day() < d.t.Day()) {
		years--
	}
	return years
}

// MarshalJSON writes the date as an ISO string, or null when unset.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte(`""`), nil
	}
	return []byte(`"` + d.ISO() + `"`), nil
}

// UnmarshalJSON reads an ISO date string; "" and null give the zero Date.
func (d *Date) UnmarshalJSON(b []byte) error {
	s := string(b)
	if s == "null" || s == `""` {
		*d = Date{}
		return nil
	}
	if len(s) != 12 || s[0] != '"' || s[11] != '"' || s[5] != '-' || s[8] != '-' {
		return fmt.Errorf("%w: dates must be written as \"YYYY-MM-DD\", not %s", ErrNotADate, Shorten(s, 40))
	}
	v, err := parseParts(s[9:11], s[6:8], s[1:5])
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Shorten returns s cut to at most n characters, with "…" when cut, so that
// a message quoting what someone typed stays one line long.
func Shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
