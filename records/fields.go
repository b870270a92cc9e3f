package records

import "fmt"

// Field describes one field of the Case once, for every place that shows
// it: the window's forms, the packs and `msprecords show`. Nothing outside
// this file spells a field's label (a test in this package reads the other
// packages' source to make sure), so a label changed here changes
// everywhere at once.
type Field struct {
	// Path is the field's JSON path in the Case document, its json tags
	// joined by dots; the elements of a list share one path. Examples:
	// "person.name", "contacts.views", "risks.actions.due".
	Path string
	// Label is what a reader sees beside the value, in plain British
	// English, the way a care-home manager would say it.
	Label string
	// Hint is a short example shown inside an empty entry, or "".
	Hint string
	// Help says in a sentence what to record, or "" where the label is enough.
	Help string
	// Choices returns the field's pick-list, or is nil for free text, dates,
	// yes/no questions (an Answer: yes, no or not answered) and lists made
	// from the case itself (risks, desired outcomes).
	Choices func() []string
	// Internal marks bookkeeping nobody reads as part of the record: the
	// schema version and the opaque ids. Internal fields have no label.
	Internal bool
	// Long marks free text the window shows as a multi-line box (notes,
	// views, the concern). Such a box is where a care-home manager most
	// often wonders what to write, so a Long field always has Help (a test
	// checks), and the window builds its multi-line boxes only for Long
	// fields. It lives here, not in the window, so that the records test can
	// hold every multi-line field to having help.
	Long bool
}

// Fields returns the descriptions of every field of the Case, in the order
// of the document.
func Fields() []Field { return append([]Field(nil), fields...) }

// FieldByPath returns the description of the field at path.
func FieldByPath(path string) (Field, bool) {
	i, ok := fieldIndex[path]
	if !ok {
		return Field{}, false
	}
	return fields[i], true
}

// MustField returns the description of the field at path. An unknown path
// is a programming error, and the tests that build every screen, pack and
// listing catch it, so it panics.
func MustField(path string) Field {
	f, ok := FieldByPath(path)
	if !ok {
		panic(fmt.Sprintf("records: no field %q", path))
	}
	return f
}

// Label returns the label of the field at path; it panics as MustField does.
func Label(path string) string { return MustField(path).Label }

// SourceDetailLabels lists the finer sources of risk, in list order.
func SourceDetailLabels() []string {
	out := make([]string, len(riskSourceDetails))
	for i, d := range riskSourceDetails {
		out[i] = d.Label
	}
	return out
}

// ProviderTypes are the finer sources of risk that are service providers
// (public, private, voluntary), so that the two lists never disagree.
func ProviderTypes() []string {
	var out []string
	for _, d := range riskSourceDetails {
		if d.National == riskSources[0] {
			out = append(out, d.Label)
		}
	}
	return out
}

// list refers to a pick-list by its variable, read when the choices are
// asked for, so the pick-lists stay the one place their labels live.
func list(l *[]string) func() []string { return func() []string { return *l } }

var fieldIndex = func() map[string]int {
	m := make(map[string]int, len(fields))
	for i, f := range fields {
		if _, dup := m[f.Path]; dup {
			panic("records: field described twice: " + f.Path)
		}
		m[f.Path] = i
	}
	return m
}()

// answerLabels are the words for the answers to a yes/no question, in the
// window, the packs and the command line.
var answerLabels = [...]string{Unanswered: "Not answered", Yes: "Yes", No: "No"}

// Help shared by several fields.
const (
	helpStage      = "The stage the enquiry had reached at the time."
	helpOwnWords   = "Write what the person said, as they said it, not a summary."
	helpPaperwork  = "Record whether you saw the LPA, the deputyship order or the appointeeship, not only heard of it."
	helpRepresents = "A family member, friend, advocate or someone holding authority such as an attorney or deputy."
)

