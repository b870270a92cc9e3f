package export

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"msprecords/records"
)

// The words that stand in for what a pack leaves out.
const (
	withheldMark        = "[withheld]"
	addressWithheld     = "[address withheld]"
	postcodeWithheld    = "[postcode withheld]"
	phoneWithheld       = "[phone number withheld]"
	contactWithheld     = "[contact details withheld]"
	minLiteralLength    = 4 // shorter values ("1", "Flat") are too common to hunt for in text
	minPhraseLetters    = 2 // initials are too common to withhold
	minRelationshipSize = 3
)

// Free-text patterns masked when contacts are masked. UK postcodes, and UK
// phone numbers starting 0 or +44 (NHS numbers never start with 0).
var (
	postcodePattern = regexp.MustCompile(`\b[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}\b`)
	phonePattern    = regexp.MustCompile(`(?:\+44\s?(?:\(0\)\s?)?|\b0)\d(?:[ -]?\d){8,9}\b`)
)

// titles are honorifics that are not part of what identifies a person.
var titles = map[string]bool{"mr": true, "mrs": true, "ms": true, "miss": true, "mx": true, "dr": true, "prof": true, "sir": true, "dame": true, "rev": true}

// redactor withholds what a pack must not show, wherever it appears in the
// text: exact values (addresses, phone numbers), then phrases matched as
// whole words (names), then, when contacts are masked, anything shaped like
// a postcode or phone number.
type redactor struct {
	literals []literal
	phrases  [][]string // each a sequence of words, matched case-insensitively
	patterns bool
}

type literal struct{ old, new string }

// newRedactor sets up the redaction a pack for these options needs.
func newRedactor(c *records.Case, o PackOptions) *redactor {
	r := &redactor{patterns: o.MaskContacts}
	if o.MaskContacts {
		r.maskContacts(c)
	}
	if o.Purpose == PurposePerson {
		r.withholdThirdParties(c)
	}
	sort.SliceStable(r.literals, func(i, j int) bool { return len(r.literals[i].old) > len(r.literals[j].old) })
	sort.SliceStable(r.phrases, func(i, j int) bool { return len(r.phrases[i]) > len(r.phrases[j]) })
	return r
}

func (r *redactor) maskContacts(c *records.Case) {
	r.literal(c.Person.Address, addressWithheld)
	r.literal(c.Person.Postcode, postcodeWithheld)
	r.literal(c.Person.Phone, phoneWithheld)
	for _, rep := range c.Representatives {
		r.literal(rep.Address, addressWithheld)
		r.literal(rep.Phone, phoneWithheld)
	}
	for _, a := range c.AllegedPersons {
		r.literal(a.Address, addressWithheld)
		r.literal(a.Phone, phoneWithheld)
	}
}

// withholdThirdParties keeps the alleged persons and other people's contact
// details out of the person's own copy: each name as a whole, and each
// name-like word of it on its own. Words the alleged person's name shares
// with the adult's own name are kept on their own: the adult's name is theirs.
func (r *redactor) withholdThirdParties(c *records.Case) {
	own := wordSet(cleanText(c.Person.Name + " " + c.Person.PreferredName))
	for _, a := range c.AllegedPersons {
		r.literal(a.Address, withheldMark)
		r.literal(a.Phone, withheldMark)
		name := cleanText(a.Name) // as the text it is matched against
		r.phrase(name)
		var core []string // the name without titles and initials
		for _, w := range words(name) {
			if titles[strings.ToLower(w)] || utf8.RuneCountInString(w) < minPhraseLetters {
				continue
			}
			core = append(core, w)
			if nameLike(w) && !own[strings.ToLower(w)] {
				r.phrases = append(r.phrases, []string{w})
			}
		}
		if len(core) > 1 {
			r.phrases = append(r.phrases, core)
		}
		if rel := cleanText(a.Relationship); utf8.RuneCountInString(strings.TrimSpace(rel)) >= minRelationshipSize {
			r.phrase(rel)
		}
	}
	for _, rep := range c.Representatives {
		r.literal(rep.Address, contactWithheld)
		r.literal(rep.Phone, contactWithheld)
		r.literal(rep.Email, contactWithheld)
	}
}

func (r *redactor) literal(old, new string) {
	old = strings.TrimSpace(old)
	if utf8.RuneCountInString(old) >= minLiteralLength {
		r.literals = append(r.literals, literal{old, new})
	}
}

func (r *redactor) phrase(s string) {
	if w := words(s); len(w) > 0 {
		r.phrases = append(r.phrases, w)
	}
}

// apply returns s with everything withheld replaced.
func (r *redactor) apply(s string) string {
	if s == "" {
		return s
	}
	for _, l := range r.literals {
		if strings.Contains(s, l.old) {
			s = strings.ReplaceAll(s, l.old, l.new)
		}
	}
	if len(r.phrases) > 0 {
		s = r.replacePhrases(s)
	}
	if r.patterns {
		s = postcodePattern.ReplaceAllString(s, postcodeWithheld)
		s = phonePattern.ReplaceAllString(s, phoneWithheld)
	}
	return s
}

// span is one word's place in a text, in bytes.
type span struct{ start, end int }

// replacePhrases replaces each run of whole words that matches a phrase.
// Words are runs of letters and digits in any script, so "Łukasiewicz-Ørsted"
// is two words and "Gary's" holds the word "Gary"; matching ignores case.
func (r *redactor) replacePhrases(s string) string {
	spans := wordSpans(s)
	var b strings.Builder
	last, matched := 0, false
	for i := 0; i < len(spans); {
		n := r.matchAt(s, spans, i)
		if n == 0 {
			i++
			continue
		}
		gap := s[last:spans[i].start]
		if !matched || strings.TrimSpace(gap) != "" {
			// Withheld words side by side ("lodger Brandon") become one mark.
			b.WriteString(gap)
			b.WriteString(withheldMark)
		}
		last, matched = spans[i+n-1].end, true
		i += n
	}
	if !matched {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// matchAt returns how many words from spans[i] match the longest phrase, or 0.
func (r *redactor) matchAt(s string, spans []span, i int) int {
	for _, p := range r.phrases {
		if i+len(p) > len(spans) {
			continue
		}
		ok := true
		for k, w := range p {
			sp := spans[i+k]
			if !strings.EqualFold(s[sp.start:sp.end], w) {
				ok = false
				break
			}
		}
		if ok {
			return len(p)
		}
	}
	return 0
}

// nameLike reports whether a word of a name field is withheld on its own
// wherever it appears: a capitalised word, or one in a script without
// capitals. Lower-case words and numbers ("nurse", "the", "12" in "Staff
// nurse, Ward 12 (name held by the trust)") are withheld only as part of
// the whole name, or every "the" in the copy would go.
func nameLike(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || unicode.IsTitle(r) || (unicode.IsLetter(r) && !unicode.IsLower(r))
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

func wordSpans(s string) []span {
	var out []span
	start := -1
	for i, r := range s {
		switch {
		case isWordRune(r) && start < 0:
			start = i
		case !isWordRune(r) && start >= 0:
			out = append(out, span{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, span{start, len(s)})
	}
	return out
}

func words(s string) []string {
	var out []string
	for _, sp := range wordSpans(s) {
		out = append(out, s[sp.start:sp.end])
	}
	return out
}

func wordSet(s string) map[string]bool {
	set := make(map[string]bool)
	for _, w := range words(s) {
		set[strings.ToLower(w)] = true
	}
	return set
}
