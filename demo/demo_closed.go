package demo

import (
	"time"

	"msprecords/records"
)

// Scenarios 8 to 11: closed enquiries, some with the gaps in practice that
// a dip-sample audit looks for.

// demoDuplicate: a concern already being handled under another enquiry,
// closed in two days.
func demoDuplicate(g *demoGen) {
	g.open(2, true)
	p, c := g.P(), g.c
	pp := &c.Person
	pp.Conditions, pp.PrimarySupportReason = "Bipolar disorder; detained under section 2 at Hollybank Unit (fictional)", "Mental health support"
	pp.LivesWith = "Alone (currently in hospital)"
	c.Enquiry = records.Enquiry{Type: "Section 42 enquiry", CouncilReference: c.Enquiry.CouncilReference, ConcernReceived: g.start, Closed: g.day(2), Stage: "Closure",
		LeadPractitioner: g.lead, Organisation: c.Enquiry.Organisation,
		Concern: p + " told his care coordinator that police officers twisted his arm behind his back when they detained him under section 136 and brought him to Hollybank."}
	c.ReferralIn.Source, c.ReferralIn.ReferrerName, c.ReferralIn.ReferrerRole = "Council service", "Nadia Hussain", "Care coordinator, community mental health team"
	c.Decision = records.S42Decision{Date: g.day(1), DecidedBy: "Anita Shah, safeguarding adults manager", CareNeeds: "Met", AtRisk: "Met", UnableToProtect: "Met",
		Decision: "Duplicate concern", OtherwiseHandling: "No action",
		ReasonsNotMet: "The same concern was received from Hollybank Unit the day before and is being handled under that enquiry."}
	c.Consent = records.Consent{Enquiry: "Not asked", Share: "Not asked"}
	g.addRep(0, 2, records.Representative{Kind: "IMHA", Name: "Olu Bankole", Organisation: "Northmoor Advocacy Hub (fictional)", Phone: "01632 960455", PersonAgreed: "Yes",
		Notes: "His IMHA on the ward; told of the link to the existing enquiry."})
	g.allege("Physical Abuse", "Hospital - Mental Health", "Known - police", "Arm twisted during detention under section 136.", "")
	g.note(g.day(1), "Decision", "Duplicate of a concern received from Hollybank Unit the day before; linked to that enquiry and closed.", "")
	c.Outcome = records.Outcome{ReferrerFeedback: records.Yes, ClosureReason: "Duplicate concern: handled under the existing enquiry."}
	g.sortChronology()
}

