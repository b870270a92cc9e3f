package cli

import (
	"fmt"
	"strconv"
	"strings"

	"msprecords/records"
)

// writeCase writes the whole of a case as text, part by part, in the order
// of the case view: the person and the engagement with them first.
func writeCase(t *caseWriter, c *records.Case) {
	t.title(c.Reference + ": " + c.Person.Name)
	t.field("Revision", strconv.FormatInt(c.Revision, 10))
	t.field("Created", when(c.Created))
	t.field("Last changed", when(c.Updated))
	for _, part := range []func(*caseWriter, *records.Case){
		writePerson, writeEnquiry, writeReferralIn, writeDecision, writeConsent,
		writeContacts, writeDesiredOutcomes, writeRepresentatives, writeCapacity,
		writeAlleged, writeAllegations, writeRisks, writeReferrals, writeChallenges,
		writeOthersAtRisk, writeCaused, writePlan, writeMeetings, writeOutcome, writeChronology,
	} {
		part(t, c)
	}
}

func writePerson(t *caseWriter, c *records.Case) {
	p := c.Person
	t.section("The person")
	t.field("Name", p.Name)
	t.field("Preferred name", p.PreferredName)
	if !p.DateOfBirth.IsZero() {
		age := ""
		if !p.Deceased {
			age = fmt.Sprintf(" (age %d)", p.DateOfBirth.YearsOn(records.Today()))
		}
		t.field("Date of birth", p.DateOfBirth.String()+age)
	}
	t.field("NHS number", records.FormatNHSNumber(p.NHSNumber))
	t.field("Address", p.Address)
	t.field("Postcode", p.Postcode)
	t.field("Telephone", p.Phone)
	t.field("Gender", p.Gender)
	t.field("Language", p.Language)
	t.flagIf("Interpreter needed", p.InterpreterNeeded)
	t.field("Communication needs", p.CommunicationNeeds)
	t.field("Communication aids", p.CommunicationAids)
	t.field("Diagnosis and conditions", p.Conditions)
	t.field("Primary support reason", p.PrimarySupportReason)
	t.field("Lives with", p.LivesWith)
	t.flagIf("Substantial difficulty in being involved", p.SubstantialDifficulty)
	if p.Deceased {
		t.field("Deceased", strings.TrimSpace("Yes "+p.DateOfDeath.String()))
	}
}

func writeEnquiry(t *caseWriter, c *records.Case) {
	e := c.Enquiry
	t.section("The enquiry")
	t.field("Reference", c.Reference)
	t.field("Type", e.Type)
	t.field("Council reference", e.CouncilReference)
	t.field("Stage", e.Stage)
	t.date("Concern received", e.ConcernReceived)
	t.date("Enquiry started", e.Started)
	t.date("Closed", e.Closed)
	t.field("Lead practitioner", e.LeadPractitioner)
	t.field("Organisation", e.Organisation)
	t.flagIf("Conflicting accounts", e.ConflictingAccounts)
	t.field("The concern, in the referrer's words", e.Concern)
}

func writeReferralIn(t *caseWriter, c *records.Case) {
	r := c.ReferralIn
	t.section("How the concern was received")
	if r == (records.ReferralIn{}) {
		t.none()
		return
	}
	t.date("Date", r.Date)
	t.field("Source", r.Source)
	t.field("How", r.Method)
	t.field("Referrer", strings.Trim(r.ReferrerName+", "+r.ReferrerRole, ", "))
	t.field("Police reference", r.PoliceRef)
	t.field("Incident number", r.IncidentNumber)
}

