package export

import (
	"errors"
	"fmt"
	"strings"
)

// Section names one part of a pack. Its value is the name typed after
// --sections on the command line.
type Section string

// The sections of a pack, in the order they always appear: the person's own
// views first (Making Safeguarding Personal), the chronology and outcomes last.
const (
	SectionViews      Section = "views"
	SectionPenPicture Section = "pen-picture"
	SectionConcerns   Section = "concerns"
	SectionCapacity   Section = "capacity"
	SectionRisks      Section = "risks"
	SectionReferrals  Section = "referrals"
	SectionAlleged    Section = "alleged-harm"
	SectionChronology Section = "chronology"
	SectionOutcomes   Section = "outcomes"
)

// AllSections lists every section in pack order.
var AllSections = []Section{
	SectionViews, SectionPenPicture, SectionConcerns, SectionCapacity, SectionRisks,
	SectionReferrals, SectionAlleged, SectionChronology, SectionOutcomes,
}

// ErrUnknownSection is returned for a section name this build does not know.
var ErrUnknownSection = errors.New("unknown section")

// sectionTitles holds each section's heading: for professionals, and in
// plain words for the person's own copy.
var sectionTitles = map[Section][2]string{
	SectionViews:      {"The person's views and desired outcomes", "What the person wants: their views, in their own words"},
	SectionPenPicture: {"Pen picture", "About the person"},
	SectionConcerns:   {"The concerns", "What the worries are"},
	SectionCapacity:   {"Capacity and representation", "Making decisions, and who helps the person"},
	SectionRisks:      {"Risks, actions and evaluation", "Risks, and what is being done about them"},
	SectionReferrals:  {"Referrals to partner agencies", "Other organisations asked to help"},
	SectionAlleged:    {"Person alleged to have caused harm", "Person alleged to have caused harm"},
	SectionChronology: {"Chronology", "What happened, date by date"},
	SectionOutcomes:   {"Outcomes", "How things turned out"},
}

// Title is the section's heading in a pack for purpose p.
func (s Section) Title(p Purpose) string {
	t, ok := sectionTitles[s]
	if !ok {
		return string(s)
	}
	if p.plain() {
		return t[1]
	}
	return t[0]
}

// DefaultSections returns the sections a pack for p holds unless the user
// chooses otherwise. The person's copy never holds the alleged person's
// section; a custom pack starts from everything.
func DefaultSections(p Purpose) []Section {
	var out []Section
	for _, s := range AllSections {
		if s.allowed(p) {
			out = append(out, s)
		}
	}
	return out
}

// allowed reports whether a section may ever appear in a pack for p.
func (s Section) allowed(p Purpose) bool {
	return !(p == PurposePerson && s == SectionAlleged)
}

// ParseSections reads a comma-separated list such as "views,risks,chronology".
// Order and repeats do not matter: packs always use the fixed order.
func ParseSections(list string) ([]Section, error) {
	var out []Section
	for _, name := range strings.Split(list, ",") {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		s, err := parseSection(name)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

func parseSection(name string) (Section, error) {
	for _, s := range AllSections {
		if string(s) == name {
			return s, nil
		}
	}
	return "", fmt.Errorf("%w: %q (use %s)", ErrUnknownSection, name, SectionNames())
}

// SectionNames lists the section names for help text: "views, pen-picture, …".
func SectionNames() string {
	names := make([]string, len(AllSections))
	for i, s := range AllSections {
		names[i] = string(s)
	}
	return strings.Join(names, ", ")
}
