package records

import "time"

// SchemaVersion is the version of the Case document. Stored documents and
// JSON imports carry it; a version this build does not know is refused.
// Version 2 made every yes/no question an Answer (yes, no or not answered);
// version 1 documents are still read (see Upgrade). Version 3 added what a
// contact shows of the person's views without words (communicated,
// helped_by, shown) and a representative's relationship: a version 2
// document reads as it is, but a build that knows only version 2 would
// drop the new fields when it saved a case again, so it must refuse them.
// Version 4 added a safeguarding lead's sign-offs (sign_offs), which a
// version 3 build would likewise drop.
const SchemaVersion = 4

// Case is one safeguarding enquiry: everything recorded about the adult, the
// enquiry and the work done with them. It is stored as one document.
type Case struct {
	Schema    int       `json:"schema"`
	ID        string    `json:"id"`       // opaque, random; never shown
	Revision  int64     `json:"revision"` // bumped by every save; guards against overwriting newer work
	Reference string    `json:"reference"`
	Created   time.Time `json:"created"`
	Updated   time.Time `json:"updated"`

	Person          Person               `json:"person"`
	Enquiry         Enquiry              `json:"enquiry"`
	ReferralIn      ReferralIn           `json:"referral_in"`
	Decision        S42Decision          `json:"s42_decision"`
	Consent         Consent              `json:"consent"`
	Contacts        []Contact            `json:"contacts"`
	DesiredOutcomes []DesiredOutcome     `json:"desired_outcomes"`
	Representatives []Representative     `json:"representatives"`
	Advocacy        Advocacy             `json:"advocacy"`
	Capacity        []CapacityAssessment `json:"capacity_assessments"`
	AllegedPersons  []AllegedPerson      `json:"alleged_persons"`
	Providers       []ServiceProvider    `json:"service_providers"`
	Allegations     []Allegation         `json:"allegations"`
	Risks           []Risk               `json:"risks"`
	Referrals       []AgencyReferral     `json:"referrals"`
	Challenges      []Challenge          `json:"challenges"`
	OthersAtRisk    OthersAtRisk         `json:"others_at_risk"`
	Caused          CausedEnquiry        `json:"caused_enquiry"`
	Plan            Plan                 `json:"plan"`
	Meetings        []Meeting            `json:"meetings"`
	Outcome         Outcome              `json:"outcome"`
	Chronology      []ChronologyEntry    `json:"chronology"`
	SignOffs        []SignOff            `json:"sign_offs"` // append-only, added by store.SignOff
}

// Person is the adult the enquiry is about.
type Person struct {
	Name                  string `json:"name"`
	PreferredName         string `json:"preferred_name"`
	DateOfBirth           Date   `json:"date_of_birth"`
	NHSNumber             string `json:"nhs_number"` // ten digits, no spaces
	Address               string `json:"address"`
	Postcode              string `json:"postcode"`
	Phone                 string `json:"phone"`
	Gender                string `json:"gender"`
	Language              string `json:"language"`
	InterpreterNeeded     Answer `json:"interpreter_needed"`
	CommunicationNeeds    string `json:"communication_needs"`
	CommunicationAids     string `json:"communication_aids"`
	Conditions            string `json:"conditions"` // diagnosis, e.g. advanced dementia
	PrimarySupportReason  string `json:"primary_support_reason"`
	LivesWith             string `json:"lives_with"`
	SubstantialDifficulty Answer `json:"substantial_difficulty"` // in being involved; not the same as lacking capacity
	Deceased              bool   `json:"deceased"`
	DateOfDeath           Date   `json:"date_of_death"`
}

// Enquiry holds the enquiry's own facts.
type Enquiry struct {
	Type                string `json:"type"`
	CouncilReference    string `json:"council_reference"`
	ConcernReceived     Date   `json:"concern_received"`
	Started             Date   `json:"started"`
	Closed              Date   `json:"closed"`
	Stage               string `json:"stage"`
	LeadPractitioner    string `json:"lead_practitioner"`
	Organisation        string `json:"organisation"`
	Concern             string `json:"concern"` // in the referrer's words
	ConflictingAccounts Answer `json:"conflicting_accounts"`
}

// ReferralIn records how the concern reached the council.
type ReferralIn struct {
	Date           Date   `json:"date"`
	Source         string `json:"source"`
	Method         string `json:"method"`
	ReferrerName   string `json:"referrer_name"`
	ReferrerRole   string `json:"referrer_role"`
	PoliceRef      string `json:"police_reference"`
	IncidentNumber string `json:"incident_number"`
}

