package app

import (
	"errors"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"msprecords/crypto"
)

// autosaveDelay is how long after the first unsaved change a case is saved:
// edits reach the store within a second, and a burst of typing costs one
// save, not one per keystroke.
const autosaveDelay = 800 * time.Millisecond

// UI is the window of MSP Records: the screen it shows, the unlocked session
// if any, and the settings. Its fields are touched only on the Fyne UI
// goroutine; store work (scrypt and opening the database, saving,
// opening, creating and searching cases, reports, exports, backups) runs
// in the worker and reports back through fyne.Do. Only locking and
// quitting wait for the store on the UI goroutine, because the store must
// be closed before they finish (lock.go), and leaveCase, for the settings
// screen, which must know at once whether the case closed.
type UI struct {
	app      fyne.App
	window   fyne.Window
	vaultDir string
	settings *settings

	vault   *crypto.Vault // nil until a vault exists in vaultDir
	session *session      // nil while locked
	stash   *stashedCase  // a case that could not be saved when the vault locked
	resume  *resumePoint  // the case open when the vault locked, to go back to
	draft   *newCaseDraft // the new case form as it was when the vault locked

	bar      *messageBar
	body     *fyne.Container // the current screen
	idle     *idleWatcher
	cases    *caseListScreen // while unlocked
	current  *caseScreen     // the open case, if any
	opening  string          // the ID of a case being read, to show when it arrives
	unlock   *unlockScreen   // while locked
	create   *createScreen   // on first run
	recovery *recoveryScreen // once, after the vault is made

	newCase    *newCaseForm    // the last new case form opened
	settingsUI *settingsScreen // while settings are shown

	work      worker
	idleUnit  time.Duration // one "minute" of the idle-lock preference
	saveDelay time.Duration
	locked    atomic.Bool // true while no session is open
	closed    bool        // the window was closed
}

// New builds the window's content on the vault in vaultDir: the unlock
// screen, or the create-vault screen when there is no vault yet.
func New(a fyne.App, w fyne.Window, vaultDir string) *UI {
	u := &UI{
		app:       a,
		window:    w,
		vaultDir:  vaultDir,
		settings:  loadSettings(a.Preferences()),
		bar:       newMessageBar(),
		body:      container.NewStack(),
		idleUnit:  time.Minute,
		saveDelay: autosaveDelay,
	}
	u.locked.Store(true)
	u.idle = newIdleWatcher(u.onIdle)
	root := container.NewBorder(u.bar.box, nil, nil, nil, u.body)
	w.SetContent(newActivityWatcher(root, u.idle.touch))
	u.watchKeys()
	w.SetCloseIntercept(u.onClose)
	u.showStart()
	return u
}

// showStart shows the screen that fits the vault folder: create a vault when
// there is none, otherwise unlock (with the problem, if the header cannot be
// read).
func (u *UI) showStart() {
	v, err := crypto.Open(u.vaultDir)
	if errors.Is(err, crypto.ErrNoVault) {
		u.showCreate()
		return
	}
	u.vault = v
	u.showUnlock(err)
}

// show puts a screen in the window below the message bar.
func (u *UI) show(content fyne.CanvasObject) {
	u.opening = "" // a case still being read is not shown over this screen
	u.body.Objects = []fyne.CanvasObject{content}
	u.body.Refresh()
}

// setTitle names the window after the open case's reference, or the app.
// Never the person's name: window titles are seen by far more people than
// the window (task bars, screen sharing).
func (u *UI) setTitle(reference string) {
	if reference == "" {
		u.window.SetTitle(appName)
		return
	}
	u.window.SetTitle(appName + " — " + reference)
}

// clearDialogs hides every dialog and pop-up, so that nothing of a case
// stays on screen once the vault locks.
func (u *UI) clearDialogs() {
	o := u.window.Canvas().Overlays()
	for top := o.Top(); top != nil; top = o.Top() {
		o.Remove(top)
	}
}

// worker runs slow work off the UI goroutine and hands its result back to
// it. Its WaitGroup counts work and timers still to finish.
//
// Fyne's test driver has no event loop: it runs fyne.Do at once on the
// calling goroutine, which would put results on a second goroutine beside
// the test's. Tests therefore give the worker a queue, and wait runs the
// queued results on the test's goroutine, as the real event loop would run
// them on the UI goroutine.
type worker struct {
	wg    sync.WaitGroup
	queue chan func() // nil: results go through fyne.DoAndWait
}

