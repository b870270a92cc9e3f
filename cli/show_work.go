package cli

import (
	"fmt"
	"strings"

	"msprecords/records"
	"msprecords/userwords"
)

func writeCapacity(t *caseWriter, c *records.Case) {
	t.section("Mental capacity assessments")
	if len(c.Capacity) == 0 {
		t.none()
	}
	for i, m := range c.Capacity {
		t.item(i+1, m.Decision)
		t.date("capacity_assessments.date", m.Date)
		t.field("capacity_assessments.assessor", m.Assessor)
		t.field("capacity_assessments.understand", m.Understand)
		t.field("capacity_assessments.retain", m.Retain)
		t.field("capacity_assessments.use_or_weigh", m.UseOrWeigh)
		t.field("capacity_assessments.communicate", m.Communicate)
		t.field("capacity_assessments.impairment", m.Impairment)
		t.field("capacity_assessments.causal_link", m.CausalLink)
		t.field("capacity_assessments.outcome", m.Outcome)
		t.flagIf("capacity_assessments.fluctuates", m.Fluctuates)
		t.date("capacity_assessments.revisit_by", m.RevisitBy)
		t.date("capacity_assessments.revisited_on", m.RevisitedOn)
		t.field("capacity_assessments.revisit_outcome", m.RevisitOutcome)
		t.field("capacity_assessments.risks_considered", riskNames(c, m.RisksConsidered))
		t.field("capacity_assessments.best_interests", m.BestInterests)
		t.field("capacity_assessments.consulted", m.Consulted)
		t.field("capacity_assessments.less_restrictive", m.LessRestrictive)
		t.field("capacity_assessments.supported_by", m.SupportedBy)
		t.field("capacity_assessments.notes", m.Notes)
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
		t.field("alleged_persons.address", a.Address)
		t.field("alleged_persons.phone", a.Phone)
		t.flag("alleged_persons.lived_with_then", a.LivedWithThen)
		t.flag("alleged_persons.lives_with_now", a.LivesWithNow)
		t.flag("alleged_persons.aware_of_concern", a.AwareOfConcern)
		t.flag("alleged_persons.also_adult_at_risk", a.AlsoAdultAtRisk)
		t.flagIf("alleged_persons.linked_to_service_failure", a.LinkedToServiceFailure)
		t.field("alleged_persons.views", a.Views)
		t.field("alleged_persons.impact", a.Impact)
		t.field("alleged_persons.support_offered", a.SupportOffered)
		t.field("alleged_persons.outcomes", strings.Join(a.Outcomes, "; "))
	}
	if len(c.Providers) > 0 {
		t.blank()
	}
	for _, p := range c.Providers {
		t.field("service_providers.name", withNote(p.Name, p.Type))
	}
}

func writeAllegations(t *caseWriter, c *records.Case) {
	t.section("Allegations")
	if len(c.Allegations) == 0 {
		t.none()
	}
	for i, a := range c.Allegations {
		t.item(i+1, a.AbuseType)
		t.field("allegations.location", a.Location)
		t.field("allegations.source", withNote(a.Source, a.SourceDetail))
		t.field("allegations.description", a.Description)
		t.field("allegations.risk_outcome", a.RiskOutcome)
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
		t.field("risks.source", r.Source)
		t.field("risks.likelihood", r.Likelihood)
		t.field("risks.impact", r.Impact)
		t.field("risks.person_view", r.PersonView)
		if len(r.Actions) == 0 {
			t.labelled("Actions", "none recorded")
		} else {
			t.sub("Actions")
		}
		for _, a := range r.Actions {
			t.line(actionLine(c, a, today))
		}
		t.field("risks.less_restrictive", r.LessRestrictive)
		t.field("risks.proportionality", r.Proportionality)
		t.date("risks.evaluation.date", r.Evaluation.Date)
		t.field("risks.evaluation.result", r.Evaluation.Result)
		t.field("risks.evaluation.person_said", r.Evaluation.PersonSaid)
		if r.Closed {
			t.field("risks.closed", records.Yes.String())
		}
	}
}

// actionLine shows one action: what, who, when due, its status.
func actionLine(c *records.Case, a records.Action, today records.Date) string {
	parts := []string{a.What}
	if a.Owner != "" {
		parts = append(parts, inline("risks.actions.owner")+" "+a.Owner)
	}
	if !a.Due.IsZero() {
		parts = append(parts, inline("risks.actions.due")+" "+a.Due.String())
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
		parts = append(parts, inline("risks.actions.less_restrictive")+": "+a.LessRestrictive)
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
		t.date("referrals.identified", r.Identified)
		t.date("referrals.referred", r.Referred)
		t.labelled("Time taken", timeTaken(r))
		t.field("referrals.reference", r.Reference)
		t.field("referrals.response", r.Response)
	}
}

// plural shows a count with its noun (userwords.Plural).
func plural(n int, noun string) string { return userwords.Plural(n, noun) }

func writeChallenges(t *caseWriter, c *records.Case) {
	t.section("Professional curiosity and challenge")
	if len(c.Challenges) == 0 {
		t.none()
	}
	for i, ch := range c.Challenges {
		t.item(i+1, strings.Trim(ch.Date.String()+": "+ch.By, ": "))
		t.field("challenges.what", ch.What)
		t.field("challenges.outcome", ch.Outcome)
	}
}

func writeOthersAtRisk(t *caseWriter, c *records.Case) {
	o := c.OthersAtRisk
	t.section("Others at risk")
	if o == (records.OthersAtRisk{}) {
		t.none()
		return
	}
	t.flag("others_at_risk.adults", o.Adults)
	t.flag("others_at_risk.children", o.Children)
	t.flagIf("others_at_risk.children_concern_raised", o.ChildrenConcernRaised)
	t.field("others_at_risk.details", o.Details)
}

func writeCaused(t *caseWriter, c *records.Case) {
	k := c.Caused
	t.section("Enquiry caused by the council")
	if k == (records.CausedEnquiry{}) {
		t.none()
		return
	}
	t.field("caused_enquiry.organisation", k.Organisation)
	t.field("caused_enquiry.organisation_type", k.OrgType)
	t.date("caused_enquiry.requested", k.Requested)
	t.field("caused_enquiry.report_received", joinDated(k.ReportReceived.String(), k.ReportDate))
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
