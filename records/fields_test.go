package records

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// casePaths walks the Case by reflection and returns the JSON path of every
// leaf field: struct fields are followed into, and so are the element types
// of lists; dates, times, strings, numbers and yes/no are leaves.
func casePaths() []string {
	marshaler := reflect.TypeOf((*json.Marshaler)(nil)).Elem()
	var out []string
	var walk func(prefix string, t reflect.Type)
	walk = func(prefix string, t reflect.Type) {
		for i := 0; i < t.NumField(); i++ {
			sf := t.Field(i)
			if !sf.IsExported() {
				continue
			}
			tag := strings.Split(sf.Tag.Get("json"), ",")[0]
			if tag == "" || tag == "-" {
				tag = sf.Name // caught below: every field needs a json name
			}
			path := tag
			if prefix != "" {
				path = prefix + "." + tag
			}
			ft := sf.Type
			if ft.Kind() == reflect.Slice {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct && !ft.Implements(marshaler) {
				walk(path, ft)
				continue
			}
			out = append(out, path)
		}
	}
	walk("", reflect.TypeOf(Case{}))
	return out
}

// TestEveryFieldIsDescribed: a field added to the Case without a
// description fails here, and so does a description of a field that is gone.
func TestEveryFieldIsDescribed(t *testing.T) {
	paths := casePaths()
	if len(paths) < 100 {
		t.Fatalf("walked only %d fields of the Case; the walk is broken", len(paths))
	}
	inCase := map[string]bool{}
	for _, p := range paths {
		inCase[p] = true
		f, ok := FieldByPath(p)
		switch {
		case !ok:
			t.Errorf("%s: no description in records/fields.go (give it a Label, or mark it Internal)", p)
		case f.Internal && f.Label != "":
			t.Errorf("%s: marked Internal but has the label %q", p, f.Label)
		case !f.Internal && strings.TrimSpace(f.Label) == "":
			t.Errorf("%s: no label", p)
		}
	}
	for _, f := range Fields() {
		if !inCase[f.Path] {
			t.Errorf("%s: described, but the Case has no such field", f.Path)
		}
	}
}

// TestOnlyBookkeepingIsInternal: ids and the schema version may be
// internal; everything else is something a person reads.
func TestOnlyBookkeepingIsInternal(t *testing.T) {
	for _, f := range Fields() {
		last := f.Path[strings.LastIndex(f.Path, ".")+1:]
		if f.Internal && last != "id" && last != "schema" && last != "link" {
			t.Errorf("%s is marked Internal; only ids and the schema version should be", f.Path)
		}
	}
}

func TestLabelsReadWell(t *testing.T) {
	for _, f := range Fields() {
		l := f.Label
		switch {
		case f.Internal:
		case l != strings.TrimSpace(l) || strings.HasSuffix(l, ":") || strings.HasSuffix(l, "."):
			t.Errorf("%s: label %q has stray space or punctuation at the end", f.Path, l)
		case strings.Contains(strings.ToLower(l), "perpetrator"):
			t.Errorf("%s: label %q: say \"person alleged to have caused harm\"", f.Path, l)
		case strings.ToUpper(l[:1]) != l[:1] && l[0] != '(':
			t.Errorf("%s: label %q should start with a capital letter", f.Path, l)
		}
		for _, us := range []string{"color", "organization", "center", "program "} {
			if strings.Contains(strings.ToLower(l+" "+f.Help), us) {
				t.Errorf("%s: %q is American spelling", f.Path, us)
			}
		}
	}
}

// TestChoicesAreThePickLists: a field with choices offers a non-empty list
// with no repeats, and lists of its own stay in step with the pick-lists.
func TestChoicesAreThePickLists(t *testing.T) {
	for _, f := range Fields() {
		if f.Choices == nil {
			continue
		}
		seen := map[string]bool{}
		cs := f.Choices()
		if len(cs) == 0 {
			t.Errorf("%s: empty pick-list", f.Path)
		}
		for _, c := range cs {
			if seen[c] {
				t.Errorf("%s: %q twice in its pick-list", f.Path, c)
			}
			seen[c] = true
		}
	}
	if got := MustField("enquiry.stage").Choices(); !reflect.DeepEqual(got, stages) {
		t.Errorf("stage choices = %v, want the Stages pick-list", got)
	}
	if got := ProviderTypes(); len(got) != 3 || NationalSource(got[0]) != riskSources[0] {
		t.Errorf("ProviderTypes() = %v, want the three service-provider sources", got)
	}
	if got := SourceDetailLabels(); len(got) != len(riskSourceDetails) {
		t.Errorf("SourceDetailLabels() has %d labels, want %d", len(got), len(riskSourceDetails))
	}
}

func TestLookup(t *testing.T) {
	if got := Label("person.conditions"); got != "Diagnosis and conditions" {
		t.Errorf("Label(person.conditions) = %q", got)
	}
	if _, ok := FieldByPath("person.nonsense"); ok {
		t.Error("FieldByPath found a field that does not exist")
	}
	defer func() {
		if recover() == nil {
			t.Error("MustField of an unknown path did not panic")
		}
	}()
	MustField("person.nonsense")
}

func TestFieldsReturnsACopy(t *testing.T) {
	fs := Fields()
	fs[0].Label = "changed"
	if Fields()[0].Label == "changed" {
		t.Error("Fields() lets a caller change the descriptions")
	}
}

// TestLongFieldsSayWhatToWrite: every field shown as a multi-line box has
// help, one short sentence saying what to write there, because an empty box
// with a label is where a care-home manager most often gets stuck.
func TestLongFieldsSayWhatToWrite(t *testing.T) {
	long := 0
	for _, f := range Fields() {
		if !f.Long {
			continue
		}
		long++
		help := strings.TrimSpace(f.Help)
		switch {
		case f.Internal || f.Choices != nil:
			t.Errorf("%s is marked Long but is not free text", f.Path)
		case help == "":
			t.Errorf("%s is a multi-line box with no Help: say in one sentence what to write there", f.Path)
		case !strings.HasSuffix(help, ".") || strings.Count(help, ". ") > 0:
			t.Errorf("%s: its Help should be one sentence, ending with a full stop: %q", f.Path, help)
		case strings.Contains(strings.ToLower(help), "perpetrator"):
			t.Errorf("%s: use the neutral words \"person alleged to have caused harm\": %q", f.Path, help)
		}
	}
	for _, path := range []string{"contacts.views", "enquiry.concern", "risks.proportionality", "chronology.text"} {
		if !MustField(path).Long {
			t.Errorf("%s is a multi-line box but is not marked Long", path)
		}
	}
	if long < 30 {
		t.Errorf("only %d fields are marked Long; the window shows more multi-line boxes than that", long)
	}
}
