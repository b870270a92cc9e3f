package records

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The packages that show fields to people: the window, the packs and the
// command line. Each must take a field's label from the descriptions.
var labelUsers = []string{"../app", "../export", "../cli"}

// literal is one string literal in the source of another package.
type literal struct {
	pos  token.Position
	text string
}

// sourceLiterals returns every string literal of the non-test Go files
// under dir.
func sourceLiterals(t *testing.T, dir string) []literal {
	t.Helper()
	var out []literal
	fset := token.NewFileSet()
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "testdata" {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil {
					out = append(out, literal{fset.Position(lit.Pos()), s})
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatalf("reading %s: %v", dir, err)
	}
	if len(out) == 0 {
		t.Fatalf("no string literals under %s: the test is not reading the source", dir)
	}
	return out
}

// labelKey is how a literal is compared with a label: trimmed, any trailing
// colon dropped, case ignored.
func labelKey(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimSpace(strings.TrimSuffix(s, ":"))
	return strings.ToLower(s)
}

// notYetConverted lists, by file and literal, the labels still spelled in
// files that other work in progress owns (the case list, the audit screen,
// the new-case dialog). Each should go once its file asks records.Label;
// the test fails on an entry that no longer matches, so the list only shrinks.
var notYetConverted = map[string]bool{}

// TestNoLabelsSpelledElsewhere: the window, the packs and `show` spell no
// field label of their own; they ask records.Label (or MustField) for it.
// The JSON keys themselves ("revision", "stage") are machine names, not
// labels, and are let through.
func TestNoLabelsSpelledElsewhere(t *testing.T) {
	labels := map[string]string{} // key → one path with that label
	keys := map[string]bool{}     // every JSON key and path
	for _, f := range Fields() {
		if f.Label != "" {
			labels[labelKey(f.Label)] = f.Path
		}
		keys[f.Path] = true
		for _, k := range strings.Split(f.Path, ".") {
			keys[k] = true
		}
	}
	used := map[string]bool{}
	for _, dir := range labelUsers {
		for _, lit := range sourceLiterals(t, dir) {
			path, ok := labels[labelKey(lit.text)]
			if !ok || keys[lit.text] {
				continue
			}
			rel := filepath.ToSlash(filepath.Join(filepath.Base(dir), filepath.Base(lit.pos.Filename)))
			if notYetConverted[rel+"|"+lit.text] {
				used[rel+"|"+lit.text] = true
				continue
			}
			t.Errorf("%s: %q is the label of %s; use records.Label(%q)", lit.pos, lit.text, path, path)
		}
	}
	for k := range notYetConverted {
		if !used[k] {
			t.Errorf("notYetConverted: %s no longer matches; remove it", k)
		}
	}
}

// fieldPath looks like a JSON path: "person.name", "risks.actions.due".
var fieldPath = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$`)

// TestPathsNamedElsewhereExist: every literal in those packages that looks
// like a path into the Case ("person.name") is a described field, so a
// mistyped path fails here rather than in a window a user opens.
func TestPathsNamedElsewhereExist(t *testing.T) {
	tops := map[string]bool{}
	for _, f := range Fields() {
		tops[strings.Split(f.Path, ".")[0]] = true
	}
	for _, dir := range labelUsers {
		for _, lit := range sourceLiterals(t, dir) {
			if !fieldPath.MatchString(lit.text) || !tops[strings.Split(lit.text, ".")[0]] {
				continue
			}
			if _, ok := FieldByPath(lit.text); !ok {
				t.Errorf("%s: %q is not the path of a field in records/fields.go", lit.pos, lit.text)
			}
		}
	}
}