// demoResidents: sexual abuse by another resident of a care home, with the
// gaps the audit looks for: a police referral two weeks late, a capacity
// assessment not revisited and not considering every risk, a risk with no
// action, outcomes never asked about.
func demoResidents(g *demoGen) {
	g.open(120, true)
	p, c := g.P(), g.c
	home := "Rosehill House (fictional)"
	nephew := g.rel("Stanisław", "", "Male", true)
	inLaw := g.rel("Maureen", "", "Female", true)
	resident := g.rel("Dennis", "Whitlock", "Male", false)
	nurse := g.rel("Chloé", "Dufresne", "Female", false)
	pp := &c.Person
	pp.Language, pp.Conditions = "Polish and English", "Mixed dementia; insulin-dependent diabetes"
	pp.PrimarySupportReason, pp.LivesWith = "Support with memory and cognition", "Resident at "+home
	pp.CommunicationNeeds = "Speaks Polish more than English when tired or upset."
	pp.Deceased, pp.DateOfDeath = true, g.day(112) // of pneumonia, in hospital, before the enquiry closed
	c.Enquiry = records.Enquiry{Type: "Section 42 enquiry", CouncilReference: c.Enquiry.CouncilReference, ConcernReceived: g.start, Started: g.day(2), Closed: g.day(120),
		Stage: "Closure", LeadPractitioner: g.lead, Organisation: c.Enquiry.Organisation,
		Concern: "Night carer found another resident in " + p + "'s bed touching her; she was distressed. Separately, her insulin was missed twice by the visiting agency nurse."}
	c.ReferralIn.Source, c.ReferralIn.ReferrerName, c.ReferralIn.ReferrerRole = "Care provider", "Helen Brennan", "Manager, "+home
	c.Decision = records.S42Decision{Date: g.day(1), DecidedBy: "Anita Shah, safeguarding adults manager", CareNeeds: "Met", AtRisk: "Met", UnableToProtect: "Met",
		Decision: "Met, progress to s42(2) enquiry"}
	c.Consent = records.Consent{Enquiry: "Not able to consent", EnquiryDate: g.day(3), Share: "Not able to consent", ShareDate: g.day(3),
		OverrideReason: "Crime", OverrideDetail: "A possible sexual offence: shared with the police."}
	g.addContact(3, records.Contact{Stage: "Enquiry", Method: "Face to face at home", Present: inLaw, SpokenAlone: records.No,
		NotAloneReason: p + " asked for her daughter-in-law to stay.", Views: "\"Nie chcę go tu. I don't want him here.\"", ConsentSought: records.Yes, ConsentGiven: "Not able to consent",
		Notes: "Visited at " + home + " with her daughter-in-law."})
	g.addContact(30, records.Contact{Stage: "Enquiry", Method: "Face to face at home", Present: "Nobody", SpokenAlone: records.Yes,
		Views: "\"He's gone now. I sleep with the light on.\"", Notes: "Seen alone in her room."})
	g.addRep(2, -1, records.Representative{Kind: "Deputy - health and welfare", Name: nephew, PersonAgreed: "Not able to say", PaperworkSeen: records.Yes,
		Notes: "Nephew; Court of Protection deputy for health and welfare since 2023."})
	g.addRep(3, 120, records.Representative{Kind: "Family member as representative", Name: inLaw, Phone: "07700 900907", PersonAgreed: "Yes", Notes: "Daughter-in-law; visits daily."})
	c.Providers = []records.ServiceProvider{{ID: g.id(), Name: home, Type: "Care home"}, {ID: g.id(), Name: "Swiftcare Nursing Agency (fictional)", Type: "Nursing agency"}}
	g.addAlleged(records.AllegedPerson{Name: resident, Relationship: "Another resident", AlsoAdultAtRisk: records.Yes,
		Views: "Could not give a view: advanced dementia.", Impact: "Moved to a specialist unit; his own family were told.",
		SupportOffered: "His own safeguarding enquiry was opened.", Outcomes: []string{"Continued monitoring"}})
	g.addAlleged(records.AllegedPerson{Name: nurse, Relationship: "Agency nurse", AwareOfConcern: records.Yes, LinkedToServiceFailure: records.Yes,
		Views: "Says she was never told " + p + " needs insulin at tea time.", Impact: "Suspended by the agency pending its investigation.",
		SupportOffered: "Told of union support and the agency's employee assistance line.",
		Outcomes:       []string{"Referral to DBS", "Disciplinary action", "Referral to regulator"}})
	g.allege("Sexual Abuse", "Care Home - Residential", "Known - known but not related", "Another resident found in her bed touching her.", "Risk removed")
	g.allege("Neglect and Acts of Omission", "Care Home - Residential", "Unknown - health care", "Insulin missed twice by a visiting agency nurse.", "Risk reduced")
	g.allege("Psychological Abuse", "Care Home - Residential", "Known - regulator",
		"Her daughter-in-law says an inspector questioned her at length and left her tearful.", "Risk removed")
	g.addRisk(records.Risk{Description: "Unwanted sexual contact from another resident", Source: resident, Likelihood: "High", Impact: "High",
		Evaluation: records.RiskEvaluation{Date: g.day(30), Result: "Risk removed", PersonSaid: "\"He's gone now.\""}},
		g.act("Move the other resident to a specialist unit", "Rosehill manager", 2, "Done", 2))
	g.addRisk(records.Risk{Description: "Missed insulin", Source: "Agency nurse; no handover", Likelihood: "Medium", Impact: "High",
		Evaluation: records.RiskEvaluation{Date: g.day(90), Result: "Risk reduced"}},
		g.act("Insulin chart checked at every handover", "Rosehill manager", 7, "Done", 6))
	g.addRisk(records.Risk{Description: "Distress and poor sleep at night since the incident", Source: "The incident", Likelihood: "High", Impact: "Medium",
		PersonView: "\"I sleep with the light on.\""})
	g.addCapacity(5, records.CapacityAssessment{Decision: "Whether to agree to speak to the police", Understand: "Not able", Retain: "Not able", UseOrWeigh: "Not able",
		Communicate: "Able", Impairment: "Mixed dementia", Outcome: "Lacks capacity for this decision", Fluctuates: records.Yes, RevisitBy: g.day(19),
		RisksConsidered: g.riskIDs()[:1], SupportedBy: "Family or friend", Consulted: inLaw + "; " + nephew})
	g.addReferral(1, 16, records.AgencyReferral{Agency: "Police", Detail: "Possible sexual assault in a care home", Reference: "NM-24-077120",
		Response: "No further action: the other resident lacks capacity."})
	g.addReferral(2, 2, records.AgencyReferral{Agency: "CQC", Detail: "Notification from the home and the council", Response: "Inspection brought forward."})
	g.addReferral(40, 44, records.AgencyReferral{Agency: "Legal services", Detail: "Council solicitor: Court of Protection application", Response: "Application made."})
	g.addMeeting(2, records.Meeting{Type: "Strategy meeting", Place: "Telephone conference", Purpose: "Plan the enquiry",
		Attendees: []records.Attendee{{Name: g.lead, Role: "Chair", Organisation: "Northmoor Council", Attendance: "Attended"}, {Name: "Helen Brennan", Role: "Manager", Organisation: home, Attendance: "Attended"}, {Name: "DC Lee Marsh", Role: "Detective", Organisation: "Northmoor Police", Attendance: "Apologies"}}})
	c.Plan = records.Plan{ReviewType: "Within ongoing care management", Monitor: "Care home reviewing officer"}
	c.Outcome = records.Outcome{Finding: "Substantiated", RiskAssessmentOutcome: "No risk identified and action taken",
		CapacityLacked: "Yes, they lacked capacity", CapacitySupport: "Family or friend", AskedAboutOutcomes: "Don't know",
		OutcomesMet: "Not applicable", FeelsSafer: "No", InvolvedInRisk: "Not involved", UnderstoodWhy: "Did not understand", FeltListened: "Not applicable",
		KeptInformed: "No", InvitedToMeetings: "No", ReferrerFeedback: records.No, NoFeedbackReason: "Not recorded.",
		ClosureReason: p + " died in hospital of pneumonia, unrelated to the concerns. The other resident had moved and the insulin handover is in place; referred for a safeguarding adults review.", NeedsMet: records.Yes, AbuseOrNeglect: records.Yes, UnableToProtect: records.Yes, FurtherAction: records.Yes,
		AdultOutcomes:        []string{"Guardianship", "Court of Protection application", "Disciplinary action requested", "Change of accommodation"},
		OrganisationOutcomes: []string{"Action by CQC", "Contract compliance"}, SARConsidered: records.Yes, SARReferred: records.Yes}
	g.sortChronology()
}

