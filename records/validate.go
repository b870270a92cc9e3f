package records

import (
	"fmt"
	"strings"
)

// Problem is one thing wrong with a record, worded for a practitioner in the
// GOV.UK style, with the field it belongs to (e.g. "referrals[2].referred").
type Problem struct {
	Field   string
	Message string
}

func (p Problem) Error() string { return p.Message }

// ValidationError lists every problem found in a case.
type ValidationError struct {
	Problems []Problem
}

func (e *ValidationError) Error() string {
	msgs := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		msgs[i] = p.Message
	}
	return "the case cannot be saved: " + strings.Join(msgs, "; ")
}

type checker struct {
	today    Date
	problems []Problem
}

func (k *checker) add(field, format string, args ...any) {
	k.problems = append(k.problems, Problem{field, fmt.Sprintf(format, args...)})
}

func (k *checker) required(field, value, what string) {
	if strings.TrimSpace(value) == "" {
		k.add(field, "Enter %s", what)
	}
}

func (k *checker) notFuture(field string, d Date, what string) {
	if d.After(k.today) {
		k.add(field, "%s must be today or in the past", what)
	}
}

func (k *checker) order(field string, first, second Date, firstName, secondName string) {
	if !first.IsZero() && !second.IsZero() && second.Before(first) {
		k.add(field, "%s must be the same as or after the %s", secondName, strings.ToLower(firstName[:1])+firstName[1:])
	}
}

func (k *checker) oneOf(field, value string, list []string, what string) {
	if value != "" && !Contains(list, value) {
		k.add(field, "Select %s from the list", what)
	}
}

// Normalise tidies what people type in different styles (NHS numbers,
// postcodes, surrounding spaces) without changing its meaning. Values that
// cannot be tidied are left for Validate to report.
func Normalise(c *Case) {
	c.Reference = strings.TrimSpace(c.Reference)
	c.Person.Name = strings.TrimSpace(c.Person.Name)
	if n, err := NormaliseNHSNumber(c.Person.NHSNumber); err == nil {
		c.Person.NHSNumber = n
	}
	if p, err := NormalisePostcode(c.Person.Postcode); err == nil {
		c.Person.Postcode = p
	}
	for i := range c.Allegations {
		if s := NationalSource(c.Allegations[i].SourceDetail); s != "" {
			c.Allegations[i].Source = s
		}
	}
}

// Validate checks a case as of a given day and returns nil or a
// *ValidationError listing every problem, including the limits of
// limits.go: what each text field may hold, how long lists may grow, and
// the revision.
func Validate(c *Case, today Date) error {
	k := &checker{today: today}
	k.required("reference", c.Reference, "the case reference")
	k.required("person.name", c.Person.Name, "the person's full name")
	checkPerson(k, &c.Person)
	checkEnquiry(k, c)
	checkEntries(k, c)
	checkLimits(k, c)
	if len(k.problems) == 0 {
		return nil
	}
	return &ValidationError{k.problems}
}

func checkPerson(k *checker, p *Person) {
	k.notFuture("person.date_of_birth", p.DateOfBirth, "Date of birth")
	if _, err := NormaliseNHSNumber(p.NHSNumber); err != nil {
		k.add("person.nhs_number", "Enter a real NHS number, like 999 123 4560")
	}
	if _, err := NormalisePostcode(p.Postcode); err != nil {
		k.add("person.postcode", "Enter a real postcode, like SW1A 1AA")
	}
	k.order("person.date_of_death", p.DateOfBirth, p.DateOfDeath, "Date of birth", "Date of death")
}

func checkEnquiry(k *checker, c *Case) {
	e := &c.Enquiry
	k.oneOf("enquiry.type", e.Type, enquiryTypes, "the type of enquiry")
	k.oneOf("enquiry.stage", e.Stage, stages, "the stage")
	k.notFuture("enquiry.concern_received", e.ConcernReceived, "Date concern received")
	k.order("enquiry.started", e.ConcernReceived, e.Started, "Date concern received", "Date enquiry started")
	k.order("enquiry.closed", e.ConcernReceived, e.Closed, "Date concern received", "Date closed")
	k.notFuture("enquiry.closed", e.Closed, "Date closed")
	o := &c.Outcome
	k.oneOf("outcome.finding", o.Finding, findings, "the finding")
	k.oneOf("outcome.risk_assessment_outcome", o.RiskAssessmentOutcome, riskAssessmentOutcomes, "the risk assessment outcome")
	k.oneOf("outcome.risk_outcome", o.RiskOutcome, riskOutcomes, "the risk outcome")
	k.oneOf("outcome.capacity_lacked", o.CapacityLacked, capacityLacked, "whether the person lacked capacity")
	k.oneOf("outcome.asked_about_outcomes", o.AskedAboutOutcomes, askedAboutOutcomes, "whether the person was asked about outcomes")
	k.oneOf("outcome.outcomes_achieved", o.OutcomesAchieved, outcomeAchievement, "whether outcomes were achieved")
}

