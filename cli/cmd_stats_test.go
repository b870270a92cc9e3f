package cli

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"msprecords/demo"
	"msprecords/practice"
)

// readFigures reads a figures CSV into "table / label" -> count.
func readFigures(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != "table,label,count" {
		t.Fatalf("header %v", rows[0])
	}
	out := map[string]string{}
	for _, r := range rows[1:] {
		out[r[0]+" / "+r[1]] = r[2]
	}
	return out
}

func TestStatsCommand(t *testing.T) {
	v := newVault(t, "Counter", "correct horse battery staple")
	ok(t, v.args("demo", "--cases", "48")...)
	dir := t.TempDir()
	exact, published := filepath.Join(dir, "exact.csv"), filepath.Join(dir, "published.csv")
	said := ok(t, v.args("stats", "--year", "2025-26", "--exact", "--out", exact)...)
	ok(t, v.args("stats", "--year", "2025/26", "--out", published)...)

	y, _ := practice.ParseFinancialYear("2025-26")
	want := practice.ComputeFigures(demo.Cases(48, 1), y)
	n := want.Count(practice.TableConcluded, practice.ConcludedLabel)
	if n == 0 {
		t.Fatal("the demo set has no enquiries concluded in 2025-26; choose another year for the test")
	}
	if !strings.Contains(said, "Counted "+strconv.Itoa(n)+" enquir") {
		t.Errorf("stats said %q, want %d enquiries", said, n)
	}
	gotExact, gotPublished := readFigures(t, exact), readFigures(t, published)
	rows := 0
	for _, tb := range want.Tables {
		for _, r := range tb.Rows {
			key := tb.Title + " / " + r.Label
			rows++
			if gotExact[key] != strconv.Itoa(r.Count) {
				t.Errorf("%s: exact %q, want %d", key, gotExact[key], r.Count)
			}
			if gotPublished[key] != practice.PublishedCount(r.Count) {
				t.Errorf("%s: published %q, want %s", key, gotPublished[key], practice.PublishedCount(r.Count))
			}
		}
	}
	if len(gotExact) != rows || len(gotPublished) != rows {
		t.Errorf("%d and %d rows, want %d", len(gotExact), len(gotPublished), rows)
	}
	if e := auditEntries(t, v, "stats"); len(e) != 2 || !strings.Contains(e[0].Detail, "2025-26, exact counts") {
		t.Errorf("audit trail: %+v", e)
	}
}

func TestStatsRefusesBadCommandLines(t *testing.T) {
	v := newVault(t, "Counter", "correct horse battery staple")
	out := filepath.Join(t.TempDir(), "s.csv")
	for _, tt := range []struct {
		want string
		args []string
	}{
		{"--year 2025-26", []string{"--out", out}},
		{"financial year written like 2025-26", []string{"--year", "2025-27", "--out", out}},
		{"--out FILE.csv", []string{"--year", "2025-26"}},
	} {
		r := fails(t, tt.want, v.args(append([]string{"stats"}, tt.args...)...)...)
		if r.code != exitUsage {
			t.Errorf("%v: exit %d", tt.args, r.code)
		}
	}
}
