package practice

import "msprecords/records"

// Criteria about the person: their voice throughout, being seen alone, the
// person alleged to have caused harm, and who represents them.

// checkViewsSought: the person's views or desired outcomes recorded at the
// start of the enquiry and sought again later (a later contact with views,
// or a desired outcome revisited or evaluated with them). Only one of the
// two is partly met; none at all is not met. Views shown without words
// count as views (see viewsRecorded).
func checkViewsSought(p *practiceContext) Finding {
	c := p.c
	first := firstOccasion(c)
	var ev []Evidence
	var starts, dates []records.Date
	for _, ct := range c.Contacts {
		what := viewsRecorded(ct)
		if what == "" {
			continue
		}
		ev = append(ev, p.contactEvidence(ct, what))
		dates = append(dates, ct.Date)
		if isEarly(ct.Stage, ct.Date, first) {
			starts = append(starts, ct.Date)
		}
	}
	revisited := false
	for i, d := range c.DesiredOutcomes {
		if blank(d.Text) {
			continue
		}
		what := "recorded " + dateText(d.Recorded)
		dates = append(dates, d.Recorded)
		if isEarly(d.Stage, d.Recorded, first) {
			starts = append(starts, d.Recorded)
		}
		if len(d.History) > 0 || !blank(d.Evaluation) {
			revisited = true
			what += " and revisited with the person"
		}
		ev = append(ev, p.outcomeEvidence(i, d, what))
	}
	return p.viewsFinding(ev, starts, dates, revisited)
}

// viewsRecorded says what a contact records of the person's views, or ""
// when it records none. What the person showed without words (by
// behaviour, signs, pictures or objects of reference), and how it was
// understood, counts as much as what they said: a resident with advanced
// dementia may say nothing and still show that someone frightens them.
// Ticking the ways they communicated records no view on its own.
func viewsRecorded(ct records.Contact) string {
	words, shown := !blank(ct.Views), !blank(ct.Shown)
	switch {
	case words && shown:
		return "views recorded, in words and shown without them"
	case words:
		return "views recorded"
	case shown:
		return "views shown without words"
	}
	return ""
}

func (p *practiceContext) viewsFinding(ev []Evidence, starts, dates []records.Date, revisited bool) Finding {
	if len(dates) == 0 {
		for _, ct := range p.c.Contacts {
			ev = append(ev, p.contactEvidence(ct, "views not recorded"))
		}
		return Finding{Result: NotMet, Evidence: ev,
			Prompt: "Ask the person what they want to happen, and record their views and desired outcomes in their own words, " +
				"or what they showed without words and how it was understood."}
	}
	if len(starts) == 0 {
		return Finding{Result: PartlyMet, Evidence: ev,
			Prompt: "Record the person's views and desired outcomes at the start of the enquiry, not only later on."}
	}
	start := earliest(starts)
	if revisited || anyAfter(dates, start) {
		return Finding{Result: Met, Evidence: ev}
	}
	return Finding{Result: PartlyMet, Evidence: ev,
		Prompt: "Go back to the person as the enquiry goes on: ask again for their views and revisit their desired outcomes, recording when and why they change."}
}

// firstOccasion is the earliest dated contact or desired outcome.
func firstOccasion(c *records.Case) records.Date {
	var ds []records.Date
	for _, ct := range c.Contacts {
		ds = append(ds, ct.Date)
	}
	for _, d := range c.DesiredOutcomes {
		ds = append(ds, d.Recorded)
	}
	return earliest(ds)
}

// isEarly reports whether something recorded at a stage on a day belongs to
// the start of the enquiry: a stage before the outcome stage or, with no
// stage recorded, the first occasion the person was seen.
func isEarly(stage string, day, first records.Date) bool {
	if i := stageIndex(stage); i >= 0 {
		return i < outcomeStageIndex
	}
	return !day.IsZero() && day == first
}

// earliest returns the earliest non-zero date, or the zero Date.
func earliest(ds []records.Date) records.Date {
	var e records.Date
	for _, d := range ds {
		if !d.IsZero() && (e.IsZero() || d.Before(e)) {
			e = d
		}
	}
	return e
}

func anyAfter(ds []records.Date, d records.Date) bool {
	for _, x := range ds {
		if x.After(d) {
			return true
		}
	}
	return false
}

// checkSpokenAlone: spoken to alone at least once, or a reason recorded why
// not.
func checkSpokenAlone(p *practiceContext) Finding {
	var alone, reasons, neither []Evidence
	for _, ct := range p.c.Contacts {
		switch {
		case ct.SpokenAlone.Yes():
			alone = append(alone, p.contactEvidence(ct, "spoken to alone"))
		case !blank(ct.NotAloneReason):
			reasons = append(reasons, p.contactEvidence(ct, "reason recorded for not speaking alone"))
		case ct.SpokenAlone.No():
			neither = append(neither, p.contactEvidence(ct, "not spoken to alone, no reason recorded"))
		default:
			neither = append(neither, p.contactEvidence(ct, "not recorded whether spoken to alone"))
		}
	}
	switch {
	case len(alone) > 0:
		return Finding{Result: Met, Evidence: alone}
	case len(reasons) > 0:
		return Finding{Result: Met, Evidence: reasons}
	case len(neither) == 0:
		return Finding{Result: NotMet,
			Prompt: "Record each contact with the person, and whether they were spoken to alone."}
	}
	return Finding{Result: NotMet, Evidence: neither,
		Prompt: "Speak to the person alone, so that their own voice is heard without pressure from others, or record why that was not possible."}
}

// checkAllegedPerson: for each person alleged to have caused harm, their
// views, the impact of the concerns on them and the support offered.
// Not applicable when there is none.
func checkAllegedPerson(p *practiceContext) Finding {
	var good, bad []Evidence
	recorded, missing := 0, 0
	for i, a := range p.c.AllegedPersons {
		var gaps []string
		for _, item := range []struct{ text, name string }{
			{a.Views, "views"}, {a.Impact, "impact on them"}, {a.SupportOffered, "support offered"},
		} {
			if blank(item.text) {
				gaps = append(gaps, item.name)
			}
		}
		recorded += 3 - len(gaps)
		missing += len(gaps)
		if len(gaps) == 0 {
			good = append(good, p.allegedEvidence(i, a, "views, impact and support recorded"))
		} else {
			bad = append(bad, p.allegedEvidence(i, a, listWords(gaps)+" not recorded"))
		}
	}
	f := p.judged(good, bad, func() string {
		return "Record the views of the person alleged to have caused harm, the impact of the concerns on them and the support offered to them."
	})
	f.Result = tally(recorded, missing) // one of three recorded is partly met
	return f
}
