package export

import (
	"runtime"
	"testing"
)

// BenchmarkEncryptedPack500 makes a meeting pack for a case with a
// 500-entry chronology and a 20,000-character note, as a PDF encrypted with
// AES-256: build, draw and encrypt, as an export does. Goals: under 1 s per
// pack and under 150 MB of memory. It reports the memory the Go runtime
// took from the system (sys-MB, which only grows, so it is the peak) and
// the most heap in use seen after a pack (heap-inuse-MB).
func BenchmarkEncryptedPack500(b *testing.B) {
	c, _, _ := bigCase()
	o := PackOptions{Purpose: PurposeMeeting, MeetingID: "mt1", Made: madeOn}
	var peakHeap uint64
	var m runtime.MemStats
	b.ReportAllocs()
	for b.Loop() {
		p, err := BuildPack(c, o)
		if err != nil {
			b.Fatal(err)
		}
		pdf, err := p.PDF()
		if err != nil {
			b.Fatal(err)
		}
		if _, err := EncryptPDF(pdf, "bench password"); err != nil {
			b.Fatal(err)
		}
		runtime.ReadMemStats(&m)
		peakHeap = max(peakHeap, m.HeapInuse)
	}
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(m.Sys)/(1<<20), "sys-MB")
	b.ReportMetric(float64(peakHeap)/(1<<20), "heap-inuse-MB")
}
