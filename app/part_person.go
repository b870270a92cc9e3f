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
	f.text("Full name", &ps.Name)
	f.text("Preferred name", &ps.PreferredName)
	f.dayMonthYear("Date of birth", &ps.DateOfBirth)
	f.checked("NHS number", "Enter a real NHS number, like 999 123 4560", &ps.NHSNumber,
		records.NormaliseNHSNumber, records.FormatNHSNumber)
	f.long("Address", &ps.Address)
	f.checked("Postcode", "Enter a real postcode, like SW1A 1AA", &ps.Postcode,
		records.NormalisePostcode, func(s string) string { return s })
	f.text("Phone", &ps.Phone)
	f.text("Gender", &ps.Gender)
	f.text("Language", &ps.Language)
	f.check("Interpreter needed", &ps.InterpreterNeeded)
	f.long("Communication needs", &ps.CommunicationNeeds)
	f.text("Communication aids", &ps.CommunicationAids)
	f.long("Conditions or diagnosis", &ps.Conditions)
	f.text("Primary support reason", &ps.PrimarySupportReason)
	f.text("Lives with", &ps.LivesWith)
	f.check("Has substantial difficulty in being involved", &ps.SubstantialDifficulty)
	f.check("Deceased", &ps.Deceased)
	f.date("Date of death", &ps.DateOfDeath)
	return f
}

func (p *personPart) enquiryForm() *form {
	f, e := newForm(p.v), &p.v.c.Enquiry
	f.note("Case reference", p.v.c.Reference)
	f.choice("Type of enquiry", records.EnquiryTypes, &e.Type)
	f.text("Council reference", &e.CouncilReference)
	f.date("Date concern received", &e.ConcernReceived)
	f.date("Date enquiry started", &e.Started)
	f.stage("Stage")
	f.closedDate("Date closed")
	f.text("Lead practitioner", &e.LeadPractitioner)
	f.text("Organisation", &e.Organisation)
	f.long("The concern, in the referrer's words", &e.Concern)
	f.check("Accounts of what happened conflict", &e.ConflictingAccounts)
	return f
}

func (p *personPart) referralForm() *form {
	f, r, d := newForm(p.v), &p.v.c.ReferralIn, &p.v.c.Decision
	f.heading("Referral in")
	f.date("Date of referral", &r.Date)
	f.choice("Source of referral", records.ReferralSources, &r.Source)
	f.choice("How the concern was received", records.ReferralMethods, &r.Method)
	f.text("Referrer's name", &r.ReferrerName)
	f.text("Referrer's role", &r.ReferrerRole)
	f.text("Police reference", &r.PoliceRef)
	f.text("Incident number", &r.IncidentNumber)
	f.heading("Decision on the s42 duty")
	f.date("Date of decision", &d.Date)
	f.text("Decided by", &d.DecidedBy)
	f.choice("(a) Care and support needs", records.TestAnswers, &d.CareNeeds)
	f.choice("(b) Experiencing or at risk of abuse", records.TestAnswers, &d.AtRisk)
	f.choice("(c) Unable to protect themselves", records.TestAnswers, &d.UnableToProtect)
	f.long("Reasons where a test was not met", &d.ReasonsNotMet)
	f.check("Enquiry made anyway", &d.EnquiryAnyway)
	f.choice("Decision", records.S42Decisions, &d.Decision)
	f.choice("Otherwise handled by", records.OtherHandling, &d.OtherwiseHandling)
	return f
}

func (p *personPart) consentForm() *form {
	c := p.v.c
	f, k, o, ce := newForm(p.v), &c.Consent, &c.OthersAtRisk, &c.Caused
	f.heading("Consent")
	f.choice("Consent to the enquiry", records.ConsentAnswers, &k.Enquiry)
	f.date("Date of consent to the enquiry", &k.EnquiryDate)
	f.choice("Consent to share information", records.ConsentAnswers, &k.Share)
	f.date("Date of consent to share", &k.ShareDate)
	f.text("Limits the person set", &k.Limits)
	f.choice("Reason for sharing without consent", records.ShareOverrideReasons, &k.OverrideReason)
	f.long("Why consent was overridden", &k.OverrideDetail)
	f.heading("Others at risk")
	f.check("Other adults at risk", &o.Adults)
	f.check("Children at risk", &o.Children)
	f.check("Children's safeguarding concern raised", &o.ChildrenConcernRaised)
	f.long("About the others at risk", &o.Details)
	f.heading("Enquiry caused by the council")
	f.text("Organisation asked to enquire", &ce.Organisation)
	f.choice("Type of organisation", records.CausedOrgTypes, &ce.OrgType)
	f.date("Date enquiry requested", &ce.Requested)
	f.check("Report received", &ce.ReportReceived)
	f.date("Date report received", &ce.ReportDate)
	return f
}

func (p *personPart) planForm() *form {
	f, pl := newForm(p.v), &p.v.c.Plan
	f.heading("Safeguarding plan")
	f.choice("Review type", records.ReviewTypes, &pl.ReviewType)
	f.text("Who monitors the plan", &pl.Monitor)
	f.date("Date of review", &pl.ReviewDate)
	f.text("Review outcome", &pl.ReviewOutcome)
	return f
}