func checkEntries(k *checker, c *Case) {
	for i, ct := range c.Contacts {
		f := fmt.Sprintf("contacts[%d]", i)
		if ct.Date.IsZero() {
			k.add(f+".date", "Enter the date of contact")
		}
		k.notFuture(f+".date", ct.Date, "Date of contact")
		k.oneOf(f+".method", ct.Method, contactMethods, "how the contact was made")
		checkCommunicated(k, f, ct.Communicated)
	}
	for i, r := range c.Referrals {
		f := fmt.Sprintf("referrals[%d]", i)
		k.oneOf(f+".agency", r.Agency, agencies, "the agency")
		if r.Agency == "" {
			k.add(f+".agency", "Select the agency referred to")
		}
		if r.Identified.IsZero() {
			k.add(f+".identified", "Enter the date the need for the referral was identified")
		}
		k.order(f+".referred", r.Identified, r.Referred, "Date identified", "Date referred")
	}
	for i, a := range c.Allegations {
		f := fmt.Sprintf("allegations[%d]", i)
		k.oneOf(f+".abuse_type", a.AbuseType, abuseTypes, "the type of abuse")
		k.oneOf(f+".location", a.Location, riskLocations, "the location of risk")
		k.oneOf(f+".source", a.Source, riskSources, "the source of risk")
	}
	for i, r := range c.Risks {
		f := fmt.Sprintf("risks[%d]", i)
		k.required(f+".description", r.Description, "a description of the risk")
		k.oneOf(f+".evaluation.result", r.Evaluation.Result, riskEvaluations, "the result of the evaluation")
		for j, a := range r.Actions {
			k.required(fmt.Sprintf("%s.actions[%d].what", f, j), a.What, "what the action is")
		}
	}
	for i, m := range c.Capacity {
		f := fmt.Sprintf("capacity_assessments[%d]", i)
		k.required(f+".decision", m.Decision, "the decision the assessment is about")
		k.notFuture(f+".date", m.Date, "Date of assessment")
		k.order(f+".revisited_on", m.Date, m.RevisitedOn, "Date of assessment", "Date revisited")
	}
	checkChronologyLinks(k, c.Chronology)
	checkSignOffs(k, c.SignOffs)
}

// checkCommunicated refuses any way of communicating that is not in the
// pick-list, an empty one included, since the window only ever stores ways
// from the list and anything else came from a file.
func checkCommunicated(k *checker, contact string, ways []string) {
	for j, w := range ways {
		if !Contains(communicationWays, w) {
			k.add(fmt.Sprintf("%s.communicated[%d]", contact, j), "Select how the person communicated from the list")
		}
	}
}

func checkChronologyLinks(k *checker, entries []ChronologyEntry) {
	seen := make(map[string]bool, len(entries))
	for i, e := range entries {
		f := fmt.Sprintf("chronology[%d]", i)
		k.required(f+".text", e.Text, "what happened")
		if e.Corrects != "" && !seen[e.Corrects] {
			k.add(f+".corrects", "A correction must refer to an earlier entry")
		}
		seen[e.ID] = true
	}
}

// CheckAppendOnly reports an error when next does not keep every entry of
// prev's chronology unchanged and in order: notes are never silently
// rewritten; a correction is a new entry.
func CheckAppendOnly(prev, next []ChronologyEntry) error {
	if len(next) < len(prev) {
		return fmt.Errorf("%w: an entry was removed", ErrChronologyRewritten)
	}
	for i := range prev {
		if prev[i] != next[i] {
			return fmt.Errorf("%w: entry of %s was changed", ErrChronologyRewritten, prev[i].Date)
		}
	}
	return nil
}
