package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// removeAt returns s without its element i, keeping the order.
func removeAt[T any](s []T, i int) []T {
	return append(s[:i:i], s[i+1:]...)
}

// or returns s, or instead when s is empty.
func or(s, instead string) string {
	if strings.TrimSpace(s) == "" {
		return instead
	}
	return s
}

// joinNonEmpty joins the parts that are not empty.
func joinNonEmpty(sep string, parts ...string) string {
	var kept []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, sep)
}

// firstLine returns the start of a long text on one line, for list rows.
func firstLine(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > max {
		return string(r[:max]) + "…"
	}
	return s
}

// showBusy disables a form's controls and runs its progress bar while work
// it started runs in the worker, and undoes both when it is done.
func showBusy(busy bool, progress *widget.ProgressBarInfinite, controls ...fyne.Disableable) {
	for _, o := range controls {
		if busy {
			o.Disable()
		} else {
			o.Enable()
		}
	}
	if busy {
		progress.Show()
		progress.Start()
		return
	}
	progress.Stop()
	progress.Hide()
}

// remeasure lays a dialog out again, as a wrapped line that has changed
// may now take more or fewer lines. Twice: a label just shown learns its
// width in the first layout, and only then how many lines it needs.
func remeasure(d *dialog.CustomDialog) {
	if d != nil {
		d.Refresh()
		d.Refresh()
	}
}

// sayIn shows msg in a dialog's label (a problem, a hint) and lays the
// dialog out again for it.
func sayIn(d *dialog.CustomDialog, l *widget.Label, msg string) {
	l.SetText(msg)
	l.Show()
	remeasure(d)
}
