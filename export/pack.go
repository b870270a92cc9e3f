package export

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"msprecords/records"
)

var (
	// ErrNoCase is returned when there is no case to make a pack from.
	ErrNoCase = errors.New("no case to export")
	// ErrNoSuchMeeting is returned when the meeting chosen for the cover is not in the case.
	ErrNoSuchMeeting = errors.New("no such meeting in the case")
)

// PackOptions says what a pack is for and what it holds.
type PackOptions struct {
	Purpose      Purpose
	Sections     []Section // empty: DefaultSections(Purpose); order does not matter
	MaskContacts bool      // replace addresses, postcodes and phone numbers with "[address withheld]" etc.
	Marking      string    // protective marking; "" means DefaultMarking
	MeetingID    string    // the case.Meetings entry shown on the cover, or "" for none
	Made         time.Time // when it was made; zero means now
	Author       string    // who made it (the user), for the PDF's author
}

// Pack is a pack built from one case: a format-neutral Document and the
// options it was made with, sections in the order they appear.
type Pack struct {
	Document
	Options PackOptions
	cover   string // the meeting on the cover, by type and date, for the audit trail
}

// BuildPack builds the pack for a case. The person's copy never holds the
// alleged person's section, other people's contact details or professional
// challenge notes, whatever sections are asked for; the alleged persons'
// names are replaced with "[withheld]" wherever they appear in its text.
func BuildPack(c *records.Case, o PackOptions) (*Pack, error) {
	if c == nil {
		return nil, ErrNoCase
	}
	o, err := normaliseOptions(o)
	if err != nil {
		return nil, err
	}
	b := &builder{c: c, o: o}
	if b.meeting, err = findMeeting(c, o.MeetingID); err != nil {
		return nil, err
	}
	d := Document{
		Title:     o.Purpose.title(),
		Subject:   "Safeguarding enquiry " + c.Reference + ": " + o.Purpose.Label(),
		Author:    o.Author,
		Marking:   o.Marking,
		Reference: c.Reference,
		Made:      o.Made,
		Parts:     b.parts(),
	}
	// Text is cleaned (and put in NFC) before redaction, so that names are
	// matched however they were typed.
	r := newRedactor(c, o)
	d.mapText(func(s string) string { return r.apply(cleanText(s)) })
	p := &Pack{Document: d, Options: o}
	if m := b.meeting; m != nil {
		p.cover = joinNonEmpty(" ", m.Type, m.Date.String())
	}
	return p, nil
}

// normaliseOptions checks the options and fills in defaults; the sections
// come back in pack order, without repeats.
func normaliseOptions(o PackOptions) (PackOptions, error) {
	if _, err := ParsePurpose(string(o.Purpose)); err != nil {
		return o, err
	}
	if o.Made.IsZero() {
		o.Made = time.Now()
	}
	if o.Marking == "" {
		o.Marking = DefaultMarking
	}
	want := o.Sections
	if len(want) == 0 {
		want = DefaultSections(o.Purpose)
	}
	chosen := make(map[Section]bool, len(want))
	for _, s := range want {
		if _, err := parseSection(string(s)); err != nil {
			return o, err
		}
		chosen[s] = true
	}
	o.Sections = nil
	for _, s := range AllSections {
		if chosen[s] && s.allowed(o.Purpose) {
			o.Sections = append(o.Sections, s)
		}
	}
	return o, nil
}

func findMeeting(c *records.Case, id string) (*records.Meeting, error) {
	if id == "" {
		return nil, nil
	}
	for i := range c.Meetings {
		if c.Meetings[i].ID == id {
			return &c.Meetings[i], nil
		}
	}
	return nil, fmt.Errorf("%w: %q", ErrNoSuchMeeting, id)
}

// Includes reports whether the pack holds section s.
func (p *Pack) Includes(s Section) bool {
	for _, x := range p.Options.Sections {
		if x == s {
			return true
		}
	}
	return false
}

// PDF draws the pack as an unencrypted PDF; see EncryptPDF.
func (p *Pack) PDF() ([]byte, error) { return WritePDF(&p.Document) }

// HTML draws the pack as one self-contained HTML page.
func (p *Pack) HTML() ([]byte, error) { return WriteHTML(&p.Document) }

// withheldLine is the one line that stands in for a section left out, so a
// reader knows it was withheld, not missing.
func withheldLine(title string) string {
	return "Section withheld: " + title + " (not shared for this purpose)"
}

// LatestMeeting returns the ID of the case's most recent meeting, the usual
// cover for a pack, or "" when it has none.
func LatestMeeting(c *records.Case) string {
	id, latest := "", records.Date{}
	for _, m := range c.Meetings {
		if id == "" || !m.Date.Before(latest) {
			id, latest = m.ID, m.Date
		}
	}
	return id
}

// AuditDetail is what the audit trail records of an export of this pack:
// the sharing decision (Caldicott), never personal data. The store adds who
// and when; format is "PDF" or "HTML".
func (p *Pack) AuditDetail(format string, encrypted bool) string {
	o := p.Options
	sections := make([]string, len(o.Sections))
	for i, s := range o.Sections {
		sections[i] = string(s)
	}
	enc := "not encrypted"
	if encrypted {
		enc = "encrypted (AES-256)"
	}
	return fmt.Sprintf("pack for %s as %s, %s; purpose: %s; sections: %s; contacts masked: %s; marking: %s; meeting on the cover: %s",
		p.Reference, format, enc, o.Purpose, orText(strings.Join(sections, ", "), "none"), yesNo(o.MaskContacts), o.Marking, orText(p.cover, "none"))
}
