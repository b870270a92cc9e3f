package demo

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"

	"msprecords/records"
)

// Demo data: realistic, clearly fictional enquiries for trying the app,
// training, screenshots, tests and benchmarks. Everything in them is made
// up: names, the council ("Northmoor"), streets, phone numbers in Ofcom's
// drama ranges (01632 960xxx, 07700 900xxx), postcodes in the unused "NM"
// area, e-mail at example.org, and NHS numbers in the never-issued 999 range.
//
// Twelve scenarios are written out by hand, one per case index modulo 12.
// Together they use every value of every pick-list, so Cases(12, seed)
// already covers the whole record; larger sets repeat the scenarios with
// other names and dates. Scenario 0 is the case the MSP dementia audit
// briefing describes. Some scenarios leave gaps in practice on purpose (no
// contact alone, a risk with no action, a slow referral, a capacity
// assessment not revisited) so that the practice check and the audit have
// something to find.

// demoAnchor is the day the demo data is written as of. It is fixed, not
// today, so that a seed always gives the same cases; closed enquiries end
// before it and open ones have actions due either side of it.
var demoAnchor = records.NewDate(2026, time.November, 2)

// demoEarliest is the first day a demo concern may be received.
var demoEarliest = records.NewDate(2024, time.January, 2)

// demoScenarios are the hand-written scenarios, indexed by case number modulo 12.
var demoScenarios = [...]func(g *demoGen){
	demoBriefing, demoSentElsewhere, demoNotMet, demoCareHome, demoDayCentre, demoHospital,
	demoDomestic, demoSelfNeglect, demoDuplicate, demoResidents, demoExploitation, demoScam,
}

// Cases returns n fictional enquiries. The same n and seed always give
// the same cases, and case i does not depend on n, so a small set is the
// start of a large one. IDs are left empty for the store to assign;
// references are "DEMO-<year>-<number>", unique within one call. Every case
// passes Validate as of today.
func Cases(n int, seed int64) []*records.Case {
	return CasesFrom(0, n, seed)
}

// CasesFrom returns cases first to first+n-1 of the set Cases
// would make, without building the ones before: a vault that already holds
// demo cases can be given more with references that do not clash.
func CasesFrom(first, n int, seed int64) []*records.Case {
	out := make([]*records.Case, 0, max(n, 0))
	for i := max(first, 0); i < first+n; i++ {
		out = append(out, demoCase(i, seed))
	}
	return out
}

// demoCase builds case i of the set for seed.
func demoCase(i int, seed int64) *records.Case {
	k := i % len(demoScenarios)
	g := &demoGen{
		r:         rand.New(rand.NewPCG(uint64(seed), uint64(i))),
		c:         &records.Case{Schema: records.SchemaVersion, Chronology: make([]records.ChronologyEntry, 0, 24)},
		canonical: i < len(demoScenarios),
		index:     i,
	}
	g.cast = demoCasts[k]
	if !g.canonical {
		g.vary()
	}
	demoScenarios[k](g)
	g.finish()
	return g.c
}

// demoGen holds the state of one case being built.
type demoGen struct {
	r         *rand.Rand
	c         *records.Case
	cast      demoCast
	canonical bool // the first twelve keep their written names and dates
	index     int
	start     records.Date // the day the concern was received
	lead      string
	minutes   int // spreads the recorded times of chronology entries
}

// demoCast names the person at the centre of a scenario.
type demoCast struct {
	title, first, last, gender string
	age                        int
	ago                        int    // canonical days between the last past event and demoAnchor
	pref                       string // preferred name, if any
}

