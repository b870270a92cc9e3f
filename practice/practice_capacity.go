package practice

import (
	"fmt"

	"msprecords/records"
)

// checkFluctuatingCapacity: where capacity fluctuates, the person seen
// again by the revisit date to confirm the decision. A revisit still to
// come on an open case is not judged; a closed case cannot revisit later.
func checkFluctuatingCapacity(p *practiceContext) Finding {
	var good, bad []Evidence
	var names []string
	for _, m := range p.c.Capacity {
		if !m.Fluctuates.Yes() {
			continue
		}
		what, ok, due := revisitState(p, m)
		if !due {
			continue
		}
		if ok {
			good = append(good, p.assessmentEvidence(m, what))
			continue
		}
		bad = append(bad, p.assessmentEvidence(m, what))
		names = append(names, "the assessment of "+dateText(m.Date))
	}
	return p.judged(good, bad, func() string {
		return "Capacity fluctuates: see the person again by the revisit date to confirm the decision, and record what they said (" + listWords(names) + ")."
	})
}

// revisitState describes the revisit of one fluctuating assessment, whether
// it was in time, and whether it is due to be judged yet.
func revisitState(p *practiceContext, m records.CapacityAssessment) (what string, ok, due bool) {
	by := m.RevisitBy
	switch {
	case !m.RevisitedOn.IsZero() && (by.IsZero() || !m.RevisitedOn.After(by)):
		return "capacity fluctuates; revisited on " + m.RevisitedOn.String(), true, true
	case !m.RevisitedOn.IsZero():
		return "revisited on " + m.RevisitedOn.String() + ", after the revisit date " + by.String(), false, true
	case by.IsZero():
		return "capacity fluctuates but no revisit date is set", false, true
	case p.c.IsClosed() || by.Before(p.o.Today):
		return "not revisited by " + by.String(), false, true
	}
	return "", false, false
}

// checkAssessmentRisks: each capacity assessment considered every risk of
// the case open on its date. A risk counts as open on a day unless it is
// closed and its evaluation is dated before that day.
func checkAssessmentRisks(p *practiceContext) Finding {
	considered, missed := 0, 0
	var good, bad []Evidence
	var names []string
	for _, m := range p.c.Capacity {
		seen := make(map[string]bool, len(m.RisksConsidered))
		for _, id := range m.RisksConsidered {
			seen[id] = true
		}
		var miss []int
		open := 0
		for i, r := range p.c.Risks {
			if !riskOpenOn(r, m.Date) {
				continue
			}
			open++
			if !seen[r.ID] {
				miss = append(miss, i+1)
			}
		}
		considered += open - len(miss)
		missed += len(miss)
		switch {
		case open == 0:
		case len(miss) == 0:
			good = append(good, p.assessmentEvidence(m, p.describe(func() string {
				return fmt.Sprintf("considered all %d open %s", open, plural(open, "risk", "risks"))
			})))
		default:
			text := "did not consider " + plural(len(miss), "risk ", "risks ") + listNumbers(miss)
			bad = append(bad, p.assessmentEvidence(m, text))
			names = append(names, "the assessment of "+dateText(m.Date)+" "+text)
		}
	}
	f := p.judged(good, bad, func() string {
		return "When assessing capacity, consider every risk to the person and make sure each is explored: " + listWords(names) + "."
	})
	f.Result = tally(considered, missed)
	return f
}

func riskOpenOn(r records.Risk, day records.Date) bool {
	if !r.Closed || day.IsZero() || r.Evaluation.Date.IsZero() {
		return true
	}
	return !r.Evaluation.Date.Before(day)
}
