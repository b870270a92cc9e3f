package cli

import (
	"fmt"
	"strings"

	"msprecords/records"
)

func writeCapacity(t *caseWriter, c *records.Case) {
	t.section("Mental capacity assessments")
	if len(c.Capacity) == 0 {
		t.none()
	}
	for i, m := range c.Capacity {
		t.item(i+1, m.Decision)
		t.date("Date", m.Date)
		t.field("Assessor", m.Assessor)
		t.field("Understand the information", m.Understand)
		t.field("Retain it", m.Retain)
		t.field("Use or weigh it", m.UseOrWeigh)
		t.field("Communicate the decision", m.Communicate)
		t.field("Impairment of the mind or brain", m.Impairment)
		t.field("Causal link", m.CausalLink)
		t.field("Outcome", m.Outcome)
		t.flagIf("Capacity fluctuates", m.Fluctuates)
		t.date("To be seen again by", m.RevisitBy)
		t.date("Seen again on", m.RevisitedOn)
		t.field("Outcome when seen again", m.RevisitOutcome)
		t.field("Risks considered", riskNames(c, m.RisksConsidered))
		t.field("Best-interests decision", m.BestInterests)
		t.field("Consulted", m.Consulted)
		t.field("Less restrictive options", m.LessRestrictive)
		t.field("Supported by", m.SupportedBy)
		t.field("Notes", m.Notes)
	}
}

// riskNames lists the descriptions of the risks with the given ids.
func riskNames(c *records.Case, ids []string) string {
	var names []string
	for _, id := range ids {
		name := "(a risk no longer recorded)"
		for _, r := range c.Risks {
			if r.ID == id {
				name = r.Description
			}
		}
		names = append(names, name)
	}
	return strings.Join(names, "; ")
}

func writeAlleged(t *caseWriter, c *records.Case) {
	t.section("Person alleged to have caused harm")
	if len(c.AllegedPersons) == 0 && len(c.Providers) == 0 {
		t.none()
	}
	for i, a := range c.AllegedPersons {
		t.item(i+1, withNote(a.Name, a.Relationship))
		t.field("Address", a.Address)
		t.field("Telephone", a.Phone)
		t.flag("Lived with the person at the time", a.LivedWithThen)
		t.flag("Lives with the person now", a.LivesWithNow)
		t.flag("Aware of the concern", a.AwareOfConcern)
		t.flag("Also an adult at risk", a.AlsoAdultAtRisk)
		t.flagIf("Linked to a service failure", a.LinkedToServiceFailure)
		t.field("Their views", a.Views)
		t.field("Impact of the concerns on them", a.Impact)
		t.field("Support offered", a.SupportOffered)
		t.field("Outcomes for them", strings.Join(a.Outcomes, "; "))
	}
	if len(c.Providers) > 0 {
		t.blank()
	}
	for _, p := range c.Providers {
		t.field("Service provider", withNote(p.Name, p.Type))
	}
}

func writeAllegations(t *caseWriter, c *records.Case) {
	t.section("Allegations")
	if len(c.Allegations) == 0 {
		t.none()
	}
	for i, a := range c.Allegations {
		t.item(i+1, a.AbuseType)
		t.field("Location of risk", a.Location)
		t.field("Source of risk", withNote(a.Source, a.SourceDetail))
		t.field("What is alleged", a.Description)
		t.field("Risk outcome", a.RiskOutcome)
	}
}

func writeRisks(t *caseWriter, c *records.Case) {
	t.section("Risks and actions")
	if len(c.Risks) == 0 {
		t.none()
	}
	today := records.Today()
	for i, r := range c.Risks {
		t.item(i+1, r.Description)
		t.field("Comes from", r.Source)
		t.field("Likelihood", r.Likelihood)
		t.field("Impact", r.Impact)
		t.field("The person's view", r.PersonView)
		if len(r.Actions) == 0 {
			t.field("Actions", "none recorded")
		} else {
			t.sub("Actions")
		}
		for _, a := range r.Actions {
			t.line(actionLine(c, a, today))
		}
		t.field("Less restrictive options considered", r.LessRestrictive)
		t.field("Why the response is proportionate", r.Proportionality)
		t.field("Evaluated with the person", joinDated(r.Evaluation.Result, r.Evaluation.Date))
		t.field("What the person said", r.Evaluation.PersonSaid)
		t.flagIf("Closed", r.Closed)
	}
}