// S42Decision records the decision on the s42(1) duty.
type S42Decision struct {
	Date              Date   `json:"date"`
	DecidedBy         string `json:"decided_by"`
	CareNeeds         string `json:"care_and_support_needs"` // TestAnswers
	AtRisk            string `json:"experiencing_or_at_risk"`
	UnableToProtect   string `json:"unable_to_protect"`
	ReasonsNotMet     string `json:"reasons_not_met"`
	EnquiryAnyway     Answer `json:"enquiry_anyway"`
	Decision          string `json:"decision"`       // S42Decisions
	OtherwiseHandling string `json:"other_handling"` // OtherHandling
}

// Consent keeps consent to the enquiry apart from consent to share.
type Consent struct {
	Enquiry        string `json:"enquiry"` // ConsentAnswers
	EnquiryDate    Date   `json:"enquiry_date"`
	Share          string `json:"share"`
	ShareDate      Date   `json:"share_date"`
	Limits         string `json:"limits"`
	OverrideReason string `json:"override_reason"` // ShareOverrideReasons
	OverrideDetail string `json:"override_detail"`
}

// Contact is one contact with the person.
type Contact struct {
	ID             string `json:"id"`
	Date           Date   `json:"date"`
	Stage          string `json:"stage"`
	Method         string `json:"method"`
	Present        string `json:"present"` // who else was there
	SpokenAlone    Answer `json:"spoken_alone"`
	NotAloneReason string `json:"not_alone_reason"`
	AidsUsed       string `json:"aids_used"`
	Views          string `json:"views"` // the person's views, wishes and feelings in their own words
	// Communicated, HelpedBy and Shown record a person who tells without
	// words, such as a resident with advanced dementia who shows by their
	// behaviour that they are frightened: their views count as much as
	// spoken ones.
	Communicated  []string `json:"communicated"` // CommunicationWays
	HelpedBy      string   `json:"helped_by"`    // who helped them communicate
	Shown         string   `json:"shown"`        // what they showed without words, and how it was understood
	ConsentSought Answer   `json:"consent_sought"`
	ConsentGiven  string   `json:"consent_given"` // ConsentAnswers
	Notes         string   `json:"notes"`
	RecordedBy    string   `json:"recorded_by"`
}

// DesiredOutcome is an outcome as the person put it, with its history.
type DesiredOutcome struct {
	ID          string            `json:"id"`
	Text        string            `json:"text"` // the person's words
	Recorded    Date              `json:"recorded"`
	Stage       string            `json:"stage"`
	History     []OutcomeRevision `json:"history"`
	Achievement string            `json:"achievement"` // OutcomeAchievement
	Evaluation  string            `json:"evaluation"`  // what the person said when it was evaluated
}

// OutcomeRevision records a desired outcome revisited: what it said before,
// when and why it changed. An unchanged outcome confirmed with the person is
// a revision with the same text.
type OutcomeRevision struct {
	Date     Date   `json:"date"`
	Previous string `json:"previous"`
	Reason   string `json:"reason"`
}

// Representative is a family member, friend, advocate or holder of authority.
type Representative struct {
	ID            string `json:"id"`
	Kind          string `json:"kind"` // RepresentativeKinds
	Name          string `json:"name"`
	Relationship  string `json:"relationship"` // to the person: "Daughter", "Friend", "Solicitor"
	Organisation  string `json:"organisation"`
	Phone         string `json:"phone"`
	Email         string `json:"email"`
	Address       string `json:"address"`
	From          Date   `json:"from"`
	To            Date   `json:"to"`
	PersonAgreed  string `json:"person_agreed"` // AgreementAnswers
	PaperworkSeen Answer `json:"paperwork_seen"`
	Notes         string `json:"notes"`
}

// Advocacy records whether advocacy was offered and what came of it.
type Advocacy struct {
	Offered  Answer `json:"offered"`
	Response string `json:"response"` // AdvocacyResponses
	Kind     string `json:"kind"`
}

// CapacityAssessment is one decision-specific, time-specific assessment.
type CapacityAssessment struct {
	ID              string   `json:"id"`
	Decision        string   `json:"decision"`
	Date            Date     `json:"date"`
	Assessor        string   `json:"assessor"`
	Understand      string   `json:"understand"` // FunctionalAnswers
	Retain          string   `json:"retain"`
	UseOrWeigh      string   `json:"use_or_weigh"`
	Communicate     string   `json:"communicate"`
	Impairment      string   `json:"impairment"`  // of the mind or brain
	CausalLink      string   `json:"causal_link"` // why the impairment causes the inability
	Outcome         string   `json:"outcome"`     // CapacityOutcomes
	Fluctuates      Answer   `json:"fluctuates"`
	RevisitBy       Date     `json:"revisit_by"`
	RevisitedOn     Date     `json:"revisited_on"`
	RevisitOutcome  string   `json:"revisit_outcome"`
	RisksConsidered []string `json:"risks_considered"` // Risk IDs
	BestInterests   string   `json:"best_interests"`
	Consulted       string   `json:"consulted"`
	LessRestrictive string   `json:"less_restrictive"`
	SupportedBy     string   `json:"supported_by"` // CapacitySupport
	Notes           string   `json:"notes"`
}

