package store

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"msprecords/records"
)

// TestNoPlaintextOnDisk writes cases full of distinctive text, saves,
// views and deletes some, then reads every byte of every file the store
// wrote, while open (as a crash would leave them) and after closing: none of
// the text, nor the references, may appear, in any letter case.
func TestNoPlaintextOnDisk(t *testing.T) {
	s, dir, _ := newTestStore(t)
	secrets := []string{
		"Zebediah Quillfeather", "Wibberly Cottage", "Tumbledown Lane", "Prudence Oddbody",
		"she hides the biscuit tin from Cornelius", "Snickleway Bruising", "Dr Ottoline Fumblegate",
	}
	var cases []*records.Case
	for i, secret := range secrets {
		c := fullCase("Q" + strings.Repeat("x", i))
		c.Reference = ""
		c.Person.Name = secret
		c.Person.Address = secrets[(i+1)%len(secrets)] + ", Little Snoring"
		c.Enquiry.Concern = "Concern about " + secret
		c.Contacts[0].Notes = "Visited " + secret + " at home"
		c.Chronology[0].Text = "Chronology: " + secret
		if err := s.Create(c); err != nil {
			t.Fatal(err)
		}
		cases = append(cases, c)
	}
	big := fullCase("big")
	big.Reference = ""
	big.Enquiry.Concern = strings.Repeat("Zebediah Quillfeather again. ", 3000) // into the value log
	if err := s.Create(big); err != nil {
		t.Fatal(err)
	}
	cases[0].Person.Phone = "Pickleberry 0000"
	secrets = append(secrets, "Pickleberry 0000")
	if err := s.Save(cases[0]); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(cases[1].ID); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(cases[2].ID); err != nil {
		t.Fatal(err)
	}
	for _, c := range append(cases, big) {
		secrets = append(secrets, c.Reference)
	}
	live := copyDir(t, dir)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{live, dir} {
		if found := findPlaintext(t, d, secrets); len(found) > 0 {
			t.Errorf("in clear on disk: %v", found)
		}
	}
}

// TestPlaintextCheckFindsPlaintext shows that the check above would see text
// in clear: an unencrypted store holds it.
func TestPlaintextCheckFindsPlaintext(t *testing.T) {
	dir := t.TempDir()
	s, err := OpenPlainForBenchmark(dir, "u")
	if err != nil {
		t.Fatal(err)
	}
	c := fullCase("plain")
	c.Person.Name = "Zebediah Quillfeather"
	if err := s.Create(c); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if found := findPlaintext(t, dir, []string{"zebediah quillfeather"}); len(found) == 0 {
		t.Error("the plaintext check found nothing in an unencrypted store")
	}
}

// findPlaintext returns "file: text" for each secret found in a file under
// dir, as written or in lower case.
func findPlaintext(t *testing.T, dir string, secrets []string) []string {
	t.Helper()
	var found []string
	files := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		files++
		lower := bytes.ToLower(data)
		for _, s := range secrets {
			if bytes.Contains(data, []byte(s)) || bytes.Contains(lower, []byte(strings.ToLower(s))) {
				found = append(found, d.Name()+": "+s)
			}
		}
		return nil
	})
	if err != nil || files == 0 {
		t.Fatalf("reading %s: %v (%d files)", dir, err, files)
	}
	return found
}