// actionLine shows one action: what, who, when due, its status.
func actionLine(c *records.Case, a records.Action, today records.Date) string {
	parts := []string{a.What}
	if a.Owner != "" {
		parts = append(parts, "owner "+a.Owner)
	}
	if !a.Due.IsZero() {
		parts = append(parts, "due "+a.Due.String())
	}
	status := a.Status
	if !a.Completed.IsZero() {
		status += " " + a.Completed.String()
	}
	if a.Overdue(today) {
		status += " (OVERDUE)"
	}
	parts = append(parts, strings.TrimSpace(status))
	for _, o := range c.DesiredOutcomes {
		if a.OutcomeID != "" && o.ID == a.OutcomeID {
			parts = append(parts, fmt.Sprintf("serves the outcome %q", o.Text))
		}
	}
	if a.LessRestrictive != "" {
		parts = append(parts, "less restrictive options: "+a.LessRestrictive)
	}
	return strings.Join(parts, "; ")
}

func writeReferrals(t *caseWriter, c *records.Case) {
	t.section("Referrals to partner agencies")
	if len(c.Referrals) == 0 {
		t.none()
	}
	for i, r := range c.Referrals {
		t.item(i+1, strings.Trim(r.Agency+": "+r.Detail, ": "))
		t.date("Need identified", r.Identified)
		t.date("Referred", r.Referred)
		t.field("Time taken", timeTaken(r))
		t.field("Their reference", r.Reference)
		t.field("Response", r.Response)
	}
}

// plural shows a count with its noun: "1 day", "3 days", "2 audit entries".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if k := len(noun); k > 1 && noun[k-1] == 'y' && !strings.ContainsRune("aeiou", rune(noun[k-2])) {
		return fmt.Sprintf("%d %sies", n, noun[:k-1])
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func writeChallenges(t *caseWriter, c *records.Case) {
	t.section("Professional curiosity and challenge")
	if len(c.Challenges) == 0 {
		t.none()
	}
	for i, ch := range c.Challenges {
		t.item(i+1, strings.Trim(ch.Date.String()+": "+ch.By, ": "))
		t.field("What was questioned", ch.What)
		t.field("What came of it", ch.Outcome)
	}
}

func writeOthersAtRisk(t *caseWriter, c *records.Case) {
	o := c.OthersAtRisk
	t.section("Others at risk")
	if o == (records.OthersAtRisk{}) {
		t.none()
		return
	}
	t.flag("Other adults at risk", o.Adults)
	t.flag("Children at risk", o.Children)
	t.flagIf("Children's concern raised", o.ChildrenConcernRaised)
	t.field("Details", o.Details)
}

func writeCaused(t *caseWriter, c *records.Case) {
	k := c.Caused
	t.section("Enquiry caused by the council")
	if k == (records.CausedEnquiry{}) {
		t.none()
		return
	}
	t.field("Organisation asked to enquire", k.Organisation)
	t.field("Type of organisation", k.OrgType)
	t.date("Asked on", k.Requested)
	t.field("Report received", joinDated(yesNo(k.ReportReceived), k.ReportDate))
}

// timeTaken shows how long a referral took from the need being identified.
func timeTaken(r records.AgencyReferral) string {
	switch {
	case r.Identified.IsZero():
		return ""
	case r.Referred.IsZero():
		return "not yet referred"
	case r.DaysTaken() == 0:
		return "the same day"
	}
	return fmt.Sprintf("%s (%s)", plural(r.DaysTaken(), "day"), plural(r.WorkingDaysTaken(), "working day"))
}

// withNote shows "main (note)", or whichever of them is not empty.
func withNote(main, note string) string {
	switch {
	case note == "":
		return main
	case main == "":
		return note
	}
	return main + " (" + note + ")"
}
