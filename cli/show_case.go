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
	t.field("revision", strconv.FormatInt(c.Revision, 10))
	t.field("created", when(c.Created))
	t.field("updated", when(c.Updated))
	for _, part := range []func(*caseWriter, *records.Case){
		writePerson, writeEnquiry, writeReferralIn, writeDecision, writeConsent,
		writeContacts, writeDesiredOutcomes, writeRepresentatives, writeCapacity,
		writeAlleged, writeAllegations, writeRisks, writeReferrals, writeChallenges,
		writeOthersAtRisk, writeCaused, writePlan, writeMeetings, writeOutcome, writeSignOffs, writeChronology,
	} {
		part(t, c)
	}
}

func writePerson(t *caseWriter, c *records.Case) {
	p := c.Person
	t.section("The person")
	t.field("person.name", p.Name)
	t.field("person.preferred_name", p.PreferredName)
	if !p.DateOfBirth.IsZero() {
		age := ""
		if !p.Deceased {
			age = fmt.Sprintf(" (age %d)", p.DateOfBirth.YearsOn(records.Today()))
		}
		t.field("person.date_of_birth", p.DateOfBirth.String()+age)
	}
	t.field("person.nhs_number", records.FormatNHSNumber(p.NHSNumber))
	t.field("person.address", p.Address)
	t.field("person.postcode", p.Postcode)
	t.field("person.phone", p.Phone)
	t.field("person.gender", p.Gender)
	t.field("person.language", p.Language)
	t.flagIf("person.interpreter_needed", p.InterpreterNeeded)
	t.field("person.communication_needs", p.CommunicationNeeds)
	t.field("person.communication_aids", p.CommunicationAids)
	t.field("person.conditions", p.Conditions)
	t.field("person.primary_support_reason", p.PrimarySupportReason)
	t.field("person.lives_with", p.LivesWith)
	t.flagIf("person.substantial_difficulty", p.SubstantialDifficulty)
	if p.Deceased {
		t.field("person.deceased", records.Yes.String())
	}
	t.date("person.date_of_death", p.DateOfDeath)
}

func writeEnquiry(t *caseWriter, c *records.Case) {
	e := c.Enquiry
	t.section("The enquiry")
	t.field("reference", c.Reference)
	t.field("enquiry.type", e.Type)
	t.field("enquiry.council_reference", e.CouncilReference)
	t.field("enquiry.stage", e.Stage)
	t.date("enquiry.concern_received", e.ConcernReceived)
	t.date("enquiry.started", e.Started)
	t.date("enquiry.closed", e.Closed)
	if c.AwaitingSignOff() {
		t.labelled("Sign-off", records.AwaitingSignOffText)
	}
	t.field("enquiry.lead_practitioner", e.LeadPractitioner)
	t.field("enquiry.organisation", e.Organisation)
	t.flagIf("enquiry.conflicting_accounts", e.ConflictingAccounts)
	t.field("enquiry.concern", e.Concern)
}

func writeReferralIn(t *caseWriter, c *records.Case) {
	r := c.ReferralIn
	t.section("How the concern was received")
	if r == (records.ReferralIn{}) {
		t.none()
		return
	}
	t.date("referral_in.date", r.Date)
	t.field("referral_in.source", r.Source)
	t.field("referral_in.method", r.Method)
	t.field("referral_in.referrer_name", r.ReferrerName)
	t.field("referral_in.referrer_role", r.ReferrerRole)
	t.field("referral_in.police_reference", r.PoliceRef)
	t.field("referral_in.incident_number", r.IncidentNumber)
}

func writeDecision(t *caseWriter, c *records.Case) {
	d := c.Decision
	t.section("Decision on the s42 duty")
	if d == (records.S42Decision{}) {
		t.none()
		return
	}
	t.date("s42_decision.date", d.Date)
	t.field("s42_decision.decided_by", d.DecidedBy)
	t.field("s42_decision.care_and_support_needs", d.CareNeeds)
	t.field("s42_decision.experiencing_or_at_risk", d.AtRisk)
	t.field("s42_decision.unable_to_protect", d.UnableToProtect)
	t.field("s42_decision.reasons_not_met", d.ReasonsNotMet)
	t.flagIf("s42_decision.enquiry_anyway", d.EnquiryAnyway)
	t.field("s42_decision.decision", d.Decision)
	t.field("s42_decision.other_handling", d.OtherwiseHandling)
}

func writeConsent(t *caseWriter, c *records.Case) {
	k := c.Consent
	t.section("Consent")
	if k == (records.Consent{}) {
		t.none()
		return
	}
	t.field("consent.enquiry", joinDated(k.Enquiry, k.EnquiryDate))
	t.field("consent.share", joinDated(k.Share, k.ShareDate))
	t.field("consent.limits", k.Limits)
	t.field("consent.override_reason", k.OverrideReason)
	t.field("consent.override_detail", k.OverrideDetail)
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
		t.field("contacts.stage", x.Stage)
		t.flag("contacts.spoken_alone", x.SpokenAlone)
		t.field("contacts.not_alone_reason", x.NotAloneReason)
		t.field("contacts.present", x.Present)
		t.field("contacts.aids_used", x.AidsUsed)
		t.field("contacts.views", x.Views)
		t.field("contacts.communicated", strings.Join(x.Communicated, ", "))
		t.field("contacts.helped_by", x.HelpedBy)
		t.field("contacts.shown", x.Shown)
		t.flagIf("contacts.consent_sought", x.ConsentSought)
		t.field("contacts.consent_given", x.ConsentGiven)
		t.field("contacts.notes", x.Notes)
		t.field("contacts.recorded_by", x.RecordedBy)
	}
}

func writeDesiredOutcomes(t *caseWriter, c *records.Case) {
	t.section("Desired outcomes, in the person's words")
	if len(c.DesiredOutcomes) == 0 {
		t.none()
	}
	for i, o := range c.DesiredOutcomes {
		t.item(i+1, o.Text)
		t.date("desired_outcomes.recorded", o.Recorded)
		t.field("desired_outcomes.stage", o.Stage)
		for _, h := range o.History {
			t.line(fmt.Sprintf("Revisited %s (it said before: %q). %s", h.Date, h.Previous, h.Reason))
		}
		t.field("desired_outcomes.achievement", o.Achievement)
		t.field("desired_outcomes.evaluation", o.Evaluation)
	}
}

func writeRepresentatives(t *caseWriter, c *records.Case) {
	t.section("Representatives and advocates")
	a := c.Advocacy
	if a != (records.Advocacy{}) {
		t.flag("advocacy.offered", a.Offered)
		t.field("advocacy.response", a.Response)
		t.field("advocacy.kind", a.Kind)
	}
	if len(c.Representatives) == 0 && a == (records.Advocacy{}) {
		t.none()
	}
	for i, r := range c.Representatives {
		t.item(i+1, r.Kind+": "+r.Name)
		t.field("representatives.relationship", r.Relationship)
		t.field("representatives.organisation", r.Organisation)
		t.field("representatives.phone", r.Phone)
		t.field("representatives.email", r.Email)
		t.field("representatives.address", r.Address)
		t.date("representatives.from", r.From)
		t.date("representatives.to", r.To)
		t.field("representatives.person_agreed", r.PersonAgreed)
		t.flagIf("representatives.paperwork_seen", r.PaperworkSeen)
		t.field("representatives.notes", r.Notes)
	}
}
