package app

import (
	"fmt"
	"strconv"
	"time"

	"msprecords/records"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Choices offered for the numeric settings.
var (
	idleChoices     = []int{1, 2, 5, 10, 15, 30, 60}
	referralChoices = []int{1, 2, 3, 5, 10}
)

// settingsScreen shows the preferences, the vault's users and the backup.
// Each setting takes effect as soon as it is changed.
type settingsScreen struct {
	w fyne.Window
	u *UI

	idle     *widget.Select
	referral *widget.Select
	marking  *widget.Entry
	users    *fyne.Container
	backup   *widget.Button
	root     fyne.CanvasObject

	userForm  *passphraseForm // the last passphrase dialog opened
	colleague *colleagueForm  // the last "Add a colleague" dialog opened
	backupUI  *backupForm
}

// showSettings saves and closes the open case, then shows the settings.
func (u *UI) showSettings() {
	if !u.unlocked() || !u.leaveCase() {
		return
	}
	u.setTitle("")
	u.settingsUI = newSettingsScreen(u.window, u)
	u.show(u.settingsUI.root)
}

func newSettingsScreen(w fyne.Window, u *UI) *settingsScreen {
	s := &settingsScreen{w: w, u: u}
	s.idle = widget.NewSelect(minutesLabels(idleChoices, u.settings.IdleMinutes), s.onIdle)
	s.idle.SetSelected(minutesLabel(u.settings.IdleMinutes))
	s.referral = widget.NewSelect(daysLabels(referralChoices, u.settings.ReferralDays), s.onReferral)
	s.referral.SetSelected(daysLabel(u.settings.ReferralDays))
	s.marking = widget.NewEntry()
	s.marking.SetText(u.settings.Marking)
	s.marking.OnChanged = func(m string) { u.settings.setMarking(m) }
	s.users = container.NewVBox()
	s.backup = widget.NewButtonWithIcon("Back up now…", theme.DocumentSaveIcon(), s.onBackup)
	s.refreshUsers()
	s.root = s.layout()
	return s
}

func (s *settingsScreen) layout() fyne.CanvasObject {
	back := widget.NewButtonWithIcon("Case list", theme.NavigateBackIcon(), s.u.showCaseList)
	lock := widget.NewButtonWithIcon("Lock", theme.LogoutIcon(), s.u.lockNow)
	top := container.NewVBox(container.NewBorder(nil, nil, container.NewHBox(back, heading("Settings")), lock), widget.NewSeparator())
	security := widget.NewForm(widget.NewFormItem("Lock after", narrow(s.idle, 260)))
	practice := widget.NewForm(
		widget.NewFormItem("Referrals are timely within", narrow(s.referral, 260)),
		widget.NewFormItem("Protective marking on packs", narrow(s.marking, 360)),
	)
	body := container.NewVBox(
		card("Security", "The vault locks itself when nobody has used the window for this long. Ctrl+L locks it at once.", security),
		card("Users", "Each user has their own passphrase; all of them open the same vault. "+
			"A safeguarding lead adds colleagues, who choose their own passphrase (a lead gives them a setup code, "+
			"or hands them the keyboard), changes their roles and removes them.",
			container.NewVBox(s.users, s.userActions())),
		card("Backup", "A backup is one encrypted file with every case and the audit trail, "+
			"protected by a backup passphrase of its own. Keep it somewhere other than this computer.",
			container.NewHBox(s.backup)),
		card("Practice check and packs", workingDaysNote(), practice),
		card("Appearance", "MSP Records follows your computer's light or dark theme: change it in the system settings.", nil),
		card("Vault folder", s.u.vaultDir, nil),
	)
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(container.NewPadded(body)))
}

