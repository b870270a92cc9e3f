//go:build !windows

package store

import (
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"os"
	"testing"
	"time"

	"filippo.io/age"
	badger "github.com/dgraph-io/badger/v4"

	"msprecords/practice"
)

const (
	crashIdentityEnv    = "MSPRECORDS_CRASH_CHILD_IDENTITY"
	restrictCrashRounds = 10
)

// TestRestrictCrashSafety kills a child with SIGKILL while it creates and
// restricts cases; after each kill every restriction it acknowledged holds,
// every case is readable by the lead, and no restricted case has anything
// left under its plain keys once the store has opened again.
func TestRestrictCrashSafety(t *testing.T) {
	if dir := os.Getenv(crashDirEnv); dir != "" {
		restrictChild(dir, os.Getenv(crashKeyEnv), os.Getenv(crashIdentityEnv))
		return
	}
	s, dir, key := newTestStore(t)
	s.Close()
	lead := newPair(t)
	acked := map[string]int64{}
	for round := range restrictCrashRounds {
		delay := time.Duration(50+rand.IntN(250)) * time.Millisecond
		got, err := runChild("TestRestrictCrashSafety", dir, key, []string{crashIdentityEnv + "=" + lead.String()}, delay)
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		for id, rev := range got {
			acked[id] = rev
		}
		checkRestrictions(t, dir, key, lead, acked, round)
	}
	t.Logf("%d rounds, %d cases restricted", restrictCrashRounds, len(acked))
}

func checkRestrictions(t *testing.T, dir string, key [32]byte, lead *age.X25519Identity, acked map[string]int64, round int) {
	t.Helper()
	s, err := Open(dir, key, "checker", practice.DefaultOptions())
	if err != nil {
		t.Fatalf("round %d: reopening after the kill: %v", round, err)
	}
	defer s.Close()
	if err := s.UseIdentity(lead); err != nil {
		t.Fatal(err)
	}
	for id := range acked {
		if e, ok := s.idx.get(id); !ok || !e.sum.Restricted {
			t.Fatalf("round %d: acknowledged restriction of %s lost", round, id)
		}
	}
	for _, sum := range s.Summaries() {
		if _, err := s.Load(sum.ID); err != nil {
			t.Fatalf("round %d: case %s unreadable: %v", round, sum.Reference, err)
		}
		if sum.Restricted && plainVersions(t, s, sum.ID) > 0 {
			t.Fatalf("round %d: restricted case %s still has versions under its plain keys", round, sum.Reference)
		}
	}
	if r, err := s.Verify(); err != nil || !r.OK() {
		t.Fatalf("round %d: Verify: %v %v", round, err, r)
	}
}

// plainVersions counts every version under a case's plain keys.
func plainVersions(t *testing.T, s *Store, id string) int {
	t.Helper()
	n := 0
	err := s.db.View(func(txn *badger.Txn) error {
		for _, prefix := range [][]byte{caseKey(id), summaryKey(id), []byte(textPrefix + id + "/")} {
			opts := badger.DefaultIteratorOptions
			opts.AllVersions, opts.Prefix = true, prefix
			it := txn.NewIterator(opts)
			for it.Rewind(); it.Valid(); it.Next() {
				if !it.Item().IsDeletedOrExpired() {
					n++
				}
			}
			it.Close()
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// restrictChild creates cases and restricts each to the lead until it is
// killed, printing "ACK id 1" after each restriction returns.
func restrictChild(dir, hexKey, identity string) {
	var key [32]byte
	b, err := hex.DecodeString(hexKey)
	lead, idErr := age.ParseX25519Identity(identity)
	if err != nil || len(b) != 32 || idErr != nil {
		fmt.Fprintln(os.Stderr, "bad key or identity")
		os.Exit(2)
	}
	copy(key[:], b)
	s, err := Open(dir, key, "Lena Lead", practice.DefaultOptions())
	if err == nil {
		err = s.UseIdentity(lead)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "open:", err)
		os.Exit(2)
	}
	for i := 0; ; i++ {
		c := fullCase(fmt.Sprint("restrict", i))
		c.Reference = ""
		if err := s.Create(c); err != nil {
			fmt.Fprintln(os.Stderr, "create:", err)
			os.Exit(2)
		}
		if err := s.Restrict(c.ID, []string{"Lena Lead"}, []age.Recipient{lead.Recipient()}); err != nil {
			fmt.Fprintln(os.Stderr, "restrict:", err)
			os.Exit(2)
		}
		os.Stdout.WriteString(fmt.Sprintf("ACK %s 1\n", c.ID))
	}
}
