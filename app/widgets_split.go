package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// Preference keys of the dividers the user can drag, by kind of screen.
// The offset is a fraction of the width: nothing about a case.
const (
	prefSplitList       = "split_list_detail"
	prefSplitChronology = "split_chronology"
)

// Offsets outside these are taken for damaged preferences: a divider
// dragged to the very edge would hide one side for good.
const (
	minSplitOffset = 0.1
	maxSplitOffset = 0.9
)

// splitMemory remembers where the user left each kind of divider. Fyne's
// Split tells nobody when it is dragged, so the offsets of the dividers
// on screen are read back when the screen is left or rebuilt, and when the
// case is saved for a lock or a quit.
type splitMemory struct {
	prefs fyne.Preferences
	live  map[string]*container.Split
}

func newSplitMemory(p fyne.Preferences) *splitMemory {
	return &splitMemory{prefs: p, live: map[string]*container.Split{}}
}

// split makes a divided pane of the kind named by key, where the user
// left the last one, else at fallback.
func (m *splitMemory) split(key string, fallback float64, leading, trailing fyne.CanvasObject) *container.Split {
	m.remember()
	s := container.NewHSplit(leading, trailing)
	s.Offset = m.offset(key, fallback)
	m.live[key] = s
	return s
}

func (m *splitMemory) offset(key string, fallback float64) float64 {
	if m.prefs == nil {
		return fallback
	}
	o := m.prefs.FloatWithFallback(key, fallback)
	if o < minSplitOffset || o > maxSplitOffset {
		return fallback
	}
	return o
}

// remember writes the offsets of the dividers made so far.
func (m *splitMemory) remember() {
	if m.prefs == nil {
		return
	}
	for key, s := range m.live {
		if s.Offset >= minSplitOffset && s.Offset <= maxSplitOffset && s.Offset != m.prefs.Float(key) {
			m.prefs.SetFloat(key, s.Offset)
		}
	}
}

// appPreferences are the running app's preferences, or nil outside one.
func appPreferences() fyne.Preferences {
	if a := fyne.CurrentApp(); a != nil {
		return a.Preferences()
	}
	return nil
}
