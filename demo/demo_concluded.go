package demo

import "msprecords/records"

// Scenarios 5 to 7: enquiries concluded at a case conference and still open
// for the safeguarding plan and its review.

// demoHospital: a pressure ulcer found on transfer between hospitals; the
// NHS trust's enquiry found it had started before admission.
func demoHospital(g *demoGen) {
	g.open(70, false)
	p, c := g.P(), g.c
	wife := g.rel("Harjit", "", "Female", true)
	son := g.rel("Amarjit", "", "Male", true)
	trust := "Northmoor Hospitals NHS Trust (fictional)"
	pp := &c.Person
	pp.Language, pp.Conditions = "Punjabi and English", "Stroke; type 2 diabetes; peripheral neuropathy"
	pp.PrimarySupportReason, pp.LivesWith = "Physical support: personal care", "His wife, "+wife+", and their son"
	c.Enquiry.Type, c.Enquiry.Stage, c.Enquiry.Started = "Enquiry caused by the council", "Outcome / case conference", g.day(3)
	c.Enquiry.Concern = "Grade 4 pressure ulcer found on " + p + "'s heel on transfer from Northmoor General to Eastbrook Community Hospital. His wife says he was left in one position for hours."
	c.ReferralIn.Source, c.ReferralIn.ReferrerName, c.ReferralIn.ReferrerRole = "Hospital", "Grace Adeyemi", "Ward manager, Eastbrook Community Hospital (fictional)"
	c.Decision = records.S42Decision{Date: g.day(2), DecidedBy: "Anita Shah, safeguarding adults manager", CareNeeds: "Met", AtRisk: "Met", UnableToProtect: "Met",
		Decision: "Met, progress to s42(2) enquiry"}
	c.Consent = records.Consent{Enquiry: "Yes", EnquiryDate: g.day(6), Share: "Yes, with limits", ShareDate: g.day(6), Limits: "Not to be discussed with his son."}
	g.addContact(6, records.Contact{Stage: "Enquiry", Method: "Face to face elsewhere", Present: "Nobody: side room on the ward", SpokenAlone: records.Yes,
		Views:         "\"I just want to get home and walk again. These things happen in hospital.\" Did not want to say what he hoped the enquiry would achieve.",
		ConsentSought: records.Yes, ConsentGiven: "Yes", Notes: "Seen on the ward at Eastbrook. Asked about outcomes; he did not want to name any."})
	g.addContact(40, records.Contact{Stage: "Enquiry", Method: "Telephone", Present: wife + " on speaker", SpokenAlone: records.No,
		NotAloneReason: p + " asked for his wife to listen in.", Views: "\"Tell them to turn people more often.\"", Notes: "Update on the trust's findings."})
	g.addRep(0, -1, records.Representative{Kind: "Next of kin", Name: wife, Phone: "01632 960733", PersonAgreed: "Yes"})
	g.addRep(6, -1, records.Representative{Kind: "Attorney under LPA - property and financial affairs", Name: son, Phone: "07700 900733", PersonAgreed: "No", PaperworkSeen: records.Yes,
		Notes: p + " does not want his son involved in the enquiry; the attorney's authority covers money only."})
	c.Providers = []records.ServiceProvider{{ID: g.id(), Name: trust, Type: "NHS trust"}}
	g.addAlleged(records.AllegedPerson{Name: "Staff nurse, Ward 12 (name held by the trust)", Relationship: "Nurse on the acute ward", LinkedToServiceFailure: records.Yes, AwareOfConcern: records.Yes,
		Views: "Says the ulcer was noted on admission and recorded on the body map.", Impact: "Distressed at the allegation; supported by her manager.",
		SupportOffered: "Trust's staff support service.", Outcomes: []string{"Exoneration"}})
	g.allege("Neglect and Acts of Omission", "Hospital - Acute", "Service provider - public", "Repositioning not recorded for 14 hours.", "")
	g.allege("Neglect and Acts of Omission", "Hospital - Community", "Known - primary, secondary or community health care", "Delay in the tissue viability referral after transfer.", "")
	g.addRisk(records.Risk{Description: "Further pressure damage", Source: "Immobility after the stroke", Likelihood: "Medium", Impact: "High", PersonView: "\"They turn me now.\"",
		Evaluation: records.RiskEvaluation{Date: g.day(64), Result: "Risk removed", PersonSaid: "\"My heel is healing. I'm going home.\""}},
		g.act("Tissue viability plan and pressure-relieving mattress", "Eastbrook ward manager", 3, "Done", 2))
	g.addReferral(1, 1, records.AgencyReferral{Agency: "Health", Detail: "Tissue viability team, Eastbrook Community Hospital", Response: "Seen the next day."})
	c.Caused = records.CausedEnquiry{Organisation: trust, OrgType: "NHS trust", Requested: g.day(3), ReportReceived: records.Yes, ReportDate: g.day(45)}
	g.addMeeting(66, records.Meeting{Type: "Case conference", Place: "Video meeting", Purpose: "Consider the trust's enquiry report",
		Attendees: []records.Attendee{{Name: g.lead, Role: "Chair", Organisation: "Northmoor Council", Attendance: "Attended"}, {Name: "Dr Ellen Marsh", Role: "Deputy chief nurse", Organisation: trust, Attendance: "Attended"},
			{Name: son, Role: "Son", Organisation: "", Attendance: "Not invited"}}})
	c.Plan = records.Plan{ReviewType: "None needed", Monitor: "Eastbrook ward manager"}
	c.Outcome = records.Outcome{Finding: "Not substantiated", RiskAssessmentOutcome: "No risk identified and no action taken", CapacityLacked: "Don't know",
		AskedAboutOutcomes: "Yes, they were asked but no outcomes were expressed", OutcomesMet: "Not applicable", FeelsSafer: "Not applicable",
		InvolvedInRisk: "Not involved", UnderstoodWhy: "Not applicable", FeltListened: "Not answered", KeptInformed: "No", InvitedToMeetings: "No",
		NeedsMet: records.Yes, AbuseOrNeglect: records.No, AdultOutcomes: []string{"No further action"},
		OrganisationOutcomes: []string{"Action plan agreed", "Staff training"}}
	g.sortChronology()
}

