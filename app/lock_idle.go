package app

import (
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// idleWatcher locks the vault when nobody has touched the keyboard or mouse
// for the idle time. Activity only records a time (cheap enough for every
// mouse move); a timer compares it with the timeout and sleeps again for
// whatever is left. Wall-clock time is used on purpose: a PC that slept for
// an hour locks as soon as it wakes.
type idleWatcher struct {
	last atomic.Int64 // time of the last activity, in Unix nanoseconds
	fire func()       // runs on the UI goroutine when the time is up

	mu      sync.Mutex
	timeout time.Duration
	timer   *time.Timer // nil while stopped
}

func newIdleWatcher(fire func()) *idleWatcher {
	return &idleWatcher{fire: fire}
}

// touch records activity now.
func (iw *idleWatcher) touch() { iw.last.Store(time.Now().UnixNano()) }

// start begins watching, counting from now.
func (iw *idleWatcher) start(timeout time.Duration) {
	iw.mu.Lock()
	defer iw.mu.Unlock()
	iw.touch()
	iw.timeout = timeout
	if iw.timer != nil {
		iw.timer.Stop()
	}
	iw.timer = time.AfterFunc(timeout, iw.check)
}

// stop ends watching; a check already under way does nothing.
func (iw *idleWatcher) stop() {
	iw.mu.Lock()
	defer iw.mu.Unlock()
	if iw.timer != nil {
		iw.timer.Stop()
		iw.timer = nil
	}
}

// check runs on the timer's goroutine: it locks if the idle time has passed,
// otherwise it sleeps for the rest of it.
func (iw *idleWatcher) check() {
	if iw.due() {
		fyne.Do(iw.fire) // outside the mutex: fire stops the watcher
	}
}

// due reports whether the idle time has passed, and if not, sets the timer
// for the rest of it.
func (iw *idleWatcher) due() bool {
	iw.mu.Lock()
	defer iw.mu.Unlock()
	if iw.timer == nil {
		return false
	}
	idle := time.Since(time.Unix(0, iw.last.Load()))
	if idle < iw.timeout {
		iw.timer.Reset(iw.timeout - idle)
		return false
	}
	iw.timer = nil
	return true
}

// activityWatcher wraps the window's whole content to see mouse movement.
// Fyne has no window-wide mouse hook and gives events only to the widget
// under the pointer, but on every mouse move the desktop driver asks each
// object under the pointer, from the root down, for its cursor. Answering
// that question is how this wrapper notices the mouse without taking a
// single event away from the widgets inside it.
type activityWatcher struct {
	widget.BaseWidget
	content fyne.CanvasObject
	touch   func()
}

var _ desktop.Cursorable = (*activityWatcher)(nil)

func newActivityWatcher(content fyne.CanvasObject, touch func()) *activityWatcher {
	a := &activityWatcher{content: content, touch: touch}
	a.ExtendBaseWidget(a)
	return a
}

// CreateRenderer shows the wrapped content unchanged.
func (a *activityWatcher) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(a.content)
}

// Cursor records activity and keeps the default cursor (widgets further
// down the tree choose their own, as before).
func (a *activityWatcher) Cursor() desktop.Cursor {
	a.touch()
	return desktop.DefaultCursor
}

// watchKeys counts key presses as activity when no widget has the focus
// (focused widgets report through their own change callbacks).
func (u *UI) watchKeys() {
	c := u.window.Canvas()
	c.SetOnTypedKey(func(*fyne.KeyEvent) { u.idle.touch() })
	c.SetOnTypedRune(func(rune) { u.idle.touch() })
	if dc, ok := c.(desktop.Canvas); ok {
		dc.SetOnKeyDown(func(*fyne.KeyEvent) { u.idle.touch() })
	}
}