// run calls work on a new goroutine, then then on the UI goroutine.
func (k *worker) run(work, then func()) {
	k.wg.Add(1)
	go func() {
		defer k.wg.Done()
		work()
		k.deliver(then)
	}()
}

// after calls then on the UI goroutine once d has passed, unless cancelled.
func (k *worker) after(d time.Duration, then func()) (cancel func()) {
	k.wg.Add(1)
	t := time.AfterFunc(d, func() {
		defer k.wg.Done()
		k.deliver(then)
	})
	return func() {
		if t.Stop() {
			k.wg.Done()
		}
	}
}

// runQuick is run for work that nearly always takes a few milliseconds
// (reading one case): the UI goroutine waits up to grace for it, so that
// its result is drawn in the same frame as the click that asked for it,
// with no "loading" flicker. If the store is slower than that (a stalled
// disk), the wait ends, the UI goroutine carries on and then runs when the
// work is done, as with run. It reports whether then has already run.
func (k *worker) runQuick(grace time.Duration, work, then func()) bool {
	done, decided := make(chan struct{}), make(chan struct{})
	var waited bool // written before decided is closed, read after
	k.wg.Add(1)
	go func() {
		defer k.wg.Done()
		work()
		close(done)
		<-decided
		if !waited {
			k.deliver(then)
		}
	}()
	t := time.NewTimer(grace)
	defer t.Stop()
	select {
	case <-done:
		waited = true
	case <-t.C:
	}
	close(decided)
	if waited {
		then()
	}
	return waited
}

// post hands a progress report to the UI goroutine without waiting for it
// to run: work that reports progress must never wait on the UI goroutine,
// which may itself be waiting for that work to stop (a lock cancelling a
// backup). It reports false if the report was dropped because the test
// queue is full; the next report carries the same news.
func (k *worker) post(report func()) bool {
	if k.queue == nil {
		fyne.Do(report)
		return true
	}
	select {
	case k.queue <- report:
		return true
	default:
		return false
	}
}

func (k *worker) deliver(then func()) {
	if k.queue != nil {
		k.queue <- then
		return
	}
	fyne.DoAndWait(then)
}

// wait returns once all work and timers have finished and their results
// have reached the widgets.
func (k *worker) wait() {
	for {
		k.wg.Wait()
		select {
		case then := <-k.queue:
			then()
		default:
			return
		}
	}
}

// messageBar is a strip above the screen for messages that must not block
// the work: a case that cannot be saved yet, a backup made. It is hidden
// when empty.
type messageBar struct {
	text   *widget.Label
	action *widget.Button
	box    *fyne.Container
	keep   bool // not cleared by the next successful save
}

func newMessageBar() *messageBar {
	b := &messageBar{text: widget.NewLabel("")}
	b.text.Wrapping = fyne.TextWrapWord
	b.action = widget.NewButton("", nil)
	b.action.Hide()
	dismiss := widget.NewButtonWithIcon("", theme.CancelIcon(), b.clear)
	dismiss.Importance = widget.LowImportance
	buttons := container.NewHBox(b.action, dismiss)
	inner := container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), buttons, b.text)
	b.box = container.NewVBox(inner, widget.NewSeparator())
	b.box.Hide()
	return b
}

// show displays a message until it is cleared or replaced.
func (b *messageBar) show(msg string) { b.set(msg, "", nil, false) }

// showAction displays a message with a button beside it.
func (b *messageBar) showAction(msg, label string, action func()) { b.set(msg, label, action, false) }

// showKept displays a message with a button that stays until dismissed or
// replaced, even when the case then saves.
func (b *messageBar) showKept(msg, label string, action func()) { b.set(msg, label, action, true) }

func (b *messageBar) set(msg, label string, action func(), keep bool) {
	b.text.SetText(msg)
	b.keep = keep
	if action == nil {
		b.action.Hide()
	} else {
		b.action.SetText(label)
		b.action.OnTapped = action
		b.action.Show()
	}
	b.box.Show()
}

// message returns the text shown, or "" when the bar is hidden.
func (b *messageBar) message() string {
	if !b.box.Visible() {
		return ""
	}
	return b.text.Text
}

func (b *messageBar) clear() {
	b.text.SetText("")
	b.action.OnTapped = nil
	b.keep = false
	b.box.Hide()
}
