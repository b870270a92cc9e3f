package practice

import (
	"sync"
	"testing"

	"msprecords/demo"
	"msprecords/records"
)

// demoThousands is the 10,000-case demo set, built once for the benchmarks.
var demoThousands = sync.OnceValue(func() []*records.Case { return demo.Cases(10000, 1) })

// BenchmarkCheckPractice is the practice check of one demo case (the
// briefing's case, the fullest): the goal is under 1 ms.
func BenchmarkCheckPractice(b *testing.B) {
	c := demo.Cases(1, 1)[0]
	o := DefaultOptions()
	for b.Loop() {
		Check(c, o)
	}
}

// BenchmarkCheckPracticeEveryScenario checks the twelve demo scenarios in
// turn; ns/op is per case.
func BenchmarkCheckPracticeEveryScenario(b *testing.B) {
	cases := demo.Cases(12, 1)
	o := DefaultOptions()
	i := 0
	for b.Loop() {
		Check(cases[i%len(cases)], o)
		i++
	}
}

// BenchmarkFigures10000 counts a year's figures over 10,000 demo cases:
// the goal is under 1 s.
func BenchmarkFigures10000(b *testing.B) {
	cases := demoThousands()
	y, _ := ParseFinancialYear("2025-26")
	for b.Loop() {
		ComputeFigures(cases, y)
	}
}

// BenchmarkAuditSample100Of10000 draws 100 of 10,000 demo cases and checks
// them (the PDF is measured in export).
func BenchmarkAuditSample100Of10000(b *testing.B) {
	cases := demoThousands()
	o := DefaultOptions()
	for b.Loop() {
		s, err := DrawSample(cases, Filter{}, 100, 42)
		if err != nil {
			b.Fatal(err)
		}
		Audit(s, o)
	}
}

// BenchmarkCountGaps is the gap count of one case, as the case list's index
// makes it for every case at unlock.
func BenchmarkCountGaps(b *testing.B) {
	cases := demo.Cases(12, 1)
	i := 0
	for b.Loop() {
		CountGaps(cases[i%len(cases)], DefaultOptions())
		i++
	}
}