// demoDomestic: domestic and financial abuse by an adult son, now under a
// safeguarding plan with an IDVA, MARAC and a review due.
func demoDomestic(g *demoGen) {
	g.open(110, false)
	p, c := g.P(), g.c
	son := g.rel("Luca", "", "Male", true)
	pp := &c.Person
	pp.Conditions, pp.PrimarySupportReason = "Multiple sclerosis; depression", "Physical support: access and mobility"
	pp.CommunicationAids, pp.LivesWith = "Wheelchair user", "Alone since her son moved out (lived with her son, "+son+")"
	c.Enquiry.Type, c.Enquiry.Stage, c.Enquiry.Started = "Section 42 enquiry", "Safeguarding plan", g.day(2)
	c.Enquiry.Concern = p + " phoned to say her son takes her disability benefits, shouts at her and blocks her wheelchair in her room when she refuses him money. " +
		"She is frightened but does not want him arrested."
	c.ReferralIn.Source, c.ReferralIn.ReferrerName, c.ReferralIn.ReferrerRole = "Self", p, "Self"
	c.Decision = records.S42Decision{Date: g.day(1), DecidedBy: "Anita Shah, safeguarding adults manager", CareNeeds: "Met", AtRisk: "Met", UnableToProtect: "Met",
		Decision: "Met, progress to s42(2) enquiry"}
	c.Consent = records.Consent{Enquiry: "Yes", EnquiryDate: g.day(1), Share: "No", ShareDate: g.day(1), OverrideReason: "Others at risk",
		OverrideDetail: "Her grandchildren (7 and 9) stay at weekends; children's services told without her consent, and she was told why."}
	c.OthersAtRisk = records.OthersAtRisk{Children: records.Yes, ChildrenConcernRaised: records.Yes, Details: "Grandchildren aged 7 and 9 stay most weekends."}
	demoDomesticContacts(g, son)
	g.addRep(3, -1, records.Representative{Kind: "IDVA", Name: "Amara Okafor", Organisation: "Northmoor Domestic Abuse Service (fictional)", Phone: "01632 960808",
		PersonAgreed: "Yes", Notes: "Safety planning and support at MARAC."})
	c.Advocacy = records.Advocacy{Offered: records.Yes, Response: "Accepted", Kind: "IDVA"}
	g.addAlleged(records.AllegedPerson{Name: son, Relationship: "Son", Phone: "07700 900846", LivedWithThen: records.Yes, LivesWithNow: records.No, AwareOfConcern: records.Yes,
		Views:          "Says his mother \"owes him\" for years of caring; denies blocking her in.",
		Impact:         "Angry, then ashamed. Lost his job in the spring and is drinking heavily.",
		SupportOffered: "Referral to Northmoor Recovery Service (alcohol); housing options advice; debt advice line.", Outcomes: []string{"Police action"}})
	g.allege("Domestic Abuse", "Own Home", "Known - relative, family or carer", "Shouting and blocking her wheelchair in her room.", "Risk removed")
	g.allege("Financial or Material Abuse", "Own Home", "Known - relative, family or carer", "Disability benefits taken.", "Risk reduced")
	demoDomesticRisks(g, son)
	g.addCapacity(5, records.CapacityAssessment{Decision: "Whether her son should go on living with her", Understand: "Able", Retain: "Able", UseOrWeigh: "Able", Communicate: "Able",
		Outcome: "Has capacity for this decision", RisksConsidered: g.riskIDs(), Notes: "Clear and consistent; she weighed her love for her son against her fear."})
	g.addReferral(1, 2, records.AgencyReferral{Agency: "Police", Detail: "Domestic abuse report", Reference: "NM-26-010233", Response: "Son spoken to; cautioned for theft."})
	g.addReferral(10, 11, records.AgencyReferral{Agency: "Legal services", Detail: "Domestic abuse solicitor: non-molestation order", Response: "Advice given; " + p + " chose not to apply."})
	g.addReferral(30, 31, records.AgencyReferral{Agency: "Housing", Detail: "Housing options for " + son, Response: "Room found in a shared house."})
	g.addMeeting(80, records.Meeting{Type: "Case conference", Place: "Northmoor Civic Centre", Purpose: "Conclude the enquiry and agree the plan",
		Attendees: []records.Attendee{{Name: g.lead, Role: "Chair", Organisation: "Northmoor Council", Attendance: "Attended"}, {Name: "Amara Okafor", Role: "IDVA", Organisation: "Northmoor Domestic Abuse Service", Attendance: "Attended"}, {Name: p, Role: "The person", Organisation: "", Attendance: "Attended"}}})
	g.addMeeting(140, records.Meeting{Type: "Review meeting", Place: p + "'s home", Purpose: "Review the safeguarding plan with " + p,
		Attendees: []records.Attendee{{Name: g.lead, Role: "Lead practitioner", Organisation: "Northmoor Council", Attendance: "Attended"}, {Name: p, Role: "The person", Organisation: "", Attendance: "Attended"}}})
	c.Plan = records.Plan{ReviewType: "Standalone review", Monitor: g.lead + " with the IDVA", ReviewDate: g.day(140)}
	c.Outcome = records.Outcome{Finding: "Inconclusive", RiskAssessmentOutcome: "Risk assessment inconclusive and action taken", RiskOutcome: "Risk removed",
		CapacityLacked: "No, they did not lack capacity", AskedAboutOutcomes: "Yes, they were asked and outcomes were expressed", OutcomesAchieved: "Fully achieved",
		OutcomesMet: "Fully", FeelsSafer: "Yes", InvolvedInRisk: "Fully", UnderstoodWhy: "Fully", FeltListened: "Quite a bit", KeptInformed: "Yes", InvitedToMeetings: "Yes",
		PersonFeedback: "\"You went at my pace.\"", NeedsMet: records.Yes, AbuseOrNeglect: records.Yes, UnableToProtect: records.Yes, FurtherAction: records.Yes,
		AdultOutcomes: []string{"MARAC referral", "Management of access to finances"}}
	g.sortChronology()
}

