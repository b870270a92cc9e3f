package records

// The pick-lists below are the exact labels of the Safeguarding Adults
// Collection (SAC) and of the councils' published s42 forms. They are data:
// boards name stages differently, so code compares against these values and
// never against string literals of its own.

// Stages is the usual order of an enquiry's stages.
var Stages = []string{
	"Concern",
	"Decision on the s42 duty",
	"Planning / strategy discussion",
	"Enquiry",
	"Outcome / case conference",
	"Safeguarding plan",
	"Review",
	"Closure",
}

// EnquiryTypes are the kinds of enquiry.
var EnquiryTypes = []string{
	"Section 42 enquiry",
	"Other safeguarding enquiry",
	"Enquiry caused by the council",
}

// AbuseTypes is the SAC list of types of abuse.
var AbuseTypes = []string{
	"Physical Abuse",
	"Sexual Abuse",
	"Psychological Abuse",
	"Financial or Material Abuse",
	"Discriminatory Abuse",
	"Organisational Abuse",
	"Neglect and Acts of Omission",
	"Domestic Abuse",
	"Sexual Exploitation",
	"Modern Slavery",
	"Self-Neglect",
}

// RiskLocations is the SAC list of locations of risk.
var RiskLocations = []string{
	"Own Home",
	"In the Community (excluding community services)",
	"In a Community Service",
	"Care Home - Nursing",
	"Care Home - Residential",
	"Hospital - Acute",
	"Hospital - Mental Health",
	"Hospital - Community",
	"Other",
}

// RiskSources is the SAC list of sources of risk.
var RiskSources = []string{
	"Service Provider",
	"Other - Known to Individual",
	"Other - Unknown to Individual",
}

// SourceDetail is one finer source of risk and the national source it maps onto.
type SourceDetail struct {
	Label    string
	National string
}

// RiskSourceDetails are the finer sources of risk of the councils' forms.
var RiskSourceDetails = []SourceDetail{
	{"Service provider - public", "Service Provider"},
	{"Service provider - private", "Service Provider"},
	{"Service provider - voluntary", "Service Provider"},
	{"Known - self", "Other - Known to Individual"},
	{"Known - relative, family or carer", "Other - Known to Individual"},
	{"Known - known but not related", "Other - Known to Individual"},
	{"Known - primary, secondary or community health care", "Other - Known to Individual"},
	{"Known - social care staff", "Other - Known to Individual"},
	{"Known - police", "Other - Known to Individual"},
	{"Known - regulator", "Other - Known to Individual"},
	{"Known - other", "Other - Known to Individual"},
	{"Unknown - stranger", "Other - Unknown to Individual"},
	{"Unknown - health care", "Other - Unknown to Individual"},
	{"Unknown - social care staff", "Other - Unknown to Individual"},
	{"Unknown - other", "Other - Unknown to Individual"},
}

// NationalSource returns the national source of risk for a finer one, or "".
func NationalSource(detail string) string {
	for _, d := range RiskSourceDetails {
		if d.Label == detail {
			return d.National
		}
	}
	return ""
}

// RiskAssessmentOutcomes is the SAC list of risk assessment outcomes.
var RiskAssessmentOutcomes = []string{
	"Risk identified and action taken",
	"Risk identified and no action taken",
	"Risk assessment inconclusive and action taken",
	"Risk assessment inconclusive and no action taken",
	"No risk identified and action taken",
	"No risk identified and no action taken",
	"Enquiry ceased at individual's request and no action taken",
}

// RiskOutcomes is the SAC list of risk outcomes where a risk was identified.
var RiskOutcomes = []string{"Risk remained", "Risk reduced", "Risk removed"}

// RiskEvaluations are the results of evaluating one risk with the person.
var RiskEvaluations = []string{"Risk removed", "Risk reduced", "Risk remains"}

// CapacityLacked is the SAC mental capacity list.
var CapacityLacked = []string{
	"Yes, they lacked capacity",
	"No, they did not lack capacity",
	"Don't know",
	"Not recorded",
}

// CapacitySupport says who supported a person lacking capacity (SAC).
var CapacitySupport = []string{"Advocate", "Family or friend", "Not supported"}

// AskedAboutOutcomes is the SAC Making Safeguarding Personal list.
var AskedAboutOutcomes = []string{
	"Yes, they were asked and outcomes were expressed",
	"Yes, they were asked but no outcomes were expressed",
	"No",
	"Don't know",
	"Not recorded",
}

// OutcomeAchievement is the SAC list of outcomes achieved.
var OutcomeAchievement = []string{"Fully achieved", "Partially achieved", "Not achieved"}

// AgeBands are the SAC age bands.
var AgeBands = []string{"18-64", "65-74", "75-84", "85+"}

// Findings are the findings of an enquiry.
var Findings = []string{"Substantiated", "Partly substantiated", "Not substantiated", "Inconclusive"}

