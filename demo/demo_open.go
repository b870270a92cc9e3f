package demo

import (
	"strings"

	"msprecords/records"
)

// Scenarios 1 to 4: open enquiries at the early stages, before an outcome.

// firstOf returns the first word of a name.
func firstOf(name string) string {
	if i := strings.IndexByte(name, ' '); i > 0 {
		return name[:i]
	}
	return name
}

// demoSentElsewhere: a concern about a lodger and a pension, at the concern
// stage, sent to the council where the person is ordinarily resident. A
// Russian speaker seen through an interpreter.
func demoSentElsewhere(g *demoGen) {
	g.open(2, false)
	p, c := g.P(), g.c
	lodger := g.rel("Viktor", "Petrenko", "Male", false)
	neighbour := g.rel("Joan", "Marsh", "Female", false)
	pp := &c.Person
	pp.Language, pp.InterpreterNeeded = "Russian", records.Yes
	pp.CommunicationNeeds = "Speaks Russian; some English, but not when upset. Use a telephone interpreter."
	pp.Conditions, pp.PrimarySupportReason = "COPD; memory problems not yet assessed", "Physical support: personal care"
	pp.LivesWith = "A lodger, " + lodger
	c.Enquiry.Type, c.Enquiry.Stage = "Section 42 enquiry", "Concern"
	c.Enquiry.Concern = "Neighbour says " + p + "'s lodger takes her pension card to the cash machine every week and she has no money for food or electricity by Tuesday. " +
		"Her meter ran out twice this month. She moved here from Southfield in the summer and Southfield Council still arranges her care."
	c.ReferralIn.Source, c.ReferralIn.ReferrerName, c.ReferralIn.ReferrerRole = "Friend or neighbour", neighbour, "Neighbour"
	c.Decision = records.S42Decision{Date: g.day(1), DecidedBy: "Anita Shah, safeguarding adults manager", CareNeeds: "Met", AtRisk: "Met", UnableToProtect: "Met",
		Decision: "Sent to another council", OtherwiseHandling: "Passed to another service or council",
		ReasonsNotMet: p + " is ordinarily resident in Southfield, which funds her care; the duty to enquire is being passed to Southfield Council."}
	c.Consent = records.Consent{Enquiry: "Yes, with limits", EnquiryDate: g.day(2), Share: "Yes, with limits", ShareDate: g.day(2),
		Limits: "Agreed to share with Southfield Council and her GP; not with her son abroad."}
	g.addContact(2, records.Contact{Stage: "Concern", Method: "Through an interpreter", Present: "Telephone interpreter; the lodger was out",
		SpokenAlone: records.Yes, AidsUsed: "Telephone interpreter (Russian)",
		Views:         "(Interpreted) \"I don't want trouble with him. I only want my money to last the week. I want to choose who touches my money.\"",
		ConsentSought: records.Yes, ConsentGiven: "Yes, with limits",
		Notes: "Phoned " + p + " with an interpreter while the lodger was out. Food parcel and meter top-up arranged the same day."})
	g.addOutcome(2, records.DesiredOutcome{Text: "I want my pension to last the week and to choose who touches my money.", Stage: "Concern"})
	g.addRep(0, -1, records.Representative{Kind: "Informal representative", Name: neighbour, Phone: "07700 900371", PersonAgreed: "Yes",
		Notes: "Neighbour who helps with letters in English. " + p + " asked for her to be kept informed."})
	g.addAlleged(records.AllegedPerson{Name: lodger, Relationship: "Lodger", Address: pp.Address, LivedWithThen: records.Yes, LivesWithNow: records.Yes,
		Views: "Not yet spoken to: Southfield Council will lead the enquiry."})
	g.allege("Financial or Material Abuse", "Own Home", "Known - known but not related", "Lodger takes her pension card and cash each week.", "")
	g.addRisk(records.Risk{Description: "No money for food or electricity by the middle of each week", Source: lodger + " (lodger)",
		Likelihood: "High", Impact: "Medium", PersonView: "\"I manage. I eat bread.\""},
		g.act("Emergency food parcel and meter top-up", g.lead, 3, "Done", 2),
		g.act("Send the concern, notes and risk assessment to Southfield Council", g.lead, 9, "In progress", -1))
	g.addReferral(1, 2, records.AgencyReferral{Agency: "Other", Detail: "Southfield Council adult safeguarding team (fictional): transfer of the concern",
		Response: "Received; awaiting confirmation of the lead practitioner."})
	g.sortChronology()
}