func demoDomesticContacts(g *demoGen, son string) {
	p := g.P()
	g.addContact(1, records.Contact{Stage: "Concern", Method: "Telephone", Present: "Nobody: her son was out", SpokenAlone: records.Yes,
		Views: "\"I love him but I'm frightened of him. I don't want him arrested.\"", ConsentSought: records.Yes, ConsentGiven: "Yes",
		Notes: "Called back at a time " + p + " said was safe. Agreed a code word."})
	g.addContact(5, records.Contact{Stage: "Enquiry", Method: "Face to face elsewhere", Present: "Nobody: seen at her GP surgery", SpokenAlone: records.Yes,
		Views: "\"I want my money in my own hands.\"", ConsentSought: records.Yes, ConsentGiven: "Yes", Notes: "Met at the surgery so " + son + " would not know."})
	g.addContact(30, records.Contact{Stage: "Enquiry", Method: "Video call", Present: "Amara Okafor (IDVA)", SpokenAlone: records.Yes,
		Views: "\"I can live with the police knowing, as long as he gets help.\"", Notes: "Outcomes revisited with the IDVA."})
	g.addContact(100, records.Contact{Stage: "Safeguarding plan", Method: "Face to face at home", Present: "Nobody", SpokenAlone: records.Yes,
		Views: "\"It's quiet. I sleep now.\"", Notes: "Home visit now that " + son + " has moved out. Risks evaluated with " + p + "."})
	g.addOutcome(1, records.DesiredOutcome{Text: "I want to feel safe in my own home.", Stage: "Concern", Achievement: "Fully achieved", Evaluation: "\"It's quiet. I sleep now.\""})
	g.addOutcome(5, records.DesiredOutcome{Text: "I want my money in my own hands.", Stage: "Enquiry", Achievement: "Fully achieved", Evaluation: "\"My own card, my own PIN.\""})
	g.addOutcome(1, records.DesiredOutcome{Text: "I don't want my son to get into trouble, only to get help.", Stage: "Concern",
		History:     []records.OutcomeRevision{g.revise(30, "I don't want the police involved.", "After the IDVA explained the options she agreed to a police report but not to pressing charges.")},
		Achievement: "Partially achieved", Evaluation: "\"He was cautioned. But he's going to the alcohol service.\""})
}

