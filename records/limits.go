package records

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// The limits on what a case may hold. Validate applies them, so the window
// and an import file are held to the same rules; the import also applies
// them while it reads, before it has decoded a case, so that a hostile file
// cannot exhaust memory.
const (
	// MaxTextLength is the longest free text (notes, views, the concern):
	// far beyond any real note, and short enough that one field cannot
	// swamp a case.
	MaxTextLength = 100000
	// MaxAddressLength is the longest address, which may run to several lines.
	MaxAddressLength = 1000
	// MaxLineLength is the longest one-line field: a name, a role, an
	// organisation, a pick-list value.
	MaxLineLength = 300
	// MaxEmailLength is the longest email address an address can be (RFC 5321).
	MaxEmailLength = 254
	// MaxReferenceLength is the longest reference, case number or code.
	MaxReferenceLength = 100
	// MaxPhoneLength is the longest phone number, with a note like "(mobile)".
	MaxPhoneLength = 100
	// MaxIDLength is the longest id; MSP Records makes ids of 24 characters.
	MaxIDLength = 100
	// MaxListEntries is the most entries one list of a case may hold
	// (contacts, chronology entries, attendees of one meeting…).
	MaxListEntries = 10000
	// MaxCaseEntries is the most entries all the lists of a case may hold
	// together.
	MaxCaseEntries = 50000
	// MaxRevision is the highest revision a case may carry: the largest
	// whole number every JSON reader keeps exactly (2^53 - 1), and far from
	// the overflow of the counter.
	MaxRevision = 1<<53 - 1
)

// TextKind is what a text field holds, which sets its length limit and
// whether it may hold line breaks and tabs.
type TextKind int

// The kinds of text field.
const (
	Line      TextKind = iota // one line: names, roles, pick-list values
	ID                        // an opaque id made by MSP Records
	Reference                 // a reference, case number, NHS number or postcode
	Phone                     // a phone number
	Email                     // an email address
	Address                   // a postal address, on several lines
	FreeText                  // notes, views, the concern: several lines
)

// MaxLength is the most characters a field of this kind may hold.
func (k TextKind) MaxLength() int {
	switch k {
	case ID:
		return MaxIDLength
	case Reference:
		return MaxReferenceLength
	case Phone:
		return MaxPhoneLength
	case Email:
		return MaxEmailLength
	case Address:
		return MaxAddressLength
	case FreeText:
		return MaxTextLength
	}
	return MaxLineLength
}

// MultiLine reports whether a field of this kind may hold line breaks and tabs.
func (k TextKind) MultiLine() bool { return k == Address || k == FreeText }

// textKinds names every text field that is not one line of up to
// MaxLineLength characters (Line), by its JSON path without list positions.
// A field named "id" anywhere is an ID. Free text and addresses are the
// fields the window edits on several lines.
var textKinds = map[string]TextKind{
	"reference":                                 Reference,
	"person.nhs_number":                         Reference,
	"person.postcode":                           Reference,
	"enquiry.council_reference":                 Reference,
	"referral_in.police_reference":              Reference,
	"referral_in.incident_number":               Reference,
	"referrals[].reference":                     Reference,
	"person.phone":                              Phone,
	"alleged_persons[].phone":                   Phone,
	"representatives[].phone":                   Phone,
	"representatives[].email":                   Email,
	"person.address":                            Address,
	"alleged_persons[].address":                 Address,
	"representatives[].address":                 Address,
	"chronology[].corrects":                     ID,
	"chronology[].link":                         ID,
	"risks[].actions[].outcome_id":              ID,
	"capacity_assessments[].risks_considered[]": ID,
	"person.communication_needs":                FreeText,
	"person.conditions":                         FreeText,
	"enquiry.concern":                           FreeText,
	"s42_decision.reasons_not_met":              FreeText,
	"consent.override_detail":                   FreeText,
	"others_at_risk.details":                    FreeText,
	"contacts[].views":                          FreeText,
	"contacts[].shown":                          FreeText,
	"contacts[].notes":                          FreeText,
	"desired_outcomes[].text":                   FreeText,
	"desired_outcomes[].evaluation":             FreeText,
	"desired_outcomes[].history[].previous":     FreeText,
	"representatives[].notes":                   FreeText,
	"capacity_assessments[].impairment":         FreeText,
	"capacity_assessments[].causal_link":        FreeText,
	"capacity_assessments[].best_interests":     FreeText,
	"capacity_assessments[].consulted":          FreeText,
	"capacity_assessments[].less_restrictive":   FreeText,
	"capacity_assessments[].notes":              FreeText,
	"alleged_persons[].views":                   FreeText,
	"alleged_persons[].impact":                  FreeText,
	"alleged_persons[].support_offered":         FreeText,
	"allegations[].description":                 FreeText,
	"risks[].description":                       FreeText,
	"risks[].person_view":                       FreeText,
	"risks[].less_restrictive":                  FreeText,
	"risks[].proportionality":                   FreeText,
	"risks[].evaluation.person_said":            FreeText,
	"referrals[].detail":                        FreeText,
	"referrals[].response":                      FreeText,
	"challenges[].what":                         FreeText,
	"challenges[].outcome":                      FreeText,
	"meetings[].purpose":                        FreeText,
	"outcome.person_feedback":                   FreeText,
	"outcome.view_of_closing":                   FreeText,
	"chronology[].text":                         FreeText,
}

