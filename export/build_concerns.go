package export

import "msprecords/records"

// concerns sets out what was reported, how, the decision on the s42 duty,
// consent, and the questions professionals raised.
func (b *builder) concerns() []Block {
	c := b.c
	blocks := []Block{
		Fields{
			{"Concern received", c.Enquiry.ConcernReceived.String()},
			{"Enquiry started", c.Enquiry.Started.String()},
			{"Types of abuse", joinNonEmpty(", ", c.AbuseTypes()...)},
			{"Accounts conflict", yesOnly(c.Enquiry.ConflictingAccounts)},
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
		{"Date", r.Date.String()},
		{"Source", r.Source},
		{"How it was received", r.Method},
		{"Referrer", joinNonEmpty(", ", name, r.ReferrerRole)},
		{"Police reference", r.PoliceRef},
		{"Incident number", r.IncidentNumber},
	}
}

func allegationsTable(as []records.Allegation) Table {
	t := Table{Columns: []string{"Type of abuse", "Location", "Source of risk", "What is alleged", "Risk outcome"}}
	for _, a := range as {
		t.Rows = append(t.Rows, []string{a.AbuseType, a.Location, joinNonEmpty(": ", a.Source, a.SourceDetail), a.Description, a.RiskOutcome})
	}
	return t
}

func decision(d records.S42Decision) Fields {
	return Fields{
		{"Date", d.Date.String()},
		{"Decided by", d.DecidedBy},
		{"Has care and support needs", d.CareNeeds},
		{"Experiencing or at risk of abuse or neglect", d.AtRisk},
		{"Unable to protect themselves", d.UnableToProtect},
		{"Reasons where not met", d.ReasonsNotMet},
		{"Enquiry made anyway", yesOnly(d.EnquiryAnyway)},
		{"Decision", d.Decision},
		{"Otherwise handled by", d.OtherwiseHandling},
	}
}

func consent(c records.Consent) Fields {
	return Fields{
		{"Consent to the enquiry", joinNonEmpty(", ", c.Enquiry, c.EnquiryDate.String())},
		{"Consent to share information", joinNonEmpty(", ", c.Share, c.ShareDate.String())},
		{"Limits on sharing", c.Limits},
		{"Shared without consent because", joinNonEmpty(": ", c.OverrideReason, c.OverrideDetail)},
	}
}

func othersAtRisk(o records.OthersAtRisk) Block {
	if !o.Adults && !o.Children && o.Details == "" {
		return nil
	}
	return Fields{
		{"Other adults at risk", yesNo(o.Adults)},
		{"Children at risk", yesNo(o.Children)},
		{"Children's concern raised", yesOnly(o.ChildrenConcernRaised)},
		{"Details", o.Details},
	}
}

func caused(c records.CausedEnquiry) Fields {
	report := "Not yet"
	if c.ReportReceived {
		report = joinNonEmpty(", ", "Yes", c.ReportDate.String())
	}
	return Fields{
		{"Organisation asked to enquire", c.Organisation},
		{"Type of organisation", c.OrgType},
		{"Asked on", c.Requested.String()},
		{"Report received", report},
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
	t := Table{Columns: []string{"Date", "Raised by", "What was questioned", "What came of it"}}
	for _, ch := range cs {
		t.Rows = append(t.Rows, []string{ch.Date.String(), ch.By, ch.What, ch.Outcome})
	}
	return []Block{Subheading{"Professional curiosity and challenge"}, t}
}