// demoNotMet: a concern about hate incidents on a bus where the s42(1)
// tests are not all met: the person can protect herself with support and
// wants advice, not an enquiry. Decided and awaiting the closing letter.
func demoNotMet(g *demoGen) {
	g.open(3, false)
	p, c := g.P(), g.c
	mother := g.rel("Fiona", "", "Female", true)
	pp := &c.Person
	pp.Conditions, pp.PrimarySupportReason = "Mild learning disability; autism", "Learning disability support"
	pp.CommunicationNeeds = "Prefers text messages and easy-read letters; needs time to answer; dislikes phone calls from unknown numbers."
	pp.CommunicationAids, pp.LivesWith = "Easy-read letters", "Her mother, "+mother
	c.Enquiry.Type, c.Enquiry.Stage = "Section 42 enquiry", "Decision on the s42 duty"
	c.Enquiry.Concern = "Police report that " + p + " has been called names and had her bag pulled by a group of teenagers on the number 12 bus three times this month. " +
		"She has stopped going to college on Wednesdays."
	c.ReferralIn.Source, c.ReferralIn.ReferrerName, c.ReferralIn.ReferrerRole = "Police", "PC Jo Hartley", "Neighbourhood officer, Northmoor Police (fictional)"
	c.ReferralIn.PoliceRef, c.ReferralIn.IncidentNumber = "NM-26-004512", "INC-7781"
	c.Decision = records.S42Decision{Date: g.day(3), DecidedBy: "Anita Shah, safeguarding adults manager", CareNeeds: "Met", AtRisk: "Met", UnableToProtect: "Not met",
		ReasonsNotMet: p + " can protect herself with her mother's support, has reported it to the police (who are treating it as a hate incident) and wants help to travel with confidence, not an enquiry.",
		Decision:      "Not met", OtherwiseHandling: "Advice and guidance"}
	c.Consent = records.Consent{Enquiry: "No", EnquiryDate: g.day(2), Share: "Yes", ShareDate: g.day(2)}
	g.addContact(2, records.Contact{Stage: "Decision on the s42 duty", Method: "Telephone", Present: "Nobody else", SpokenAlone: records.Yes,
		Views:         "\"I don't want a social worker. I want to go on the bus on my own again without them shouting.\"",
		ConsentSought: records.Yes, ConsentGiven: "No", Notes: "Phoned " + p + " at a time she chose by text. She said no to an enquiry and yes to help with travel."})
	g.addContact(3, records.Contact{Stage: "Decision on the s42 duty", Method: "Letter or email", Present: "", SpokenAlone: records.No,
		NotAloneReason: "Easy-read letter, not a conversation", Notes: "Easy-read letter sent explaining the decision and the travel buddy scheme."})
	g.addOutcome(2, records.DesiredOutcome{Text: "I want to go on the bus on my own without people shouting at me.", Stage: "Decision on the s42 duty"})
	g.addRep(0, -1, records.Representative{Kind: "Family member as representative", Name: mother, Phone: "07700 900522", PersonAgreed: "Yes",
		Notes: "Mother. " + p + " asked for her to be told everything."})
	g.allege("Discriminatory Abuse", "In the Community (excluding community services)", "Unknown - stranger", "Name-calling about her disability and bag pulled on a bus.", "")
	g.addRisk(records.Risk{Description: "Targeted on the number 12 bus on the way to college", Source: "A group of teenagers not known to her",
		Likelihood: "Medium", Impact: "Low", PersonView: "\"It's only on Wednesdays. The driver doesn't see.\""},
		g.act("Referral to the travel buddy scheme", "Northmoor Travel Training (fictional)", 17, "Not started", -1))
	g.addReferral(2, 3, records.AgencyReferral{Agency: "Other", Detail: "Stop Hate Northmoor (fictional): hate crime support", Response: "Will contact " + p + " by text."})
	g.sortChronology()
}

