package practice

import (
	"fmt"

	"msprecords/records"
)

// checkChronology: every contact, referral and action carried out has a
// chronology entry that links to it, so the case notes tell the whole story.
func checkChronology(p *practiceContext) Finding {
	var good, bad []Evidence
	note := func(id string, e Evidence) {
		if p.linked[id] {
			good = append(good, e)
		} else {
			e.Text += ": no chronology entry"
			bad = append(bad, e)
		}
	}
	for _, ct := range p.c.Contacts {
		note(ct.ID, p.contactEvidence(ct, ""))
	}
	for _, r := range p.c.Referrals {
		e := p.referralEvidence(r, "")
		e.Text += " identified " + dateText(r.Identified)
		note(r.ID, e)
	}
	for i, r := range p.c.Risks {
		for j, a := range r.Actions {
			if a.Status == actionDone || !a.Completed.IsZero() { // a planned action is not yet an intervention
				note(a.ID, p.actionEvidence(i, j, a, ""))
			}
		}
	}
	return p.judged(good, bad, func() string {
		return fmt.Sprintf("Record %s in the chronology in detail: what was discussed with the person, the support offered and what was agreed.",
			plural(len(bad), "this intervention", "these interventions"))
	})
}

// checkReferralsTimely: each referral to a partner agency made within the
// limit of working days from identifying the need. A referral not yet made
// counts once the limit has passed; one still within it is not judged.
func checkReferralsTimely(p *practiceContext) Finding {
	limit := p.o.ReferralLimitWorkingDays
	var good, bad []Evidence
	var slow []string
	for _, r := range p.c.Referrals {
		if r.Identified.IsZero() {
			continue
		}
		if r.Referred.IsZero() {
			wd := r.Identified.WorkingDaysUntil(p.asOf())
			if wd > limit {
				bad = append(bad, p.referralEvidence(r, fmt.Sprintf("not made %s after the need was identified", workingDays(wd))+
					holidayNote(r.Identified, p.asOf())))
				slow = append(slow, fmt.Sprintf("to %s (not made after %s)", agencyName(r), workingDays(wd)))
			}
			continue
		}
		wd := r.WorkingDaysTaken()
		days := func() string {
			return fmt.Sprintf("%s (%d %s)", workingDays(wd), r.DaysTaken(), plural(r.DaysTaken(), "day", "days")) +
				holidayNote(r.Identified, r.Referred)
		}
		if wd > limit {
			bad = append(bad, p.referralEvidence(r, "took "+days()))
			slow = append(slow, fmt.Sprintf("to %s (%s)", agencyName(r), workingDays(wd)))
			continue
		}
		good = append(good, p.referralEvidence(r, p.describe(func() string { return "made in " + days() })))
	}
	return p.judged(good, bad, func() string {
		return fmt.Sprintf("Make referrals to partner agencies within %s of identifying the need: the %s %s took longer.",
			workingDays(limit), plural(len(slow), "referral", "referrals"), listWords(slow))
	})
}

// holidayNote says, after a count of working days from one date to
// another, when the bank holidays of a year between them are not known, so
// the count skipped weekends only.
func holidayNote(from, to records.Date) string {
	if from.HolidaysKnownBetween(to) {
		return ""
	}
	first, last := records.BankHolidayYears()
	return fmt.Sprintf("; weekends only were skipped, as this version knows the bank holidays of %d to %d only", first, last)
}

func workingDays(n int) string {
	return fmt.Sprintf("%d working %s", n, plural(n, "day", "days"))
}

func agencyName(r records.AgencyReferral) string {
	if r.Agency == "" {
		return "an agency"
	}
	return r.Agency
}

// checkChallenge: where accounts conflict or a decision was questioned, a
// professional challenge recorded with what came of it. Not applicable when
// neither happened.
func checkChallenge(p *practiceContext) Finding {
	c := p.c
	if len(c.Challenges) == 0 {
		if !c.Enquiry.ConflictingAccounts.Yes() {
			return Finding{Result: NotApplicable}
		}
		return Finding{Result: NotMet,
			Prompt: "Accounts conflict: be professionally curious. Record who questioned which account or decision, and what came of it."}
	}
	var good, bad []Evidence
	for _, ch := range c.Challenges {
		switch {
		case blank(ch.What):
			bad = append(bad, p.challengeEvidence(ch, "what was questioned is not recorded"))
		case blank(ch.Outcome):
			bad = append(bad, p.challengeEvidence(ch, "what came of it is not recorded"))
		default:
			good = append(good, p.challengeEvidence(ch, "recorded with its outcome"))
		}
	}
	return p.judged(good, bad, func() string {
		return "Complete the record of each challenge: what was questioned, by whom, and what came of it, so that discussions about decisions are fully explored."
	})
}