// demoExploitation: labour and sexual exploitation of a young man with a
// learning disability in supported living; never seen alone, risks never
// evaluated with him, not asked about outcomes.
func demoExploitation(g *demoGen) {
	g.open(140, true)
	p, c := g.P(), g.c
	provider := "Oakway Support (fictional)"
	friend := g.rel("Marek", "Lindqvist", "Male", false)
	pp := &c.Person
	pp.Language, pp.Conditions = "Hungarian and English", "Learning disability; epilepsy"
	pp.PrimarySupportReason, pp.LivesWith = "Learning disability support", "Supported living flat; staff from "+provider
	c.Enquiry = records.Enquiry{Type: "Enquiry caused by the council", CouncilReference: c.Enquiry.CouncilReference, ConcernReceived: g.start, Started: g.day(3),
		Closed: g.day(140), Stage: "Closure", LeadPractitioner: g.lead, Organisation: c.Enquiry.Organisation,
		Concern: "Food bank volunteers say " + p + " works twelve-hour days at a hand car wash for cash \"when they feel like paying\" and that men he calls friends take him to parties and film him."}
	c.ReferralIn.Source, c.ReferralIn.ReferrerName, c.ReferralIn.ReferrerRole = "Voluntary sector", "Inés Castellano", "Volunteer, Northmoor Food Bank (fictional)"
	c.Decision = records.S42Decision{Date: g.day(2), DecidedBy: "Anita Shah, safeguarding adults manager", CareNeeds: "Met", AtRisk: "Met", UnableToProtect: "Met",
		Decision: "Met, progress to s42(2) enquiry"}
	c.Consent = records.Consent{Enquiry: "Yes", EnquiryDate: g.day(4), Share: "No", ShareDate: g.day(4), OverrideReason: "Crime", OverrideDetail: "Possible modern slavery."}
	g.addContact(4, records.Contact{Stage: "Enquiry", Method: "Face to face elsewhere", Present: friend + ", whom " + p + " calls his friend", SpokenAlone: records.No,
		NotAloneReason: p + " would not talk without his friend there.", Views: "\"I like working. Marek looks after me.\"", ConsentSought: records.Yes, ConsentGiven: "Yes",
		Notes: "Met at the support office."})
	g.addContact(30, records.Contact{Stage: "Enquiry", Method: "Telephone", Present: "Support worker", SpokenAlone: records.No, NotAloneReason: "Support worker helped with the call.",
		Notes: "Phoned about opening a bank account."})
	g.addRep(10, 140, records.Representative{Kind: "ISVA", Name: "Nia Roberts", Organisation: "Northmoor Sexual Violence Service (fictional)", Phone: "01632 960344",
		PersonAgreed: "Yes", Notes: "Offered support about the filming."})
	c.Advocacy = records.Advocacy{Offered: records.Yes, Response: "Accepted", Kind: "ISVA"}
	g.addAlleged(records.AllegedPerson{Name: friend, Relationship: "Acquaintance he calls a friend", AwareOfConcern: records.Yes, Outcomes: []string{"No further action"}})
	g.allege("Modern Slavery", "In the Community (excluding community services)", "Unknown - other", "Long hours at a car wash for little or no pay.", "")
	g.allege("Sexual Exploitation", "In the Community (excluding community services)", "Known - other", "Taken to parties and filmed.", "")
	g.addRisk(records.Risk{Description: "Working long hours for little or no pay", Source: "Car wash operators", Likelihood: "High", Impact: "Medium"},
		g.act("Help "+p+" open a bank account in his own name", provider, 30, "Done", 28),
		g.act("National Referral Mechanism referral", "Police", 14, "Cancelled", -1))
	g.addRisk(records.Risk{Description: "Sexual exploitation at parties", Source: friend + " and others", Likelihood: "Medium", Impact: "High"},
		g.act("Relationships and online safety sessions", provider, 60, "Done", 70))
	g.addReferral(2, 2, records.AgencyReferral{Agency: "Police", Detail: "Possible modern slavery and sexual exploitation", Reference: "NM-25-034410",
		Response: "Car wash visited; " + p + " declined to make a statement."})
	c.Caused = records.CausedEnquiry{Organisation: provider, OrgType: "Home care agency", Requested: g.day(3), ReportReceived: records.Yes, ReportDate: g.day(90)}
	c.Outcome = records.Outcome{Finding: "Inconclusive", RiskAssessmentOutcome: "Risk assessment inconclusive and no action taken", CapacityLacked: "Not recorded",
		AskedAboutOutcomes: "No", OutcomesMet: "Not applicable", FeelsSafer: "No", InvolvedInRisk: "Not involved", UnderstoodWhy: "Did not understand",
		FeltListened: "Not at all", KeptInformed: "No", InvitedToMeetings: "No", ClosureReason: p + " declined further involvement.",
		NeedsMet: records.Yes, AbuseOrNeglect: records.Yes, AdultOutcomes: []string{"No further action"}, OrganisationOutcomes: []string{"No further action"}}
	g.sortChronology()
}

