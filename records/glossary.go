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
	{"Enquiry caused by the council", "An enquiry into a concern about the council's own services or staff."},
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
