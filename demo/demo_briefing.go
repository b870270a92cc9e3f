package demo

import "msprecords/records"

// demoBriefing is the case the MSP dementia audit briefing describes, with
// the good practice it looks for: a woman with advanced dementia and
// fluctuating capacity, seen alone, supported by a Care Act advocate and by
// her daughter (attorney for health and welfare); her husband, alleged to
// have caused harm and himself an adult at risk as her carer, heard and
// supported; several risks, each with actions and evaluated with her;
// timely referrals to the police and her GP; professional challenge; a
// chronology linked to the work it records.
func demoBriefing(g *demoGen) {
	g.open(96, true)
	p, c := g.P(), g.c
	husband := g.rel("Harold", "", "Male", true)
	daughter := g.rel("Susan", "Reid", "Female", false)
	demoBriefingPerson(g, husband)
	c.Enquiry = records.Enquiry{
		Type: "Section 42 enquiry", CouncilReference: c.Enquiry.CouncilReference,
		ConcernReceived: g.start, Started: g.day(2), Closed: g.day(96), Stage: "Closure",
		LeadPractitioner: g.lead, Organisation: c.Enquiry.Organisation, ConflictingAccounts: records.Yes,
		Concern: "District nurse visiting to dress " + p + "'s leg ulcer found fingertip-shaped bruises on both upper arms. " +
			p + " said \"he gets cross when I won't get up\". Her husband told the nurse he is \"at the end of his tether\" and " +
			"sometimes locks the front door when he goes to the shops. This week's tablets were still in the dosette box.",
	}
	c.ReferralIn = records.ReferralIn{Date: g.start, Source: "Health professional", Method: c.ReferralIn.Method,
		ReferrerName: "Claire Dunmore", ReferrerRole: "District nurse, Northmoor Community Health (fictional)"}
	c.Decision = records.S42Decision{Date: g.day(1), DecidedBy: "Anita Shah, safeguarding adults manager",
		CareNeeds: "Met", AtRisk: "Met", UnableToProtect: "Met",
		Decision: "Met, progress to s42(2) enquiry", OtherwiseHandling: "Care Act assessment"}
	c.Consent = records.Consent{Enquiry: "Not able to consent", EnquiryDate: g.day(3), Share: "Not able to consent", ShareDate: g.day(3),
		OverrideReason: "Vital interest",
		OverrideDetail: p + " could not weigh up sharing on the day. Shared with the police and her GP in her best interests to protect her from serious harm; " +
			daughter + " (attorney, health and welfare) agreed."}
	demoBriefingEngagement(g, husband, daughter)
	demoBriefingRisks(g, husband)
	demoBriefingWork(g, husband, daughter)
	demoBriefingOutcome(g)
	g.sortChronology()
}

func demoBriefingPerson(g *demoGen, husband string) {
	pp := &g.c.Person
	pp.CommunicationNeeds = "Advanced dementia: short sentences, one question at a time, and time to answer. Best in the morning. Hard of hearing in the left ear."
	pp.CommunicationAids = "Hearing aid (right ear); picture cards for food, care and the day's routine; family photographs help her orientate."
	pp.Conditions = "Advanced dementia (Alzheimer's type), diagnosed 2019; type 2 diabetes; osteoarthritis of both knees; leg ulcer."
	pp.PrimarySupportReason = "Support with memory and cognition"
	pp.LivesWith = "Her husband, " + husband + " (86), who is her main carer"
	pp.SubstantialDifficulty = records.Yes
	pp.InterpreterNeeded = records.No // English is her language; asked and answered
}