// AllegedPerson is a person alleged to have caused harm. Their details never
// reach a copy meant for the adult.
type AllegedPerson struct {
	ID                     string   `json:"id"`
	Name                   string   `json:"name"`
	Relationship           string   `json:"relationship"`
	Address                string   `json:"address"`
	Phone                  string   `json:"phone"`
	LivedWithThen          Answer   `json:"lived_with_then"`
	LivesWithNow           Answer   `json:"lives_with_now"`
	AwareOfConcern         Answer   `json:"aware_of_concern"`
	AlsoAdultAtRisk        Answer   `json:"also_adult_at_risk"`
	LinkedToServiceFailure Answer   `json:"linked_to_service_failure"`
	Views                  string   `json:"views"`
	Impact                 string   `json:"impact"` // of the concerns on them
	SupportOffered         string   `json:"support_offered"`
	Outcomes               []string `json:"outcomes"` // AllegedPersonOutcomes
}

// ServiceProvider is a named provider linked to the concern.
type ServiceProvider struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Type string `json:"type"`
}

// Allegation is one allegation with its own type, location and source of risk.
type Allegation struct {
	ID           string `json:"id"`
	AbuseType    string `json:"abuse_type"` // AbuseTypes
	Location     string `json:"location"`   // RiskLocations
	SourceDetail string `json:"source_detail"`
	Source       string `json:"source"` // RiskSources
	Description  string `json:"description"`
	RiskOutcome  string `json:"risk_outcome"` // RiskOutcomes
}

// Risk is one risk to the person with the work done about it.
type Risk struct {
	ID              string         `json:"id"`
	Description     string         `json:"description"`
	Source          string         `json:"source"` // who or what it comes from
	Likelihood      string         `json:"likelihood"`
	Impact          string         `json:"impact"`
	PersonView      string         `json:"person_view"`
	Actions         []Action       `json:"actions"`
	LessRestrictive string         `json:"less_restrictive"` // options considered
	Proportionality string         `json:"proportionality"`  // why the chosen response is proportionate
	Evaluation      RiskEvaluation `json:"evaluation"`
	Closed          bool           `json:"closed"`
}

// Action is one action taken about a risk.
type Action struct {
	ID              string `json:"id"`
	What            string `json:"what"`
	Owner           string `json:"owner"`
	Due             Date   `json:"due"`
	Status          string `json:"status"` // ActionStatuses
	Completed       Date   `json:"completed"`
	OutcomeID       string `json:"outcome_id"` // the desired outcome it serves
	LessRestrictive string `json:"less_restrictive"`
}

// RiskEvaluation is the evaluation of a risk with the person.
type RiskEvaluation struct {
	Date       Date   `json:"date"`
	Result     string `json:"result"` // RiskEvaluations
	PersonSaid string `json:"person_said"`
}

// AgencyReferral is a referral to a partner agency.
type AgencyReferral struct {
	ID         string `json:"id"`
	Agency     string `json:"agency"` // Agencies
	Detail     string `json:"detail"`
	Identified Date   `json:"identified"`
	Referred   Date   `json:"referred"`
	Reference  string `json:"reference"`
	Response   string `json:"response"`
}

// Challenge records professional curiosity: a decision or account questioned.
type Challenge struct {
	ID      string `json:"id"`
	Date    Date   `json:"date"`
	By      string `json:"by"`
	What    string `json:"what"`
	Outcome string `json:"outcome"`
}

// OthersAtRisk records other adults and children at risk.
type OthersAtRisk struct {
	Adults                Answer `json:"adults"`
	Children              Answer `json:"children"`
	ChildrenConcernRaised Answer `json:"children_concern_raised"`
	Details               string `json:"details"`
}

// CausedEnquiry records an enquiry the council caused another body to make.
type CausedEnquiry struct {
	Organisation   string `json:"organisation"`
	OrgType        string `json:"organisation_type"`
	Requested      Date   `json:"requested"`
	ReportReceived Answer `json:"report_received"`
	ReportDate     Date   `json:"report_date"`
}

// Plan is the safeguarding plan's review arrangements.
type Plan struct {
	ReviewType    string `json:"review_type"` // ReviewTypes
	Monitor       string `json:"monitor"`
	ReviewDate    Date   `json:"review_date"`
	ReviewOutcome string `json:"review_outcome"`
}

// Meeting is a strategy meeting, case conference or review.
type Meeting struct {
	ID        string     `json:"id"`
	Type      string     `json:"type"` // MeetingTypes
	Date      Date       `json:"date"`
	Place     string     `json:"place"`
	Purpose   string     `json:"purpose"` // of sharing information
	Attendees []Attendee `json:"attendees"`
}

