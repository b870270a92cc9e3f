package app

import (
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// lastSaveFolder is the folder the last file was saved in, offered for the
// next one. It is kept in memory only: a folder's name can be personal
// ("Smith family"), and preferences are written in clear.
var lastSaveFolder string

// saveAsDialog asks for a file's name and folder, in one place for packs,
// reports and the recovery key. Unlike Fyne's own save dialog it creates
// nothing until the file is written whole (the caller writes it with
// crypto.WriteFileAtomic), and replacing a file asks with "Keep the old
// file" as the choice the keyboard is on.
type saveAsDialog struct {
	w      fyne.Window
	ext    string
	folder string
	name   *widget.Entry
	where  *widget.Label
	prob   *widget.Label
	d      *dialog.CustomDialog
	save   func(path string)
}

// askSaveAs shows the dialog, titled title, offering name (ending in ext);
// save runs with the path chosen once any replacement is agreed.
func askSaveAs(w fyne.Window, title, name, ext string, save func(path string)) *saveAsDialog {
	s := &saveAsDialog{w: w, ext: ext, folder: defaultSaveFolder(), name: widget.NewEntry(),
		where: wrapped(""), prob: newProblemLabel(), save: save}
	s.name.SetText(name)
	s.name.OnSubmitted = func(string) { s.onSave() }
	s.showFolder()
	change := widget.NewButtonWithIcon("Change folder…", theme.FolderOpenIcon(), s.onChangeFolder)
	form := widget.NewForm(widget.NewFormItem("File name", s.name),
		widget.NewFormItem("Folder", container.NewBorder(nil, nil, nil, change, s.where)))
	ok := widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), s.onSave)
	ok.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() { s.d.Hide() })
	s.d = dialog.NewCustomWithoutButtons(title, container.New(columnWidth(560), container.NewVBox(form, s.prob)), w)
	s.d.SetButtons([]fyne.CanvasObject{cancel, ok})
	s.d.Show()
	w.Canvas().Focus(s.name)
	return s
}

// defaultSaveFolder is the last folder saved in, else Documents, else home.
func defaultSaveFolder() string {
	if fi, err := os.Stat(lastSaveFolder); lastSaveFolder != "" && err == nil && fi.IsDir() {
		return lastSaveFolder
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "."
	}
	if fi, err := os.Stat(filepath.Join(home, "Documents")); err == nil && fi.IsDir() {
		return filepath.Join(home, "Documents")
	}
	return home
}

func (s *saveAsDialog) showFolder() { s.where.SetText(s.folder) }

func (s *saveAsDialog) onChangeFolder() {
	d := dialog.NewFolderOpen(func(lu fyne.ListableURI, err error) {
		if err == nil && lu != nil {
			s.folder = lu.Path()
			s.showFolder()
		}
	}, s.w)
	if lu, err := storage.ListerForURI(storage.NewFileURI(s.folder)); err == nil {
		d.SetLocation(lu)
	}
	d.Show()
}

// fileName is the name typed, with the extension added when it is missing,
// or, when it cannot be used, the words that say why.
func (s *saveAsDialog) fileName() (name, problem string) {
	name = strings.TrimSpace(s.name.Text)
	switch {
	case name == "":
		return "", "Type a file name."
	case strings.ContainsAny(name, `/\:*?"<>|`):
		return "", `A file name cannot hold / \ : * ? " < > or |. Choose the folder with "Change folder…".`
	case !strings.EqualFold(filepath.Ext(name), s.ext):
		name += s.ext
	}
	return name, ""
}

func (s *saveAsDialog) onSave() {
	name, problem := s.fileName()
	if problem != "" {
		s.fail(problem)
		return
	}
	path := filepath.Join(s.folder, name)
	fi, err := os.Stat(path)
	switch {
	case err == nil && fi.IsDir():
		s.fail("There is a folder called " + name + " there: choose another name.")
	case err == nil:
		s.confirmReplace(name, path)
	case errors.Is(err, os.ErrNotExist):
		s.finish(path)
	default:
		s.fail("The folder cannot be used: " + err.Error() + ". Choose another with \"Change folder…\".")
	}
}

func (s *saveAsDialog) fail(msg string) {
	s.prob.SetText(msg)
	s.prob.Show()
}

// confirmReplace asks before a file is replaced; the keyboard starts on
// "Keep the old file", so Space or a slip of the hand keeps it.
func (s *saveAsDialog) confirmReplace(name, path string) {
	var d *dialog.CustomDialog
	keep := widget.NewButtonWithIcon("Keep the old file", theme.CancelIcon(), func() { d.Hide() })
	keep.Importance = widget.HighImportance
	replace := widget.NewButtonWithIcon("Replace it", theme.ConfirmIcon(), func() { d.Hide(); s.finish(path) })
	replace.Importance = widget.DangerImportance
	d = dialog.NewCustomWithoutButtons("Replace "+name+"?", wrapped("There is already a file called "+name+
		" in "+s.folder+". Replacing it loses what it holds."), s.w)
	d.SetButtons([]fyne.CanvasObject{replace, keep})
	d.Show()
	s.w.Canvas().Focus(keep)
}

func (s *saveAsDialog) finish(path string) {
	lastSaveFolder = s.folder
	s.d.Hide()
	s.save(path)
}

// showSaved says that a file was saved, with a button that opens its folder.
func showSaved(w fyne.Window, title, msg, path string) {
	var d *dialog.CustomDialog
	open := widget.NewButtonWithIcon("Open folder", theme.FolderOpenIcon(), func() { d.Hide(); openFolder(path) })
	ok := widget.NewButtonWithIcon("OK", theme.ConfirmIcon(), func() { d.Hide() })
	ok.Importance = widget.HighImportance
	d = dialog.NewCustomWithoutButtons(title, container.New(columnWidth(480), wrapped(msg)), w)
	d.SetButtons([]fyne.CanvasObject{open, ok})
	d.Show()
}

// openFolder opens the folder holding path in the system's file manager.
func openFolder(path string) {
	u, err := url.Parse(storage.NewFileURI(filepath.Dir(path)).String())
	if err == nil {
		_ = fyne.CurrentApp().OpenURL(u)
	}
}