func demoBriefingEngagement(g *demoGen, husband, daughter string) {
	p := g.P()
	g.addRep(2, -1, records.Representative{Kind: "Attorney under LPA - health and welfare", Name: daughter,
		Phone: "07700 900114", Email: "susan.reid@example.org", Address: "3 Fennel Court, Easthope (fictional)",
		Relationship: "Daughter", PersonAgreed: "Not able to say", PaperworkSeen: records.Yes,
		Notes: "Daughter. Lasting power of attorney for health and welfare registered in 2020; the original was seen on the second visit. Lives 40 miles away and visits every other weekend."})
	g.addRep(4, 96, records.Representative{Kind: "Care Act advocate (s68)", Name: "Priya Nair", Organisation: "Brightwater Advocacy (fictional)",
		Phone: "01632 960201", Email: "priya.nair@example.org", PersonAgreed: "Yes",
		Notes: "Instructed because " + p + " has substantial difficulty in being involved. " + p + " smiled and said \"she's nice, she can come\"."})
	g.c.Advocacy = records.Advocacy{Offered: records.Yes, Response: "Accepted", Kind: "Care Act advocate (s68)"}
	c1 := g.addContact(3, records.Contact{Stage: "Enquiry", Method: "Face to face at home",
		Present: husband + " at first; then " + p + " alone in the sitting room", SpokenAlone: records.Yes,
		AidsUsed:      "Picture cards; sat on her right side (hearing aid); morning visit",
		Views:         "\"I want to stay here. This is my house.\" \"" + firstOf(husband) + " is good to me but he shouts. I don't like the shouting.\" \"Don't take me away.\"",
		ConsentSought: records.Yes, ConsentGiven: "Not able to consent",
		Notes: "Home visit. Spoke with " + p + " alone after " + husband + " agreed to wait in the kitchen. Bruises seen and body map completed. " + p + " smiled when talking about the day centre."})
	g.addContact(10, records.Contact{Stage: "Enquiry", Method: "Face to face at home", Present: "Priya Nair (advocate); " + husband + " not in the room",
		SpokenAlone: records.Yes, AidsUsed: "Picture cards; photographs of the family",
		Views: "\"I like it when the girls come.\" Shown a picture of a care home: \"No. Not that.\" \"" + firstOf(husband) + " gets tired.\"", ConsentSought: records.Yes, ConsentGiven: "Not able to consent",
		Notes: "Visit with the advocate to go through what " + p + " wants. Outcomes revisited in her words."})
	demoBriefingShown(g, husband)
	g.addContact(38, records.Contact{Stage: "Safeguarding plan", Method: "Face to face elsewhere", Present: "Nobody else: seen in a quiet room at Willow Day Centre",
		SpokenAlone: records.Yes, AidsUsed: "Picture cards",
		Views: "\"It's better at home now. He doesn't shout so much.\" \"I like the singing here.\"", ConsentSought: records.No,
		Notes: "Seen at the day centre, away from home, to check how the plan feels to " + p + "."})
	g.addContact(60, records.Contact{Stage: "Outcome / case conference", Method: "Video call", Present: daughter + " and " + p + " together at " + daughter + "'s request",
		SpokenAlone: records.No, NotAloneReason: p + " was staying with her daughter that week; a video call was all that was possible and she wanted her daughter beside her.",
		AidsUsed: "Large tablet screen", Views: "\"Hello love. I'm all right.\"",
		Notes: "Short video call before the case conference to hear " + p + "'s view of how things are."})
	g.addContact(90, records.Contact{Stage: "Review", Method: "Face to face at home", Present: "Priya Nair (advocate)", SpokenAlone: records.Yes,
		AidsUsed: "Picture cards; morning visit",
		Views:    "\"I'm still at home, aren't I? That's right.\" \"The girls help me up now. It doesn't hurt.\"", ConsentSought: records.Yes, ConsentGiven: "Not able to consent",
		Notes: "Evaluation visit with the advocate: each risk and each outcome gone through with " + p + "."})
	g.correct(5, c1, "Correction to the entry about the first home visit: the body map shows four bruises, not three. The GP's copy has been corrected.")
	g.addOutcome(3, records.DesiredOutcome{Text: "I want to stay in my own home.", Stage: "Enquiry",
		History:     []records.OutcomeRevision{g.revise(38, "I want to stay in my own home.", "Confirmed with "+p+" at the day centre: unchanged.")},
		Achievement: "Fully achieved", Evaluation: "\"I'm still at home, aren't I? That's right.\""})
	g.addOutcome(3, records.DesiredOutcome{Text: "I don't want " + firstOf(husband) + " to shout at me.", Stage: "Enquiry",
		History:     []records.OutcomeRevision{g.revise(10, "I want "+firstOf(husband)+" to stop shouting.", p+" put it her own way with the advocate: she does not want him stopped from caring, only the shouting.")},
		Achievement: "Partially achieved", Evaluation: "\"He's better since the girls come in the morning. He still gets cross sometimes.\""})
	g.addOutcome(10, records.DesiredOutcome{Text: "I want to keep going to the singing on Tuesdays.", Stage: "Enquiry",
		Achievement: "Fully achieved", Evaluation: "\"I like the singing.\" Now goes on Tuesdays and Fridays."})
}