// Attendee is one person invited to a meeting.
type Attendee struct {
	Name         string `json:"name"`
	Role         string `json:"role"`
	Organisation string `json:"organisation"`
	Attendance   string `json:"attendance"` // Attendance
}

// Outcome is the enquiry's conclusion and the person's evaluation of it.
type Outcome struct {
	Finding               string   `json:"finding"` // Findings
	RiskAssessmentOutcome string   `json:"risk_assessment_outcome"`
	RiskOutcome           string   `json:"risk_outcome"`
	CapacityLacked        string   `json:"capacity_lacked"`  // CapacityLacked
	CapacitySupport       string   `json:"capacity_support"` // CapacitySupport
	AskedAboutOutcomes    string   `json:"asked_about_outcomes"`
	OutcomesAchieved      string   `json:"outcomes_achieved"` // OutcomeAchievement, overall
	OutcomesMet           string   `json:"outcomes_met"`
	FeelsSafer            string   `json:"feels_safer"`
	InvolvedInRisk        string   `json:"involved_in_risk"`
	UnderstoodWhy         string   `json:"understood_why"`
	FeltListened          string   `json:"felt_listened"`
	KeptInformed          string   `json:"kept_informed"`       // YesNo
	InvitedToMeetings     string   `json:"invited_to_meetings"` // YesNo
	PersonFeedback        string   `json:"person_feedback"`
	ViewOfClosing         string   `json:"view_of_closing"`
	ReferrerFeedback      Answer   `json:"referrer_feedback_given"`
	NoFeedbackReason      string   `json:"no_feedback_reason"`
	ClosureReason         string   `json:"closure_reason"`
	NeedsMet              Answer   `json:"a_care_and_support_needs"`
	AbuseOrNeglect        Answer   `json:"b_abuse_or_neglect"`
	UnableToProtect       Answer   `json:"c_unable_to_protect"`
	FurtherAction         Answer   `json:"d_further_action"`
	AdultOutcomes         []string `json:"adult_outcomes"`
	OrganisationOutcomes  []string `json:"organisation_outcomes"`
	SARConsidered         Answer   `json:"sar_considered"`
	SARReferred           Answer   `json:"sar_referred"`
}

// ChronologyEntry is one dated, attributed entry of the case notes. Entries
// are never rewritten: a correction is a new entry naming the one it corrects.
type ChronologyEntry struct {
	ID       string    `json:"id"`
	Date     Date      `json:"date"` // when it happened
	Recorded time.Time `json:"recorded"`
	Author   string    `json:"author"`
	Kind     string    `json:"kind"` // e.g. Contact, Referral, Action, Note
	Text     string    `json:"text"`
	Corrects string    `json:"corrects"` // ID of the entry this corrects
	Link     string    `json:"link"`     // ID of the contact, referral or action it records
}

// IsClosed reports whether the enquiry has a closing date.
func (c *Case) IsClosed() bool { return !c.Enquiry.Closed.IsZero() }

// Opened is the date the case began: the concern received, or when it was created.
func (c *Case) Opened() Date {
	if !c.Enquiry.ConcernReceived.IsZero() {
		return c.Enquiry.ConcernReceived
	}
	return DateOf(c.Created)
}

// AbuseTypes returns the distinct types of abuse across the allegations, in list order.
func (c *Case) AbuseTypes() []string {
	var out []string
	for _, t := range abuseTypes {
		for _, a := range c.Allegations {
			if a.AbuseType == t {
				out = append(out, t)
				break
			}
		}
	}
	return out
}

// DaysTaken is the number of calendar days from identifying the need to referring.
func (r AgencyReferral) DaysTaken() int {
	if r.Identified.IsZero() || r.Referred.IsZero() {
		return 0
	}
	return r.Identified.DaysUntil(r.Referred)
}

// WorkingDaysTaken is the number of working days (Date.WorkingDaysUntil) from identifying the need to referring.
func (r AgencyReferral) WorkingDaysTaken() int {
	if r.Identified.IsZero() || r.Referred.IsZero() {
		return 0
	}
	return r.Identified.WorkingDaysUntil(r.Referred)
}

// Overdue reports whether the action is open and past its due date on day.
func (a Action) Overdue(day Date) bool {
	open := a.Status != "Done" && a.Status != "Cancelled"
	return open && !a.Due.IsZero() && a.Due.Before(day)
}

// HasOverdueActions reports whether any open action is past its due date.
func (c *Case) HasOverdueActions(day Date) bool {
	for _, r := range c.Risks {
		for _, a := range r.Actions {
			if a.Overdue(day) {
				return true
			}
		}
	}
	return false
}
