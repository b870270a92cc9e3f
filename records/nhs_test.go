package records

import "testing"

func TestNormaliseNHSNumber(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"943 476 5919", "9434765919", true},
		{"9434765919", "9434765919", true},
		{"943-476-5919", "9434765919", true},
		{"", "", true},
		{"9434765918", "", false}, // wrong check digit
		{"943476591", "", false},  // nine digits
		{"94347659190", "", false},
		{"94347659a9", "", false},
		{"١٢٣٤٥٦٧٨٩٠", "", false}, // non-ASCII digits
	}
	for _, tt := range tests {
		got, err := NormaliseNHSNumber(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("NormaliseNHSNumber(%q) = %q, %v; want %q ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestDemoNHSNumbersAreValidAndNeverIssued(t *testing.T) {
	for seed := 0; seed < 2000; seed += 7 {
		n := DemoNHSNumber(seed)
		if n[:3] != "999" {
			t.Fatalf("DemoNHSNumber(%d) = %s, outside the never-issued range", seed, n)
		}
		if _, err := NormaliseNHSNumber(n); err != nil {
			t.Fatalf("DemoNHSNumber(%d) = %s fails its check digit", seed, n)
		}
	}
	if got := FormatNHSNumber("9434765919"); got != "943 476 5919" {
		t.Errorf("FormatNHSNumber = %q", got)
	}
}

func TestNormalisePostcode(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"sw1a1aa", "SW1A 1AA", true},
		{" SW1A  1AA ", "SW1A 1AA", true},
		{"m1 1ae", "M1 1AE", true},
		{"B33 8TH", "B33 8TH", true},
		{"", "", true},
		{"12345", "", false},
		{"not a postcode", "", false},
	}
	for _, tt := range tests {
		got, err := NormalisePostcode(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("NormalisePostcode(%q) = %q, %v; want %q ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}