// demoScam: an online romance scam; the person, who has capacity, asked
// for the enquiry to stop.
func demoScam(g *demoGen) {
	g.open(40, true)
	p, c := g.P(), g.c
	scheme := "Elmfield Court sheltered housing, Northmoor Homes (fictional)"
	pp := &c.Person
	pp.Language, pp.Conditions = "Polish and English", "Heart failure; hearing loss"
	pp.CommunicationAids, pp.PrimarySupportReason = "Hearing aids; writes things down", "Physical support: access and mobility"
	pp.LivesWith = "Alone, in sheltered housing"
	c.Enquiry = records.Enquiry{Type: "Enquiry caused by the council", CouncilReference: c.Enquiry.CouncilReference, ConcernReceived: g.start, Started: g.day(2), Closed: g.day(40),
		Stage: "Closure", LeadPractitioner: g.lead, Organisation: c.Enquiry.Organisation,
		Concern: "His bank's vulnerable customer team stopped a fifth transfer of £2,000 to an overseas account. " + p + " says it is for a woman he met online who needs a flight to visit him."}
	c.ReferralIn.Source, c.ReferralIn.ReferrerName, c.ReferralIn.ReferrerRole = "Other", "Vulnerable customer team", "His bank"
	c.SignOffs = []records.SignOff{
		{ID: g.id(), What: records.SignOffReport, Purpose: "The enquiry's report to Northmoor Council", By: "Anita Shah",
			Role: "safeguarding lead", Time: g.day(39).Time().Add(15 * time.Hour), OnlyAuthor: true},
		{ID: g.id(), What: records.SignOffClosure, Closed: g.day(40), By: "Anita Shah",
			Role: "safeguarding lead", Time: g.day(40).Time().Add(16 * time.Hour), OnlyAuthor: true},
	}
	c.Decision = records.S42Decision{Date: g.day(1), DecidedBy: "Anita Shah, safeguarding adults manager", CareNeeds: "Met", AtRisk: "Met", UnableToProtect: "Met",
		Decision: "Met, progress to s42(2) enquiry"}
	c.Consent = records.Consent{Enquiry: "Yes", EnquiryDate: g.day(3), Share: "Yes", ShareDate: g.day(3)}
	g.addContact(3, records.Contact{Stage: "Enquiry", Method: "Face to face at home", Present: "Nobody", SpokenAlone: records.Yes, AidsUsed: "Wrote key points down",
		Views: "\"She loves me. I'm not a fool. I want you to stop this now.\"", ConsentSought: records.Yes, ConsentGiven: "Yes",
		Notes: "Visited with the scheme manager, who waited outside."})
	g.addContact(10, records.Contact{Stage: "Closure", Method: "Letter or email", Notes: "Letter confirming the enquiry has stopped at his request, with the bank's and Action Fraud's numbers."})
	g.addRep(2, 40, records.Representative{Kind: "Other", Name: "Scheme manager", Organisation: scheme, Phone: "01632 960515", PersonAgreed: "Yes",
		Notes: "Sees him most days; he asked for her to be involved."})
	g.allege("Financial or Material Abuse", "Other", "Unknown - stranger", "Romance scam online: £8,000 sent overseas.", "")
	g.addRisk(records.Risk{Description: "Further money sent to the scammer", Source: "A person met online", Likelihood: "High", Impact: "Medium",
		PersonView: "\"It's my money.\"", Evaluation: records.RiskEvaluation{Date: g.day(10), Result: "Risk remains", PersonSaid: "\"Stop this now.\""}},
		g.act("Bank to flag the account for checks on overseas transfers", "His bank", 5, "Done", 3))
	g.addCapacity(3, records.CapacityAssessment{Decision: "Whether to keep sending money to a person he met online", Understand: "Able", Retain: "Able",
		UseOrWeigh: "Able", Communicate: "Able", Outcome: "Has capacity for this decision", RisksConsidered: g.riskIDs()})
	g.addReferral(1, 1, records.AgencyReferral{Agency: "Police", Detail: "Action Fraud report", Reference: "NFRC-26-118840", Response: "Logged."})
	c.Caused = records.CausedEnquiry{Organisation: scheme, OrgType: "Housing provider", Requested: g.day(2), ReportReceived: records.Yes, ReportDate: g.day(12)}
	c.Outcome = records.Outcome{RiskAssessmentOutcome: "Enquiry ceased at individual's request and no action taken", CapacityLacked: "No, they did not lack capacity",
		AskedAboutOutcomes: "Not recorded", OutcomesMet: "Not applicable", FeelsSafer: "Not applicable", InvolvedInRisk: "Fully", UnderstoodWhy: "Fully",
		FeltListened: "Always", KeptInformed: "Yes", InvitedToMeetings: "No", ViewOfClosing: "\"Good. Thank you.\"", ReferrerFeedback: records.Yes,
		ClosureReason: p + ", who has capacity, asked for the enquiry to stop.", AdultOutcomes: []string{"No further action"}}
	g.sortChronology()
}
