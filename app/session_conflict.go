package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"msprecords/records"
)

// conflictDialog tells the person that the case was saved elsewhere since
// they opened it. Their edits are never written over the newer version
// silently: they are listed as text to copy, and the saved version is
// reloaded when they are ready.
type conflictDialog struct {
	d      *dialog.CustomDialog
	text   *widget.Label
	copy   *widget.Button
	reload *widget.Button
}

// showConflict opens the conflict dialog for the open case, given the
// version in the store (read by the save that was refused) or why it could
// not be read.
func (s *caseScreen) showConflict(saved *records.Case, err error) {
	if err != nil {
		s.u.bar.show(messageFor(err))
		return
	}
	s.lost = unsavedChanges(s.c, saved)
	cd := &conflictDialog{text: widget.NewLabel(s.lost)}
	cd.text.Selectable = true
	cd.text.Wrapping = fyne.TextWrapWord
	intro := widget.NewLabel("This case was saved somewhere else (another window, or someone else using the " +
		"vault) since you opened it, so your latest changes were not saved. They are listed below: " +
		"copy them if you need them, then reload the saved version and add them again.")
	intro.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(cd.text)
	scroll.SetMinSize(fyne.NewSize(560, 220))
	content := container.NewBorder(intro, nil, nil, nil, scroll)
	cd.d = dialog.NewCustomWithoutButtons("This case was changed elsewhere", content, s.w)
	cd.copy = widget.NewButtonWithIcon("Copy my changes", theme.ContentCopyIcon(), func() {
		s.u.app.Clipboard().SetContent(s.lost)
	})
	cd.reload = widget.NewButtonWithIcon("Reload the saved version", theme.ViewRefreshIcon(), func() {
		cd.d.Hide()
		s.onReload()
	})
	cd.reload.Importance = widget.HighImportance
	cd.d.SetButtons([]fyne.CanvasObject{cd.copy, cd.reload})
	cd.d.Show()
	s.conflictUI = cd
}

// onReload reads the saved version in the worker, then shows it.
func (s *caseScreen) onReload() {
	st, id := s.store, s.c.ID
	var c *records.Case
	var err error
	s.u.work.run(func() { c, err = st.Get(id) }, func() {
		if s.gone {
			return
		}
		if err != nil {
			s.u.bar.show(messageFor(err))
			return
		}
		s.reloaded(c)
	})
}

// reloaded replaces the shown case by the saved version. The edits that
// were not saved stay available from the message bar until the case closes.
func (s *caseScreen) reloaded(c *records.Case) {
	s.c = c
	s.view.setCase(c)
	s.practice.refresh()
	s.conflict, s.dirty = false, false
	s.status.SetText("Saved version reloaded")
	lost := s.lost
	s.u.bar.showKept("The saved version was reloaded. Your changes that were not saved are kept "+
		"until you close this case.", "Show my changes", func() {
		dialog.ShowCustom("Your changes that were not saved", "Close", copyableText(lost), s.w)
	})
}

func copyableText(text string) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Selectable = true
	l.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(l)
	scroll.SetMinSize(fyne.NewSize(560, 260))
	return scroll
}

// unsavedChanges lists, one per line, the fields of mine that differ from
// saved, as "field: value". Bookkeeping fields are left out.
func unsavedChanges(mine, saved *records.Case) string {
	theirs := map[string]string{}
	for _, f := range flattenCase(saved) {
		theirs[f.path] = f.value
	}
	var b strings.Builder
	for _, f := range flattenCase(mine) {
		if ignoredInChanges[f.path] || theirs[f.path] == f.value {
			continue
		}
		v := f.value
		if v == "" {
			v = "(cleared)"
		}
		fmt.Fprintf(&b, "%s: %s\n", f.path, v)
	}
	if b.Len() == 0 {
		return "(no differences in the fields)"
	}
	return b.String()
}

var ignoredInChanges = map[string]bool{"revision": true, "updated": true, "created": true}

// field is one leaf of a case as JSON: its path and its value as text.
type field struct{ path, value string }

// flattenCase lists a case's fields in document order. The JSON encoding
// is the case's own, so paths name fields as exports and imports do.
func flattenCase(c *records.Case) []field {
	data, err := json.Marshal(c)
	if err != nil {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var out []field
	if err := flattenValue(dec, "", &out); err != nil {
		return nil
	}
	return out
}

func flattenValue(dec *json.Decoder, path string, out *[]field) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	switch t := tok.(type) {
	case json.Delim:
		return flattenContainer(dec, t, path, out)
	case nil:
		*out = append(*out, field{path, ""})
	default:
		*out = append(*out, field{path, fmt.Sprint(t)})
	}
	return nil
}

func flattenContainer(dec *json.Decoder, open json.Delim, path string, out *[]field) error {
	for i := 0; dec.More(); i++ {
		sub := fmt.Sprintf("%s[%d]", path, i)
		if open == '{' {
			key, err := dec.Token()
			if err != nil {
				return err
			}
			sub = strings.TrimPrefix(path+"."+fmt.Sprint(key), ".")
		}
		if err := flattenValue(dec, sub, out); err != nil {
			return err
		}
	}
	_, err := dec.Token() // the closing delimiter
	return err
}
