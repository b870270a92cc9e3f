package records

import "slices"

// The pick-lists below are the exact labels of the Safeguarding Adults
// Collection (SAC) and of the councils' published s42 forms. They are data:
// boards name stages differently, so code compares against these values and
// never against string literals of its own.

var stages = []string{
	"Concern",
	"Decision on the s42 duty",
	"Planning / strategy discussion",
	"Enquiry",
	"Outcome / case conference",
	"Safeguarding plan",
	"Review",
	"Closure",
}

var enquiryTypes = []string{
	"Section 42 enquiry",
	"Other safeguarding enquiry",
	"Enquiry caused by the council",
}

var abuseTypes = []string{
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

var riskLocations = []string{
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

var riskSources = []string{
	"Service Provider",
	"Other - Known to Individual",
	"Other - Unknown to Individual",
}

// SourceDetail is one finer source of risk and the national source it maps onto.
type SourceDetail struct {
	Label    string
	National string
}

var riskSourceDetails = []SourceDetail{
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
	for _, d := range riskSourceDetails {
		if d.Label == detail {
			return d.National
		}
	}
	return ""
}

var riskAssessmentOutcomes = []string{
	"Risk identified and action taken",
	"Risk identified and no action taken",
	"Risk assessment inconclusive and action taken",
	"Risk assessment inconclusive and no action taken",
	"No risk identified and action taken",
	"No risk identified and no action taken",
	"Enquiry ceased at individual's request and no action taken",
}

var riskOutcomes = []string{"Risk remained", "Risk reduced", "Risk removed"}

var riskEvaluations = []string{"Risk removed", "Risk reduced", "Risk remains"}

var capacityLacked = []string{
	"Yes, they lacked capacity",
	"No, they did not lack capacity",
	"Don't know",
	"Not recorded",
}

var capacitySupport = []string{"Advocate", "Family or friend", "Not supported"}

var askedAboutOutcomes = []string{
	"Yes, they were asked and outcomes were expressed",
	"Yes, they were asked but no outcomes were expressed",
	"No",
	"Don't know",
	"Not recorded",
}

var outcomeAchievement = []string{"Fully achieved", "Partially achieved", "Not achieved"}

var ageBands = []string{"18-64", "65-74", "75-84", "85+"}

var findings = []string{"Substantiated", "Partly substantiated", "Not substantiated", "Inconclusive"}

var contactMethods = []string{
	"Face to face at home",
	"Face to face elsewhere",
	"Telephone",
	"Video call",
	"Letter or email",
	"Through an interpreter",
}

// communicationWays are the ways a person may make themselves understood
// at a contact. Words is one way among them: a person who shows their views
// by behaviour or with objects of reference has still given them.
var communicationWays = []string{
	"Words",
	"Signs or gestures",
	"Pictures or symbols",
	"Objects of reference",
	"Behaviour or body language",
}

var consentAnswers = []string{"Yes", "Yes, with limits", "No", "Not able to consent", "Not asked"}

var shareOverrideReasons = []string{
	"Vital interest",
	"Others at risk",
	"Crime",
}

var representativeKinds = []string{
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

var advocacyResponses = []string{"Accepted", "Already in place", "Declined"}

var agreementAnswers = []string{"Yes", "No", "Not able to say"}

var capacityOutcomes = []string{"Has capacity for this decision", "Lacks capacity for this decision", "Not yet determined"}

var functionalAnswers = []string{"Able", "Not able"}

var levels = []string{"Low", "Medium", "High"}

var actionStatuses = []string{"Not started", "In progress", "Done", "Cancelled"}

var agencies = []string{"Police", "Health", "Legal services", "CQC", "Housing", "Other"}

var referralSources = []string{
	"Self", "Family", "Friend or neighbour", "Voluntary sector", "Hospital", "Health professional",
	"Care provider", "Police", "Ambulance", "Fire", "Council service", "Other",
}

var referralMethods = []string{"Telephone", "Email", "Online form", "Letter", "In person"}

var testAnswers = []string{"Met", "Not met"}

var s42Decisions = []string{
	"Not met",
	"Met, progress to s42(2) enquiry",
	"Other proportionate enquiry",
	"Sent to another council",
	"Duplicate concern",
}

var otherHandling = []string{
	"No action", "Advice and guidance", "Care Act assessment", "Case management", "Review",
	"Signposted", "Passed to another service or council",
}

// The closure lists record the person's view at closure; the others are
// the small lists of the meeting and plan screens.
var (
	outcomesMet    = []string{"Fully", "Partially", "Not", "Not applicable"}
	feelsSafer     = []string{"Yes", "Partially", "No", "Not applicable"}
	involvedInRisk = []string{"Fully", "Partially", "Not involved"}
	understoodWhy  = []string{"Fully", "Partially", "Did not understand", "Not applicable"}
	feltListened   = []string{"Always", "Quite a bit", "Not very much", "Not at all", "Not answered", "Not applicable"}
	yesNo          = []string{"Yes", "No"}
	reviewTypes    = []string{"Standalone review", "Within ongoing care management", "None needed"}
	meetingTypes   = []string{"Strategy meeting", "Case conference", "Review meeting"}
	attendance     = []string{"Attended", "Apologies", "Not invited"}
	causedOrgTypes = []string{"Care home", "Home care agency", "NHS trust", "GP practice", "Housing provider", "Other"}
)

var adultOutcomes = []string{
	"Increased monitoring", "Referral to advocacy", "Court of Protection application",
	"Management of access to finances", "MARAC referral", "DoLS application", "Change of accommodation",
	"Disciplinary action requested", "Guardianship", "Moved to increased or different care", "No further action",
}

var allegedPersonOutcomes = []string{
	"Police action", "Referral to DBS", "Disciplinary action", "Referral to regulator",
	"Continued monitoring", "Counselling or training", "Exoneration", "No further action",
}

var organisationOutcomes = []string{
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

// The pick-lists are read-only: each call returns a copy, so no caller can
// change a list for everyone else.

// Stages returns the usual order of an enquiry's stages.
func Stages() []string { return slices.Clone(stages) }

// EnquiryTypes returns the kinds of enquiry.
func EnquiryTypes() []string { return slices.Clone(enquiryTypes) }

// AbuseTypes returns the SAC list of types of abuse.
func AbuseTypes() []string { return slices.Clone(abuseTypes) }

// RiskLocations returns the SAC list of locations of risk.
func RiskLocations() []string { return slices.Clone(riskLocations) }

// RiskSources returns the SAC list of sources of risk.
func RiskSources() []string { return slices.Clone(riskSources) }

// RiskSourceDetails returns the finer sources of risk of the councils' forms.
func RiskSourceDetails() []SourceDetail { return slices.Clone(riskSourceDetails) }

// RiskAssessmentOutcomes returns the SAC list of risk assessment outcomes.
func RiskAssessmentOutcomes() []string { return slices.Clone(riskAssessmentOutcomes) }

// RiskOutcomes returns the SAC list of risk outcomes where a risk was identified.
func RiskOutcomes() []string { return slices.Clone(riskOutcomes) }

// RiskEvaluations returns the results of evaluating one risk with the person.
func RiskEvaluations() []string { return slices.Clone(riskEvaluations) }

// CapacityLacked returns the SAC mental capacity list.
func CapacityLacked() []string { return slices.Clone(capacityLacked) }

// CapacitySupport says who supported a person lacking capacity (SAC).
func CapacitySupport() []string { return slices.Clone(capacitySupport) }

// AskedAboutOutcomes returns the SAC Making Safeguarding Personal list.
func AskedAboutOutcomes() []string { return slices.Clone(askedAboutOutcomes) }

// OutcomeAchievement returns the SAC list of outcomes achieved.
func OutcomeAchievement() []string { return slices.Clone(outcomeAchievement) }

// AgeBands returns the SAC age bands.
func AgeBands() []string { return slices.Clone(ageBands) }

// Findings returns the findings of an enquiry.
func Findings() []string { return slices.Clone(findings) }

// ContactMethods returns the ways a practitioner was in contact with the person.
func ContactMethods() []string { return slices.Clone(contactMethods) }

// CommunicationWays returns the ways a person may communicate at a contact;
// the first is words.
func CommunicationWays() []string { return slices.Clone(communicationWays) }

// ConsentAnswers record whether consent was given.
func ConsentAnswers() []string { return slices.Clone(consentAnswers) }

// ShareOverrideReasons returns the lawful reasons to share without consent.
func ShareOverrideReasons() []string { return slices.Clone(shareOverrideReasons) }

// RepresentativeKinds returns the kinds of representative, advocate and authority.
func RepresentativeKinds() []string { return slices.Clone(representativeKinds) }

// AdvocacyResponses record what happened when advocacy was offered.
func AdvocacyResponses() []string { return slices.Clone(advocacyResponses) }

// AgreementAnswers record whether the person agreed to something.
func AgreementAnswers() []string { return slices.Clone(agreementAnswers) }

// CapacityOutcomes returns the outcomes of one capacity assessment.
func CapacityOutcomes() []string { return slices.Clone(capacityOutcomes) }

// FunctionalAnswers record one part of the functional test.
func FunctionalAnswers() []string { return slices.Clone(functionalAnswers) }

// Levels returns likelihood and impact ratings.
func Levels() []string { return slices.Clone(levels) }

// ActionStatuses returns the states of a risk action.
func ActionStatuses() []string { return slices.Clone(actionStatuses) }

// Agencies returns the partner agencies referrals go to.
func Agencies() []string { return slices.Clone(agencies) }

// ReferralSources returns the sources of the referral into the council.
func ReferralSources() []string { return slices.Clone(referralSources) }

// ReferralMethods returns the ways a concern reached the council.
func ReferralMethods() []string { return slices.Clone(referralMethods) }

// TestAnswers record whether one s42(1) test was met.
func TestAnswers() []string { return slices.Clone(testAnswers) }

// S42Decisions returns the decisions on the s42 duty.
func S42Decisions() []string { return slices.Clone(s42Decisions) }

// OtherHandling says how a concern not taken to enquiry was handled.
func OtherHandling() []string { return slices.Clone(otherHandling) }

// AdultOutcomes returns outcomes for the adult at conclusion.
func AdultOutcomes() []string { return slices.Clone(adultOutcomes) }

// AllegedPersonOutcomes returns outcomes for the person alleged to have caused harm.
func AllegedPersonOutcomes() []string { return slices.Clone(allegedPersonOutcomes) }

// OrganisationOutcomes returns outcomes for an organisation at conclusion.
func OrganisationOutcomes() []string { return slices.Clone(organisationOutcomes) }

// OutcomesMet returns the answers to whether the person's desired outcomes were met, asked at closure.
func OutcomesMet() []string { return slices.Clone(outcomesMet) }

// FeelsSafer returns the answers to whether the person feels safer, asked at closure.
func FeelsSafer() []string { return slices.Clone(feelsSafer) }

// InvolvedInRisk returns how far the person was involved in judging the risk, asked at closure.
func InvolvedInRisk() []string { return slices.Clone(involvedInRisk) }

// UnderstoodWhy returns how far the person understood why the enquiry was made, asked at closure.
func UnderstoodWhy() []string { return slices.Clone(understoodWhy) }

// FeltListened returns how far the person felt listened to, asked at closure.
func FeltListened() []string { return slices.Clone(feltListened) }

// YesNo returns the two answers of a yes-or-no question.
func YesNo() []string { return slices.Clone(yesNo) }

// ReviewTypes returns the kinds of review of a safeguarding plan.
func ReviewTypes() []string { return slices.Clone(reviewTypes) }

// MeetingTypes returns the kinds of multi-agency meeting.
func MeetingTypes() []string { return slices.Clone(meetingTypes) }

// Attendance returns whether someone invited to a meeting came.
func Attendance() []string { return slices.Clone(attendance) }

// CausedOrgTypes returns the kinds of organisation a council asks to make an enquiry.
func CausedOrgTypes() []string { return slices.Clone(causedOrgTypes) }