func writeDecision(t *caseWriter, c *records.Case) {
	d := c.Decision
	t.section("Decision on the s42 duty")
	if d == (records.S42Decision{}) {
		t.none()
		return
	}
	t.date("Date", d.Date)
	t.field("Decided by", d.DecidedBy)
	t.field("(a) Care and support needs", d.CareNeeds)
	t.field("(b) Experiencing or at risk of abuse or neglect", d.AtRisk)
	t.field("(c) Unable to protect themselves", d.UnableToProtect)
	t.field("Reasons where not met", d.ReasonsNotMet)
	t.flagIf("Enquiry anyway", d.EnquiryAnyway)
	t.field("Decision", d.Decision)
	t.field("Otherwise handled as", d.OtherwiseHandling)
}

func writeConsent(t *caseWriter, c *records.Case) {
	k := c.Consent
	t.section("Consent")
	if k == (records.Consent{}) {
		t.none()
		return
	}
	t.field("Consent to the enquiry", joinDated(k.Enquiry, k.EnquiryDate))
	t.field("Consent to share information", joinDated(k.Share, k.ShareDate))
	t.field("Limits", k.Limits)
	t.field("Shared without consent because of", k.OverrideReason)
	t.field("Why", k.OverrideDetail)
}

// joinDated shows "Yes (4 June 2025)".
func joinDated(s string, d records.Date) string {
	if s == "" || d.IsZero() {
		return s
	}
	return s + " (" + d.String() + ")"
}

func writeContacts(t *caseWriter, c *records.Case) {
	t.section("Contacts with the person")
	if len(c.Contacts) == 0 {
		t.none()
	}
	for i, x := range c.Contacts {
		t.item(i+1, strings.Trim(x.Date.String()+": "+x.Method, ": "))
		t.field("Stage", x.Stage)
		t.flag("Spoken to alone", x.SpokenAlone)
		t.field("Why not alone", x.NotAloneReason)
		t.field("Who else was there", x.Present)
		t.field("Aids used", x.AidsUsed)
		t.field("The person's views, wishes and feelings", x.Views)
		t.flagIf("Consent sought", x.ConsentSought)
		t.field("Consent given", x.ConsentGiven)
		t.field("Notes", x.Notes)
		t.field("Recorded by", x.RecordedBy)
	}
}

func writeDesiredOutcomes(t *caseWriter, c *records.Case) {
	t.section("Desired outcomes, in the person's words")
	if len(c.DesiredOutcomes) == 0 {
		t.none()
	}
	for i, o := range c.DesiredOutcomes {
		t.item(i+1, o.Text)
		t.field("Recorded", strings.Trim(o.Recorded.String()+", "+o.Stage, ", "))
		for _, h := range o.History {
			t.line(fmt.Sprintf("Revisited %s (it said before: %q). %s", h.Date, h.Previous, h.Reason))
		}
		t.field("Achieved", o.Achievement)
		t.field("What the person said at evaluation", o.Evaluation)
	}
}

func writeRepresentatives(t *caseWriter, c *records.Case) {
	t.section("Representatives and advocates")
	a := c.Advocacy
	if a != (records.Advocacy{}) {
		t.field("Advocacy offered", yesNo(a.Offered))
		t.field("Response", a.Response)
		t.field("Kind of advocacy", a.Kind)
	}
	if len(c.Representatives) == 0 && a == (records.Advocacy{}) {
		t.none()
	}
	for i, r := range c.Representatives {
		t.item(i+1, r.Kind+": "+r.Name)
		t.field("Organisation", r.Organisation)
		t.field("Telephone", r.Phone)
		t.field("Email", r.Email)
		t.field("Address", r.Address)
		t.field("Involved", span(r.From, r.To))
		t.field("The person agreed", r.PersonAgreed)
		t.flagIf("Paperwork seen", r.PaperworkSeen)
		t.field("Notes", r.Notes)
	}
}

// span shows a period that may be open at either end.
func span(from, to records.Date) string {
	switch {
	case !from.IsZero() && !to.IsZero():
		return "from " + from.String() + " to " + to.String()
	case !from.IsZero():
		return "from " + from.String()
	case !to.IsZero():
		return "until " + to.String()
	}
	return ""
}
