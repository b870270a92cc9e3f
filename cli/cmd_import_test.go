package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"msprecords/store"
)

// importHeader starts an import file written by hand.
const importHeader = `{"format":"msprecords-cases","version":1,"exported":"2026-01-01T00:00:00Z","cases":[`

// TestImportNamesTheField runs hostile files through 'msprecords import':
// each is refused in one line that names the case and the field, and the
// vault is left as it was.
func TestImportNamesTheField(t *testing.T) {
	v := newVault(t, "Alice", "right passphrase")
	ok(t, v.args("demo", "--cases", "2")...)
	before := ok(t, v.args("list")...)
	one := func(c string) string { return importHeader + c + `]}` }
	tests := []struct {
		name, file, want string
	}{
		{"NUL in a name", one(`{"schema":1,"reference":"H-1","person":{"name":"Ann\u0000Able"}}`),
			"case 1 (H-1): person.name: Full name must not include tabs, line breaks or other control characters"},
		{"invalid UTF-8", one("{\"schema\":1,\"reference\":\"H-1\",\"person\":{\"name\":\"Zo\xebe\"}}"),
			"case 1 (H-1): person.name: Full name must be UTF-8 text"},
		{"negative revision", one(`{"schema":1,"revision":-1,"reference":"H-1","person":{"name":"Ann"}}`),
			"case 1 (H-1): revision: Revision must be between 0 and"},
		{"not a real date", one(`{"schema":1,"reference":"H-1","person":{"name":"Ann"},"contacts":[{"date":"2026-02-31"}]}`),
			"case 1 (H-1): contacts[0].date: Date of contact must be a real date"},
		{"long name", one(`{"schema":1,"reference":"H-1","person":{"name":"` + strings.Repeat("a", 301) + `"}}`),
			"case 1 (H-1): person.name: Full name must be 300 characters or fewer"},
		{"no cases", importHeader + strings.Repeat(" ", 1<<16) + `]}`, "the file holds no cases"},
		{"bad syntax", one(`{"schema":1,"reference":"H-1","person":{"name":"Ann",}}`),
			"not a JSON case file: line 1, column 138 (byte 137), in cases[0].person: expected a field name in quotes, found }"},
		{"truncated", one(`{"schema":1,"reference":"H-1","person":{"name":"Ann"}}`)[:110], "the file ends too soon, in cases[0].reference (line 1, byte 110)"},
		{"too deep", importHeader + strings.Repeat("[", 100), "nested more than 16 deep"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fails(t, tt.want, v.args("import", writeFile(t, "hostile.json", tt.file))...)
			if after := ok(t, v.args("list")...); after != before {
				t.Errorf("the vault changed:\n%s", after)
			}
		})
	}
}

// TestImportRefusesTooLargeFileUnread refuses a file over the limit by its
// size alone: a sparse file takes no disk, and no passphrase is read.
func TestImportRefusesTooLargeFileUnread(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.json")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(store.MaxImportSize + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	missing := filepath.Join(t.TempDir(), "no-vault")
	fails(t, "it is larger than 256 MB", "import", path, "--vault", missing, "--passphrase-file", filepath.Join(missing, "none"))
}