// labels are the words for fields whose JSON name alone says too little,
// by JSON path without list positions. The rest are named from their JSON
// name: "date_of_birth" is "Date of birth".
var labels = map[string]string{
	"reference":                                 "Case reference",
	"person.name":                               "Full name",
	"person.nhs_number":                         "NHS number",
	"person.date_of_death":                      "Date of death",
	"enquiry.concern_received":                  "Date concern received",
	"enquiry.started":                           "Date enquiry started",
	"enquiry.closed":                            "Date closed",
	"enquiry.concern":                           "The concern",
	"contacts[].date":                           "Date of contact",
	"contacts[].communicated[]":                 "How the person communicated",
	"contacts[].helped_by":                      "Who helped them communicate",
	"contacts[].shown":                          "What they showed without words",
	"representatives[].relationship":            "Relationship to the person",
	"capacity_assessments[].date":               "Date of assessment",
	"capacity_assessments[].revisited_on":       "Date revisited",
	"referrals[].identified":                    "Date identified",
	"referrals[].referred":                      "Date referred",
	"referral_in.date":                          "Date of referral",
	"s42_decision.date":                         "Date of the s42 decision",
	"chronology[].date":                         "Date of the entry",
	"chronology[].recorded":                     "Time recorded",
	"meetings[].date":                           "Date of the meeting",
	"risks[].actions[].due":                     "Date due",
	"risks[].actions[].completed":               "Date completed",
	"challenges[].date":                         "Date of the challenge",
	"desired_outcomes[].history[].date":         "Date revisited",
	"capacity_assessments[].revisit_by":         "Date to revisit by",
	"desired_outcomes[].recorded":               "Date recorded",
	"risks[].evaluation.date":                   "Date of the evaluation",
	"consent.enquiry_date":                      "Date of consent to the enquiry",
	"consent.share_date":                        "Date of consent to share",
	"caused_enquiry.requested":                  "Date requested",
	"caused_enquiry.report_date":                "Date of the report",
	"plan.review_date":                          "Review date",
	"capacity_assessments[].risks_considered[]": "Risk considered",
}

// KindOf returns the kind of the text field at path, a JSON path with or
// without list positions ("contacts[2].notes" or "contacts[].notes").
func KindOf(path string) TextKind {
	p := Pattern(path)
	if k, ok := textKinds[p]; ok {
		return k
	}
	if p == "id" || strings.HasSuffix(p, ".id") {
		return ID
	}
	return Line
}

// FieldLabel returns the words for the field at path, a JSON path, for a
// message: "contacts[0].date" is "Date of contact".
func FieldLabel(path string) string {
	p := Pattern(path)
	if l, ok := labels[p]; ok {
		return l
	}
	name := p[strings.LastIndexByte(p, '.')+1:]
	name = strings.TrimSuffix(name, "[]")
	if name == "id" || name == "" {
		return "ID"
	}
	name = strings.ReplaceAll(name, "_", " ")
	return strings.ToUpper(name[:1]) + name[1:]
}

// Pattern drops the list positions from a JSON path: "contacts[2].notes"
// is "contacts[].notes".
func Pattern(path string) string {
	if !strings.Contains(path, "[") {
		return path
	}
	var b strings.Builder
	skip := false
	for _, r := range path {
		switch {
		case r == '[':
			skip = true
			b.WriteRune(r)
		case r == ']':
			skip = false
			b.WriteRune(r)
		case !skip:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Thousands writes n with commas between thousands, as GOV.UK writes
// numbers: 100,000.
func Thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		return "-" + s
	}
	return s
}

// TextProblem returns what is wrong with s as the text of the field at
// path, a message in the GOV.UK style, or "" when nothing is.
func TextProblem(path, s string) string {
	return textProblem(KindOf(path), FieldLabel(path), s)
}

func textProblem(kind TextKind, label, s string) string {
	if plainASCII(s) && len(s) <= kind.MaxLength() {
		return ""
	}
	if !utf8.ValidString(s) {
		return label + " must be UTF-8 text"
	}
	if badControl(s, kind.MultiLine()) {
		if kind.MultiLine() {
			return label + " must not include control characters (tabs and line breaks are fine)"
		}
		return label + " must not include tabs, line breaks or other control characters"
	}
	if max := kind.MaxLength(); len(s) > max && utf8.RuneCountInString(s) > max {
		return fmt.Sprintf("%s must be %s characters or fewer", label, Thousands(int64(max)))
	}
	return ""
}

// plainASCII reports whether s is printable ASCII only, the common case
// that needs no closer look.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return false
		}
	}
	return true
}