func demoDomesticRisks(g *demoGen, son string) {
	out := g.c.DesiredOutcomes
	plan := g.act("Safety plan with the IDVA, including a code word", "Amara Okafor, IDVA", 10, "Done", 8)
	plan.OutcomeID = out[0].ID
	g.addRisk(records.Risk{Description: son + " shouting and blocking her in her room", Source: son + " (son)", Likelihood: "High", Impact: "High",
		PersonView: "\"He only does it when he's been drinking.\"", LessRestrictive: "A safety plan and support for her son before any court order.",
		Proportionality: "She has capacity and chose not to seek an order; the plan respects that and keeps her safe.",
		Evaluation:      records.RiskEvaluation{Date: g.day(100), Result: "Risk removed", PersonSaid: "\"He's moved out. He rings first now.\""}},
		plan, g.act("Refer to MARAC", g.lead, 14, "Done", 12))
	bank := g.act("Move benefits to a new account only she controls", g.lead, 21, "Done", 20)
	bank.OutcomeID = out[1].ID
	g.addRisk(records.Risk{Description: "Benefits taken by " + son, Source: son + " (son)", Likelihood: "High", Impact: "Medium", PersonView: "\"I never have anything left.\"",
		Evaluation: records.RiskEvaluation{Date: g.day(100), Result: "Risk reduced", PersonSaid: "\"My own card, my own PIN.\""}},
		bank, g.act("Review her finances with her", g.lead, 130, "Not started", -1))
	g.addRisk(records.Risk{Description: "Low mood and isolation", Source: "Depression; loss of contact with friends", Likelihood: "Medium", Impact: "Medium"},
		g.act("GP review of her depression", "GP", 95, "In progress", -1))
}

