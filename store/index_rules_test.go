package store

import (
	"testing"

	"msprecords/demo"
	"msprecords/practice"
	"msprecords/records"
)

// TestGapsFollowThePracticeRules: the case list's Gaps column agrees with
// the practice check under the options in force, whether they change while
// the store is open (SetPracticeRules) or between one open and the next.
func TestGapsFollowThePracticeRules(t *testing.T) {
	s, dir, key := newTestStore(t)
	if err := s.CreateAll(demo.Cases(24, 3)); err != nil {
		t.Fatal(err)
	}
	strict := practice.Options{Today: records.Today(), ReferralLimitWorkingDays: 1}
	lenient := practice.Options{Today: records.Today(), ReferralLimitWorkingDays: 30}
	if got := gapsDiffer(t, s, strict, lenient); got == 0 {
		t.Fatal("no case's gaps depend on the referral limit: the test proves nothing")
	}
	for _, rules := range []practice.Options{strict, lenient, practice.DefaultOptions()} {
		if err := s.SetPracticeRules(rules); err != nil {
			t.Fatal(err)
		}
		wantGapsAgree(t, s, rules)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err := Open(dir, key, "Test User", strict)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	wantGapsAgree(t, s, strict)
}

// gapsDiffer counts the cases whose practice-check gaps differ under a and b.
func gapsDiffer(t *testing.T, s *Store, a, b practice.Options) int {
	n := 0
	for _, sum := range s.Summaries() {
		c, err := s.Load(sum.ID)
		if err != nil {
			t.Fatal(err)
		}
		if practice.Check(c, a).Gaps() != practice.Check(c, b).Gaps() {
			n++
		}
	}
	return n
}

func wantGapsAgree(t *testing.T, s *Store, rules practice.Options) {
	t.Helper()
	for _, sum := range s.Summaries() {
		c, err := s.Load(sum.ID)
		if err != nil {
			t.Fatal(err)
		}
		if want := practice.Check(c, rules).Gaps(); sum.Gaps != want {
			t.Errorf("%s, referrals within %d days: list shows %d gaps, practice check finds %d",
				sum.Reference, rules.ReferralLimitWorkingDays, sum.Gaps, want)
		}
	}
}
