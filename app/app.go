// Package app is the desktop window of MSP Records, built with Fyne: unlock
// or create a vault, the case list, the case view with one screen per part of
// the record, and settings. It holds no rules of safeguarding practice (those
// live in records) and writes nothing personal to disk: cases go to the
// encrypted store, and preferences hold settings and user names only.
package app

import (
	"errors"
	"path/filepath"

	"msprecords/assets"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
)

// appID names the app to the operating system and keys its preferences.
const appID = "uk.org.msprecords.app"

// appName is the window title with no case open. With a case open the title
// adds the case reference, never the person's name, because titles show in
// task bars, window switchers and screen-sharing pickers.
const appName = "MSP Records"

// defaultWindowSize fits the case list's columns on a 1280×800 screen.
var defaultWindowSize = fyne.NewSize(1180, 740)

// ErrNoVaultDir is returned by Run when it is not told which vault to open.
var ErrNoVaultDir = errors.New("app: no vault folder given")

// Run opens the window on the vault in vaultDir (created on first run) and
// returns when the window is closed.
func Run(vaultDir string) error {
	if vaultDir == "" {
		return ErrNoVaultDir
	}
	dir, err := filepath.Abs(vaultDir)
	if err != nil {
		return err
	}
	a := fyneapp.NewWithID(appID)
	a.Settings().SetTheme(newReadableTheme())
	a.SetIcon(appIcon)
	w := a.NewWindow(appName)
	New(a, w, dir)
	w.Resize(defaultWindowSize)
	w.CenterOnScreen()
	w.SetMaster()
	w.ShowAndRun()
	return nil
}

// appIcon is the app's icon, for the window, the task bar and the desktop
// entry; FyneApp.toml names the same file for the packaged executable.
var appIcon = fyne.NewStaticResource("icon.png", assets.Icon)