// demoCareHome: a nursing home resident found with a pressure ulcer and a
// bruise after staff shortages; the council has caused the home to enquire
// and a strategy discussion is planned.
func demoCareHome(g *demoGen) {
	g.open(6, false)
	p, c := g.P(), g.c
	home := "Larchfield Nursing Home (fictional)"
	pp := &c.Person
	pp.Conditions, pp.PrimarySupportReason = "Vascular dementia; Parkinson's disease; at high risk of pressure ulcers", "Personal care support"
	pp.CommunicationNeeds, pp.CommunicationAids = "Soft voice; nods or squeezes a hand for yes", "Yes/no cards"
	pp.LivesWith = "Resident at " + home
	c.Enquiry.Type, c.Enquiry.Stage, c.Enquiry.Started = "Enquiry caused by the council", "Planning / strategy discussion", g.day(2)
	c.Enquiry.Concern = "Paramedics called after a fall found " + p + " with a grade 3 pressure ulcer, soaked bedding and a finger-shaped bruise on his wrist. " +
		"Night staff said they were two carers short and the agency staff did not know the residents."
	c.ReferralIn.Source, c.ReferralIn.ReferrerName, c.ReferralIn.ReferrerRole = "Ambulance", "Crew 4417", "Paramedic, regional ambulance service"
	c.Decision = records.S42Decision{Date: g.day(1), DecidedBy: "Anita Shah, safeguarding adults manager", CareNeeds: "Met", AtRisk: "Met", UnableToProtect: "Met",
		Decision: "Met, progress to s42(2) enquiry", OtherwiseHandling: "Review"}
	c.Consent = records.Consent{Enquiry: "Not able to consent", EnquiryDate: g.day(2), Share: "Not able to consent", ShareDate: g.day(2),
		OverrideReason: "Others at risk", OverrideDetail: "Other residents may be affected by the same staffing problems."}
	g.addContact(2, records.Contact{Stage: "Enquiry", Method: "Face to face at home", Present: "Nobody: seen in his room with the door closed", SpokenAlone: records.Yes,
		AidsUsed: "Yes/no cards", Communicated: []string{"Words", "Signs or gestures"},
		Views:         "Nodded when asked if the nights were bad. \"Cold. Wet.\" Squeezed my hand for yes when asked if he wants to stay at Larchfield.",
		ConsentSought: records.Yes, ConsentGiven: "Not able to consent", Notes: "Visited " + p + " at " + home + "; wound and bruise seen with the nurse in charge."})
	g.addOutcome(2, records.DesiredOutcome{Text: "To be warm and dry at night and stay at Larchfield (yes on the cards).", Stage: "Enquiry"})
	g.addRep(0, -1, records.Representative{Kind: "IMCA", Name: "Kwame Adeyemi", Organisation: "Northmoor Advocacy Hub (fictional)", Phone: "01632 960455", PersonAgreed: "Not able to say",
		Notes: "Already his IMCA for a decision about his care; agreed to support him through the enquiry."})
	g.addRep(0, -1, records.Representative{Kind: "Deputy - property and financial affairs", Name: "Gillian Marsh", Organisation: "Pemberton & Marsh Solicitors (fictional)",
		Phone: "01632 960610", PersonAgreed: "Not able to say", PaperworkSeen: records.Yes, Notes: "Court-appointed deputy for his property and affairs; no role in welfare decisions."})
	c.Advocacy = records.Advocacy{Offered: records.Yes, Response: "Already in place", Kind: "IMCA"}
	c.Providers = []records.ServiceProvider{{ID: g.id(), Name: home, Type: "Care home"}, {ID: g.id(), Name: "Nightingale Staffing (fictional)", Type: "Staffing agency"}}
	g.allege("Organisational Abuse", "Care Home - Nursing", "Service provider - private", "Too few night staff; repositioning not done.", "")
	g.allege("Physical Abuse", "Care Home - Nursing", "Unknown - social care staff", "Finger-shaped bruise to the wrist; agency carer not identified.", "")
	g.addRisk(records.Risk{Description: "Pressure damage getting worse", Source: "Repositioning not done at night", Likelihood: "High", Impact: "High",
		PersonView: "Nodded when asked if it hurts."},
		g.act("Tissue viability nurse to visit", "Community tissue viability team", 5, "Done", 4),
		g.act("Two-hourly repositioning chart checked daily by the manager", "Larchfield manager", 14, "In progress", -1))
	g.addRisk(records.Risk{Description: "Rough handling at night by staff who do not know him", Source: "Agency night staff", Likelihood: "Medium", Impact: "High"},
		g.act("Agency staff to have a moving and handling induction before any shift", "Larchfield manager", 14, "Not started", -1))
	g.addCapacity(3, records.CapacityAssessment{Decision: "Whether to agree to photographs of the wound and bruise", Understand: "Not able", Retain: "Not able",
		UseOrWeigh: "Not able", Communicate: "Able", Impairment: "Vascular dementia",
		CausalLink: "Could not understand what the photographs were for or who would see them.", Outcome: "Lacks capacity for this decision",
		RisksConsidered: g.riskIDs(), BestInterests: "Photographs taken by the nurse in charge, kept with the enquiry only.",
		Consulted: "Kwame Adeyemi (IMCA); nurse in charge", SupportedBy: "Advocate"})
	g.addReferral(1, 1, records.AgencyReferral{Agency: "CQC", Detail: "Notification of concerns about night staffing at " + home, Response: "Inspector to attend the strategy meeting."})
	g.addReferral(1, 2, records.AgencyReferral{Agency: "Health", Detail: "Tissue viability nurse", Response: "Seen within two days; dressing plan in place."})
	c.Caused = records.CausedEnquiry{Organisation: home, OrgType: "Care home", Requested: g.day(2)}
	c.OthersAtRisk = records.OthersAtRisk{Adults: records.Yes, Details: "The other residents of the nursing floor have the same night staff."}
	c.Outcome.AdultOutcomes = []string{"DoLS application"}
	g.addMeeting(10, records.Meeting{Type: "Strategy meeting", Place: "Larchfield Nursing Home, meeting room", Purpose: "Plan the enquiry and check the safety of other residents",
		Attendees: []records.Attendee{{Name: g.lead, Role: "Chair", Organisation: "Northmoor Council", Attendance: "Attended"}, {Name: "Kwame Adeyemi", Role: "IMCA", Organisation: "Northmoor Advocacy Hub", Attendance: "Attended"},
			{Name: "Inspector Rhian Cole", Role: "Inspector", Organisation: "CQC", Attendance: "Apologies"}}})
	g.sortChronology()
}