// userActions are the buttons under the user list: adding a colleague is
// a lead's; anyone changes their own passphrase.
func (s *settingsScreen) userActions() fyne.CanvasObject {
	change := widget.NewButtonWithIcon("Change my passphrase…", theme.AccountIcon(), s.onChangePassphrase)
	if !s.u.session.isLead() {
		note := widget.NewLabel("Only a safeguarding lead can add or remove colleagues or change their roles.")
		note.Wrapping = fyne.TextWrapWord
		note.Importance = widget.LowImportance
		return container.NewVBox(note, container.NewHBox(change))
	}
	addUser := widget.NewButtonWithIcon("Add a colleague…", theme.ContentAddIcon(), s.onAddColleague)
	return container.NewHBox(addUser, change)
}

// narrow keeps a field at a width that fits its content, rather than the
// whole width of the form.
func narrow(o fyne.CanvasObject, width float32) fyne.CanvasObject {
	return container.NewHBox(container.New(columnWidth(width), o))
}

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// onIdle changes the idle time; the watcher restarts with it at once.
func (s *settingsScreen) onIdle(label string) {
	n := labelNumber(label)
	if n < 1 || n == s.u.settings.IdleMinutes {
		return
	}
	s.u.settings.setIdleMinutes(n)
	s.u.idle.start(time.Duration(n) * s.u.idleUnit)
}

// onReferral changes the referral limit, and has the store work out the
// case list's gaps again with it, so that list and practice panel agree.
func (s *settingsScreen) onReferral(label string) {
	n := labelNumber(label)
	if n < 1 || n == s.u.settings.ReferralDays {
		return
	}
	s.u.settings.setReferralDays(n)
	s.u.applyPracticeRules()
}

func minutesLabel(n int) string {
	if n == 1 {
		return "1 minute"
	}
	return strconv.Itoa(n) + " minutes"
}

func daysLabel(n int) string {
	if n == 1 {
		return "1 working day"
	}
	return strconv.Itoa(n) + " working days"
}

// minutesLabels are the choices, with the current value added if it is not
// one of them (set by an older version, say).
func minutesLabels(choices []int, current int) []string {
	return labelsWith(choices, current, minutesLabel)
}

func daysLabels(choices []int, current int) []string {
	return labelsWith(choices, current, daysLabel)
}

func labelsWith(choices []int, current int, label func(int) string) []string {
	var out []string
	added := false
	for _, n := range choices {
		if !added && current < n {
			out = append(out, label(current))
			added = true
		}
		if n == current {
			added = true
		}
		out = append(out, label(n))
	}
	if !added {
		out = append(out, label(current))
	}
	return out
}

// labelNumber reads the number at the start of a choice's label.
func labelNumber(label string) int {
	i := 0
	for i < len(label) && label[i] >= '0' && label[i] <= '9' {
		i++
	}
	n, err := strconv.Atoi(label[:i])
	if err != nil {
		return 0
	}
	return n
}

// applyPracticeRules gives the store the practice options now in force, off
// the UI goroutine, then refreshes the case list's Gaps column.
func (u *UI) applyPracticeRules() {
	sess := u.session
	if sess == nil {
		return
	}
	rules := u.settings.practiceOptions()
	var err error
	u.work.run(func() { err = sess.store.SetPracticeRules(rules) }, func() {
		if err != nil {
			u.bar.show(messageFor(err))
			return
		}
		if u.cases != nil && u.session == sess {
			u.cases.refresh()
		}
	})
}

// workingDaysNote says how working days are counted, and for which years
// the bank holidays are known.
func workingDaysNote() string {
	first, last := records.BankHolidayYears()
	return fmt.Sprintf("Working days skip weekends and the bank holidays of England and Wales, which this version "+
		"knows for %d to %d. Beyond those years only weekends are skipped, and the practice check says so.", first, last)
}

// card is a titled group of settings with its explanation, which wraps to
// the window's width (a Card's own subtitle never wraps).
func card(title, text string, content fyne.CanvasObject) fyne.CanvasObject {
	box := container.NewVBox(wrapped(text))
	if content != nil {
		box.Add(content)
	}
	return widget.NewCard(title, "", box)
}
