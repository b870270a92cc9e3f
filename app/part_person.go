package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"msprecords/records"
)

// personPart is the Person & engagement screen: the person, the enquiry's
// own facts, and the work with the person (contacts, desired outcomes), in
// sub-tabs so each stays short enough to read.
type personPart struct {
	v   *caseView
	tab int // the sub-tab shown, kept when the part is rebuilt

	details    *form // the person
	enquiry    *form // the enquiry's own facts
	referral   *form // referral in and the s42 decision
	consent    *form // consent, others at risk, caused enquiry
	plan       *form // the safeguarding plan's review
	allegation *entryList
	contacts   *entryList
	outcomes   *entryList
	meetings   *entryList
	challenges *entryList

	attendees  *cardList      // of the selected meeting
	outcomeDlg *outcomeDialog // the rewording or confirming dialog last opened
	tabs       *container.AppTabs
}

func newPersonPart(v *caseView) *personPart {
	p := &personPart{v: v}
	p.allegation = p.newAllegations()
	p.contacts = p.newContacts()
	p.outcomes = p.newOutcomes()
	p.meetings = p.newMeetings()
	p.challenges = p.newChallenges()
	return p
}

// Sub-tab names of the Person & engagement screen.
const (
	tabPerson      = "The person"
	tabEnquiry     = "The enquiry"
	tabReferral    = "Referral & s42 decision"
	tabConsent     = "Consent & others at risk"
	tabAllegations = "Allegations"
	tabContacts    = "Contacts"
	tabOutcomes    = "Desired outcomes"
	tabPlan        = "Plan & meetings"
	tabChallenge   = "Professional curiosity"
)

func (p *personPart) build() fyne.CanvasObject {
	p.details, p.enquiry, p.referral, p.consent, p.plan = p.personForm(), p.enquiryForm(), p.referralForm(), p.consentForm(), p.planForm()
	p.tabs = container.NewAppTabs(
		container.NewTabItem(tabPerson, scrolled(p.details)),
		container.NewTabItem(tabEnquiry, scrolled(p.enquiry)),
		container.NewTabItem(tabReferral, scrolled(p.referral)),
		container.NewTabItem(tabConsent, scrolled(p.consent)),
		container.NewTabItem(tabAllegations, p.allegation.build()),
		container.NewTabItem(tabContacts, p.contacts.build()),
		container.NewTabItem(tabOutcomes, p.outcomes.build()),
		container.NewTabItem(tabPlan, container.NewBorder(p.plan.object(), nil, nil, nil, p.meetings.build())),
		container.NewTabItem(tabChallenge, p.challenges.build()),
	)
	// Down the side, so that all nine are in view and the open one is
	// marked: along the top, six of them went behind an overflow button.
	p.tabs.SetTabLocation(container.TabLocationLeading)
	p.tabs.SelectIndex(p.tab)
	p.tabs.OnSelected = func(*container.TabItem) { p.tab = p.tabs.SelectedIndex() }
	return p.tabs
}

// showTab selects a sub-tab by name.
func (p *personPart) showTab(name string) {
	for i, t := range p.tabs.Items {
		if t.Text == name {
			p.tabs.SelectIndex(i)
			p.tab = i
		}
	}
}

// scrolled lays a form out in a padded vertical scroll.
func scrolled(f *form) fyne.CanvasObject {
	return container.NewVScroll(container.NewPadded(f.object()))
}

func (p *personPart) personForm() *form {
	f, ps := newForm(p.v), &p.v.c.Person
	f.text("person.name", &ps.Name)
	f.text("person.preferred_name", &ps.PreferredName)
	f.dayMonthYear("person.date_of_birth", &ps.DateOfBirth)
	f.checked("person.nhs_number", "Enter a real NHS number, like 999 123 4560", &ps.NHSNumber,
		records.NormaliseNHSNumber, records.FormatNHSNumber)
	f.long("person.address", &ps.Address)
	f.checked("person.postcode", "Enter a real postcode, like SW1A 1AA", &ps.Postcode,
		records.NormalisePostcode, func(s string) string { return s })
	f.text("person.phone", &ps.Phone)
	f.text("person.gender", &ps.Gender)
	f.text("person.language", &ps.Language)
	f.answer("person.interpreter_needed", &ps.InterpreterNeeded)
	f.long("person.communication_needs", &ps.CommunicationNeeds)
	f.text("person.communication_aids", &ps.CommunicationAids)
	f.long("person.conditions", &ps.Conditions)
	f.text("person.primary_support_reason", &ps.PrimarySupportReason)
	f.text("person.lives_with", &ps.LivesWith)
	f.answer("person.substantial_difficulty", &ps.SubstantialDifficulty)
	f.check("person.deceased", &ps.Deceased)
	f.date("person.date_of_death", &ps.DateOfDeath)
	return f
}

