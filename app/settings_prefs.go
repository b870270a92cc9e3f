package app

import (
	"strings"

	"fyne.io/fyne/v2"

	"msprecords/practice"
	"msprecords/records"
)

// Preference keys. Preferences are stored in clear by Fyne, so they hold
// settings and user names only, never anything about a case.
const (
	prefIdleMinutes  = "idle_lock_minutes"
	prefReferralDays = "referral_limit_working_days"
	prefMarking      = "protective_marking"
	prefLastUser     = "last_user"
)

// Fallbacks used when a preference is missing or out of range.
const (
	defaultIdleMinutes = 5
	maxIdleMinutes     = 240
	maxReferralDays    = 30
	defaultMarking     = "OFFICIAL-SENSITIVE"
)

// settings are the user's preferences, read once when the window opens and
// written back as each one is changed.
type settings struct {
	prefs        fyne.Preferences
	IdleMinutes  int
	ReferralDays int
	Marking      string
	LastUser     string
}

// loadSettings reads the preferences, replacing missing or nonsensical
// values by their defaults.
func loadSettings(p fyne.Preferences) *settings {
	s := &settings{
		prefs:        p,
		IdleMinutes:  p.IntWithFallback(prefIdleMinutes, defaultIdleMinutes),
		ReferralDays: p.IntWithFallback(prefReferralDays, practice.DefaultReferralLimit),
		Marking:      strings.TrimSpace(p.StringWithFallback(prefMarking, defaultMarking)),
		LastUser:     p.String(prefLastUser),
	}
	if s.IdleMinutes < 1 || s.IdleMinutes > maxIdleMinutes {
		s.IdleMinutes = defaultIdleMinutes
	}
	if s.ReferralDays < 1 || s.ReferralDays > maxReferralDays {
		s.ReferralDays = practice.DefaultReferralLimit
	}
	if s.Marking == "" {
		s.Marking = defaultMarking
	}
	return s
}

func (s *settings) setIdleMinutes(n int) {
	s.IdleMinutes = n
	s.prefs.SetInt(prefIdleMinutes, n)
}

func (s *settings) setReferralDays(n int) {
	s.ReferralDays = n
	s.prefs.SetInt(prefReferralDays, n)
}

// setMarking keeps the protective marking; an empty one means the default,
// because every page of a pack must carry one.
func (s *settings) setMarking(m string) {
	m = strings.TrimSpace(m)
	if m == "" {
		m = defaultMarking
	}
	s.Marking = m
	s.prefs.SetString(prefMarking, m)
}

func (s *settings) setLastUser(u string) {
	s.LastUser = u
	s.prefs.SetString(prefLastUser, u)
}

// practiceOptions are the practice check's options as of today, with the
// referral limit the user chose.
func (s *settings) practiceOptions() practice.Options {
	return practice.Options{Today: records.Today(), ReferralLimitWorkingDays: s.ReferralDays}
}
