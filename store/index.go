package store

import (
	"bytes"
	"cmp"
	"slices"
	"strings"
	"sync"

	badger "github.com/dgraph-io/badger/v4"

	"msprecords/practice"
	"msprecords/records"
)

// Summary is one line of the case list: enough to find and pick a case
// without decrypting its document.
type Summary struct {
	ID, Reference, Name, PreferredName, Stage string
	DateOfBirth, Opened, Closed               records.Date
	IsClosed, Overdue                         bool // Overdue: an open action is past its due date
	Gaps                                      int  // practice-check gaps

	// Restricted cases (restricted.go) name the lead who restricted them.
	// Sealed means restricted to others: this user sees only the reference,
	// stage, dates and lead, and no name.
	Restricted, Sealed bool
	Lead               string
}

// Query selects summaries. Text matches, ignoring case, when every word of
// it appears in the name, preferred name, reference, NHS number, council
// reference or the case's notes (contacts, chronology, the concern). Open and
// Closed both set, or both unset, mean either.
type Query struct {
	Text, Stage                         string
	Open, Closed, OverdueOnly, GapsOnly bool
}

// indexEntry is a summary with what the index needs to filter it. Its
// search words are read at the first search (loadTexts), so that unlocking decodes
// only the compact summaries.
type indexEntry struct {
	sum      Summary      // Overdue is worked out when read, as it changes at midnight
	refKey   string       // the reference as compared: upper case
	firstDue records.Date // the earliest due date of an open action, or zero
	text     string       // the case's distinct search words (see searchText), once hasText
	hasText  bool         // guarded by index.mu once the entry is in the index
}

// index is the in-memory list of summaries, sorted by reference. The GUI
// reads it from several goroutines while a save updates it.
type index struct {
	mu     sync.RWMutex
	byID   map[string]*indexEntry
	byRef  map[string]string // refKey to id
	sorted []*indexEntry
	gen    uint64 // bumped by load and reset, so that a text loader of an older index stops
	loader bool   // a text loader was started for this generation
}

func referenceKey(ref string) string { return strings.ToUpper(strings.TrimSpace(ref)) }

func compareEntries(a, b *indexEntry) int {
	return cmp.Or(strings.Compare(a.refKey, b.refKey), strings.Compare(a.sum.ID, b.sum.ID))
}

// summarise builds the index entry of a case and its searchable text; its
// gaps are those the practice check finds with rules.
func summarise(c *records.Case, rules practice.Options) (*indexEntry, string) {
	e := &indexEntry{
		sum: Summary{
			ID: c.ID, Reference: c.Reference, Name: c.Person.Name, PreferredName: c.Person.PreferredName,
			Stage: c.Enquiry.Stage, DateOfBirth: c.Person.DateOfBirth, Opened: c.Opened(),
			Closed: c.Enquiry.Closed, IsClosed: c.IsClosed(), Gaps: practice.CountGaps(c, rules),
		},
		refKey:   referenceKey(c.Reference),
		firstDue: firstOpenDue(c),
	}
	e.text, e.hasText = searchText(c), true
	return e, e.text
}

// firstOpenDue returns the earliest due date among open actions. An action
// is overdue on a day exactly when it is open, has a due date, and that date
// has passed; Action.Overdue on the day after the due date says whether it
// is open, so the rule of what counts as open stays in one place.
func firstOpenDue(c *records.Case) records.Date {
	var first records.Date
	for _, r := range c.Risks {
		for _, a := range r.Actions {
			if a.Due.IsZero() || !a.Overdue(a.Due.AddDays(1)) {
				continue
			}
			if first.IsZero() || a.Due.Before(first) {
				first = a.Due
			}
		}
	}
	return first
}

// searchText is what Search looks through: the distinct words, in lower
// case, of the reference, names, NHS number, council reference, concern,
// contacts and chronology, each once, separated by newlines. A query word
// holds no space, so it is in the full text exactly when it is in one of
// its words: keeping each word once loses no match.
func searchText(c *records.Case) string {
	var b strings.Builder
	seen := map[string]bool{}
	add := func(s string) {
		for _, w := range strings.Fields(strings.ToLower(s)) {
			if !seen[w] {
				seen[w] = true
				b.WriteString(w)
				b.WriteByte('\n')
			}
		}
	}
	add(c.Reference)
	add(c.Person.Name)
	add(c.Person.PreferredName)
	add(c.Person.NHSNumber)
	add(c.Enquiry.CouncilReference)
	add(c.Enquiry.Concern)
	for i := range c.Contacts {
		add(c.Contacts[i].Views)
		add(c.Contacts[i].Shown)
		add(c.Contacts[i].Notes)
	}
	for i := range c.Chronology {
		add(c.Chronology[i].Text)
	}
	return b.String()
}

// summary returns the entry's Summary as of today.
func (e *indexEntry) summary(today records.Date) Summary {
	s := e.sum
	s.Overdue = !e.firstDue.IsZero() && e.firstDue.Before(today)
	return s
}

func (x *index) reset() {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.byID, x.byRef, x.sorted = nil, nil, nil
	x.gen++
	x.loader = false
}