// ContactMethods are the ways a practitioner was in contact with the person.
var ContactMethods = []string{
	"Face to face at home",
	"Face to face elsewhere",
	"Telephone",
	"Video call",
	"Letter or email",
	"Through an interpreter",
}

// ConsentAnswers record whether consent was given.
var ConsentAnswers = []string{"Yes", "Yes, with limits", "No", "Not able to consent", "Not asked"}

// ShareOverrideReasons are the lawful reasons to share without consent.
var ShareOverrideReasons = []string{
	"Vital interest",
	"Others at risk",
	"Crime",
}

// RepresentativeKinds are the kinds of representative, advocate and authority.
var RepresentativeKinds = []string{
	"Family member as representative",
	"Friend as representative",
	"Care Act advocate (s68)",
	"IMCA",
	"IMHA",
	"IDVA",
	"ISVA",
	"Attorney under LPA - health and welfare",
	"Attorney under LPA - property and financial affairs",
	"Deputy - health and welfare",
	"Deputy - property and financial affairs",
	"Appointee",
	"Next of kin",
	"Informal representative",
	"Other",
}

// AdvocacyResponses record what happened when advocacy was offered.
var AdvocacyResponses = []string{"Accepted", "Already in place", "Declined"}

// AgreementAnswers record whether the person agreed to something.
var AgreementAnswers = []string{"Yes", "No", "Not able to say"}

// CapacityOutcomes are the outcomes of one capacity assessment.
var CapacityOutcomes = []string{"Has capacity for this decision", "Lacks capacity for this decision", "Not yet determined"}

// FunctionalAnswers record one part of the functional test.
var FunctionalAnswers = []string{"Able", "Not able"}

// Levels are likelihood and impact ratings.
var Levels = []string{"Low", "Medium", "High"}

// ActionStatuses are the states of a risk action.
var ActionStatuses = []string{"Not started", "In progress", "Done", "Cancelled"}

// Agencies are the partner agencies referrals go to.
var Agencies = []string{"Police", "Health", "Legal services", "CQC", "Housing", "Other"}

// ReferralSources are the sources of the referral into the council.
var ReferralSources = []string{
	"Self", "Family", "Friend or neighbour", "Voluntary sector", "Hospital", "Health professional",
	"Care provider", "Police", "Ambulance", "Fire", "Council service", "Other",
}

// ReferralMethods are the ways a concern reached the council.
var ReferralMethods = []string{"Telephone", "Email", "Online form", "Letter", "In person"}

// TestAnswers record whether one s42(1) test was met.
var TestAnswers = []string{"Met", "Not met"}

// S42Decisions are the decisions on the s42 duty.
var S42Decisions = []string{
	"Not met",
	"Met, progress to s42(2) enquiry",
	"Other proportionate enquiry",
	"Sent to another council",
	"Duplicate concern",
}

// OtherHandling says how a concern not taken to enquiry was handled.
var OtherHandling = []string{
	"No action", "Advice and guidance", "Care Act assessment", "Case management", "Review",
	"Signposted", "Passed to another service or council",
}

// OutcomesMet, FeelsSafer and the other closure lists record the person's view at closure.
var (
	OutcomesMet    = []string{"Fully", "Partially", "Not", "Not applicable"}
	FeelsSafer     = []string{"Yes", "Partially", "No", "Not applicable"}
	InvolvedInRisk = []string{"Fully", "Partially", "Not involved"}
	UnderstoodWhy  = []string{"Fully", "Partially", "Did not understand", "Not applicable"}
	FeltListened   = []string{"Always", "Quite a bit", "Not very much", "Not at all", "Not answered", "Not applicable"}
	YesNo          = []string{"Yes", "No"}
	ReviewTypes    = []string{"Standalone review", "Within ongoing care management", "None needed"}
	MeetingTypes   = []string{"Strategy meeting", "Case conference", "Review meeting"}
	Attendance     = []string{"Attended", "Apologies", "Not invited"}
	CausedOrgTypes = []string{"Care home", "Home care agency", "NHS trust", "GP practice", "Housing provider", "Other"}
)

// AdultOutcomes are outcomes for the adult at conclusion.
var AdultOutcomes = []string{
	"Increased monitoring", "Referral to advocacy", "Court of Protection application",
	"Management of access to finances", "MARAC referral", "DoLS application", "Change of accommodation",
	"Disciplinary action requested", "Guardianship", "Moved to increased or different care", "No further action",
}

// AllegedPersonOutcomes are outcomes for the person alleged to have caused harm.
var AllegedPersonOutcomes = []string{
	"Police action", "Referral to DBS", "Disciplinary action", "Referral to regulator",
	"Continued monitoring", "Counselling or training", "Exoneration", "No further action",
}

// OrganisationOutcomes are outcomes for an organisation at conclusion.
var OrganisationOutcomes = []string{
	"Action by CQC", "Contract compliance", "Action plan agreed", "Staff training", "No further action",
}

// Contains reports whether list holds v exactly.
func Contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
