package demo

import (
	"sort"
	"time"

	"msprecords/records"
)

// The helpers below add one part of a record to the demo case being built,
// give it an id and write the chronology entry that records it, so that the
// chronology links to contacts, referrals, actions and meetings as a
// practitioner's would.

// addContact appends a contact made day days after the concern.
func (g *demoGen) addContact(day int, ct records.Contact) string {
	ct.ID = g.id()
	ct.Date = g.day(day)
	if ct.RecordedBy == "" {
		ct.RecordedBy = g.lead
	}
	g.c.Contacts = append(g.c.Contacts, ct)
	g.note(ct.Date, "Contact", ct.Notes, ct.ID)
	return ct.ID
}

// addOutcome appends a desired outcome recorded day days after the concern.
func (g *demoGen) addOutcome(day int, o records.DesiredOutcome) string {
	o.ID = g.id()
	o.Recorded = g.day(day)
	g.c.DesiredOutcomes = append(g.c.DesiredOutcomes, o)
	return o.ID
}

// revise is an OutcomeRevision day days after the concern.
func (g *demoGen) revise(day int, previous, reason string) records.OutcomeRevision {
	return records.OutcomeRevision{Date: g.day(day), Previous: previous, Reason: reason}
}

// addRisk appends a risk and its actions, noting every completed action.
func (g *demoGen) addRisk(r records.Risk, actions ...records.Action) string {
	r.ID = g.id()
	for _, a := range actions {
		a.ID = g.id()
		r.Actions = append(r.Actions, a)
		if !a.Completed.IsZero() {
			g.note(a.Completed, "Action", "Action completed: "+a.What+" ("+a.Owner+").", a.ID)
		}
	}
	g.c.Risks = append(g.c.Risks, r)
	return r.ID
}

// act is an action due and (when done >= 0) completed so many days after the concern.
func (g *demoGen) act(what, owner string, due int, status string, done int) records.Action {
	a := records.Action{What: what, Owner: owner, Due: g.day(due), Status: status}
	if done >= 0 {
		a.Completed = g.day(done)
	}
	return a
}

// addReferral appends a referral to a partner agency, identified and
// referred so many days after the concern (referred < 0: not yet referred).
func (g *demoGen) addReferral(identified, referred int, r records.AgencyReferral) string {
	r.ID = g.id()
	r.Identified = g.day(identified)
	note := "Need for referral to " + r.Agency + " identified: " + r.Detail
	if referred >= 0 {
		r.Referred = g.day(referred)
		note = "Referred to " + r.Agency + ": " + r.Detail
	}
	g.c.Referrals = append(g.c.Referrals, r)
	g.note(g.day(max(referred, identified)), "Referral", note, r.ID)
	return r.ID
}

// addMeeting appends a meeting held day days after the concern.
func (g *demoGen) addMeeting(day int, m records.Meeting) {
	m.ID = g.id()
	m.Date = g.day(day)
	g.c.Meetings = append(g.c.Meetings, m)
	if !m.Date.After(demoAnchor) {
		g.note(m.Date, "Meeting", m.Type+" held: "+m.Purpose, m.ID)
	}
}

// addChallenge appends a professional challenge made day days after the concern.
func (g *demoGen) addChallenge(day int, ch records.Challenge) {
	ch.ID = g.id()
	ch.Date = g.day(day)
	g.c.Challenges = append(g.c.Challenges, ch)
	g.note(ch.Date, "Challenge", ch.By+" challenged: "+ch.What+" Outcome: "+ch.Outcome, ch.ID)
}

// addRep appends a representative involved from day from (to < 0: still involved).
func (g *demoGen) addRep(from, to int, r records.Representative) {
	r.ID = g.id()
	r.From = g.day(from)
	if to >= 0 {
		r.To = g.day(to)
	}
	g.c.Representatives = append(g.c.Representatives, r)
}

// addAlleged appends a person alleged to have caused harm.
func (g *demoGen) addAlleged(a records.AllegedPerson) {
	a.ID = g.id()
	g.c.AllegedPersons = append(g.c.AllegedPersons, a)
}

// allege appends an allegation; its national source follows from the finer one.
func (g *demoGen) allege(abuse, location, detail, description, outcome string) {
	g.c.Allegations = append(g.c.Allegations, records.Allegation{
		ID: g.id(), AbuseType: abuse, Location: location, SourceDetail: detail,
		Source: records.NationalSource(detail), Description: description, RiskOutcome: outcome,
	})
}

// addCapacity appends a capacity assessment made day days after the concern.
func (g *demoGen) addCapacity(day int, m records.CapacityAssessment) {
	m.ID = g.id()
	m.Date = g.day(day)
	if m.Assessor == "" {
		m.Assessor = g.lead
	}
	g.c.Capacity = append(g.c.Capacity, m)
	g.note(m.Date, "Capacity", "Mental capacity assessment: "+m.Decision+". "+m.Outcome+".", m.ID)
}

// note appends a chronology entry, recorded later the same day.
func (g *demoGen) note(d records.Date, kind, text, link string) {
	if text == "" {
		return
	}
	g.minutes = (g.minutes + 37) % 480
	g.c.Chronology = append(g.c.Chronology, records.ChronologyEntry{
		ID: g.id(), Date: d, Recorded: d.Time().Add(9*time.Hour + time.Duration(g.minutes)*time.Minute),
		Author: g.lead, Kind: kind, Text: text, Link: link,
	})
}

// correct appends a correction of the chronology entry linked to link.
func (g *demoGen) correct(day int, link, text string) {
	for _, e := range g.c.Chronology {
		if e.Link == link {
			g.note(g.day(day), "Correction", text, link)
			g.c.Chronology[len(g.c.Chronology)-1].Corrects = e.ID
			return
		}
	}
}

// sortChronology puts the entries in date order; a correction is always
// dated after the entry it corrects, so it stays after it.
func (g *demoGen) sortChronology() {
	sort.SliceStable(g.c.Chronology, func(i, j int) bool {
		return g.c.Chronology[i].Date.Before(g.c.Chronology[j].Date)
	})
}

// riskIDs returns the ids of every risk recorded so far.
func (g *demoGen) riskIDs() []string {
	ids := make([]string, len(g.c.Risks))
	for i, r := range g.c.Risks {
		ids[i] = r.ID
	}
	return ids
}