// demoSelfNeglect: self-neglect and hoarding, an other safeguarding enquiry
// caused to the GP practice; the person, who has capacity, declined most
// help and the risk remains under review.
func demoSelfNeglect(g *demoGen) {
	g.open(200, false)
	p, c := g.P(), g.c
	practice := "Riverside Medical Practice (fictional)"
	pp := &c.Person
	pp.Conditions, pp.PrimarySupportReason = "Hoarding disorder; depression; COPD", "Support with memory and cognition"
	pp.LivesWith = "Alone"
	c.Enquiry.Type, c.Enquiry.Stage, c.Enquiry.Started = "Other safeguarding enquiry", "Review", g.day(5)
	c.Enquiry.Concern = "Fire service home safety visit found the house filled to the ceiling, one route through, no working smoke alarm and a gas fire surrounded by papers. " + p + " sleeps in a chair."
	c.ReferralIn.Source, c.ReferralIn.ReferrerName, c.ReferralIn.ReferrerRole = "Fire", "Watch Manager Kerry Doyle", "Northmoor Fire and Rescue (fictional)"
	c.Decision = records.S42Decision{Date: g.day(2), DecidedBy: "Anita Shah, safeguarding adults manager", CareNeeds: "Not met", AtRisk: "Met", UnableToProtect: "Met",
		ReasonsNotMet: "No assessed care and support needs yet; an other enquiry is proportionate.", EnquiryAnyway: records.Yes,
		Decision: "Other proportionate enquiry", OtherwiseHandling: "Case management"}
	c.Consent = records.Consent{Enquiry: "Yes", EnquiryDate: g.day(6), Share: "Yes", ShareDate: g.day(6)}
	g.addContact(6, records.Contact{Stage: "Enquiry", Method: "Face to face at home", Present: "Nobody", SpokenAlone: records.Yes,
		Views: "\"It's my stuff. Every bit of it means something. I'm not going in a home.\"", ConsentSought: records.Yes, ConsentGiven: "Yes",
		Notes: "Visited with the GP practice's social prescriber. Talked on the doorstep first, then inside."})
	g.addContact(120, records.Contact{Stage: "Safeguarding plan", Method: "Face to face at home", Present: "Nobody", SpokenAlone: records.Yes,
		Views: "\"The alarms are fine. Leave the rest.\"", Notes: "Risks and outcomes evaluated with " + p + "."})
	g.addOutcome(6, records.DesiredOutcome{Text: "I'm not going in a home.", Stage: "Enquiry", Achievement: "Fully achieved", Evaluation: "\"Still here.\""})
	g.addOutcome(6, records.DesiredOutcome{Text: "I want the neighbours to stop complaining about me.", Stage: "Enquiry", Achievement: "Not achieved",
		Evaluation: "\"They still moan.\""})
	g.addRep(20, -1, records.Representative{Kind: "Appointee", Name: "Northmoor Council appointeeship team", Organisation: "Northmoor Council", Phone: "01632 960900",
		PersonAgreed: "Yes", PaperworkSeen: records.Yes, Notes: "Manages his benefits so the bills are paid."})
	c.Advocacy = records.Advocacy{Offered: records.Yes, Response: "Declined"}
	g.allege("Self-Neglect", "Own Home", "Known - self", "Hoarding; no working smoke alarm; sleeping in a chair.", "Risk reduced")
	g.addRisk(records.Risk{Description: "Fire: blocked exits and papers by the gas fire", Source: "Hoarding", Likelihood: "High", Impact: "High",
		PersonView: "\"I've been careful for thirty years.\"", LessRestrictive: "Smoke alarms and a clear route rather than a forced clearance.",
		Proportionality: "He has capacity and declined clearance; fire safety measures respect that.",
		Evaluation:      records.RiskEvaluation{Date: g.day(120), Result: "Risk remains", PersonSaid: "\"The alarms are fine. Leave the rest.\""}},
		g.act("Smoke alarms fitted and gas fire capped", "Northmoor Fire and Rescue", 14, "Done", 12),
		g.act("Deep clean of the kitchen", "Northmoor Homes", 60, "Cancelled", -1))
	g.addRisk(records.Risk{Description: "Falls on the cluttered stairs", Source: "Hoarding; COPD", Likelihood: "Medium", Impact: "High"},
		g.act("Occupational therapy assessment", "OT service", 240, "Not started", -1))
	g.addCapacity(20, records.CapacityAssessment{Decision: "Whether to accept help to clear his home", Understand: "Able", Retain: "Able", UseOrWeigh: "Able", Communicate: "Able",
		Outcome: "Has capacity for this decision", RisksConsidered: g.riskIDs()})
	g.addReferral(10, 12, records.AgencyReferral{Agency: "Housing", Detail: "Northmoor Homes (landlord): support with the tenancy", Response: "Tenancy support officer allocated."})
	c.Caused = records.CausedEnquiry{Organisation: practice, OrgType: "GP practice", Requested: g.day(5), ReportReceived: records.Yes, ReportDate: g.day(60)}
	g.addMeeting(190, records.Meeting{Type: "Review meeting", Place: p + "'s doorstep, then the GP practice", Purpose: "Review the fire risk with " + p,
		Attendees: []records.Attendee{{Name: g.lead, Role: "Lead practitioner", Organisation: "Northmoor Council", Attendance: "Attended"}, {Name: "Social prescriber", Role: "", Organisation: practice, Attendance: "Attended"}}})
	c.Plan = records.Plan{ReviewType: "Standalone review", Monitor: practice + " social prescriber", ReviewDate: g.day(230)}
	c.Outcome = records.Outcome{Finding: "Substantiated", RiskAssessmentOutcome: "Risk identified and no action taken", RiskOutcome: "Risk remained",
		CapacityLacked: "No, they did not lack capacity", AskedAboutOutcomes: "Yes, they were asked and outcomes were expressed", OutcomesAchieved: "Partially achieved",
		OutcomesMet: "Not", FeelsSafer: "Partially", InvolvedInRisk: "Fully", UnderstoodWhy: "Fully", FeltListened: "Not very much", KeptInformed: "Yes", InvitedToMeetings: "No",
		PersonFeedback: "\"Too many people coming round.\"", AdultOutcomes: []string{"Increased monitoring"}}
	g.sortChronology()
}