// demoBriefingShown is the contact the briefing's point about views is
// made by: on a bad afternoon the person says nothing in words, and shows
// with the help of a carer who knows her what she feels about her husband.
func demoBriefingShown(g *demoGen, husband string) {
	p, carer := g.P(), "Janet Mills"
	g.addContact(24, records.Contact{Stage: "Enquiry", Method: "Face to face at home",
		Present: carer + ", her home carer from Northmoor Home Care (fictional)", SpokenAlone: records.No,
		NotAloneReason: p + " was not using words that afternoon; " + carer + " stayed because she knows what " + p + "'s signs mean.",
		AidsUsed:       "Picture cards; her own cardigan and cup",
		Communicated:   []string{"Pictures or symbols", "Objects of reference", "Behaviour or body language"},
		HelpedBy:       carer + ", home carer, who helps her up every morning and knows her well",
		Shown: "Said nothing in words. Relaxed and held " + firstOf(carer) + "'s hand while the picture cards were gone through; tapped the card of her own chair " +
			"at home and smiled. Took her cardigan when it was held out, which " + firstOf(carer) + " says means \"yes, stay\". When " + firstOf(husband) +
			"'s key was heard in the door she stiffened, pulled her arms to her chest and looked at " + firstOf(carer) + "; she settled again when he " +
			"sat down across the room and spoke quietly. " + firstOf(carer) + " says this is how she shows she is frightened, and that she no longer " +
			"does it in the mornings now that the stand aid is used.",
		ConsentSought: records.No,
		Notes:         "Afternoon visit with the home carer to see how " + p + " is with " + husband + " now that the carers and the stand aid are in place."})
}

func demoBriefingRisks(g *demoGen, husband string) {
	p := g.P()
	out := g.c.DesiredOutcomes
	r1 := g.act("Moving and handling assessment by an occupational therapist", "Tom Fairweather, OT", 10, "Done", 9)
	r1.OutcomeID = out[1].ID
	r1.LessRestrictive = "Assessment and equipment first, before any more carers."
	g.addRisk(records.Risk{Description: "Bruising when " + husband + " pulls " + p + " up from her chair or bed", Source: husband + " (husband and carer), when tired",
		Likelihood: "High", Impact: "High", PersonView: "\"He pulls my arms. It hurts.\"",
		LessRestrictive: "Considered a short stay in respite care (against " + p + "'s clear wish) and carers four times a day. Chose carers morning and evening for getting up and going to bed, with a stand aid.",
		Proportionality: "Targets the two moments the bruising happens and keeps " + p + " at home with " + husband + ", as she wants.",
		Evaluation:      records.RiskEvaluation{Date: g.day(90), Result: "Risk reduced", PersonSaid: "\"The girls help me up now. It doesn't hurt.\""}},
		r1,
		g.act("Home care morning and evening for getting up and going to bed", "Brokerage team", 14, "Done", 12),
		g.act("Stand aid delivered and "+husband+" shown how to use it", "Community equipment service", 21, "Done", 18))
	g.addRisk(records.Risk{Description: "Missed medication for diabetes and blood pressure", Source: "No prompting; " + husband + "'s own memory and stress",
		Likelihood: "High", Impact: "Medium", PersonView: "\"I don't need all those tablets.\"",
		LessRestrictive: "A pharmacy blister pack and carer prompts rather than moving medicines out of the house.",
		Proportionality: "Least intrusive way to make sure the tablets are taken.",
		Evaluation:      records.RiskEvaluation{Date: g.day(90), Result: "Risk removed", PersonSaid: "\"The girl gives me my tablets with my tea.\""}, Closed: true},
		g.act("GP medication review and pharmacy blister pack", "Dr Malik, GP", 14, "Done", 9))
	g.addRisk(records.Risk{Description: "Locked in alone while " + husband + " goes shopping (fire and falls)", Source: husband + "'s worry that she will wander",
		Likelihood: "Medium", Impact: "High", PersonView: "\"I don't mind being on my own. I have my programmes.\"",
		LessRestrictive: "Considered a door sensor and a sitting service instead of locking the door; " + p + " chose the day centre.",
		Proportionality: "Gives " + husband + " time to shop without restricting " + p + "'s liberty.",
		Evaluation:      records.RiskEvaluation{Date: g.day(90), Result: "Risk removed", PersonSaid: "\"I go to the singing when he shops.\""}, Closed: true},
		g.act("Day centre on Tuesdays and Fridays", "Sam Okoro", 28, "Done", 24),
		g.act("Fire service home safety visit and key safe", "Northmoor Fire and Rescue", 28, "Done", 20))
	g.addRisk(records.Risk{Description: "Carer strain: " + husband + " exhausted and shouting", Source: husband + "'s health and the demands of caring",
		Likelihood: "High", Impact: "Medium", PersonView: "\"" + firstOf(husband) + " gets tired. He needs a rest.\"",
		LessRestrictive: "Support for " + husband + " as a carer before any change to where " + p + " lives.",
		Proportionality: "Addresses the cause of the harm and keeps the marriage and home together.",
		Evaluation:      records.RiskEvaluation{Date: g.day(90), Result: "Risk reduced", PersonSaid: "\"He's not so cross.\""}},
		g.act("Carer's assessment for "+husband, "Carers team", 21, "Done", 16),
		g.act("Carer's break: sitting service two afternoons a week", "Northmoor Carers Centre (fictional)", 35, "Done", 30),
		g.act("GP health check for "+husband, "Dr Malik, GP", 30, "Cancelled", -1))
}

