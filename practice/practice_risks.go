package practice

import (
	"fmt"

	"msprecords/records"
)

// The statuses of an action carried out and of one that no longer stands.
var (
	actionDone      = records.ActionStatuses()[2]
	actionCancelled = records.ActionStatuses()[3]
)

// checkRiskActions: every risk has at least one action that stands.
func checkRiskActions(p *practiceContext) Finding {
	var good, bad []Evidence
	var missing []int
	for i, r := range p.c.Risks {
		n := 0
		for _, a := range r.Actions {
			if a.Status != actionCancelled {
				n++
			}
		}
		if n == 0 {
			bad = append(bad, p.riskEvidence(i, r, "no action recorded"))
			missing = append(missing, i+1)
			continue
		}
		good = append(good, p.riskEvidence(i, r, p.describe(func() string { return fmt.Sprintf("%d %s", n, plural(n, "action", "actions")) })))
	}
	return p.judged(good, bad, func() string {
		return fmt.Sprintf("Record a clear action, with who will do it and by when, for %s %s.",
			plural(len(missing), "risk", "risks"), listNumbers(missing))
	})
}

// checkRiskEvaluated: every risk evaluated with the person (the result and
// what they said) before the enquiry closes. Not applicable until the
// enquiry reaches its outcome stage.
func checkRiskEvaluated(p *practiceContext) Finding {
	if !p.concluding() {
		return Finding{Result: NotApplicable}
	}
	var good, bad []Evidence
	var missing []int
	for i, r := range p.c.Risks {
		ev := r.Evaluation
		late := p.c.IsClosed() && ev.Date.After(p.c.Enquiry.Closed)
		switch {
		case ev.Result == "" || late:
			bad = append(bad, p.riskEvidence(i, r, "not evaluated with the person before closure"))
		case blank(ev.PersonSaid):
			bad = append(bad, p.riskEvidence(i, r, ev.Result+", but what the person said is not recorded"))
		default:
			good = append(good, p.riskEvidence(i, r, "evaluated with the person: "+ev.Result))
			continue
		}
		missing = append(missing, i+1)
	}
	return p.judged(good, bad, func() string {
		return fmt.Sprintf("Evaluate %s %s with the person before closing: %s, and what do they say?",
			plural(len(missing), "risk", "risks"), listNumbers(missing),
			plural(len(missing), "is it removed, reduced or does it remain", "is each removed, reduced or does it remain"))
	})
}

// checkLessRestrictive: less restrictive options recorded for each action
// that stands (on the action or on its risk) and for each best-interests
// decision.
func checkLessRestrictive(p *practiceContext) Finding {
	var good, bad []Evidence
	var names []string
	for i, r := range p.c.Risks {
		for j, a := range r.Actions {
			if a.Status == actionCancelled {
				continue
			}
			if blank(a.LessRestrictive) && blank(r.LessRestrictive) {
				bad = append(bad, p.actionEvidence(i, j, a, "no less restrictive options recorded"))
				names = append(names, fmt.Sprintf("action %d of risk %d", j+1, i+1))
				continue
			}
			good = append(good, p.actionEvidence(i, j, a, "less restrictive options recorded"))
		}
	}
	badActions := len(bad)
	for _, m := range p.c.Capacity {
		if blank(m.BestInterests) {
			continue
		}
		if blank(m.LessRestrictive) {
			bad = append(bad, p.assessmentEvidence(m, "best-interests decision without less restrictive options"))
			names = append(names, "the best-interests decision of "+dateText(m.Date))
			continue
		}
		good = append(good, p.assessmentEvidence(m, "less restrictive options recorded for the best-interests decision"))
	}
	f := p.judged(good, bad, func() string {
		return "Record the less restrictive options considered, and why the response chosen is proportionate, for " + listWords(names) + "."
	})
	if badActions == 0 && len(bad) > 0 {
		f.Part = records.PartCapacity // only best-interests decisions fall short
	}
	return f
}
