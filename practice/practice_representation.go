package practice

import "msprecords/records"

// The pick-list values the representation check depends on, named once.
var (
	lacksCapacityForDecision = records.CapacityOutcomes()[1] // "Lacks capacity for this decision"
	lackedCapacityAtClosure  = records.CapacityLacked()[0]   // "Yes, they lacked capacity"
	advocacyAccepted         = records.AdvocacyResponses()[0]
	advocacyInPlace          = records.AdvocacyResponses()[1]
)

// engagingKinds are the representatives who speak for and support the
// person in the enquiry: family or friends as representatives, independent
// advocates, and those holding authority over health and welfare. Holders
// of authority over money only, appointees and next of kin are not enough
// on their own. A test checks each label against RepresentativeKinds.
var engagingKinds = map[string]bool{
	"Family member as representative": true,
	"Friend as representative":        true,
	"Care Act advocate (s68)":         true,
	"IMCA":                            true,
	"IMHA":                            true,
	"IDVA":                            true,
	"ISVA":                            true,
	"Attorney under LPA - health and welfare": true,
	"Deputy - health and welfare":             true,
	"Informal representative":                 true,
}

// checkRepresentation: where the person lacks capacity (any assessment, or
// the outcome recorded at closure) or has substantial difficulty in being
// involved, a representative or advocate engaged. Advocacy offered but
// declined, or only a representative who cannot speak for the person, is
// partly met. Not applicable otherwise.
func checkRepresentation(p *practiceContext) Finding {
	why, reasons := p.representationNeeded()
	if len(reasons) == 0 {
		return Finding{Result: NotApplicable}
	}
	var engaged, other []Evidence
	for _, r := range p.c.Representatives {
		if engagingKinds[r.Kind] {
			engaged = append(engaged, p.representativeEvidence(r, p.describe(func() string { return "engaged" + fromText(r.From) })))
		} else {
			other = append(other, p.representativeEvidence(r, "recorded, but cannot represent the person in the enquiry on their own"))
		}
	}
	adv := p.c.Advocacy
	if adv.Response == advocacyAccepted || adv.Response == advocacyInPlace {
		engaged = append(engaged, Evidence{EvidenceRepresentative, "", joinText("Advocacy", adv.Response)})
	}
	if len(engaged) > 0 {
		return Finding{Result: Met, Evidence: engaged}
	}
	if adv.Offered.Yes() || len(other) > 0 {
		if adv.Offered.Yes() {
			other = append(other, Evidence{EvidenceRepresentative, "", joinText("Advocacy offered", adv.Response)})
		}
		return Finding{Result: PartlyMet, Evidence: other,
			Prompt: "The person " + why + ". Make sure someone can speak for them: a family member or friend as their representative or, if there is no one suitable, an independent advocate, even if advocacy was declined before."}
	}
	return Finding{Result: NotMet, Evidence: reasons,
		Prompt: "The person " + why + ". Involve a family member or friend as their representative, or refer them for an independent advocate (Care Act s68 advocate or IMCA)."}
}

// representationNeeded says why the person needs a representative, with the
// assessments that show it; no reasons means they do not.
func (p *practiceContext) representationNeeded() (string, []Evidence) {
	c := p.c
	var ev []Evidence
	for _, m := range c.Capacity {
		if m.Outcome == lacksCapacityForDecision {
			ev = append(ev, p.assessmentEvidence(m, "lacks capacity for this decision"))
		}
	}
	lacks := len(ev) > 0 || c.Outcome.CapacityLacked == lackedCapacityAtClosure
	if lacks && len(ev) == 0 {
		ev = append(ev, Evidence{Kind: EvidenceOutcome, Text: "Outcome: " + lackedCapacityAtClosure})
	}
	switch {
	case lacks && c.Person.SubstantialDifficulty.Yes():
		return "lacks capacity and has substantial difficulty in being involved", ev
	case lacks:
		return "lacks capacity", ev
	case c.Person.SubstantialDifficulty.Yes():
		return "has substantial difficulty in being involved", []Evidence{{Kind: EvidencePerson, Text: "Substantial difficulty in being involved is recorded"}}
	}
	return "", nil
}

func fromText(d records.Date) string {
	if d.IsZero() {
		return ""
	}
	return " from " + d.String()
}
