package practice

import "msprecords/records"

// The pick-list values the figures depend on, named once.
var (
	decisionNotMet          = records.S42Decisions()[0] // "Not met"
	decisionSentElsewhere   = records.S42Decisions()[3] // "Sent to another council"
	decisionDuplicate       = records.S42Decisions()[4] // "Duplicate concern"
	riskIdentifiedAction    = records.RiskAssessmentOutcomes()[0]
	riskIdentifiedNoAction  = records.RiskAssessmentOutcomes()[1]
	askedOutcomesExpressed  = records.AskedAboutOutcomes()[0]
	capacityNotRecorded     = records.CapacityLacked()[3]
	askedOutcomeNotRecorded = records.AskedAboutOutcomes()[4]
)

// IsConcludedEnquiry reports whether a case is an enquiry concluded in the
// year: closed within it, and an enquiry rather than a concern that never
// became one (the s42 duty not met, sent to another council or a
// duplicate, with no enquiry started).
func IsConcludedEnquiry(c *records.Case, y FinancialYear) bool {
	if !y.Contains(c.Enquiry.Closed) {
		return false
	}
	if !c.Enquiry.Started.IsZero() || c.Decision.EnquiryAnyway.Yes() {
		return true
	}
	switch c.Decision.Decision {
	case decisionNotMet, decisionSentElsewhere, decisionDuplicate:
		return false
	}
	return true
}

// tableCounter counts cases against one pick-list; a case counts at most
// once per label, and values not on the list are not counted.
type tableCounter struct {
	title  string
	labels []string
	counts map[string]int
}

func newCounter(title string, labels []string) *tableCounter {
	return &tableCounter{title: title, labels: labels, counts: make(map[string]int, len(labels))}
}

// add counts a case once for each distinct value of vals.
func (t *tableCounter) add(vals ...string) {
	for i, v := range vals {
		if v == "" || containsBefore(vals, i, v) {
			continue
		}
		t.counts[v]++
	}
}

func containsBefore(vals []string, i int, v string) bool {
	for _, x := range vals[:i] {
		if x == v {
			return true
		}
	}
	return false
}

func (t *tableCounter) table() FigureTable {
	rows := make([]FigureRow, len(t.labels))
	for i, l := range t.labels {
		rows[i] = FigureRow{l, t.counts[l]}
	}
	return FigureTable{Title: t.title, Rows: rows}
}

// figureCounters are the tables in the order of the return.
type figureCounters struct {
	concluded, abuse, location, source, assessment, riskOutcome *tableCounter
	capacity, support, asked, achieved, age                     *tableCounter
}

func newFigureCounters() *figureCounters {
	return &figureCounters{
		concluded:   newCounter(TableConcluded, []string{ConcludedLabel}),
		abuse:       newCounter(TableAbuseType, records.AbuseTypes()),
		location:    newCounter(TableLocation, records.RiskLocations()),
		source:      newCounter(TableSource, records.RiskSources()),
		assessment:  newCounter(TableRiskAssessment, records.RiskAssessmentOutcomes()),
		riskOutcome: newCounter(TableRiskOutcome, records.RiskOutcomes()),
		capacity:    newCounter(TableCapacity, records.CapacityLacked()),
		support:     newCounter(TableCapacitySupport, records.CapacitySupport()),
		asked:       newCounter(TableAskedOutcomes, records.AskedAboutOutcomes()),
		achieved:    newCounter(TableOutcomesAchieved, records.OutcomeAchievement()),
		age:         newCounter(TableAgeBand, records.AgeBands()),
	}
}

func (f *figureCounters) tables() []FigureTable {
	var out []FigureTable
	for _, t := range []*tableCounter{f.concluded, f.abuse, f.location, f.source, f.assessment,
		f.riskOutcome, f.capacity, f.support, f.asked, f.achieved, f.age} {
		out = append(out, t.table())
	}
	return out
}

// ComputeFigures counts the enquiries concluded in a year.
func ComputeFigures(cases []*records.Case, y FinancialYear) Figures {
	f := newFigureCounters()
	for _, c := range cases {
		if IsConcludedEnquiry(c, y) {
			f.count(c)
		}
	}
	return Figures{Year: y, Tables: f.tables()}
}

// count adds one concluded enquiry to every table.
func (f *figureCounters) count(c *records.Case) {
	f.concluded.add(ConcludedLabel)
	n := len(c.Allegations)
	types, locations, sources := make([]string, n), make([]string, n), make([]string, n)
	for i, a := range c.Allegations {
		types[i], locations[i], sources[i] = a.AbuseType, a.Location, orDefault(a.Source, records.NationalSource(a.SourceDetail))
	}
	f.abuse.add(types...) // a case counts once per type, however many allegations share it
	f.location.add(locations...)
	f.source.add(sources...)
	o := c.Outcome
	f.assessment.add(o.RiskAssessmentOutcome)
	if o.RiskAssessmentOutcome == riskIdentifiedAction || o.RiskAssessmentOutcome == riskIdentifiedNoAction {
		f.riskOutcome.add(o.RiskOutcome)
	}
	f.capacity.add(orDefault(o.CapacityLacked, capacityNotRecorded))
	if o.CapacityLacked == lackedCapacityAtClosure {
		f.support.add(o.CapacitySupport)
	}
	f.asked.add(orDefault(o.AskedAboutOutcomes, askedOutcomeNotRecorded))
	if o.AskedAboutOutcomes == askedOutcomesExpressed {
		f.achieved.add(o.OutcomesAchieved)
	}
	f.age.add(AgeBand(c))
}

func orDefault(v, def string) string {
	if v == "" {
		return def
	}
	return v
}

// AgeBand is the SAC age band of the person when the concern was received,
// or "" when their age is not known or under 18.
func AgeBand(c *records.Case) string {
	dob := c.Person.DateOfBirth
	if dob.IsZero() {
		return ""
	}
	age := dob.YearsOn(c.Opened())
	switch {
	case age < 18:
		return ""
	case age < 65:
		return records.AgeBands()[0]
	case age < 75:
		return records.AgeBands()[1]
	case age < 85:
		return records.AgeBands()[2]
	}
	return records.AgeBands()[3]
}
