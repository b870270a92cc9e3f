package store

import (
	"testing"

	"msprecords/practice"
)

// openBenchStore opens a 10,000-case encrypted store (built once per
// benchmark, not timed).
func openBenchStore(b *testing.B) *Store {
	dir, key := benchStore(b, false)
	s, err := Open(dir, key, "bench", practice.DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkLoadSample100Of10000 draws and reads a sample of 100 dementia
// cases from a 10,000-case store, then checks them: the audit without its
// PDF (see export's BenchmarkAuditReport100Of10000).
func BenchmarkLoadSample100Of10000(b *testing.B) {
	s := openBenchStore(b)
	for b.Loop() {
		sample, err := LoadSample(s, practice.Filter{Condition: "dementia"}, 100, 42)
		if err != nil || len(sample.Cases) != 100 {
			b.Fatalf("%d cases, %v", len(sample.Cases), err)
		}
		practice.Audit(sample, practice.DefaultOptions())
	}
}

// BenchmarkLoadFigures10000 counts the year's figures from a 10,000-case
// store: the goal is under 1 s.
func BenchmarkLoadFigures10000(b *testing.B) {
	s := openBenchStore(b)
	y, _ := practice.ParseFinancialYear("2025-26")
	for b.Loop() {
		if _, err := LoadFigures(s, y); err != nil {
			b.Fatal(err)
		}
	}
}
