package records

import (
	"slices"
	"strings"
)

// Term is a word of safeguarding practice, or a pick-list choice, with what
// it means in plain words for someone who is not a social worker.
type Term struct {
	Term, Meaning string
}

// glossary explains the pick-list choices and terms a care-home manager
// may not know. Pick-list choices are spelled exactly as in the pick-lists
// (a test checks), so the window can explain a choice as it is made.
var glossary = []Term{
	{"Making Safeguarding Personal", "Working with the person, not doing things to them: asking what they want to happen " +
		"(their desired outcomes) at the start, keeping them involved, and asking at the end whether it was achieved."},
	{"Section 42 enquiry", "The enquiry the council must make, or ask others to make, under section 42 of the Care Act 2014, " +
		"when an adult has care and support needs, is experiencing or at risk of abuse or neglect, and because of those needs " +
		"cannot protect themselves."},
	{"Other safeguarding enquiry", "An enquiry the council chooses to make although the section 42 duty is not met, " +
		"for example for a carer, or a person without care and support needs."},
	{"Enquiry caused by the council", "A section 42 enquiry the council asks another organisation, such as a care home or " +
		"NHS trust, to make; the council stays responsible for it and checks the report that comes back."},
	{"Decision on the s42 duty", "The council's decision whether the three conditions of section 42 are met, and so " +
		"whether it must make an enquiry."},
	{"Planning / strategy discussion", "A discussion, or meeting, of the agencies involved, to plan the enquiry and keep the person safe meanwhile."},
	{"Outcome / case conference", "A meeting, with the person or their representative where possible, to agree what the enquiry found and what happens next."},
	{"Safeguarding plan", "The agreed actions to reduce or remove the risk, each with who will do it and by when."},
	{"Concern", "The first report that an adult may be experiencing or at risk of abuse or neglect."},
	{"Care Act advocate (s68)", "An independent advocate the council must arrange, under section 68 of the Care Act 2014, when the person " +
		"would have substantial difficulty being involved in the enquiry and has no suitable family member or friend to support them."},
	{"IMCA", "Independent Mental Capacity Advocate: supports and speaks for a person who lacks capacity to make a serious " +
		"decision and has no family or friend suitable to consult. In a safeguarding enquiry the council may instruct one " +
		"(Mental Capacity Act 2005)."},
	{"IMHA", "Independent Mental Health Advocate: helps a person detained or treated under the Mental Health Act 1983 " +
		"to understand and use their rights."},
	{"IDVA", "Independent Domestic Violence Adviser: a specialist who supports a person at high risk of harm from domestic " +
		"abuse, often through a MARAC (a multi-agency risk assessment conference)."},
	{"ISVA", "Independent Sexual Violence Adviser: supports a person who has experienced rape or sexual abuse, including " +
		"through any police investigation and court case."},
	{"Attorney under LPA - health and welfare", "Someone the person chose, while they had capacity, in a registered " +
		"Lasting Power of Attorney, to make decisions about their care and treatment when they can no longer make them."},
	{"Attorney under LPA - property and financial affairs", "Someone the person chose, in a registered Lasting Power of " +
		"Attorney, to manage their money and property; they may act while the person still has capacity, if the person agrees."},
	{"Deputy - health and welfare", "Someone the Court of Protection has appointed to make decisions about the care of a " +
		"person who lacks capacity. Rare: check the court order for what they may decide."},
	{"Deputy - property and financial affairs", "Someone the Court of Protection has appointed to manage the money and " +
		"property of a person who lacks capacity."},
	{"Appointee", "A person or organisation the Department for Work and Pensions has appointed to manage the person's " +
		"benefits. It gives no say over anything else."},
	{"Next of kin", "The closest relative. It gives no legal right to make decisions for the person, but they may be consulted."},
	{"Informal representative", "A family member or friend who supports the person to take part, with no legal role."},
	{"Organisational Abuse", "Neglect or poor practice within a care setting or service, such as a care home, whether one " +
		"incident or a pattern, caused by the way the service is run."},
	{"Discriminatory Abuse", "Harassment or ill-treatment because of race, sex, disability, age, religion, sexual " +
		"orientation or another protected characteristic."},
	{"Neglect and Acts of Omission", "Not meeting a person's care, medical, physical or emotional needs, or withholding " +
		"medication, food, heating or access to services."},
	{"Self-Neglect", "A person not caring for their own hygiene, health or surroundings, including hoarding, to the point that it puts them at risk."},
	{"Service Provider", "An organisation paid to provide care or support, such as a care home, domiciliary care agency or day centre, and its staff."},
	{"Other - Known to Individual", "Someone the person knows who is not acting for a service: family, a friend, a neighbour."},
	{"Other - Unknown to Individual", "A stranger, or someone the person does not know."},
	{"Not able to consent", "The person lacks capacity to decide about sharing the information or the enquiry; record the best-interests decision."},
	{"Vital interest", "Information shared without consent because it is needed to protect the person's life or prevent serious harm."},
	{"Mental capacity", "Whether the person can make a particular decision at the time it needs to be made: understand, " +
		"retain and weigh the information, and communicate their choice. Always decision-specific, and assumed unless shown otherwise."},
	{"Best interests", "A decision made for a person who lacks capacity to make it, after considering their wishes, beliefs " +
		"and values and consulting those close to them, choosing the least restrictive option."},
	{"Person alleged to have caused harm", "Anyone the concern says may have harmed the person. Recorded neutrally: an allegation is not a finding."},
	{"Safeguarding Adults Review", "A review the Safeguarding Adults Board arranges when an adult has died or been seriously " +
		"harmed and agencies could have worked together better (section 44 of the Care Act 2014)."},
	{"Objects of reference", "Everyday objects that stand for something, used with a person who finds words or pictures hard: " +
		"a cup for a drink, a towel for a bath. Holding out or pushing away an object is how they answer."},
	{"Pictures or symbols", "Photographs, drawings or symbol cards the person points to or looks at to say what they want, " +
		"such as a talking mat or a picture of a place or a person."},
	{"Desired outcomes", "What the person wants to happen, in their own words: asked at the start, reviewed during, and checked at the end."},

	// The stages, and the decision on the s42 duty.
	{"Enquiry", "Finding out what happened and what the person wants, and agreeing with them what should be done to keep them safe."},
	{"Review", "A check, with the person, of whether their safeguarding plan, or their care and support, still keeps them safe and meets their needs."},
	{"Closure", "The end of the enquiry: record why it closed, the person's view of closing, and whether their desired outcomes were met."},
	{"Met", "The condition applies to the person."},
	{"Not met", "The condition does not apply to the person. As the decision, not all three conditions of section 42(1) are met, " +
		"so there is no duty to enquire, though other help, or another enquiry, may still be right."},
	{"Met, progress to s42(2) enquiry", "All three conditions of section 42(1) are met, so the council must make an enquiry, " +
		"or cause another organisation to make one."},
	{"Other proportionate enquiry", "Not all three conditions are met, but the council chooses to enquire, as far as fits the concern."},
	{"Sent to another council", "The concern is for another council, usually the one for the area where the abuse or neglect happened, so it was passed to them."},
	{"Duplicate concern", "The same concern had already been raised, so it is dealt with under the first record."},
	{"Advice and guidance", "The person, or the referrer, was given advice or information, and nothing more was needed."},
	{"Care Act assessment", "An assessment of the person's needs for care and support (section 9 of the Care Act 2014), or of a carer's needs (section 10)."},
	{"Case management", "Dealt with through the social work or care management the person already has."},
	{"Signposted", "Pointed to another service that can help, such as a charity or the GP."},
	{"Passed to another service or council", "Handed to the service or council better placed to deal with it."},

	// Types of abuse (Care Act 2014 statutory guidance, chapter 14).
	{"Physical Abuse", "Including hitting, slapping, pushing, restraint that is not justified, misuse of medication and inappropriate physical sanctions."},
	{"Sexual Abuse", "Including rape, indecent exposure, sexual harassment, inappropriate looking or touching, and any sexual act " +
		"the person has not consented to, could not consent to, or was pressured into."},
	{"Psychological Abuse", "Including threats of harm or abandonment, humiliation, blaming, controlling, intimidation, coercion, " +
		"harassment, verbal abuse, cyber bullying, isolation, and unreasonable withdrawal of services or support."},
	{"Financial or Material Abuse", "Including theft, fraud, scams, pressure over wills, property or inheritance, and the misuse " +
		"of the person's money, possessions or benefits."},
	{"Domestic Abuse", "Abuse between people aged 16 or over who are, or have been, partners or family members, whatever their " +
		"gender or sexuality: physical, sexual, psychological, financial or emotional, including coercive control and so-called 'honour'-based violence."},
	{"Sexual Exploitation", "Sexual abuse in which the person is given, or promised, something such as money, drugs, alcohol, " +
		"attention or somewhere to stay, in return for sexual acts."},
	{"Modern Slavery", "Slavery, human trafficking, forced labour and domestic servitude: people coerced, deceived or forced " +
		"into a life of abuse, servitude and inhumane treatment."},

	// Locations and finer sources of risk.
	{"In the Community (excluding community services)", "Out in the community, such as in the street, a shop or someone " +
		"else's home, but not at a service such as a day centre."},
	{"In a Community Service", "At a service the person goes to, such as a day centre, a GP surgery or an outpatient clinic."},
	{"Care Home - Nursing", "A care home registered to provide nursing care, with nurses on duty."},
	{"Care Home - Residential", "A care home that provides personal care, but not nursing care."},
	{"Hospital - Acute", "A general hospital: its wards, or its emergency department."},
	{"Hospital - Mental Health", "A mental health hospital or ward."},
	{"Hospital - Community", "A community hospital, often for rehabilitation or care after a stay in a general hospital."},
	{"Service provider - public", "A service run by the council, the NHS or another public body."},
	{"Service provider - private", "A service run as a business, as most care homes and home care agencies are."},
	{"Service provider - voluntary", "A service run by a charity or community group."},
	{"Known - self", "The risk comes from the person themselves, as in self-neglect."},
	{"Known - known but not related", "Someone the person knows who is not family, such as a friend, a neighbour or another resident."},
	{"Known - primary, secondary or community health care", "Health staff the person knows: at the GP practice (primary care), " +
		"the hospital (secondary care), or community nurses and therapists."},
	{"Known - regulator", "Staff of a regulator, such as the Care Quality Commission, whom the person knows."},

	// Risk and findings.
	{"Risk remained", "The risk is still there at the end of the enquiry, for example because the person chose to live with it; say why."},
	{"Risk remains", "The risk is still there, for example because the person chose to live with it; say why."},
	{"Risk reduced", "The risk is still there, but less likely or less serious because of what was done."},
	{"Risk removed", "The risk no longer exists, for example because the person alleged to have caused harm no longer has contact with them."},
	{"Risk assessment inconclusive and action taken", "It could not be established whether there was a risk, but something was done to keep the person safe."},
	{"Risk assessment inconclusive and no action taken", "It could not be established whether there was a risk, and nothing further was done."},
	{"Enquiry ceased at individual's request and no action taken", "The person asked for the enquiry to stop and, with no " +
		"reason to go on without their agreement (such as others at risk), it stopped with nothing further done."},
	{"Substantiated", "The enquiry found that, on the balance of probabilities, what was alleged happened."},
	{"Partly substantiated", "The enquiry found that, on the balance of probabilities, some of what was alleged happened."},
	{"Not substantiated", "The enquiry found that, on the balance of probabilities, what was alleged did not happen."},
	{"Inconclusive", "The enquiry could not establish whether what was alleged happened."},
	{"Not yet determined", "The assessment is not finished, or must be repeated, for example because the person's capacity fluctuates."},

	// Consent and sharing.
	{"Yes, with limits", "The person agreed, but only to some things, or to sharing with some people and not others; record the limits."},
	{"Not asked", "The person was not asked; record why."},
	{"Others at risk", "Information shared without consent because other people, adults or children, may be at risk of harm."},
	{"Crime", "Information shared without consent to prevent or detect a serious crime."},
	{"Not able to say", "The person could not say whether they agreed, for example because of how they communicate or their capacity."},

	// Representatives and advocacy.
	{"Family member as representative", "A family member who is suitable to support the person to be involved in the enquiry " +
		"and is not paid to care for them (section 68 of the Care Act 2014). The person must agree, or, if they lack capacity, it must be in their best interests."},
	{"Friend as representative", "A friend who is suitable to support the person to be involved in the enquiry and is not " +
		"paid to care for them (section 68 of the Care Act 2014). The person must agree, or, if they lack capacity, it must be in their best interests."},
	{"Accepted", "The person, or someone for them, agreed to have an advocate."},
	{"Already in place", "The person already had an advocate supporting them."},
	{"Declined", "The person said they did not want an advocate; record their reasons."},

	// Outcomes at the end of the enquiry.
	{"Court of Protection application", "An application to the court that makes decisions for people who lack capacity, " +
		"for example to appoint a deputy or to settle what is in their best interests."},
	{"Management of access to finances", "Steps to protect the person's money, such as an appointee, a deputy, or help from their bank."},
	{"MARAC referral", "A referral to the multi-agency risk assessment conference, which plans the safety of people at high risk of domestic abuse."},
	{"DoLS application", "An application under the Deprivation of Liberty Safeguards, to authorise care in a care home or " +
		"hospital that deprives a person who lacks capacity of their liberty."},
	{"Guardianship", "Guardianship under section 7 of the Mental Health Act 1983: a guardian may require the person to live " +
		"in a certain place, attend for treatment or let professionals see them."},
	{"Disciplinary action requested", "The employer of the person alleged to have caused harm was asked to consider disciplinary action."},
	{"Referral to DBS", "A referral to the Disclosure and Barring Service, which can bar a person from working with adults at risk or children."},
	{"Referral to regulator", "A referral to a professional regulator, such as the Nursing and Midwifery Council or Social Work England."},
	{"Exoneration", "The enquiry cleared the person alleged to have caused harm."},
	{"Action by CQC", "The Care Quality Commission, which regulates care services in England, took action against the provider, " +
		"such as an inspection, a warning or conditions."},
	{"Contract compliance", "The council, as the buyer of the service, required the provider to meet its contract, for example through a review or by pausing new placements."},
	{"CQC", "The Care Quality Commission, which regulates health and social care services in England."},

	// The plan, meetings and the chronology.
	{"Standalone review", "The safeguarding plan is reviewed on its own, at a date set for it."},
	{"Within ongoing care management", "The safeguarding plan is reviewed as part of the person's usual care reviews."},
	{"Strategy meeting", "A meeting of the agencies involved, to share information and plan the enquiry."},
	{"Case conference", "A meeting, with the person or their representative where possible, to agree what the enquiry found and what happens next."},
	{"Apologies", "Invited, but sent word that they could not come."},
	{"Challenge", "An entry recording professional curiosity: a decision or an account that was questioned."},
	{"Correction", "Puts right an earlier entry, which stays as it was, so the record shows what was known when."},
}

// Glossary returns every term explained, in alphabetical order.
func Glossary() []Term {
	out := slices.Clone(glossary)
	slices.SortFunc(out, func(a, b Term) int { return strings.Compare(strings.ToLower(a.Term), strings.ToLower(b.Term)) })
	return out
}

// Explain returns what a term or pick-list choice means in plain words, or
// "" where it needs no explaining.
func Explain(term string) string {
	for _, t := range glossary {
		if t.Term == term {
			return t.Meaning
		}
	}
	return ""
}