// badControl reports whether s holds a control character it may not: any
// at all on one line; in several lines, any but a tab, a line feed, and a
// carriage return that starts a Windows line break (CR LF).
func badControl(s string, multiLine bool) bool {
	for i, r := range s {
		if !IsControl(r) {
			continue
		}
		if !multiLine {
			return true
		}
		switch {
		case r == '\t', r == '\n':
		case r == '\r' && i+1 < len(s) && s[i+1] == '\n':
		default:
			return true
		}
	}
	return false
}

// IsControl reports whether r is a control character: C0 (U+0000 to
// U+001F), DEL, or C1 (U+0080 to U+009F).
func IsControl(r rune) bool { return r < 0x20 || (r >= 0x7f && r <= 0x9f) }

// checkLimits checks every text field and list of the case against the
// limits, and the revision.
func checkLimits(k *checker, c *Case) {
	if c.Revision < 0 || c.Revision > MaxRevision {
		k.add("revision", "Revision must be between 0 and %s", Thousands(MaxRevision))
	}
	w := &limitWalker{k: k}
	w.fields(reflect.ValueOf(c).Elem(), planOf(reflect.TypeFor[Case]()))
	if w.entries > MaxCaseEntries {
		k.add("", "A case must have %s list entries or fewer in all", Thousands(MaxCaseEntries))
	}
}

// limitWalker visits every string and list of a case, keeping the path
// it is at as steps, so that a path is written out only for a problem.
type limitWalker struct {
	k       *checker
	path    []pathStep
	entries int
}

type pathStep struct {
	name  string // "" for a list position
	index int
}

func (w *limitWalker) fields(v reflect.Value, fields []*fieldPlan) {
	for _, f := range fields {
		w.path = append(w.path, pathStep{name: f.name})
		w.value(v.Field(f.index), f)
		w.path = w.path[:len(w.path)-1]
	}
}

func (w *limitWalker) value(v reflect.Value, f *fieldPlan) {
	switch v.Kind() {
	case reflect.String:
		if msg := textProblem(f.kind, f.label, v.String()); msg != "" {
			w.k.problems = append(w.k.problems, Problem{w.pathString(), msg})
		}
	case reflect.Slice:
		n := v.Len()
		w.entries += n
		if n > MaxListEntries {
			w.k.problems = append(w.k.problems, Problem{w.pathString(), fmt.Sprintf("%s must have %s entries or fewer", f.label, Thousands(MaxListEntries))})
		}
		for i := range n {
			w.path = append(w.path, pathStep{index: i})
			w.value(v.Index(i), f.elem)
			w.path = w.path[:len(w.path)-1]
		}
	case reflect.Struct:
		if f.fields != nil {
			w.fields(v, f.fields)
		}
	}
}

func (w *limitWalker) pathString() string {
	var b strings.Builder
	for _, st := range w.path {
		switch {
		case st.name == "":
			fmt.Fprintf(&b, "[%d]", st.index)
		case b.Len() > 0:
			b.WriteString("." + st.name)
		default:
			b.WriteString(st.name)
		}
	}
	return b.String()
}

// fieldPlan is what Validate needs to know of one field of a struct, worked
// out once per type: its JSON name, kind and label, and its own fields.
type fieldPlan struct {
	index  int
	name   string
	kind   TextKind
	label  string
	fields []*fieldPlan // of the struct it is, or its list holds
	elem   *fieldPlan   // for a list: its entries
}

var plans sync.Map // reflect.Type -> []*fieldPlan

func planOf(t reflect.Type) []*fieldPlan {
	if p, ok := plans.Load(t); ok {
		return p.([]*fieldPlan)
	}
	p := makePlan(t, "")
	plans.Store(t, p)
	return p
}

func makePlan(t reflect.Type, prefix string) []*fieldPlan {
	var out []*fieldPlan
	for i := range t.NumField() {
		sf := t.Field(i)
		name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
		if !sf.IsExported() || name == "-" || name == "" {
			continue
		}
		out = append(out, makeField(sf.Type, i, name, prefix+name))
	}
	return out
}

func makeField(t reflect.Type, index int, name, pattern string) *fieldPlan {
	f := &fieldPlan{index: index, name: name, kind: KindOf(pattern), label: FieldLabel(pattern)}
	switch {
	case t.Kind() == reflect.Slice:
		f.elem = makeField(t.Elem(), 0, "", pattern+"[]")
	case t.Kind() == reflect.Struct && t.NumField() > 0 && t.Field(0).IsExported():
		f.fields = makePlan(t, pattern+".")
	}
	return f
}
