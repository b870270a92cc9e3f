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
	pair, err := age.GenerateX25519Identity()
	if err != nil {
		b.Fatal(err)
	}
	dir, key, perRestrict := benchRestrictedStore(b, pair, []string{"bench"}, []age.Recipient{pair.Recipient()})
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

// benchRestricted is how many of the benchmark store's cases
// benchRestrictedStore restricts.
const benchRestricted = 1000

// benchRestrictedStore builds a closed store of benchCases cases whose
// first benchRestricted (in the case list's order) are restricted to
// readers, their keys wrapped to to, by the store's user "bench" with its
// key pair pair. It returns how long restricting one case took.
func benchRestrictedStore(b *testing.B, pair *age.X25519Identity, readers []string, to []age.Recipient) (string, [32]byte, time.Duration) {
	b.Helper()
	dir, key := benchStore(b, false)
	s, err := openBench(dir, key, false, false)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if err := s.UseIdentity(pair); err != nil {
		b.Fatal(err)
	}
	sums := s.Summaries()
	start := time.Now()
	for _, sum := range sums[:benchRestricted] {
		if err := s.Restrict(sum.ID, readers, to); err != nil {
			b.Fatal(err)
		}
	}
	perRestrict := time.Since(start) / benchRestricted
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	return dir, key, perRestrict
}
