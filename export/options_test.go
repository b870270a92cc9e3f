package export

import (
	"errors"
	"slices"
	"testing"
	"time"

	"msprecords/records"
)

func TestDefaultSections(t *testing.T) {
	if got := DefaultSections(PurposeMeeting); !slices.Equal(got, AllSections) {
		t.Errorf("meeting: %v", got)
	}
	if got := DefaultSections(PurposePerson); slices.Contains(got, SectionAlleged) || len(got) != len(AllSections)-1 {
		t.Errorf("person: %v", got)
	}
	if AllSections[0] != SectionViews {
		t.Error("the person's views must come first")
	}
}

func TestParseSections(t *testing.T) {
	tests := []struct {
		in      string
		want    []Section
		wantErr error
	}{
		{"views,risks", []Section{SectionViews, SectionRisks}, nil},
		{" chronology , alleged-harm ,", []Section{SectionChronology, SectionAlleged}, nil},
		{"", nil, nil},
		{"views,perpetrator", nil, ErrUnknownSection},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseSections(tt.in)
			if !errors.Is(err, tt.wantErr) || !slices.Equal(got, tt.want) {
				t.Errorf("ParseSections(%q) = %v, %v; want %v, %v", tt.in, got, err, tt.want, tt.wantErr)
			}
		})
	}
}

func TestParsePurpose(t *testing.T) {
	for _, p := range Purposes {
		if got, err := ParsePurpose(string(p)); err != nil || got != p {
			t.Errorf("ParsePurpose(%q) = %v, %v", p, got, err)
		}
	}
	if _, err := ParsePurpose("police"); !errors.Is(err, ErrUnknownPurpose) {
		t.Errorf("got %v, want ErrUnknownPurpose", err)
	}
}

func TestBuildPackRefuses(t *testing.T) {
	tests := []struct {
		name string
		c    *records.Case
		o    PackOptions
		want error
	}{
		{"no case", nil, PackOptions{Purpose: PurposeMeeting}, ErrNoCase},
		{"no purpose", sampleCase(), PackOptions{}, ErrUnknownPurpose},
		{"unknown section", sampleCase(), PackOptions{Purpose: PurposeCustom, Sections: []Section{"gossip"}}, ErrUnknownSection},
		{"unknown meeting", sampleCase(), PackOptions{Purpose: PurposeMeeting, MeetingID: "nope"}, ErrNoSuchMeeting},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := BuildPack(tt.c, tt.o); !errors.Is(err, tt.want) {
				t.Errorf("got %v, want %v", err, tt.want)
			}
		})
	}
}

// Sections come back in pack order, without repeats, and never the
// alleged person's section in the person's copy.
func TestBuildPackNormalisesSections(t *testing.T) {
	p := mustPack(t, sampleCase(), PackOptions{Purpose: PurposePerson, Sections: []Section{SectionOutcomes, SectionAlleged, SectionViews, SectionViews}})
	if want := []Section{SectionViews, SectionOutcomes}; !slices.Equal(p.Options.Sections, want) {
		t.Errorf("sections %v, want %v", p.Options.Sections, want)
	}
	if p.Options.Marking != DefaultMarking {
		t.Errorf("marking %q", p.Options.Marking)
	}
}

// Building a pack leaves the case as it was: redaction works on the pack.
func TestBuildPackLeavesCaseAlone(t *testing.T) {
	c := sampleCase()
	mustPack(t, c, PackOptions{Purpose: PurposePerson, MaskContacts: true})
	if c.Person.Address != personAddress || c.AllegedPersons[0].Name != allegedName || c.Chronology[0].Text != sampleCase().Chronology[0].Text {
		t.Error("BuildPack changed the case")
	}
}

func TestSuggestedFileName(t *testing.T) {
	made := time.Date(2026, 11, 30, 23, 59, 0, 0, time.UTC)
	tests := []struct {
		ref     string
		purpose Purpose
		ext     string
		want    string
	}{
		{"DEMO-2026-0001", PurposeMeeting, "pdf", "DEMO-2026-0001-meeting-pack-2026-11-30.pdf"},
		{"DEMO-2026-0001", PurposePerson, "pdf", "DEMO-2026-0001-persons-copy-2026-11-30.pdf"},
		{"SG-2026-00042", PurposeCustom, ".HTML", "SG-2026-00042-custom-pack-2026-11-30.html"},
		{"../../etc/passwd", PurposeMeeting, "pdf", "etc-passwd-meeting-pack-2026-11-30.pdf"},
		{"Zoë/2026 01", PurposeMeeting, "pdf", "Zo--2026-01-meeting-pack-2026-11-30.pdf"},
		{"", PurposeMeeting, "pdf", "case-meeting-pack-2026-11-30.pdf"},
	}
	for _, tt := range tests {
		c := sampleCase()
		c.Reference = tt.ref
		if got := SuggestedFileName(c, tt.purpose, made, tt.ext); got != tt.want {
			t.Errorf("SuggestedFileName(%q, %q) = %q, want %q", tt.ref, tt.ext, got, tt.want)
		}
	}
}
