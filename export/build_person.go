package export

import (
	"fmt"
	"strings"
	"time"

	"msprecords/records"
)

// views puts the person's own words first: their desired outcomes as they
// put them, how those changed, and what they said at each contact.
func (b *builder) views() []Block {
	c := b.c
	blocks := []Block{Fields{field("outcome.asked_about_outcomes", c.Outcome.AskedAboutOutcomes)}}
	if s := viewsSummary(c); s != "" {
		blocks = append(blocks, Paragraph{s})
	}
	blocks = append(blocks, Subheading{"What the person wants to happen"})
	if len(c.DesiredOutcomes) == 0 {
		blocks = append(blocks, Paragraph{"No desired outcomes have been recorded."})
	}
	for i, d := range c.DesiredOutcomes {
		blocks = append(blocks, desiredOutcome(i+1, d)...)
	}
	blocks = append(blocks, Subheading{"Views, wishes and feelings at each contact"})
	n := 0
	for _, ct := range c.Contacts {
		if !saysOrShows(ct) {
			continue
		}
		blocks = append(blocks, contactViews(ct)...)
		n++
	}
	if n == 0 {
		blocks = append(blocks, Paragraph{"No views have been recorded from contacts with the person."})
	}
	return blocks
}

// saysOrShows reports whether a contact records anything of the person's
// voice: their words, what they showed without words, how they
// communicated or who helped them.
func saysOrShows(ct records.Contact) bool {
	return !blank(ct.Views) || !blank(ct.Shown) || !blank(ct.HelpedBy) || len(ct.Communicated) > 0
}

// contactViews is the person's words at a contact and, beside them, how
// they communicated, who helped, and what they showed without words: a
// person who says nothing may still make their views plain.
func contactViews(ct records.Contact) []Block {
	words := ct.Views
	if blank(words) {
		words = "No words recorded at this contact."
	}
	blocks := []Block{Entry{contactTitle(ct), words}}
	fs := Fields{
		field("contacts.communicated", strings.Join(ct.Communicated, ", ")),
		field("contacts.helped_by", ct.HelpedBy),
		field("contacts.shown", ct.Shown),
	}
	for _, f := range fs {
		if !blank(f.Value) {
			return append(blocks, fs)
		}
	}
	return blocks
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }

// viewsSummary says in a line what of the person's own words is recorded
// below: "Recorded: 2 desired outcomes; views from 5 of 6 contacts.", or ""
// when nothing is.
func viewsSummary(c *records.Case) string {
	views := 0
	for _, ct := range c.Contacts {
		if !blank(ct.Views) || !blank(ct.Shown) {
			views++
		}
	}
	var parts []string
	if n := len(c.DesiredOutcomes); n > 0 {
		parts = append(parts, plural(n, "desired outcome", "desired outcomes"))
	}
	if views > 0 {
		parts = append(parts, fmt.Sprintf("views from %d of %s", views, plural(len(c.Contacts), "contact", "contacts")))
	}
	if len(parts) == 0 {
		return ""
	}
	return "Recorded: " + strings.Join(parts, "; ") + "."
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func desiredOutcome(n int, d records.DesiredOutcome) []Block {
	title := fmt.Sprintf("Outcome %d, recorded %s", n, orText(d.Recorded.String(), "(date not recorded)"))
	if d.Stage != "" {
		title += " (" + d.Stage + ")"
	}
	blocks := []Block{Entry{title, d.Text}}
	for _, h := range d.History {
		blocks = append(blocks, Paragraph{fmt.Sprintf("Revisited %s. Before: “%s” %s",
			orText(h.Date.String(), "(date not recorded)"), h.Previous, h.Reason)})
	}
	return blocks
}

// contactTitle says when and how a contact happened and whether the person
// was seen alone, which the audit asks about.
func contactTitle(ct records.Contact) string {
	alone := inline("contacts.spoken_alone")
	switch ct.SpokenAlone {
	case records.No:
		alone = joinNonEmpty(": ", "not "+alone, ct.NotAloneReason)
	case records.Unanswered:
		alone = joinNonEmpty(": ", "not recorded whether "+alone, ct.NotAloneReason)
	}
	return joinNonEmpty(" · ", orText(ct.Date.String(), "Date not recorded"), ct.Method, alone,
		present(ct.Present), aids(ct.AidsUsed))
}

func present(s string) string {
	if s == "" {
		return ""
	}
	return "with " + s
}

func aids(s string) string {
	if s == "" {
		return ""
	}
	return "aids used: " + s
}

// penPicture describes the person; contact details go through masking later.
func (b *builder) penPicture() []Block {
	p := b.c.Person
	return []Block{Fields{
		field("person.name", p.Name),
		field("person.preferred_name", p.PreferredName),
		field("person.date_of_birth", dateOfBirth(p, b.o.Made)),
		field("person.nhs_number", records.FormatNHSNumber(p.NHSNumber)),
		field("person.address", p.Address),
		field("person.postcode", p.Postcode),
		field("person.phone", p.Phone),
		field("person.gender", p.Gender),
		field("person.language", p.Language),
		field("person.interpreter_needed", answered(p.InterpreterNeeded)),
		field("person.communication_needs", p.CommunicationNeeds),
		field("person.communication_aids", p.CommunicationAids),
		field("person.conditions", p.Conditions),
		field("person.primary_support_reason", p.PrimarySupportReason),
		field("person.lives_with", p.LivesWith),
		field("person.substantial_difficulty", answered(p.SubstantialDifficulty)),
		field("person.date_of_death", p.DateOfDeath.String()),
	}}
}

// dateOfBirth shows the date of birth with the age on the day the pack is
// made (or at death).
func dateOfBirth(p records.Person, made time.Time) string {
	if p.DateOfBirth.IsZero() {
		return ""
	}
	on := records.DateOf(made)
	if !p.DateOfDeath.IsZero() {
		on = p.DateOfDeath
	}
	return fmt.Sprintf("%s (aged %d)", p.DateOfBirth, p.DateOfBirth.YearsOn(on))
}