// load replaces the whole index at once, as at open.
func (x *index) load(entries []*indexEntry) {
	slices.SortFunc(entries, compareEntries)
	byID := make(map[string]*indexEntry, len(entries))
	byRef := make(map[string]string, len(entries))
	for _, e := range entries {
		byID[e.sum.ID] = e
		byRef[e.refKey] = e.sum.ID
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	for _, e := range entries { // texts already read stay: a save updates them in the index too
		if old, ok := x.byID[e.sum.ID]; ok && old.hasText && !e.hasText {
			e.text, e.hasText = old.text, true
		}
	}
	x.byID, x.byRef, x.sorted = byID, byRef, entries
	x.gen++
	x.loader = false
}

// setTexts gives entries of index generation gen their search words, unless
// a save has given them newer ones. It reports false if the index was
// replaced meanwhile.
func (x *index) setTexts(gen uint64, texts map[string]string) bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.gen != gen {
		return false
	}
	for id, t := range texts {
		if e, ok := x.byID[id]; ok && !e.hasText {
			e.text, e.hasText = t, true
		}
	}
	return true
}

// startLoader reports whether a text loader should start for the current
// generation, and which: once per generation, and not for an empty index.
func (x *index) startLoader() (uint64, bool) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.loader || len(x.sorted) == 0 {
		return 0, false
	}
	x.loader = true
	return x.gen, true
}

// put adds or replaces the entry of one case.
func (x *index) put(e *indexEntry) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.removeLocked(e.sum.ID)
	if x.byID == nil {
		x.byID, x.byRef = map[string]*indexEntry{}, map[string]string{}
	}
	i, _ := slices.BinarySearchFunc(x.sorted, e, compareEntries)
	x.sorted = slices.Insert(x.sorted, i, e)
	x.byID[e.sum.ID] = e
	x.byRef[e.refKey] = e.sum.ID
}

func (x *index) remove(id string) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.removeLocked(id)
}

func (x *index) removeLocked(id string) {
	old, ok := x.byID[id]
	if !ok {
		return
	}
	if i, found := slices.BinarySearchFunc(x.sorted, old, compareEntries); found {
		x.sorted = slices.Delete(x.sorted, i, i+1)
	}
	delete(x.byID, id)
	if x.byRef[old.refKey] == id {
		delete(x.byRef, old.refKey)
	}
}

func (x *index) count() int {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return len(x.sorted)
}

func (x *index) get(id string) (*indexEntry, bool) {
	x.mu.RLock()
	defer x.mu.RUnlock()
	e, ok := x.byID[id]
	return e, ok
}

// idByReference returns the id of the case with a reference, ignoring case.
func (x *index) idByReference(ref string) (string, bool) {
	x.mu.RLock()
	defer x.mu.RUnlock()
	id, ok := x.byRef[referenceKey(ref)]
	return id, ok
}

// Summaries returns every case's summary, sorted by reference.
func (s *Store) Summaries() []Summary {
	return s.Search(Query{})
}

// Search returns the summaries that match q, sorted by reference. It reads
// the in-memory index; the first search for words after open reads them
// from the store and starts loading them into the index (loadTexts), and
// until that is done searches read the words not yet loaded from the store.
func (s *Store) Search(q Query) []Summary {
	words := strings.Fields(strings.ToLower(q.Text))
	today := records.Today()
	var out []Summary
	var later []int // indexes in out of summaries whose words are not in memory yet
	s.idx.mu.RLock()
	out = make([]Summary, 0, len(s.idx.sorted))
	for _, e := range s.idx.sorted {
		sum := e.summary(today)
		switch {
		case !q.matches(sum):
		case len(words) == 0 || e.hasText && hasWords(e.text, words):
			out = append(out, sum)
		case !e.hasText:
			later = append(later, len(out))
			out = append(out, sum)
		}
	}
	s.idx.mu.RUnlock()
	if len(later) == 0 {
		return out
	}
	ids := make([]string, len(later))
	for i, j := range later {
		ids[i] = out[j].ID
	}
	found := s.textMatches(ids, words)
	s.loadTexts() // the next search finds the words in memory
	drop := map[int]bool{}
	for i, j := range later {
		if !found[i] {
			drop[j] = true
		}
	}
	kept := out[:0]
	for j, sum := range out {
		if !drop[j] {
			kept = append(kept, sum)
		}
	}
	return kept
}

// textMatches reports, for each of ids, whether its searchable text holds
// every word. A text that cannot be read (a store closed meanwhile, a
// damaged record) counts as the case's reference and names only.
func (s *Store) textMatches(ids []string, words []string) []bool {
	found := make([]bool, len(ids))
	pos := make(map[string]int, len(ids))
	for i, id := range ids {
		pos[id] = i
	}
	read := make([]bool, len(ids))
	if db, err := s.use(); err == nil {
		_ = view(db, func(txn *badger.Txn) error {
			return eachText(txn, func() bool { return false }, func(id string, text []byte) {
				if i, ok := pos[id]; ok {
					found[i], read[i] = hasWordsIn(text, words), true
				}
			})
		})
		s.done()
	}
	for i, id := range ids {
		if !read[i] {
			found[i] = s.compactMatches(id, words)
		}
	}
	return found
}

// compactMatches is the search of one case's in-memory fields alone.
func (s *Store) compactMatches(id string, words []string) bool {
	e, ok := s.idx.get(id)
	if !ok {
		return false
	}
	t := strings.ToLower(e.sum.Reference + "\n" + e.sum.Name + "\n" + e.sum.PreferredName)
	return hasWords(t, words)
}

func (q Query) matches(s Summary) bool {
	switch {
	case q.Stage != "" && s.Stage != q.Stage,
		q.Open && !q.Closed && s.IsClosed,
		q.Closed && !q.Open && !s.IsClosed,
		q.OverdueOnly && !s.Overdue,
		q.GapsOnly && s.Gaps == 0:
		return false
	}
	return true
}

func hasWords(text string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}

func hasWordsIn(text []byte, words []string) bool {
	for _, w := range words {
		if !bytes.Contains(text, []byte(w)) {
			return false
		}
	}
	return true
}