var fields = []Field{
	{Path: "schema", Internal: true},
	{Path: "id", Internal: true},
	{Path: "revision", Label: "Revision", Help: "How many times the record has been saved; it stops newer work being overwritten."},
	{Path: "reference", Label: "Case reference", Help: "Shown on every page of a pack instead of the person's name."},
	{Path: "created", Label: "Record created"},
	{Path: "updated", Label: "Last changed"},

	// The person.
	{Path: "person.name", Label: "Full name"},
	{Path: "person.preferred_name", Label: "Preferred name", Help: "What the person likes to be called."},
	{Path: "person.date_of_birth", Label: "Date of birth"},
	{Path: "person.nhs_number", Label: "NHS number", Hint: "999 123 4560"},
	{Path: "person.address", Label: "Address", Help: "Where the person lives now, a line of the address to a line; the postcode has its own box.", Long: true},
	{Path: "person.postcode", Label: "Postcode", Hint: "SW1A 1AA"},
	{Path: "person.phone", Label: "Telephone"},
	{Path: "person.gender", Label: "Gender"},
	{Path: "person.language", Label: "Language"},
	{Path: "person.interpreter_needed", Label: "Interpreter needed"},
	{Path: "person.communication_needs", Label: "Communication needs", Help: "How the person understands and makes themselves understood, and what helps, such as short sentences or a quiet room.", Long: true},
	{Path: "person.communication_aids", Label: "Communication aids", Hint: "For example, picture cards, hearing aids"},
	{Path: "person.conditions", Label: "Diagnosis and conditions", Hint: "For example, advanced dementia", Help: "Diagnoses as the GP or hospital gave them, and how each affects the person day to day.", Long: true},
	{Path: "person.primary_support_reason", Label: "Primary support reason", Help: "The main reason the person needs care and support, as the council records it."},
	{Path: "person.lives_with", Label: "Lives with"},
	{Path: "person.substantial_difficulty", Label: "Substantial difficulty in being involved",
		Help: "Not the same as lacking capacity: a person with substantial difficulty needs an advocate or representative to be involved."},
	{Path: "person.deceased", Label: "Deceased"},
	{Path: "person.date_of_death", Label: "Date of death"},

	// The enquiry.
	{Path: "enquiry.type", Label: "Type of enquiry", Choices: list(&enquiryTypes)},
	{Path: "enquiry.council_reference", Label: "Council reference"},
	{Path: "enquiry.concern_received", Label: "Date concern received"},
	{Path: "enquiry.started", Label: "Date enquiry started"},
	{Path: "enquiry.closed", Label: "Date closed"},
	{Path: "enquiry.stage", Label: "Stage", Choices: list(&stages)},
	{Path: "enquiry.lead_practitioner", Label: "Lead practitioner"},
	{Path: "enquiry.organisation", Label: "Lead organisation", Help: "The organisation making the enquiry."},
	{Path: "enquiry.concern", Label: "The concern, in the referrer's words", Help: "What the referrer told you, in their words and in quotation marks where you can, not your view of it.", Long: true},
	{Path: "enquiry.conflicting_accounts", Label: "Accounts of what happened conflict"},

	// Referral in.
	{Path: "referral_in.date", Label: "Date of referral"},
	{Path: "referral_in.source", Label: "Source of referral", Choices: list(&referralSources)},
	{Path: "referral_in.method", Label: "How the referral was made", Choices: list(&referralMethods)},
	{Path: "referral_in.referrer_name", Label: "Referrer's name", Help: "Left out of the person's own copy of a pack."},
	{Path: "referral_in.referrer_role", Label: "Referrer's role"},
	{Path: "referral_in.police_reference", Label: "Police reference"},
	{Path: "referral_in.incident_number", Label: "Incident number"},

	// The decision on the s42(1) duty.
	{Path: "s42_decision.date", Label: "Date of decision"},
	{Path: "s42_decision.decided_by", Label: "Decided by"},
	{Path: "s42_decision.care_and_support_needs", Label: "(a) Has care and support needs", Choices: list(&testAnswers)},
	{Path: "s42_decision.experiencing_or_at_risk", Label: "(b) Experiencing, or at risk of, abuse or neglect", Choices: list(&testAnswers)},
	{Path: "s42_decision.unable_to_protect", Label: "(c) Unable to protect themselves", Choices: list(&testAnswers)},
	{Path: "s42_decision.reasons_not_met", Label: "Reasons where a test was not met", Help: "For each test not met, what you know that shows it is not met.", Long: true},
	{Path: "s42_decision.enquiry_anyway", Label: "Enquiry made anyway"},
	{Path: "s42_decision.decision", Label: "The decision", Choices: list(&s42Decisions)},
	{Path: "s42_decision.other_handling", Label: "Otherwise handled by", Choices: list(&otherHandling),
		Help: "How the concern was handled when it did not go on to an enquiry."},

	// Consent.
	{Path: "consent.enquiry", Label: "Consent to the enquiry", Choices: list(&consentAnswers)},
	{Path: "consent.enquiry_date", Label: "Date of consent to the enquiry"},
	{Path: "consent.share", Label: "Consent to share information", Choices: list(&consentAnswers),
		Help: "Kept apart from consent to the enquiry: a person may agree to one and not the other."},
	{Path: "consent.share_date", Label: "Date of consent to share"},
	{Path: "consent.limits", Label: "Limits the person set on sharing"},
	{Path: "consent.override_reason", Label: "Reason for sharing without consent", Choices: list(&shareOverrideReasons)},
	{Path: "consent.override_detail", Label: "Why consent was overridden", Help: "What risk made sharing necessary, who decided, and whether the person was told.", Long: true},

	// Contacts with the person.
	{Path: "contacts.id", Internal: true},
	{Path: "contacts.date", Label: "Date of contact"},
	{Path: "contacts.stage", Label: "Stage at the contact", Choices: list(&stages), Help: helpStage},
	{Path: "contacts.method", Label: "How the contact was made", Choices: list(&contactMethods)},
	{Path: "contacts.present", Label: "Who else was present"},
	{Path: "contacts.spoken_alone", Label: "Spoken to alone"},
	{Path: "contacts.not_alone_reason", Label: "Why not spoken to alone"},
	{Path: "contacts.aids_used", Label: "Communication aids used"},
	{Path: "contacts.views", Label: "Their views, wishes and feelings, in their own words", Help: "Their own words where you can, in quotation marks; say who asked and how.", Long: true},
	{Path: "contacts.communicated", Label: "How the person communicated", Choices: list(&communicationWays),
		Help: "Tick every way the person made themselves understood at this contact, not only words."},
	{Path: "contacts.helped_by", Label: "Who helped them communicate", Hint: "For example, a carer who knows them well",
		Help: "An interpreter, a carer or relative who knows them well, a speech and language therapist; leave it empty if no one did."},
	{Path: "contacts.shown", Label: "What they showed without words, and how it was understood", Long: true,
		Help: "Describe what the person did (their face, sounds, gestures, what they pointed to or pushed away), what it was taken to mean, and by whom."},
	{Path: "contacts.consent_sought", Label: "Consent sought"},
	{Path: "contacts.consent_given", Label: "Consent given", Choices: list(&consentAnswers)},
	{Path: "contacts.notes", Label: "Notes", Help: "What else happened at the contact: what you saw, what was agreed and what happens next.", Long: true},
	{Path: "contacts.recorded_by", Label: "Recorded by"},

	// Desired outcomes, as the person put them.
	{Path: "desired_outcomes.id", Internal: true},
	{Path: "desired_outcomes.text", Label: "In the person's words", Help: helpOwnWords, Long: true},
	{Path: "desired_outcomes.recorded", Label: "Date first recorded"},
	{Path: "desired_outcomes.stage", Label: "Stage when recorded", Choices: list(&stages), Help: helpStage},
	{Path: "desired_outcomes.history.date", Label: "Date revisited"},
	{Path: "desired_outcomes.history.previous", Label: "Previous words"},
	{Path: "desired_outcomes.history.reason", Label: "Why it changed",
		Help: "When the outcome was confirmed unchanged, what the person said."},
	{Path: "desired_outcomes.achievement", Label: "Achieved", Choices: list(&outcomeAchievement)},
	{Path: "desired_outcomes.evaluation", Label: "What the person said at evaluation", Help: "Their own words on whether this outcome was achieved, in quotation marks where you can.", Long: true},

	// Representatives and advocates.
	{Path: "representatives.id", Internal: true},
	{Path: "representatives.kind", Label: "Type of representative", Choices: list(&representativeKinds), Help: helpRepresents},
	{Path: "representatives.name", Label: "Name"},
	{Path: "representatives.relationship", Label: "Relationship to the person", Hint: "For example, daughter, friend, solicitor",
		Help: "How they know the person, in a few words."},
	{Path: "representatives.organisation", Label: "Organisation"},
	{Path: "representatives.phone", Label: "Telephone"},
	{Path: "representatives.email", Label: "Email", Hint: "name@example.org"},
	{Path: "representatives.address", Label: "Address", Help: "Where to write to them; for an advocate, their organisation's address is enough.", Long: true},
	{Path: "representatives.from", Label: "Involved from"},
	{Path: "representatives.to", Label: "Involved until"},
	{Path: "representatives.person_agreed", Label: "The person agreed to them", Choices: list(&agreementAnswers)},
	{Path: "representatives.paperwork_seen", Label: "Paperwork seen", Help: helpPaperwork},
	{Path: "representatives.notes", Label: "Notes", Help: "What matters about their role, such as what the LPA or court order lets them decide, and how best to reach them.", Long: true},
	{Path: "advocacy.offered", Label: "Advocacy offered"},
	{Path: "advocacy.response", Label: "Response to the offer", Choices: list(&advocacyResponses)},
	{Path: "advocacy.kind", Label: "Type of advocacy", Choices: list(&representativeKinds)},

	// Mental capacity assessments.
	{Path: "capacity_assessments.id", Internal: true},
	{Path: "capacity_assessments.decision", Label: "The decision to be made",
		Help: "One specific decision at one time, such as where to live."},
	{Path: "capacity_assessments.date", Label: "Date of assessment"},
	{Path: "capacity_assessments.assessor", Label: "Assessed by"},
	{Path: "capacity_assessments.understand", Label: "Understand the information", Choices: list(&functionalAnswers)},
	{Path: "capacity_assessments.retain", Label: "Retain the information", Choices: list(&functionalAnswers)},
	{Path: "capacity_assessments.use_or_weigh", Label: "Use or weigh the information", Choices: list(&functionalAnswers)},
	{Path: "capacity_assessments.communicate", Label: "Communicate the decision", Choices: list(&functionalAnswers)},
	{Path: "capacity_assessments.impairment", Label: "Impairment of the mind or brain", Help: "The impairment of the mind or brain, such as dementia, and how you know of it: a diagnosis, or what you saw.", Long: true},
	{Path: "capacity_assessments.causal_link", Label: "Causal link",
		Help: "Why the impairment, and not something else, means the person cannot make the decision.", Long: true},
	{Path: "capacity_assessments.outcome", Label: "Outcome of the assessment", Choices: list(&capacityOutcomes)},
	{Path: "capacity_assessments.fluctuates", Label: "Capacity fluctuates"},
	{Path: "capacity_assessments.revisit_by", Label: "Date to revisit the decision",
		Help: "When capacity fluctuates, when the person will be seen again to confirm the decision."},
	{Path: "capacity_assessments.revisited_on", Label: "Date revisited"},
	{Path: "capacity_assessments.revisit_outcome", Label: "Outcome when revisited"},
	{Path: "capacity_assessments.risks_considered", Label: "Risks this assessment considered",
		Help: "Every risk in the case should be explored."},
	{Path: "capacity_assessments.best_interests", Label: "Best-interests decision", Help: "The decision made for the person and why it is in their best interests, weighing their wishes, feelings, beliefs and values.", Long: true},
	{Path: "capacity_assessments.consulted", Label: "Who was consulted", Help: "Who was asked for their view (family, friends, carers, an attorney or an IMCA), when, and what each said.", Long: true},
	{Path: "capacity_assessments.less_restrictive", Label: "Less restrictive options considered", Help: "The other options weighed and why each was or was not chosen; prefer the one that restricts the person least.", Long: true},
	{Path: "capacity_assessments.supported_by", Label: "Supported by", Choices: list(&capacitySupport)},
	{Path: "capacity_assessments.notes", Label: "Notes", Help: "Anything else that matters, such as how the person was helped to decide: the time of day, the place, the aids used.", Long: true},

	// People alleged to have caused harm, and service providers.
	{Path: "alleged_persons.id", Internal: true},
	{Path: "alleged_persons.name", Label: "Name"},
	{Path: "alleged_persons.relationship", Label: "Relationship to the person"},
	{Path: "alleged_persons.address", Label: "Address", Help: "Where they live, if known; leave it empty rather than guess.", Long: true},
	{Path: "alleged_persons.phone", Label: "Telephone"},
	{Path: "alleged_persons.lived_with_then", Label: "Lived with the person at the time"},
	{Path: "alleged_persons.lives_with_now", Label: "Lives with the person now"},
	{Path: "alleged_persons.aware_of_concern", Label: "Aware of the concern"},
	{Path: "alleged_persons.also_adult_at_risk", Label: "Also an adult at risk"},
	{Path: "alleged_persons.linked_to_service_failure", Label: "Linked to a service failure"},
	{Path: "alleged_persons.views", Label: "Their views", Help: "What they said about the concern, in their own words where you can; an allegation is not a finding.", Long: true},
	{Path: "alleged_persons.impact", Label: "Impact of the concerns on them", Help: "How the concern and the enquiry have affected them, for example their health, their work or their caring role.", Long: true},
	{Path: "alleged_persons.support_offered", Label: "Support offered to them", Help: "What was offered to them, such as advice, a carer's assessment or a referral, and whether they took it up.", Long: true},
	{Path: "alleged_persons.outcomes", Label: "Outcomes for them", Choices: list(&allegedPersonOutcomes)},
	{Path: "service_providers.id", Internal: true},
	{Path: "service_providers.name", Label: "Name of the provider"},
	{Path: "service_providers.type", Label: "Type of provider", Choices: ProviderTypes},

	// Allegations.
	{Path: "allegations.id", Internal: true},
	{Path: "allegations.abuse_type", Label: "Type of abuse", Choices: list(&abuseTypes)},
	{Path: "allegations.location", Label: "Location of risk", Choices: list(&riskLocations)},
	{Path: "allegations.source_detail", Label: "Source of risk (in detail)", Choices: SourceDetailLabels},
	{Path: "allegations.source", Label: "Source of risk", Choices: list(&riskSources),
		Help: "The national return's source of risk; choosing the detail fills it in."},
	{Path: "allegations.description", Label: "What is alleged", Help: "What is said to have happened, when and where, as it was reported; keep to what was said.", Long: true},
	{Path: "allegations.risk_outcome", Label: "Risk outcome", Choices: list(&riskOutcomes)},

	// Risks and their actions.
	{Path: "risks.id", Internal: true},
	{Path: "risks.description", Label: "Description of the risk", Help: "What could happen, to whom, and in what circumstances, in plain words.", Long: true},
	{Path: "risks.source", Label: "Who or what it comes from"},
	{Path: "risks.likelihood", Label: "Likelihood", Choices: list(&levels)},
	{Path: "risks.impact", Label: "Impact", Choices: list(&levels)},
	{Path: "risks.person_view", Label: "The person's view of the risk", Help: "How the person sees the risk, in their own words where you can, including any risk they choose to live with.", Long: true},
	{Path: "risks.actions.id", Internal: true},
	{Path: "risks.actions.what", Label: "What will be done"},
	{Path: "risks.actions.owner", Label: "Owner"},
	{Path: "risks.actions.due", Label: "Due by"},
	{Path: "risks.actions.status", Label: "Status", Choices: list(&actionStatuses)},
	{Path: "risks.actions.completed", Label: "Date completed"},
	{Path: "risks.actions.outcome_id", Label: "Desired outcome it serves"},
	{Path: "risks.actions.less_restrictive", Label: "Less restrictive option"},
	{Path: "risks.less_restrictive", Label: "Less restrictive options considered", Help: "Other ways to reduce this risk that would limit the person's life less, and why they were or were not chosen.", Long: true},
	{Path: "risks.proportionality", Label: "Why the response is proportionate", Help: "Why this is the least intrusive response that fits the risk, and how it respects what the person wants.", Long: true},
	{Path: "risks.evaluation.date", Label: "Date evaluated with the person"},
	{Path: "risks.evaluation.result", Label: "Result of the evaluation", Choices: list(&riskEvaluations)},
	{Path: "risks.evaluation.person_said", Label: "What the person said at evaluation", Help: helpOwnWords, Long: true},
	{Path: "risks.closed", Label: "Risk closed"},

	// Referrals to partner agencies.
	{Path: "referrals.id", Internal: true},
	{Path: "referrals.agency", Label: "Agency", Choices: list(&agencies)},
	{Path: "referrals.detail", Label: "What the referral is about", Help: "What you asked the agency to do and why, and what information you shared with them.", Long: true},
	{Path: "referrals.identified", Label: "Date the need was identified"},
	{Path: "referrals.referred", Label: "Date referred"},
	{Path: "referrals.reference", Label: "Agency's reference"},
	{Path: "referrals.response", Label: "Agency's response", Help: "What the agency said or did, and when; if there was no reply, say when you chased it.", Long: true},

	// Professional curiosity and challenge.
	{Path: "challenges.id", Internal: true},
	{Path: "challenges.date", Label: "Date of challenge"},
	{Path: "challenges.by", Label: "Raised by"},
	{Path: "challenges.what", Label: "What was questioned", Help: "The decision or account you questioned, and what made you question it.", Long: true},
	{Path: "challenges.outcome", Label: "What came of it", Help: "What happened as a result (an answer, a changed decision or an escalation) and when.", Long: true},

	// Others at risk.
	{Path: "others_at_risk.adults", Label: "Other adults at risk"},
	{Path: "others_at_risk.children", Label: "Children at risk"},
	{Path: "others_at_risk.children_concern_raised", Label: "Children's safeguarding concern raised"},
	{Path: "others_at_risk.details", Label: "About the others at risk", Help: "Who else may be at risk (a first name or role is enough), how, and what was done about it.", Long: true},

	// An enquiry the council caused another body to make.
	{Path: "caused_enquiry.organisation", Label: "Organisation asked to enquire"},
	{Path: "caused_enquiry.organisation_type", Label: "Type of organisation", Choices: list(&causedOrgTypes)},
	{Path: "caused_enquiry.requested", Label: "Date enquiry requested"},
	{Path: "caused_enquiry.report_received", Label: "Report received"},
	{Path: "caused_enquiry.report_date", Label: "Date report received"},

	// The safeguarding plan.
	{Path: "plan.review_type", Label: "Type of review", Choices: list(&reviewTypes)},
	{Path: "plan.monitor", Label: "Who monitors the plan"},
	{Path: "plan.review_date", Label: "Date of review"},
	{Path: "plan.review_outcome", Label: "Outcome of the review"},

	// Meetings.
	{Path: "meetings.id", Internal: true},
	{Path: "meetings.type", Label: "Type of meeting", Choices: list(&meetingTypes)},
	{Path: "meetings.date", Label: "Date of meeting"},
	{Path: "meetings.place", Label: "Place"},
	{Path: "meetings.purpose", Label: "Purpose of sharing information",
		Help: "Why the information is shared: necessary and proportionate, on a need-to-know basis.", Long: true},
	{Path: "meetings.attendees.name", Label: "Name"},
	{Path: "meetings.attendees.role", Label: "Role"},
	{Path: "meetings.attendees.organisation", Label: "Organisation"},
	{Path: "meetings.attendees.attendance", Label: "Attendance", Choices: list(&attendance)},

	// The outcome and the person's evaluation.
	{Path: "outcome.finding", Label: "Finding", Choices: list(&findings)},
	{Path: "outcome.risk_assessment_outcome", Label: "Risk assessment outcome", Choices: list(&riskAssessmentOutcomes)},
	{Path: "outcome.risk_outcome", Label: "Risk outcome", Choices: list(&riskOutcomes)},
	{Path: "outcome.capacity_lacked", Label: "Did the person lack capacity", Choices: list(&capacityLacked)},
	{Path: "outcome.capacity_support", Label: "Support while lacking capacity", Choices: list(&capacitySupport)},
	{Path: "outcome.asked_about_outcomes", Label: "Asked about desired outcomes", Choices: list(&askedAboutOutcomes)},
	{Path: "outcome.outcomes_achieved", Label: "Desired outcomes achieved (overall)", Choices: list(&outcomeAchievement)},
	{Path: "outcome.outcomes_met", Label: "Outcomes met", Choices: list(&outcomesMet)},
	{Path: "outcome.feels_safer", Label: "Feels safer", Choices: list(&feelsSafer)},
	{Path: "outcome.involved_in_risk", Label: "Took part in judging acceptable risk", Choices: list(&involvedInRisk)},
	{Path: "outcome.understood_why", Label: "Understood why people acted", Choices: list(&understoodWhy)},
	{Path: "outcome.felt_listened", Label: "Felt listened to", Choices: list(&feltListened)},
	{Path: "outcome.kept_informed", Label: "Kept informed", Choices: list(&yesNo)},
	{Path: "outcome.invited_to_meetings", Label: "Invited to meetings", Choices: list(&yesNo)},
	{Path: "outcome.person_feedback", Label: "Feedback on the process, in their words", Help: "Their own words on how the enquiry was for them: whether they were listened to, kept informed and feel safer.", Long: true},
	{Path: "outcome.view_of_closing", Label: "The person's view of closing", Help: "What the person said about the enquiry being closed, in their words, or their representative's if they could not say.", Long: true},
	{Path: "outcome.referrer_feedback_given", Label: "Feedback given to the referrer"},
	{Path: "outcome.no_feedback_reason", Label: "Why no feedback was given"},
	{Path: "outcome.closure_reason", Label: "Reason for closing"},
	{Path: "outcome.a_care_and_support_needs", Label: "A. Has care and support needs"},
	{Path: "outcome.b_abuse_or_neglect", Label: "B. Experiencing, or at risk of, abuse or neglect"},
	{Path: "outcome.c_unable_to_protect", Label: "C. Unable to protect themselves"},
	{Path: "outcome.d_further_action", Label: "D. Further action taken or needed"},
	{Path: "outcome.adult_outcomes", Label: "Outcomes for the adult", Choices: list(&adultOutcomes)},
	{Path: "outcome.organisation_outcomes", Label: "Outcomes for the organisation", Choices: list(&organisationOutcomes)},
	{Path: "outcome.sar_considered", Label: "Safeguarding adults review considered"},
	{Path: "outcome.sar_referred", Label: "Referred for a safeguarding adults review"},

	// The chronology.
	{Path: "chronology.id", Internal: true},
	{Path: "chronology.date", Label: "Date it happened"},
	{Path: "chronology.recorded", Label: "Recorded at"},
	{Path: "chronology.author", Label: "Recorded by"},
	{Path: "chronology.kind", Label: "Kind of entry", Choices: list(&chronologyKinds)},
	{Path: "chronology.text", Label: "What happened", Help: "What happened, who was there and what was decided, written at the time; a mistake is put right by a new entry.", Long: true},
	{Path: "chronology.corrects", Label: "Corrects", Help: "The earlier entry this one corrects; entries are never rewritten."},
	{Path: "chronology.link", Internal: true},

	// A safeguarding lead's sign-offs.
	{Path: "sign_offs.id", Internal: true},
	{Path: "sign_offs.what", Label: "What was signed off", Choices: list(&signOffKinds)},
	{Path: "sign_offs.closed", Label: "Closing date signed off"},
	{Path: "sign_offs.purpose", Label: "Report signed off"},
	{Path: "sign_offs.by", Label: "Signed off by"},
	{Path: "sign_offs.role", Label: "Role when signing off"},
	{Path: "sign_offs.time", Label: "Signed off on"},
	{Path: "sign_offs.only_author", Label: "Only author of the work", Help: "The lead who signed off was the only author of the case's work, which is allowed only when no other safeguarding lead exists."},
}
