package export

import (
	"sync"
	"testing"

	"msprecords/demo"
	"msprecords/practice"
	"msprecords/records"
)

// demoThousands is the 10,000-case demo set, built once for the benchmarks.
var demoThousands = sync.OnceValue(func() []*records.Case { return demo.Cases(10000, 1) })

// BenchmarkAuditReport100Of10000 draws a sample of 100 of 10,000 demo
// cases, checks them and draws the report's PDF: the goal is under 2 s.
func BenchmarkAuditReport100Of10000(b *testing.B) {
	cases := demoThousands()
	for b.Loop() {
		a := auditOf(b, cases, practice.Filter{}, 100, 42)
		if _, err := WriteAuditPDF(a, AuditReportOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