func demoBriefingWork(g *demoGen, husband, daughter string) {
	p := g.P()
	g.addCapacity(12, records.CapacityAssessment{Decision: "Whether to accept carers twice a day at home to keep her safe",
		Understand: "Not able", Retain: "Not able", UseOrWeigh: "Not able", Communicate: "Able",
		Impairment: "Advanced dementia (Alzheimer's type)",
		CausalLink: "Her dementia stops her holding the information long enough to weigh up the risks of managing without help: she had forgotten the conversation within minutes.",
		Outcome:    "Lacks capacity for this decision", Fluctuates: records.Yes, RevisitBy: g.day(26), RevisitedOn: g.day(24),
		RevisitOutcome:  "Seen again in the morning, her better time of day: still unable to retain the information. Decision confirmed.",
		RisksConsidered: g.riskIDs(),
		BestInterests:   "Carers twice a day at home are in " + p + "'s best interests: she wants to stay at home and it deals with the bruising, medication and carer strain.",
		Consulted:       daughter + " (attorney, health and welfare); " + husband + "; Priya Nair (advocate); Dr Malik (GP)",
		LessRestrictive: "Tried first: support for " + husband + " alone. Rejected: a move to a care home, which " + p + " refused whenever it was raised.",
		SupportedBy:     "Advocate"})
	g.addAlleged(records.AllegedPerson{Name: husband, Relationship: "Husband and main carer", Address: g.c.Person.Address,
		LivedWithThen: records.Yes, LivesWithNow: records.Yes, AwareOfConcern: records.Yes, AlsoAdultAtRisk: records.Yes,
		Views:          "Said he loves " + p + " and \"would never hurt her on purpose\"; the bruises happened when he pulled her up because she would not stand. Admitted shouting and locking the door when he shops because she has wandered before.",
		Impact:         "Tearful and ashamed; feels judged and exhausted. Has angina and sleeps badly. Frightened that " + p + " would be \"put in a home\".",
		SupportOffered: "Carer's assessment; carer's break two afternoons a week; moving and handling training; Northmoor Carers Centre support group; encouraged to see his GP about his own health.",
		Outcomes:       []string{"Counselling or training", "Continued monitoring"}})
	g.allege("Physical Abuse", "Own Home", "Known - relative, family or carer", "Fingertip bruising to both upper arms from being pulled up.", "Risk reduced")
	g.allege("Neglect and Acts of Omission", "Own Home", "Known - relative, family or carer", "Medication not given for a week; left alone with the door locked.", "Risk removed")
	g.allege("Psychological Abuse", "Own Home", "Known - relative, family or carer", "Shouting when "+p+" will not get up.", "Risk reduced")
	g.addReferral(1, 1, records.AgencyReferral{Agency: "Police", Detail: "101 report of unexplained bruising to an adult with dementia", Reference: "NM-25-118204",
		Response: "PC visited with the social worker; no further police action; crime reference kept for 28 days."})
	g.addReferral(3, 4, records.AgencyReferral{Agency: "Health", Detail: "GP (Dr Malik, Riverside Medical Practice): medication review and bruising", Reference: "",
		Response: "Medication review within a week; blister pack arranged; " + husband + " offered his own health check."})
	g.addChallenge(6, records.Challenge{By: g.lead, What: husband + "'s account that the bruises came from a fall, which did not match their shape.",
		Outcome: "Occupational therapist observed a transfer; the account was revised and moving and handling support put in place."})
	g.addChallenge(20, records.Challenge{By: "Priya Nair, advocate", What: "The GP's suggestion that " + p + " should move to a care home \"for everyone's sake\", before less restrictive options had been tried.",
		Outcome: "Best-interests meeting held. Agreed to try more care at home for eight weeks, then review. " + p + " stayed at home."})
	g.addMeeting(2, records.Meeting{Type: "Strategy meeting", Place: "Telephone conference", Purpose: "Share information and plan the enquiry",
		Attendees: []records.Attendee{{Name: g.lead, Role: "Lead practitioner", Organisation: "Northmoor Council", Attendance: "Attended"}, {Name: "PC Dev Rao", Role: "Officer in charge", Organisation: "Northmoor Police (fictional)", Attendance: "Attended"},
			{Name: "Claire Dunmore", Role: "District nurse", Organisation: "Northmoor Community Health", Attendance: "Attended"}, {Name: "Dr Malik", Role: "GP", Organisation: "Riverside Medical Practice", Attendance: "Apologies"}}})
	g.addMeeting(62, records.Meeting{Type: "Case conference", Place: "Northmoor Civic Centre, room 4", Purpose: "Agree the outcome of the enquiry and the safeguarding plan",
		Attendees: []records.Attendee{{Name: g.lead, Role: "Lead practitioner", Organisation: "Northmoor Council", Attendance: "Attended"}, {Name: "Priya Nair", Role: "Care Act advocate", Organisation: "Brightwater Advocacy", Attendance: "Attended"},
			{Name: daughter, Role: "Daughter and attorney", Organisation: "", Attendance: "Attended"}, {Name: husband, Role: "Husband and carer", Organisation: "", Attendance: "Attended"}}})
	g.c.Plan = records.Plan{ReviewType: "Within ongoing care management", Monitor: "Northmoor Council review team", ReviewDate: g.day(150),
		ReviewOutcome: "Plan working: no new bruising reported by carers or the day centre."}
}

