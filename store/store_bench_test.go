package store

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sync"
	"testing"
	"time"

	"msprecords/demo"
	"msprecords/practice"
	"msprecords/records"
)

// The benchmarks run only with -bench. Each builds its own store of
// benchCases demo cases in a temp folder, from an import file generated once
// per process, and measures with b.Loop so that building is not timed.
const benchCases = 10000

var benchFile = sync.OnceValue(func() []byte {
	cases := demo.Cases(benchCases, 1)
	byID := make(map[string]*records.Case, len(cases))
	ids := make([]string, len(cases))
	for i, c := range cases {
		c.ID = records.NewID()
		ids[i] = c.ID
		byID[c.ID] = c
	}
	var buf bytes.Buffer
	if err := writeExport(&buf, ids, func(id string) (*records.Case, error) { return byID[id], nil }); err != nil {
		panic(err)
	}
	return buf.Bytes()
})

// benchStore50000 builds a closed encrypted store of 50,000 demo cases, in
// batches of 500 as `msprecords demo` writes them.
func benchStore50000(b *testing.B) (string, [32]byte) {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "db")
	key := randomKey(b)
	s, err := openBench(dir, key, false, true)
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < 50000; i += 500 {
		if err := s.CreateAll(demo.CasesFrom(i, 500, 1)); err != nil {
			b.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	return dir, key
}

// benchStore builds a closed store of benchCases cases and returns its dir.
func benchStore(b *testing.B, plain bool) (string, [32]byte) {
	b.Helper()
	data := benchFile()
	dir := filepath.Join(b.TempDir(), "db")
	key := randomKey(b)
	s, err := openBench(dir, key, plain, true)
	if err != nil {
		b.Fatal(err)
	}
	if n, err := s.ImportJSON(bytes.NewReader(data)); err != nil || n != benchCases {
		b.Fatalf("import: %d, %v", n, err)
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	return dir, key
}

func openBench(dir string, key [32]byte, plain, create bool) (*Store, error) {
	switch {
	case plain:
		return OpenPlainForBenchmark(dir, "bench")
	case create:
		return Create(dir, key, "bench", practice.DefaultOptions())
	}
	return Open(dir, key, "bench", practice.DefaultOptions())
}

func BenchmarkUnlock(b *testing.B)      { benchUnlock(b, false) }
func BenchmarkUnlockPlain(b *testing.B) { benchUnlock(b, true) }

// benchUnlock measures opening the store with its index (10,000 cases) and
// closing it, and reports the heap an unlocked store holds: "heap-MB" right
// after opening (with the garbage of building the index), "retained-MB"
// after a collection, both above what the process held before, and "sys-MB",
// all the memory the Go runtime has taken from the system.
func benchUnlock(b *testing.B, plain bool) {
	dir, key := benchStore(b, plain)
	base := heapInuse(true)
	s, err := openBench(dir, key, plain, false)
	if err != nil {
		b.Fatal(err)
	}
	after := heapInuse(false)
	retained := heapInuse(true)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	if got := len(s.Summaries()); got != benchCases {
		b.Fatalf("%d summaries", got)
	}
	s.Close()
	cpu := startCPU()
	for b.Loop() {
		s, err := openBench(dir, key, plain, false)
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
	cpu.report(b)
	b.ReportMetric(mb(after-base), "heap-MB")
	b.ReportMetric(mb(retained-base), "retained-MB")
	b.ReportMetric(mb(ms.Sys), "sys-MB")
}

// BenchmarkUnlock50000 measures unlocking a store of 50,000 cases to a
// usable case list: Open (which builds the index) and Summaries, without
// closing. Goal: under 1 s. It reports the heap as benchUnlock does.
func BenchmarkUnlock50000(b *testing.B) {
	dir, key := benchStore50000(b)
	base := heapInuse(true)
	s, err := Open(dir, key, "bench", practice.DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	after := heapInuse(false)
	retained := heapInuse(true)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	s.Close()
	cpu := startCPU()
	for b.Loop() {
		s, err := Open(dir, key, "bench", practice.DefaultOptions())
		if err != nil {
			b.Fatal(err)
		}
		if got := len(s.Summaries()); got != 50000 {
			b.Fatalf("%d summaries", got)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	cpu.report(b)
	b.ReportMetric(mb(after-base), "heap-MB")
	b.ReportMetric(mb(retained-base), "retained-MB")
	b.ReportMetric(mb(ms.Sys), "sys-MB")
}

func heapInuse(collect bool) uint64 {
	if collect {
		runtime.GC()
		debug.FreeOSMemory()
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapInuse
}

func mb(n uint64) float64 { return float64(n) / (1 << 20) }

// BenchmarkSearch searches the notes of 10,000 cases for a word.
func BenchmarkSearch(b *testing.B) {
	dir, key := benchStore(b, false)
	s, err := Open(dir, key, "bench", practice.DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	matches := 0
	cpu := startCPU()
	for b.Loop() {
		matches = len(s.Search(Query{Text: "daughter visit"}))
	}
	cpu.report(b)
	b.ReportMetric(float64(matches), "matches")
}

func BenchmarkSaveCase(b *testing.B)      { benchSave(b, false) }
func BenchmarkSaveCasePlain(b *testing.B) { benchSave(b, true) }

// anchorDocBytes is the size of the document the anchor workloads save
// (../shared/bench): the save benchmarks edit a case of about that size.
const anchorDocBytes = 6100

// benchSave measures one edit saved, with its audit entry and fsync, in a
// store of 10,000 cases. The case is the one of the first few hundred whose
// document is nearest the anchors' (reported as doc-bytes).
func benchSave(b *testing.B, plain bool) {
	dir, key := benchStore(b, plain)
	s, err := openBench(dir, key, plain, false)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	var c *records.Case
	size := 0
	for _, sum := range s.Summaries()[:300] {
		d, err := s.Load(sum.ID)
		if err != nil {
			b.Fatal(err)
		}
		doc, _ := encodeCase(d)
		if c == nil || abs(len(doc)-anchorDocBytes) < abs(size-anchorDocBytes) {
			c, size = d, len(doc)
		}
	}
	i := 0
	cpu := startCPU()
	for b.Loop() {
		i++
		c.Person.Phone = fmt.Sprint("01632 ", i)
		if err := s.Save(c); err != nil {
			b.Fatal(err)
		}
	}
	cpu.report(b)
	b.ReportMetric(float64(size), "doc-bytes")
}

func abs(n int) int { return max(n, -n) }

// BenchmarkRawWriteFsync2KB is the floor for a save: appending 2 KB to a
// file in the same kind of folder and waiting for fsync.
func BenchmarkRawWriteFsync2KB(b *testing.B) {
	f, err := os.OpenFile(filepath.Join(b.TempDir(), "raw"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	block := bytes.Repeat([]byte("x"), 2048)
	cpu := startCPU()
	for b.Loop() {
		if _, err := f.Write(block); err != nil {
			b.Fatal(err)
		}
		if err := f.Sync(); err != nil {
			b.Fatal(err)
		}
	}
	cpu.report(b)
}

// cpuMeter reports the process CPU time per operation ("cpu-ms/op"), which
// includes Badger's background goroutines.
type cpuMeter time.Duration

func startCPU() cpuMeter { return cpuMeter(processCPU()) }

func (m cpuMeter) report(b *testing.B) {
	used := processCPU() - time.Duration(m)
	b.ReportMetric(float64(used.Microseconds())/1000/float64(b.N), "cpu-ms/op")
}
