package store

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"filippo.io/age"
)

// BenchmarkRemoveUserRekey measures the store's half of removing a user:
// in a store of 10,000 cases of which 1,000 are restricted to the store's
// user and the leaver, RekeyWithout gives all 1,000 new keys, then the
// store is closed, given a new master key (RotateKey) and opened again
// with it. Goal: well under 5 s. Each run starts from a copy of the store
// as it was before, opened with the user's key pair; neither the copy nor
// that first open is timed. It reports the time of RekeyWithout alone
// ("rekey-ms") and of RotateKey alone ("rotate-ms").
func BenchmarkRemoveUserRekey(b *testing.B) {
	me, leaver := mustPair(b), mustPair(b)
	src, key, _ := benchRestrictedStore(b, me, []string{"Sam Okoro", "bench"}, []age.Recipient{me.Recipient(), leaver.Recipient()})
	gone := func(name string) bool { return name == "Sam Okoro" }
	to := func([]string) ([]age.Recipient, error) { return []age.Recipient{me.Recipient()}, nil }
	var rekeying, rotating time.Duration
	for b.Loop() {
		b.StopTimer()
		dir := filepath.Join(b.TempDir(), "db")
		if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
			b.Fatal(err)
		}
		s, err := openBench(dir, key, false, false)
		if err != nil {
			b.Fatal(err)
		}
		if err := s.UseIdentity(me); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := time.Now()
		rekeyed, unreadable, err := s.RekeyWithout(gone, to)
		rekeying += time.Since(start)
		if err != nil || len(rekeyed) != benchRestricted || len(unreadable) != 0 {
			b.Fatalf("RekeyWithout: %d rekeyed, %d unreadable, %v", len(rekeyed), len(unreadable), err)
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		next := randomKey(b)
		start = time.Now()
		if err := RotateKey(dir, key, next); err != nil {
			b.Fatal(err)
		}
		rotating += time.Since(start)
		s, err = openBench(dir, next, false, false)
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if s.LostChanges() != nil || len(s.Summaries()) != benchCases {
			b.Fatalf("after the new key: %+v, %d cases", s.LostChanges(), len(s.Summaries()))
		}
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(rekeying.Milliseconds())/float64(b.N), "rekey-ms")
	b.ReportMetric(float64(rotating.Microseconds())/1000/float64(b.N), "rotate-ms")
}

func mustPair(b *testing.B) *age.X25519Identity {
	b.Helper()
	id, err := age.GenerateX25519Identity()
	if err != nil {
		b.Fatal(err)
	}
	return id
}
