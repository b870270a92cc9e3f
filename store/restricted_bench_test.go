package store

import (
	"testing"
	"time"

	"filippo.io/age"
)

// BenchmarkUnlockRestricted measures opening a store of 10,000 cases of
// which 1,000 are restricted to the unlocking user, with UseIdentity (which
// unwraps their keys and opens their summaries). Goal: under 500 ms. It
// reports how long restricting one case took while building ("restrict-ms").
func BenchmarkUnlockRestricted(b *testing.B) {
	dir, key := benchStore(b, false)
	pair, err := age.GenerateX25519Identity()
	if err != nil {
		b.Fatal(err)
	}
	s, err := openBench(dir, key, false, false)
	if err != nil {
		b.Fatal(err)
	}
	if err := s.UseIdentity(pair); err != nil {
		b.Fatal(err)
	}
	sums := s.Summaries()
	start := time.Now()
	for _, sum := range sums[:1000] {
		if err := s.Restrict(sum.ID, []string{"bench"}, []age.Recipient{pair.Recipient()}); err != nil {
			b.Fatal(err)
		}
	}
	perRestrict := time.Since(start) / 1000
	s.Close()
	for b.Loop() {
		s, err := openBench(dir, key, false, false)
		if err != nil {
			b.Fatal(err)
		}
		if err := s.UseIdentity(pair); err != nil {
			b.Fatal(err)
		}
		if s.Unreadable() != 0 {
			b.Fatal("restricted cases unreadable by their reader")
		}
		s.Close()
	}
	b.ReportMetric(float64(perRestrict.Microseconds())/1000, "restrict-ms")
}