func demoBriefingOutcome(g *demoGen) {
	p := g.P()
	g.c.Outcome = records.Outcome{Finding: "Partly substantiated", RiskAssessmentOutcome: "Risk identified and action taken", RiskOutcome: "Risk reduced",
		CapacityLacked: "Yes, they lacked capacity", CapacitySupport: "Advocate",
		AskedAboutOutcomes: "Yes, they were asked and outcomes were expressed", OutcomesAchieved: "Partially achieved",
		OutcomesMet: "Partially", FeelsSafer: "Yes", InvolvedInRisk: "Partially", UnderstoodWhy: "Partially", FeltListened: "Always",
		KeptInformed: "Yes", InvitedToMeetings: "Yes",
		PersonFeedback:   "Through her advocate: \"You listened to me.\" Did not want to go to the case conference; her advocate went for her.",
		ViewOfClosing:    "\"Are the girls still coming? That's all right then.\"",
		ReferrerFeedback: records.Yes, ClosureReason: "Risks reduced and managed through " + p + "'s care and support plan; her wish to stay at home met.",
		NeedsMet: records.Yes, AbuseOrNeglect: records.Yes, UnableToProtect: records.Yes, FurtherAction: records.Yes,
		AdultOutcomes: []string{"Increased monitoring", "Referral to advocacy", "Moved to increased or different care"}}
}