// open starts the case: it places the concern in time so that the last
// past-dated event (span days after the concern) falls on or before the
// anchor, and fills the person's fixed details.
func (g *demoGen) open(span int, closed bool) {
	ago := g.cast.ago
	if !g.canonical {
		room := demoEarliest.DaysUntil(demoAnchor) - span
		if !closed {
			room = min(room, 240) // open cases are recent
		}
		ago = g.r.IntN(max(room, 1))
	}
	g.start = demoAnchor.AddDays(-span - ago)
	g.lead = demoLeads[g.index%len(demoLeads)]
	g.c.Reference = fmt.Sprintf("DEMO-%d-%04d", g.start.Time().Year(), g.index+1)
	g.person()
	g.c.Enquiry.ConcernReceived = g.start
	g.c.Enquiry.LeadPractitioner = g.lead
	g.c.Enquiry.Organisation = "Northmoor Council Adult Social Care (fictional)"
	g.c.Enquiry.CouncilReference = "NMC-ASC-" + strconv.Itoa(400000+g.r.IntN(99999))
	g.c.ReferralIn.Date = g.start
	g.c.ReferralIn.Method = records.ReferralMethods()[g.index%len(records.ReferralMethods())]
}

// person fills the fixed details of the adult.
func (g *demoGen) person() {
	p := &g.c.Person
	p.Name = g.cast.title + " " + g.cast.first + " " + g.cast.last
	if g.cast.title == "" {
		p.Name = g.cast.first + " " + g.cast.last
	}
	p.PreferredName = g.cast.pref
	p.Gender = g.cast.gender
	birthday := g.start.AddDays(-(g.cast.age*365 + g.cast.age/4 + 40 + g.r.IntN(280)))
	p.DateOfBirth = birthday
	p.NHSNumber = records.DemoNHSNumber(g.r.IntN(1000000))
	p.Address = fmt.Sprintf("%d %s, Northmoor", 1+g.r.IntN(120), demoStreets[g.r.IntN(len(demoStreets))])
	p.Postcode = fmt.Sprintf("NM%d %d%c%c", 1+g.r.IntN(9), g.r.IntN(10), demoPostcodeLetters[g.r.IntN(len(demoPostcodeLetters))], demoPostcodeLetters[g.r.IntN(len(demoPostcodeLetters))])
	p.Phone = fmt.Sprintf("01632 960%03d", g.r.IntN(1000))
	p.Language = "English"
}

// day returns the date n days after the concern was received.
func (g *demoGen) day(n int) records.Date { return g.start.AddDays(n) }

// P is how the person is called in notes: their preferred name or first name.
func (g *demoGen) P() string {
	if g.c.Person.PreferredName != "" {
		return g.c.Person.PreferredName
	}
	return g.cast.first
}

// rel names a relative or acquaintance: the written name in the canonical
// cases, else one drawn from the pools. Relatives share the person's surname
// when family is true.
func (g *demoGen) rel(first, last, gender string, family bool) string {
	if !g.canonical {
		first = g.pick(demoFirstNames(gender))
		last = g.pick(demoSurnames)
	}
	if family {
		last = g.cast.last
	}
	return first + " " + last
}

// vary gives a repeated scenario new names; the rest of the story stays.
func (g *demoGen) vary() {
	if g.cast.cyrillic() {
		n := demoCyrillicNames[g.r.IntN(len(demoCyrillicNames))]
		g.cast.first, g.cast.last, g.cast.pref = n[0], n[1], ""
		return
	}
	g.cast.first = g.pick(demoFirstNames(g.cast.gender))
	g.cast.last = g.pick(demoSurnames)
	g.cast.pref = ""
}

func (g *demoGen) pick(list []string) string { return list[g.r.IntN(len(list))] }

// id returns a random-looking identifier drawn from the case's own
// generator, so that it is the same for the same seed.
func (g *demoGen) id() string {
	const hexDigits = "0123456789abcdef"
	var b [24]byte
	for i := 0; i < len(b); i += 16 {
		v := g.r.Uint64()
		for j := i; j < min(i+16, len(b)); j++ {
			b[j] = hexDigits[v&15]
			v >>= 4
		}
	}
	return string(b[:])
}

// finish normalises the case the way the store would, and dates its
// creation to the concern and its last update to the last note, so that
// the case is the same for the same seed.
func (g *demoGen) finish() {
	records.Normalise(g.c)
	g.c.Created = g.start.Time().Add(9 * time.Hour)
	g.c.Updated = g.c.Created
	if n := len(g.c.Chronology); n > 0 {
		g.c.Updated = g.c.Chronology[n-1].Recorded
	}
}
