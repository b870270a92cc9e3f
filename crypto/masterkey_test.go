package crypto

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

func TestMasterKeyRedacted(t *testing.T) {
	key, err := NewMasterKey()
	if err != nil {
		t.Fatal(err)
	}
	for _, verb := range []string{"%v", "%s", "%#v", "%+v", "%x", "%X", "%d", "%q"} {
		t.Run(verb, func(t *testing.T) {
			got := fmt.Sprintf(verb, key)
			if got != "MasterKey(redacted)" {
				t.Errorf("Sprintf(%q) = %q", verb, got)
			}
		})
	}
	t.Run("in a struct", func(t *testing.T) {
		got := fmt.Sprintf("%+v", struct{ K MasterKey }{key})
		if strings.Contains(got, hex.EncodeToString(key[:])) || !strings.Contains(got, "redacted") {
			t.Errorf("got %q", got)
		}
	})
	t.Run("json", func(t *testing.T) {
		if out, err := json.Marshal(struct{ K MasterKey }{key}); err == nil {
			t.Errorf("json.Marshal succeeded: %s", out)
		}
	})
}

func TestNewMasterKey(t *testing.T) {
	a, err := NewMasterKey()
	if err != nil {
		t.Fatal(err)
	}
	b, err := NewMasterKey()
	if err != nil {
		t.Fatal(err)
	}
	if a == b || a.isZero() {
		t.Error("NewMasterKey is not random")
	}
}
