package app

import (
	"errors"
	"os"
	"strings"
	"time"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"msprecords/crypto"
	"msprecords/export"
)

// onChoose checks the choices, then asks where to save, offering a file
// name made of the case reference, the purpose and the date, never the
// person's name.
func (e *exportDialog) onChoose() {
	if msg := e.checkChoices(); msg != "" {
		e.problem.SetText(msg)
		e.problem.Show()
		e.body.Refresh()
		return
	}
	e.problem.Hide()
	e.body.Refresh()
	ext := ".pdf"
	if e.format.Selected == formatHTML {
		ext = ".html"
	}
	p := e.chosenPurpose()
	e.saveAs = askSaveAs(e.w, "Save the "+p.Noun(), export.SuggestedFileName(e.c, p, time.Now(), ext), ext, e.saveTo)
}

// saveTo builds the pack now, from the case as it is on screen, then draws,
// encrypts and writes it in the worker with a progress dialog meanwhile.
func (e *exportDialog) saveTo(path string) {
	pack, err := export.BuildPack(e.c, e.packOptions())
	if err != nil {
		e.fail(err)
		return
	}
	html, password := e.format.Selected == formatHTML, ""
	if !e.noPassword.Checked && !html {
		password = e.pass.Text
	}
	progress := dialog.NewCustomWithoutButtons("Exporting…", widget.NewProgressBarInfinite(), e.w)
	progress.Show()
	e.d.Hide()
	id := e.c.ID
	record := func(detail string) error { return e.st.RecordExport(id, detail) }
	ledger := e.st.TempLedger()
	e.work.run(func() { err = writePack(path, pack, html, password, ledger, record) }, func() {
		progress.Hide()
		if err != nil {
			e.fail(err)
			return
		}
		e.done(path, password != "")
	})
}

func (e *exportDialog) packOptions() export.PackOptions {
	return export.PackOptions{
		Purpose:      e.chosenPurpose(),
		Sections:     e.chosenSections(),
		MaskContacts: e.mask.Checked,
		Marking:      e.mark,
		MeetingID:    e.meetingIDs[max(e.meeting.SelectedIndex(), 0)],
		Made:         time.Now(),
		Author:       e.st.User(),
	}
}

// writePack draws the pack, writes it whole (temporary file, recorded in
// ledger while it exists, then rename) and records the export. An export
// that cannot be recorded is removed: a sharing decision is always in the
// audit trail.
func writePack(path string, p *export.Pack, html bool, password string, ledger crypto.TempLedger, record func(detail string) error) error {
	var data []byte
	var err error
	format := "PDF"
	if html {
		format = "HTML"
		data, err = p.HTML()
	} else {
		data, err = p.PDF()
		if err == nil && password != "" {
			data, err = export.EncryptPDF(data, password)
		}
	}
	if err != nil {
		return err
	}
	if err := crypto.WriteFileAtomicWith(path, data, 0o600, ledger); err != nil {
		return err
	}
	if err := record(p.AuditDetail(format, password != "")); err != nil {
		os.Remove(path)
		return err
	}
	return nil
}

// fail says why the pack was not saved.
func (e *exportDialog) fail(err error) {
	dialog.ShowError(errors.New("The pack was not saved. "+messageFor(err)), e.w)
}

// done says where the pack went and how to share it safely.
func (e *exportDialog) done(path string, encrypted bool) {
	msg := "The " + e.chosenPurpose().Noun() + " was saved as " + baseName(path) + " and the export recorded in the audit trail."
	if encrypted {
		msg += " Tell the recipients the password by another route, such as a phone call."
	} else {
		msg += " It has no password: share it only by a secure route, and delete it when it is no longer needed."
	}
	showSaved(e.w, titleCase(e.chosenPurpose().Noun())+" saved", msg, path)
	if e.saved != nil {
		e.saved(path)
	}
}

func baseName(path string) string {
	return path[strings.LastIndexAny(path, `/\`)+1:]
}