func (p *personPart) enquiryForm() *form {
	f, e := newForm(p.v), &p.v.c.Enquiry
	f.note("reference", p.v.c.Reference)
	f.choice("enquiry.type", &e.Type)
	f.text("enquiry.council_reference", &e.CouncilReference)
	f.date("enquiry.concern_received", &e.ConcernReceived)
	f.date("enquiry.started", &e.Started)
	f.stage(records.Label("enquiry.stage"))
	f.closedDate(records.Label("enquiry.closed"))
	f.text("enquiry.lead_practitioner", &e.LeadPractitioner)
	f.text("enquiry.organisation", &e.Organisation)
	f.long("enquiry.concern", &e.Concern)
	f.answer("enquiry.conflicting_accounts", &e.ConflictingAccounts)
	return f
}

func (p *personPart) referralForm() *form {
	f, r, d := newForm(p.v), &p.v.c.ReferralIn, &p.v.c.Decision
	f.heading("Referral in")
	f.date("referral_in.date", &r.Date)
	f.choice("referral_in.source", &r.Source)
	f.choice("referral_in.method", &r.Method)
	f.text("referral_in.referrer_name", &r.ReferrerName)
	f.text("referral_in.referrer_role", &r.ReferrerRole)
	f.text("referral_in.police_reference", &r.PoliceRef)
	f.text("referral_in.incident_number", &r.IncidentNumber)
	f.heading("Decision on the s42 duty")
	f.date("s42_decision.date", &d.Date)
	f.text("s42_decision.decided_by", &d.DecidedBy)
	f.choice("s42_decision.care_and_support_needs", &d.CareNeeds)
	f.choice("s42_decision.experiencing_or_at_risk", &d.AtRisk)
	f.choice("s42_decision.unable_to_protect", &d.UnableToProtect)
	f.long("s42_decision.reasons_not_met", &d.ReasonsNotMet)
	f.answer("s42_decision.enquiry_anyway", &d.EnquiryAnyway)
	f.choice("s42_decision.decision", &d.Decision)
	f.choice("s42_decision.other_handling", &d.OtherwiseHandling)
	return f
}

func (p *personPart) consentForm() *form {
	c := p.v.c
	f, k, o, ce := newForm(p.v), &c.Consent, &c.OthersAtRisk, &c.Caused
	f.heading("Consent")
	f.choice("consent.enquiry", &k.Enquiry)
	f.date("consent.enquiry_date", &k.EnquiryDate)
	f.choice("consent.share", &k.Share)
	f.date("consent.share_date", &k.ShareDate)
	f.text("consent.limits", &k.Limits)
	f.choice("consent.override_reason", &k.OverrideReason)
	f.long("consent.override_detail", &k.OverrideDetail)
	f.heading("Others at risk")
	f.answer("others_at_risk.adults", &o.Adults)
	f.answer("others_at_risk.children", &o.Children)
	f.answer("others_at_risk.children_concern_raised", &o.ChildrenConcernRaised)
	f.long("others_at_risk.details", &o.Details)
	f.heading("Enquiry caused by the council")
	f.text("caused_enquiry.organisation", &ce.Organisation)
	f.choice("caused_enquiry.organisation_type", &ce.OrgType)
	f.date("caused_enquiry.requested", &ce.Requested)
	f.answer("caused_enquiry.report_received", &ce.ReportReceived)
	f.date("caused_enquiry.report_date", &ce.ReportDate)
	return f
}

func (p *personPart) planForm() *form {
	f, pl := newForm(p.v), &p.v.c.Plan
	f.heading("Safeguarding plan")
	f.choice("plan.review_type", &pl.ReviewType)
	f.text("plan.monitor", &pl.Monitor)
	f.date("plan.review_date", &pl.ReviewDate)
	f.text("plan.review_outcome", &pl.ReviewOutcome)
	return f
}
