package export

import (
	"strings"
	"testing"

	"msprecords/records"
)

func personRedactor(alleged records.AllegedPerson, mask bool) *redactor {
	c := &records.Case{Person: records.Person{Name: "Mary Smith", PreferredName: "Molly"}, AllegedPersons: []records.AllegedPerson{alleged}}
	return newRedactor(c, PackOptions{Purpose: PurposePerson, MaskContacts: mask})
}

func TestRedactorWithholdsNames(t *testing.T) {
	r := personRedactor(records.AllegedPerson{Name: "Mr Gary J. Smith-Łukasz", Relationship: "Son", Phone: "07700 900123"}, false)
	tests := []struct{ in, want string }{
		{"Gary visited.", "[withheld] visited."},
		{"GARY's car; gary.", "[withheld]'s car; [withheld]."},
		{"Her son Gary Smith-Łukasz rang", "Her [withheld] rang"},
		{"Łukasz and Łukaszewski", "[withheld] and Łukaszewski"},
		{"Garyson and Person are other words", "Garyson and Person are other words"},
		{"Mary Smith is her own name; Mr J. Jones is not him", "Mary Smith is her own name; Mr J. Jones is not him"},
		{"Call 07700 900123", "Call [withheld]"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := r.apply(tt.in); got != tt.want {
			t.Errorf("apply(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A name field holding a description withholds the description whole, and
// only its capitalised words on their own, never every "the".
func TestRedactorDescriptiveName(t *testing.T) {
	r := personRedactor(records.AllegedPerson{Name: "Staff nurse, Ward 12 (name held by the trust)"}, false)
	tests := []struct{ in, want string }{
		{"The staff nurse, Ward 12 (name held by the trust) was moved", "The [withheld]) was moved"},
		{"The nurse by the bed; Staff came", "The nurse by the bed; [withheld] came"},
	}
	for _, tt := range tests {
		if got := r.apply(tt.in); got != tt.want {
			t.Errorf("apply(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRedactorMasksContacts(t *testing.T) {
	c := &records.Case{Person: records.Person{Address: "1 Low Lane, Ripon", Postcode: "HG4 1AA", Phone: "01765 000000"}}
	r := newRedactor(c, PackOptions{Purpose: PurposeMeeting, MaskContacts: true})
	tests := []struct{ in, want string }{
		{"Lives at 1 Low Lane, Ripon HG4 1AA", "Lives at [address withheld] [postcode withheld]"},
		{"Rang 01765 000000, then +44 7700 900123 and 020 7946 0958", "Rang [phone number withheld], then [phone number withheld] and [phone number withheld]"},
		{"Moved to LS1 4DY", "Moved to [postcode withheld]"},
		{"NHS number 999 000 0425, seen 04/06/2025, ref DEMO-2026-0001", "NHS number 999 000 0425, seen 04/06/2025, ref DEMO-2026-0001"},
	}
	for _, tt := range tests {
		if got := r.apply(tt.in); got != tt.want {
			t.Errorf("apply(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A meeting pack without masking changes nothing.
func TestRedactorMeetingIsIdentity(t *testing.T) {
	r := newRedactor(sampleCase(), PackOptions{Purpose: PurposeMeeting})
	for _, s := range []string{allegedName, personPhone, personAddress, "HG1 2AB"} {
		if got := r.apply(s); got != s {
			t.Errorf("apply(%q) = %q", s, got)
		}
	}
}

// Whatever the text, no word of the alleged person's name survives as a
// whole word in the person's copy.
func FuzzRedactorWithholdsNames(f *testing.F) {
	for _, s := range []string{"Brandon Quillfeather", "brandon's", "QUILLFEATHER-Brandon", "x Brandon\nQuillfeather y", "Brandon Brandon", "Bránd\u0301on"} {
		f.Add(s)
	}
	r := personRedactor(records.AllegedPerson{Name: "Brandon Quillfeather"}, true)
	f.Fuzz(func(t *testing.T, s string) {
		out := r.apply(s)
		for _, w := range words(out) {
			if strings.EqualFold(w, "Brandon") || strings.EqualFold(w, "Quillfeather") {
				t.Fatalf("apply(%q) = %q keeps %q", s, out, w)
			}
		}
	})
}
