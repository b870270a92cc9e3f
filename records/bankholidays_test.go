package records

import (
	"fmt"
	"testing"
	"time"
)

// easter is Easter Sunday of year y (the anonymous Gregorian algorithm).
func easter(y int) Date {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return NewDate(y, time.Month(month), day)
}

// oneOffs are the years' changes to the usual eight bank holidays.
var oneOffs = map[int]string{
	2020: "early May moved to Friday 8 May (VE Day)",
	2022: "spring moved to 2 June, with 3 June (Platinum Jubilee) and 19 September (State Funeral)",
	2023: "8 May (Coronation)",
}

// Every year shipped: eight bank holidays (more in a year with one-offs),
// none at a weekend, Good Friday and Easter Monday around Easter, New Year
// and Christmas on or after their days.
func TestBankHolidaysEveryYear(t *testing.T) {
	first, last := BankHolidayYears()
	if first > 2024 || last < 2027 {
		t.Fatalf("bank holidays are known for %d to %d; ship at least 2024 to 2027", first, last)
	}
	for y := first; y <= last; y++ {
		t.Run(fmt.Sprint(y), func(t *testing.T) {
			days := bankHolidays[y]
			want := 8
			switch y {
			case 2022:
				want = 10
			case 2023:
				want = 9
			}
			if len(days) != want {
				t.Errorf("%d bank holidays, want %d (%s)", len(days), want, oneOffs[y])
			}
			for _, s := range days {
				d, err := ParseDate(s)
				if err != nil || d.Time().Year() != y || !d.IsBankHoliday() {
					t.Errorf("%s: %v", s, err)
				}
				if wd := d.Time().Weekday(); wd == time.Saturday || wd == time.Sunday {
					t.Errorf("%s is a %s", s, wd)
				}
			}
			e := easter(y)
			if !e.AddDays(-2).IsBankHoliday() || !e.AddDays(1).IsBankHoliday() {
				t.Errorf("Good Friday %s or Easter Monday %s missing", e.AddDays(-2), e.AddDays(1))
			}
		})
	}
}

func TestWorkingDaysSkipBankHolidays(t *testing.T) {
	tests := []struct {
		from, to Date
		want     int
		exact    bool
	}{
		// Thursday before Easter 2026 to the Tuesday after: Good Friday and Easter Monday skipped.
		{NewDate(2026, time.April, 2), NewDate(2026, time.April, 7), 1, true},
		// Christmas 2026: Friday 25 and Monday 28 December (Boxing Day's substitute).
		{NewDate(2026, time.December, 24), NewDate(2026, time.December, 31), 3, true},
		// Over New Year 2028: Monday 3 January is the substitute.
		{NewDate(2027, time.December, 31), NewDate(2028, time.January, 4), 1, true},
		// A year not known: weekends only, and said to be inexact.
		{NewDate(2031, time.April, 17), NewDate(2031, time.April, 22), 3, false},
	}
	for _, tt := range tests {
		if got := tt.from.WorkingDaysUntil(tt.to); got != tt.want {
			t.Errorf("%s to %s: %d working days, want %d", tt.from, tt.to, got, tt.want)
		}
		if got := tt.from.HolidaysKnownBetween(tt.to); got != tt.exact {
			t.Errorf("%s to %s: holidays known %v, want %v", tt.from, tt.to, got, tt.exact)
		}
	}
}
