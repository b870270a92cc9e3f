package records

import "slices"

// The parts of a case are the screens of the case view, one per part of the
// record. The practice check names the part that fixes each finding and the
// window switches to it, so both use these names. Each is the screen's
// title as people see it.
const (
	PartPerson          = "Person & engagement"
	PartRepresentatives = "Representatives & advocates"
	PartCapacity        = "Capacity"
	PartRisks           = "Risks & actions"
	PartReferrals       = "Referrals"
	PartAllegedHarm     = "Person alleged to have caused harm"
	PartOutcome         = "Outcome & evaluation"
	PartChronology      = "Chronology"
)

var parts = []string{
	PartPerson, PartRepresentatives, PartCapacity, PartRisks,
	PartReferrals, PartAllegedHarm, PartOutcome, PartChronology,
}

// Parts returns the parts in the order the case view shows them.
func Parts() []string { return slices.Clone(parts) }
