package crypto

import (
	"bytes"
	"errors"
	"testing"

	"filippo.io/age"
)

func testIdentity(t *testing.T) *age.X25519Identity {
	t.Helper()
	id, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func TestCaseKeySealsAndOpens(t *testing.T) {
	k, err := NewCaseKey()
	if err != nil {
		t.Fatal(err)
	}
	plain := []byte(`{"person":{"name":"Edith Morris"}}`)
	sealed, err := k.Seal("case1", "document", plain)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(sealed, []byte("Edith")) {
		t.Fatal("the sealed document holds the name in clear")
	}
	got, err := k.Open("case1", "document", sealed)
	if err != nil || !bytes.Equal(got, plain) {
		t.Fatalf("Open = %q, %v", got, err)
	}
	again, _ := k.Seal("case1", "document", plain)
	if bytes.Equal(again, sealed) {
		t.Error("two seals of the same document are identical: the nonce is not random")
	}
}

// A sealed value is bound to its case and use: moved to another case, or
// a summary passed off as the document, it does not open.
func TestCaseSealRefusesAnotherCaseOrUse(t *testing.T) {
	k, _ := NewCaseKey()
	sealed, _ := k.Seal("case1", "document", []byte("notes"))
	other, _ := NewCaseKey()
	for name, open := range map[string]func() ([]byte, error){
		"another case": func() ([]byte, error) { return k.Open("case2", "document", sealed) },
		"another use":  func() ([]byte, error) { return k.Open("case1", "summary", sealed) },
		"another key":  func() ([]byte, error) { return other.Open("case1", "document", sealed) },
		"cut short":    func() ([]byte, error) { return k.Open("case1", "document", sealed[:len(sealed)-1]) },
		"empty":        func() ([]byte, error) { return k.Open("case1", "document", nil) },
	} {
		if _, err := open(); !errors.Is(err, ErrDamagedCaseSeal) {
			t.Errorf("%s: err = %v, want ErrDamagedCaseSeal", name, err)
		}
	}
	flipped := bytes.Clone(sealed)
	flipped[len(flipped)/2] ^= 1
	if _, err := k.Open("case1", "document", flipped); !errors.Is(err, ErrDamagedCaseSeal) {
		t.Errorf("one bit changed: err = %v", err)
	}
	newer := bytes.Clone(sealed)
	newer[0] = caseSealVersion + 1
	if _, err := k.Open("case1", "document", newer); !errors.Is(err, ErrUnknownFormat) {
		t.Errorf("a newer version: err = %v, want ErrUnknownFormat", err)
	}
}

func TestCaseKeyWrappedToItsReadersOnly(t *testing.T) {
	lead, practitioner, recovery, outsider := testIdentity(t), testIdentity(t), testIdentity(t), testIdentity(t)
	k, _ := NewCaseKey()
	wrapped, err := k.Wrap("case1", []age.Recipient{lead.Recipient(), practitioner.Recipient(), recovery.Recipient()})
	if err != nil {
		t.Fatal(err)
	}
	sealed, _ := k.Seal("case1", "document", []byte("what she said"))
	for name, id := range map[string]*age.X25519Identity{"lead": lead, "practitioner": practitioner, "recovery": recovery} {
		got, err := UnwrapCaseKey(wrapped, "case1", id)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if _, err := got.Open("case1", "document", sealed); err != nil {
			t.Errorf("%s's unwrapped key does not open the case: %v", name, err)
		}
	}
	if _, err := UnwrapCaseKey(wrapped, "case1", outsider); !errors.Is(err, ErrNotOnCase) {
		t.Errorf("outsider: err = %v, want ErrNotOnCase", err)
	}
	if _, err := UnwrapCaseKey(wrapped, "case2", lead); !errors.Is(err, ErrDamagedCaseSeal) {
		t.Errorf("the key of case1 taken for case2: err = %v, want ErrDamagedCaseSeal", err)
	}
	if _, err := UnwrapCaseKey(wrapped[:len(wrapped)-3], "case1", lead); !errors.Is(err, ErrDamagedCaseSeal) {
		t.Errorf("cut short: err = %v, want ErrDamagedCaseSeal", err)
	}
	if _, err := k.Wrap("case1", nil); err == nil {
		t.Error("a case key wrapped to nobody")
	}
}

func FuzzOpenCaseSeal(f *testing.F) {
	k, _ := NewCaseKey()
	sealed, _ := k.Seal("c", "document", []byte("x"))
	f.Add(sealed)
	f.Add([]byte{caseSealVersion})
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, err := k.Open("c", "document", data); err == nil && !bytes.Equal(data, sealed) {
			t.Fatal("an altered seal opened")
		}
	})
}
