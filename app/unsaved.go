package app

import (
	"fmt"
	"reflect"
	"strings"

	"fyne.io/fyne/v2"

	"msprecords/records"
)

// Text that cannot go into the case yet.
//
// Every entry updates the case as it is typed. A date that is not a real
// date yet (31/02/1938, or a year half typed) and an NHS number or postcode
// that is not whole cannot: the case keeps its last good value. What the
// boxes show is then kept beside the case, in caseView.unsaved, so that
// it is counted in the header ("1 change not saved"), survives a move to
// another part and back, and is put back in the boxes after a lock. It is
// kept in memory only, never on disk.
//
// A field is known by the path of the value it edits within the case
// (Person.DateOfBirth, Contacts[<id>].Date), found by walking the case, so
// that an entry of a list keeps its text when the list grows or loses
// another entry, and its text is forgotten when the entry itself is
// removed.

// unsavedText is what one field shows that the case does not hold yet.
type unsavedText struct {
	key     string   // the path of the value within the case
	part    string   // the part of the record it is on
	label   string   // the field's label
	problem string   // what is wrong, in the GOV.UK style
	texts   []string // what its boxes show, in order
	order   int      // when it was first typed: the header goes to the first one
	focus   func()   // puts the focus in the field, while it is shown
}

// tracker ties one field on screen to its unsaved text, if any. A nil
// tracker (a field outside a case, such as the new case form's) keeps
// nothing.
type tracker struct {
	v     *caseView
	p     any    // the value edited, within v.c
	key   string // its path, found when first needed
	part  string
	label string
	focus func()
}

// track returns the tracker of the field editing *p (a pointer into the
// case), or nil when the form is not on a case.
func (f *form) track(p any, label string, focus func()) *tracker {
	v := f.v
	if v == nil || v.c == nil {
		return nil
	}
	t := &tracker{v: v, p: p, part: v.current, label: label, focus: focus}
	if len(v.unsaved) > 0 {
		if u := v.unsaved[t.path()]; u != nil {
			u.focus, u.part = focus, v.current // the field is shown again
		}
	}
	return t
}

// path is the field's path in the case, found on first use: most fields
// never need it, and finding it walks the case.
func (t *tracker) path() string {
	if t.key == "" {
		t.key = valuePath(t.v.c, t.p)
	}
	return t.key
}

// kept returns the texts kept for the field, or nil.
func (t *tracker) kept() []string {
	if t == nil || len(t.v.unsaved) == 0 {
		return nil
	}
	if u := t.v.unsaved[t.path()]; u != nil {
		return u.texts
	}
	return nil
}

// mark keeps what the field shows, which the case cannot hold yet.
func (t *tracker) mark(problem string, texts ...string) {
	if t == nil || t.path() == "" {
		return
	}
	v := t.v
	if v.unsaved == nil {
		v.unsaved = map[string]*unsavedText{}
	}
	u := v.unsaved[t.key]
	if u == nil {
		v.unsavedSeq++
		u = &unsavedText{key: t.key, order: v.unsavedSeq}
		v.unsaved[t.key] = u
	}
	u.part, u.label, u.problem, u.texts, u.focus = t.part, t.label, problem, texts, t.focus
	v.unsavedChanged()
}

// clear forgets the field's kept text: the case holds what it shows.
func (t *tracker) clear() {
	if t == nil || len(t.v.unsaved) == 0 {
		return
	}
	if _, ok := t.v.unsaved[t.path()]; ok {
		delete(t.v.unsaved, t.key)
		t.v.unsavedChanged()
	}
}

// keepUnsaved takes over the unsaved texts of an earlier view of the same
// case (kept while the vault was locked); the part shown next puts them
// back in their fields.
func (v *caseView) keepUnsaved(kept map[string]*unsavedText) {
	v.unsaved = kept
	for _, u := range kept {
		v.unsavedSeq = max(v.unsavedSeq, u.order)
	}
}

// unsavedChanged tells the shell that the count of unsaved fields changed.
func (v *caseView) unsavedChanged() {
	if v.onUnsaved != nil {
		v.onUnsaved()
	}
}

// pendingFields returns the fields whose text the case does not hold, the
// first typed first. Texts of entries removed from the case are dropped.
func (v *caseView) pendingFields() []*unsavedText {
	if len(v.unsaved) == 0 {
		return nil
	}
	live := valuePaths(v.c)
	var out []*unsavedText
	for key, u := range v.unsaved {
		if !live[key] {
			delete(v.unsaved, key)
			continue
		}
		out = append(out, u)
	}
	for i := 1; i < len(out); i++ { // a handful at most
		for j := i; j > 0 && out[j].order < out[j-1].order; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// goTo shows the part holding an unsaved field and puts the focus in it.
func (v *caseView) goTo(u *unsavedText) {
	if u.part != "" && u.part != v.current {
		v.showPart(u.part)
	}
	if cur := v.unsaved[u.key]; cur != nil && cur.focus != nil {
		cur.focus()
	}
}

// notSavedText is the header's count of fields that cannot be saved yet.
func notSavedText(n int) string {
	if n == 1 {
		return "1 change not saved"
	}
	return fmt.Sprintf("%d changes not saved", n)
}

// focusIn returns a function that focuses o in w, if o is shown.
func focusIn(w fyne.Window, o fyne.Focusable) func() {
	return func() {
		if w != nil {
			w.Canvas().Focus(o)
		}
	}
}

// valuePath is the path of the value p points to within c, or "" if p
// does not point into c.
func valuePath(c *records.Case, p any) string {
	target := reflect.ValueOf(p)
	if target.Kind() != reflect.Pointer || target.IsNil() {
		return ""
	}
	found := ""
	walkValues(reflect.ValueOf(c).Elem(), "", func(path string, v reflect.Value) bool {
		if v.Type() == target.Type().Elem() && v.Addr().Pointer() == target.Pointer() {
			found = path
			return false
		}
		return true
	})
	return found
}

// valuePaths is the set of paths of every value in c.
func valuePaths(c *records.Case) map[string]bool {
	out := map[string]bool{}
	if c == nil {
		return out
	}
	walkValues(reflect.ValueOf(c).Elem(), "", func(path string, _ reflect.Value) bool {
		out[path] = true
		return true
	})
	return out
}

// walkValues calls visit for every exported value under v (which must be
// addressable) with its path, until visit returns false. An entry of a
// list is named by its ID where it has one, by its place otherwise.
func walkValues(v reflect.Value, path string, visit func(string, reflect.Value) bool) bool {
	if path != "" && !visit(path, v) {
		return false
	}
	switch v.Kind() {
	case reflect.Struct:
		if v.Type() == reflect.TypeOf(records.Date{}) {
			return true
		}
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			if f.PkgPath != "" {
				continue
			}
			if !walkValues(v.Field(i), joinPath(path, f.Name), visit) {
				return false
			}
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			if !walkValues(v.Index(i), path+"["+entryName(v.Index(i), i)+"]", visit) {
				return false
			}
		}
	case reflect.Pointer:
		if !v.IsNil() {
			return walkValues(v.Elem(), path, visit)
		}
	}
	return true
}

func joinPath(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// entryName names an entry of a list by its ID, or by its place.
func entryName(v reflect.Value, i int) string {
	if v.Kind() == reflect.Struct {
		if id := v.FieldByName("ID"); id.IsValid() && id.Kind() == reflect.String && id.String() != "" {
			return "id:" + strings.ReplaceAll(id.String(), "]", "")
		}
	}
	return fmt.Sprint(i)
}
