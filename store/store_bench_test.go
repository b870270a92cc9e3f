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

// benchSave measures one edit saved, with its audit entry and fsync, in a
// store of 10,000 cases.
func benchSave(b *testing.B, plain bool) {
	dir, key := benchStore(b, plain)
	s, err := openBench(dir, key, plain, false)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	c, err := s.Load(s.Summaries()[benchCases/2].ID)
	if err != nil {
		b.Fatal(err)
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
}

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
