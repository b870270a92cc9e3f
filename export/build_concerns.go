package export

import "msprecords/records"

// concerns sets out what was reported, how, the decision on the s42 duty,
// consent, and the questions professionals raised.
func (b *builder) concerns() []Block {
	c := b.c
	blocks := []Block{
		Fields{
			field("enquiry.concern_received", c.Enquiry.ConcernReceived.String()),
			field("enquiry.started", c.Enquiry.Started.String()),
			{"Types of abuse", joinNonEmpty(", ", c.AbuseTypes()...)},
			field("enquiry.conflicting_accounts", answered(c.Enquiry.ConflictingAccounts)),
		},
		Subheading{"The concern as reported"},
		Paragraph{orText(c.Enquiry.Concern, "The concern has not been recorded.")},
		Subheading{"How the concern was received"},
		b.referralIn(),
	}
	if len(c.Allegations) > 0 {
		blocks = append(blocks, Subheading{"Allegations"}, allegationsTable(c.Allegations))
	}
	blocks = append(blocks, Subheading{"Decision on the section 42 duty"}, decision(c.Decision),
		Subheading{"Consent"}, consent(c.Consent))
	if o := othersAtRisk(c.OthersAtRisk); o != nil {
		blocks = append(blocks, Subheading{"Others at risk"}, o)
	}
	if c.Caused.Organisation != "" {
		blocks = append(blocks, Subheading{"Enquiry caused by the council"}, caused(c.Caused))
	}
	return append(blocks, b.challenges()...)
}

// referralIn leaves the referrer's name out of the person's copy.
func (b *builder) referralIn() Fields {
	r := b.c.ReferralIn
	name := r.ReferrerName
	if b.plain() {
		name = ""
	}
	return Fields{
		field("referral_in.date", r.Date.String()),
		field("referral_in.source", r.Source),
		field("referral_in.method", r.Method),
		field("referral_in.referrer_name", name),
		field("referral_in.referrer_role", r.ReferrerRole),
		field("referral_in.police_reference", r.PoliceRef),
		field("referral_in.incident_number", r.IncidentNumber),
	}
}

func allegationsTable(as []records.Allegation) Table {
	t := Table{Columns: columns("allegations.abuse_type", "allegations.location", "allegations.source",
		"allegations.description", "allegations.risk_outcome")}
	for _, a := range as {
		t.Rows = append(t.Rows, []string{a.AbuseType, a.Location, joinNonEmpty(": ", a.Source, a.SourceDetail), a.Description, a.RiskOutcome})
	}
	return t
}

func decision(d records.S42Decision) Fields {
	return Fields{
		field("s42_decision.date", d.Date.String()),
		field("s42_decision.decided_by", d.DecidedBy),
		field("s42_decision.care_and_support_needs", d.CareNeeds),
		field("s42_decision.experiencing_or_at_risk", d.AtRisk),
		field("s42_decision.unable_to_protect", d.UnableToProtect),
		field("s42_decision.reasons_not_met", d.ReasonsNotMet),
		field("s42_decision.enquiry_anyway", answered(d.EnquiryAnyway)),
		field("s42_decision.decision", d.Decision),
		field("s42_decision.other_handling", d.OtherwiseHandling),
	}
}

func consent(c records.Consent) Fields {
	return Fields{
		field("consent.enquiry", joinNonEmpty(", ", c.Enquiry, c.EnquiryDate.String())),
		field("consent.share", joinNonEmpty(", ", c.Share, c.ShareDate.String())),
		field("consent.limits", c.Limits),
		field("consent.override_reason", c.OverrideReason),
		field("consent.override_detail", c.OverrideDetail),
	}
}

func othersAtRisk(o records.OthersAtRisk) Block {
	if !o.Adults.Known() && !o.Children.Known() && !o.ChildrenConcernRaised.Known() && o.Details == "" {
		return nil
	}
	return Fields{
		field("others_at_risk.adults", answer(o.Adults)),
		field("others_at_risk.children", answer(o.Children)),
		field("others_at_risk.children_concern_raised", answered(o.ChildrenConcernRaised)),
		field("others_at_risk.details", o.Details),
	}
}

func caused(c records.CausedEnquiry) Fields {
	report := answerNotRecorded
	switch c.ReportReceived {
	case records.Yes:
		report = joinNonEmpty(", ", c.ReportReceived.String(), c.ReportDate.String())
	case records.No:
		report = "Not yet"
	}
	return Fields{
		field("caused_enquiry.organisation", c.Organisation),
		field("caused_enquiry.organisation_type", c.OrgType),
		field("caused_enquiry.requested", c.Requested.String()),
		field("caused_enquiry.report_received", report),
	}
}

// challenges records professional curiosity; the person's copy leaves it out.
func (b *builder) challenges() []Block {
	cs := b.c.Challenges
	if b.plain() {
		return []Block{Notice{"Professional challenge notes withheld (not shared for this purpose)"}}
	}
	if len(cs) == 0 {
		return nil
	}
	t := Table{Columns: columns("challenges.date", "challenges.by", "challenges.what", "challenges.outcome")}
	for _, ch := range cs {
		t.Rows = append(t.Rows, []string{ch.Date.String(), ch.By, ch.What, ch.Outcome})
	}
	return []Block{Subheading{"Professional curiosity and challenge"}, t}
}
