package records

import "time"

// bankHolidays are the bank holidays of England and Wales, as GOV.UK
// publishes them, by year: the usual eight, moved to the next weekday when
// they fall at a weekend, and the years' one-off changes (VE Day moved in
// 2020; the Platinum Jubilee and the State Funeral in 2022; the Coronation
// in 2023). Add each year as it is announced; a test checks every year.
var bankHolidays = map[int][]string{
	2020: {"2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28"},
	2021: {"2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30", "2021-12-27", "2021-12-28"},
	2022: {"2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19",
		"2022-12-26", "2022-12-27"},
	2023: {"2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28", "2023-12-25",
		"2023-12-26"},
	2024: {"2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26"},
	2025: {"2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"},
	2026: {"2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"},
	2027: {"2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"},
	2028: {"2028-01-03", "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-29", "2028-08-28", "2028-12-25", "2028-12-26"},
}

// holidaySet is bankHolidays as days (dayKey), for counting.
var holidaySet = func() map[int]bool {
	set := make(map[int]bool)
	for _, days := range bankHolidays {
		for _, s := range days {
			t, err := time.Parse("2006-01-02", s)
			if err != nil {
				panic("records: bank holiday " + s + ": " + err.Error())
			}
			set[dayKey(DateOf(t))] = true
		}
	}
	return set
}()

// BankHolidayYears returns the first and last years whose bank holidays
// are known. Outside them, working days skip weekends only.
func BankHolidayYears() (first, last int) {
	first, last = 9999, 0
	for y := range bankHolidays {
		first, last = min(first, y), max(last, y)
	}
	return first, last
}

// BankHolidaysKnown reports whether the bank holidays of d's year are known.
func (d Date) BankHolidaysKnown() bool {
	_, ok := bankHolidays[d.t.Year()]
	return ok
}

// IsBankHoliday reports whether d is a bank holiday in England and Wales.
func (d Date) IsBankHoliday() bool { return holidaySet[dayKey(d)] }

// dayKey is a day as one number, 20260403, whatever time zone d was made in.
func dayKey(d Date) int {
	y, m, day := d.t.Date()
	return y*10000 + int(m)*100 + day
}

// IsWorkingDay reports whether d is a weekday and not a bank holiday in
// England and Wales.
func (d Date) IsWorkingDay() bool {
	wd := d.t.Weekday()
	return wd != time.Saturday && wd != time.Sunday && !d.IsBankHoliday()
}

// HolidaysKnownBetween reports whether the bank holidays of every year from
// d to o are known, so that a count of working days between them is exact.
func (d Date) HolidaysKnownBetween(o Date) bool {
	for y := min(d.t.Year(), o.t.Year()); y <= max(d.t.Year(), o.t.Year()); y++ {
		if _, ok := bankHolidays[y]; !ok {
			return false
		}
	}
	return true
}
