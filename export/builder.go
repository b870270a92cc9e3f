package export

import (
	"fmt"

	"msprecords/records"
)

// builder turns one case into the parts of a pack. Each section has its own
// method returning its blocks; redaction happens afterwards, over the whole
// document, so no section can forget it.
type builder struct {
	c       *records.Case
	o       PackOptions
	meeting *records.Meeting
}

// parts returns the cover, then every section in pack order, each either
// built or replaced by its withheld line.
func (b *builder) parts() []Part {
	parts := []Part{{Heading: "About this pack", Blocks: b.cover()}}
	chosen := make(map[Section]bool)
	for _, s := range b.o.Sections {
		chosen[s] = true
	}
	for _, s := range AllSections {
		title := s.Title(b.o.Purpose)
		if !chosen[s] {
			parts = append(parts, Part{Blocks: []Block{Notice{withheldLine(title)}}})
			continue
		}
		parts = append(parts, Part{Heading: title, Blocks: b.section(s)})
	}
	return parts
}

func (b *builder) section(s Section) []Block {
	switch s {
	case SectionViews:
		return b.views()
	case SectionPenPicture:
		return b.penPicture()
	case SectionConcerns:
		return b.concerns()
	case SectionCapacity:
		return b.capacity()
	case SectionRisks:
		return b.risks()
	case SectionReferrals:
		return b.referrals()
	case SectionAlleged:
		return b.alleged()
	case SectionChronology:
		return b.chronology()
	case SectionOutcomes:
		return b.outcomes()
	}
	return nil
}

// plain reports whether the pack is the person's own copy.
func (b *builder) plain() bool { return b.o.Purpose.plain() }

// cover says what the pack is, why it is shared and, for a meeting, who was there.
func (b *builder) cover() []Block {
	c := b.c
	blocks := []Block{
		Paragraph{b.handling()},
		Fields{
			field("reference", c.Reference),
			{"Purpose of sharing", b.o.Purpose.Label()},
			{"Sections", b.sectionList()},
			{"Contact details", b.maskingNote()},
			field("enquiry.type", c.Enquiry.Type),
			field("enquiry.stage", c.Enquiry.Stage),
			field("enquiry.lead_practitioner", c.Enquiry.LeadPractitioner),
			field("enquiry.organisation", c.Enquiry.Organisation),
			{"Made on", records.DateOf(b.o.Made).String()},
			{"Made by", b.o.Author},
		},
	}
	blocks = append(blocks, signOffLines(c)...)
	if m := b.meeting; m != nil {
		blocks = append(blocks, Subheading{joinNonEmpty(", ", orText(m.Type, "Meeting"), m.Date.String())},
			Fields{field("meetings.type", m.Type), field("meetings.date", m.Date.String()), field("meetings.place", m.Place),
				field("meetings.purpose", m.Purpose)},
			attendeesTable(m.Attendees))
	}
	return blocks
}

func (b *builder) handling() string {
	if b.plain() {
		return "This is a copy of the safeguarding record, written for the person it is about or their " +
			"representative. Some details about other people are left out; where a part is left out, it says so."
	}
	return "This pack is shared for the purpose below, with those who need it for that purpose only. " +
		"Do not copy or pass it on. Where a part is left out, it says so."
}

func (b *builder) sectionList() string {
	n := len(b.o.Sections)
	return fmt.Sprintf("%d of %d sections included", n, len(AllSections))
}

func (b *builder) maskingNote() string {
	switch {
	case b.o.MaskContacts:
		return "Addresses, postcodes and phone numbers withheld"
	case b.plain():
		return "Other people's contact details withheld"
	}
	return "Shown"
}

func attendeesTable(as []records.Attendee) Block {
	if len(as) == 0 {
		return Paragraph{"No attendees recorded."}
	}
	t := Table{Columns: []string{records.Label("meetings.attendees.name"), "Role and organisation",
		records.Label("meetings.attendees.attendance")}}
	for _, a := range as {
		t.Rows = append(t.Rows, []string{a.Name, joinNonEmpty(", ", a.Role, a.Organisation), a.Attendance})
	}
	return t
}