// demoDayCentre: an enquiry caused to a charity's day centre, still in
// progress, with gaps the practice check should find: never spoken to
// alone, a risk with no action, an action overdue, the views of the person
// alleged to have caused harm not recorded, a slow referral.
func demoDayCentre(g *demoGen) {
	g.open(45, false)
	p, c := g.P(), g.c
	son := g.rel("Ciarán", "", "Male", true)
	friend := g.rel("Bronwen", "Llewellyn", "Female", false)
	worker := g.rel("Dylan", "Thornbury", "Male", false)
	centre := "Meadowbank Day Centre (fictional charity)"
	pp := &c.Person
	pp.Conditions, pp.PrimarySupportReason = "Stroke in 2022 with right-sided weakness and expressive aphasia; type 2 diabetes", "Physical support: personal care"
	pp.CommunicationNeeds = "Expressive aphasia: understands well but finds words hard. Give time; closed questions help."
	pp.CommunicationAids, pp.LivesWith = "Communication book; pen and paper", "Alone; "+friend+" visits daily"
	c.Enquiry.Type, c.Enquiry.Stage, c.Enquiry.Started = "Enquiry caused by the council", "Enquiry", g.day(3)
	c.Enquiry.Concern = "Son says his mother came home from " + centre + " with a cut to her forehead and in soiled clothes twice this month. " +
		"She pointed at one of the staff in a photograph and cried. The centre did not tell the family about either incident."
	c.ReferralIn.Source, c.ReferralIn.ReferrerName, c.ReferralIn.ReferrerRole = "Family", son, "Son"
	c.Decision = records.S42Decision{Date: g.day(2), DecidedBy: "Anita Shah, safeguarding adults manager", CareNeeds: "Met", AtRisk: "Met", UnableToProtect: "Met",
		Decision: "Met, progress to s42(2) enquiry", OtherwiseHandling: "Signposted"}
	c.Consent = records.Consent{Enquiry: "Yes", EnquiryDate: g.day(5), Share: "Yes", ShareDate: g.day(5)}
	g.addContact(5, records.Contact{Stage: "Enquiry", Method: "Face to face at home", Present: son + " and " + friend, SpokenAlone: records.No,
		NotAloneReason: "Her son asked to stay.", AidsUsed: "Communication book", Views: "Shook her head at the photograph of the centre. Wrote \"NOT HIM\".",
		ConsentSought: records.Yes, ConsentGiven: "Yes", Notes: "Home visit. " + p + " agreed to the enquiry using her communication book."})
	g.addContact(20, records.Contact{Stage: "Enquiry", Method: "Telephone", Present: son + " (on speaker)", SpokenAlone: records.No,
		NotAloneReason: "Aphasia makes the telephone hard; her son relayed.", Notes: "Update call. " + son + " relayed that his mother wants to go back to the centre on a different day."})
	g.addContact(30, records.Contact{Stage: "Enquiry", Method: "Face to face at home", Present: friend, SpokenAlone: records.No,
		NotAloneReason: friend + " helped with words.", AidsUsed: "Pen and paper", Views: "Wrote \"miss my friends\" and \"Tuesday\".",
		Notes: "Visit to talk about what " + p + " wants from the centre."})
	g.addOutcome(5, records.DesiredOutcome{Text: "I want to keep going to the centre, but not with him.", Stage: "Enquiry"})
	g.addRep(5, -1, records.Representative{Kind: "Friend as representative", Name: friend, Phone: "07700 900618", PersonAgreed: "Yes", Notes: "Close friend; visits daily."})
	c.Providers = []records.ServiceProvider{{ID: g.id(), Name: centre, Type: "Day centre (voluntary sector)"}}
	g.addAlleged(records.AllegedPerson{Name: worker, Relationship: "Support worker at the day centre", AwareOfConcern: records.Yes, LinkedToServiceFailure: records.Yes})
	g.allege("Neglect and Acts of Omission", "In a Community Service", "Service provider - voluntary", "Left in soiled clothes; incidents not reported to the family.", "")
	g.allege("Physical Abuse", "In a Community Service", "Known - social care staff", "Cut to the forehead; she points to one worker.", "")
	g.addRisk(records.Risk{Description: "Injury and poor continence care at the day centre", Source: centre, Likelihood: "Medium", Impact: "High",
		PersonView: "Wrote \"NOT HIM\"."},
		g.act("Day centre to send its incident log, rotas and care plan", "Meadowbank manager", 21, "In progress", -1),
		g.act("Worker moved to duties without personal care while the enquiry runs", "Meadowbank manager", 4, "Done", 4))
	g.addRisk(records.Risk{Description: p + " lonely and isolated at home if she stops going to the centre", Source: "The enquiry itself", Likelihood: "Medium", Impact: "Medium"})
	g.addCapacity(10, records.CapacityAssessment{Decision: "Whether to keep attending the day centre", Understand: "Able", Retain: "Able",
		Impairment: "Stroke with aphasia", Outcome: "Not yet determined", RisksConsidered: g.riskIDs()[:1], SupportedBy: "Not supported",
		Notes: "First session; a speech and language therapist will support the second."})
	g.addReferral(1, 9, records.AgencyReferral{Agency: "Health", Detail: "GP to check the head wound", Response: "Seen; wound healing."})
	c.Caused = records.CausedEnquiry{Organisation: centre, OrgType: "Other", Requested: g.day(3)}
	g.sortChronology()
}
