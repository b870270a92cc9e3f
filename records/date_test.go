package records

import (
	"encoding/json"
	"errors"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want Date
		ok   bool
	}{
		{"31/01/2026", NewDate(2026, time.January, 31), true},
		{"31/1/2026", NewDate(2026, time.January, 31), true},
		{"4/6/2025", NewDate(2025, time.June, 4), true},
		{" 04/06/2025 ", NewDate(2025, time.June, 4), true},
		{"04.06.2025", NewDate(2025, time.June, 4), true},
		{"2025-06-04", NewDate(2025, time.June, 4), true},
		{"29/02/2024", NewDate(2024, time.February, 29), true},
		{"", Date{}, true},
		{"29/02/2025", Date{}, false},
		{"31/04/2025", Date{}, false},
		{"0/1/2025", Date{}, false},
		{"1/13/2025", Date{}, false},
		{"1/1/25", Date{}, false},
		{"yesterday", Date{}, false},
		{"2025-13-01", Date{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDate(tt.in)
			if tt.ok != (err == nil) {
				t.Fatalf("ParseDate(%q) error = %v, want ok=%v", tt.in, err, tt.ok)
			}
			if !tt.ok && !errors.Is(err, ErrNotADate) {
				t.Errorf("error %v is not ErrNotADate", err)
			}
			if got != tt.want {
				t.Errorf("ParseDate(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestDateShown(t *testing.T) {
	d := NewDate(2025, time.June, 4)
	if got := d.String(); got != "4 June 2025" {
		t.Errorf("String() = %q", got)
	}
	if got := d.Short(); got != "04/06/2025" {
		t.Errorf("Short() = %q", got)
	}
	if got := (Date{}).String(); got != "" {
		t.Errorf("zero String() = %q", got)
	}
}

func TestDateJSON(t *testing.T) {
	type doc struct {
		D Date `json:"d"`
		E Date `json:"e"`
	}
	in := doc{D: NewDate(2026, time.January, 31)}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != `{"d":"2026-01-31","e":""}` {
		t.Errorf("marshal = %s", b)
	}
	var out doc
	if err := json.Unmarshal(b, &out); err != nil || out != in {
		t.Errorf("round trip = %v, %v", out, err)
	}
	for _, bad := range []string{`{"d":"31/01/2026"}`, `{"d":"2026-02-30"}`, `{"d":12}`, `{"d":"2026-1-1"}`} {
		if err := json.Unmarshal([]byte(bad), &out); err == nil {
			t.Errorf("Unmarshal(%s) accepted", bad)
		}
	}
}

func TestWorkingDays(t *testing.T) {
	fri := NewDate(2026, time.January, 30)
	tests := []struct {
		to   Date
		want int
	}{
		{fri, 0},
		{fri.AddDays(1), 0}, // Saturday
		{fri.AddDays(3), 1}, // Monday
		{fri.AddDays(4), 2}, // Tuesday
		{fri.AddDays(7), 5}, // next Friday
	}
	for _, tt := range tests {
		if got := fri.WorkingDaysUntil(tt.to); got != tt.want {
			t.Errorf("working days to %v = %d, want %d", tt.to, got, tt.want)
		}
	}
}

func TestYearsOn(t *testing.T) {
	born := NewDate(1940, time.March, 15)
	if got := born.YearsOn(NewDate(2025, time.March, 14)); got != 84 {
		t.Errorf("day before birthday = %d, want 84", got)
	}
	if got := born.YearsOn(NewDate(2025, time.March, 15)); got != 85 {
		t.Errorf("on birthday = %d, want 85", got)
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"31/01/2026", "4/6/2025", "2025-06-04", "29/02/2025", "", "1/1/1", "//", "9999999999/1/2025"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		if d.IsZero() {
			return
		}
		again, err := ParseDate(d.Short())
		if err != nil || again != d {
			t.Fatalf("%q parsed to %v, which does not round-trip: %v %v", s, d, again, err)
		}
	})
}
