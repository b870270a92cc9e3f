package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// command is one thing the person can do from the menu or the keyboard.
type command struct {
	label    string
	shortcut fyne.Shortcut // nil: menu only
	action   func()
}

func ctrl(key fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
}

// caseCommands are the menu "Case" and its shortcuts. All keyboard wiring is
// here, Ctrl+E (export) included.
func (u *UI) caseCommands() []command {
	return []command{
		{"New case…", ctrl(fyne.KeyN), u.onNewCase},
		{"Find a case", ctrl(fyne.KeyF), u.onFind},
		{"Save now", ctrl(fyne.KeyS), u.onSaveNow},
		{"Export…", ctrl(fyne.KeyE), u.onExport},
		{"Case list", nil, u.showCaseList},
	}
}

// vaultCommands are the menu "Vault".
func (u *UI) vaultCommands() []command {
	return []command{
		{"Settings…", nil, u.showSettings},
		{"Lock", ctrl(fyne.KeyL), u.lockNow},
	}
}

// mainMenu is set while the vault is unlocked. Shortcuts go through the menu
// because the desktop driver offers a menu's shortcuts even when a text
// field has the focus, where the canvas's own shortcuts never arrive.
func (u *UI) mainMenu() *fyne.MainMenu {
	vault := menuOf("Vault", u.vaultCommands())
	quit := fyne.NewMenuItem("Quit", u.onClose)
	quit.IsQuit = true
	vault.Items = append(vault.Items, fyne.NewMenuItemSeparator(), quit)
	return fyne.NewMainMenu(vault, menuOf("Case", u.caseCommands()), menuOf("Reports", u.reportCommands()),
		menuOf("Help", u.helpCommands()))
}

func menuOf(title string, cmds []command) *fyne.Menu {
	items := make([]*fyne.MenuItem, len(cmds))
	for i, c := range cmds {
		items[i] = fyne.NewMenuItem(c.label, c.action)
		items[i].Shortcut = c.shortcut
	}
	return fyne.NewMenu(title, items...)
}

// addShortcuts registers the shortcuts on the canvas too, for when no text
// field has the focus (and for drivers without a menu).
func (u *UI) addShortcuts() {
	c := u.window.Canvas()
	for _, cmd := range append(u.caseCommands(), u.vaultCommands()...) {
		if cmd.shortcut != nil {
			action := cmd.action
			c.AddShortcut(cmd.shortcut, func(fyne.Shortcut) { action() })
		}
	}
}

func (u *UI) removeShortcuts() {
	c := u.window.Canvas()
	for _, cmd := range append(u.caseCommands(), u.vaultCommands()...) {
		if cmd.shortcut != nil {
			c.RemoveShortcut(cmd.shortcut)
		}
	}
}

// onFind shows the case list (saving the open case) with the search field
// focused.
func (u *UI) onFind() {
	if !u.unlocked() {
		return
	}
	u.showCaseList()
	u.window.Canvas().Focus(u.cases.search)
}

// onSaveNow saves the open case at once.
func (u *UI) onSaveNow() {
	if u.current != nil {
		u.current.saveNow()
	}
}

// onExport saves the open case, then opens the export dialog for it.
func (u *UI) onExport() {
	if u.current == nil || u.session == nil {
		return
	}
	cur := u.current
	cur.save(func(err error) {
		if err != nil || u.current != cur {
			return // a pack shows what is saved; the message bar says what to put right
		}
		showExportDialog(u.window, u.session.store, cur.c)
	})
}
