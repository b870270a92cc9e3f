package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"msprecords/records"
)

// outcomePart is the Outcome & evaluation screen: each desired outcome
// evaluated with the person, their feedback on the process, the findings and
// national-return answers, and closure.
type outcomePart struct {
	v        *caseView
	outcomes []*form // one per desired outcome, in order
	feedback *form   // the person's view of the process
	findings *form   // findings and the national return
	closure  *form

	signOffs      *fyne.Container // the sign-off card's content
	signOffButton *widget.Button  // "Sign off…", shown to a lead for a case awaiting sign-off
}

func newOutcomePart(v *caseView) *outcomePart { return &outcomePart{v: v} }

func (p *outcomePart) build() fyne.CanvasObject {
	p.feedback, p.findings, p.closure = p.feedbackForm(), p.findingsForm(), p.closureForm()
	box := container.NewVBox(bold("Desired outcomes, evaluated with the person"), p.outcomeCards(),
		p.feedback.object(), p.findings.object(), p.closure.object(), p.signOffCard())
	return container.NewVScroll(container.NewPadded(box))
}

func bold(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// outcomeCards shows each desired outcome with whether it was achieved and
// what the person said.
func (p *outcomePart) outcomeCards() fyne.CanvasObject {
	box := container.NewVBox()
	p.outcomes = nil
	if len(p.v.c.DesiredOutcomes) == 0 {
		box.Add(widget.NewLabel("No desired outcomes recorded: add them in Person & engagement."))
	}
	for i := range p.v.c.DesiredOutcomes {
		o := &p.v.c.DesiredOutcomes[i]
		f := newForm(p.v)
		f.choice("desired_outcomes.achievement", &o.Achievement)
		f.long("desired_outcomes.evaluation", &o.Evaluation)
		p.outcomes = append(p.outcomes, f)
		words := widget.NewLabel("“" + or(o.Text, "Not yet in the person's words") + "”")
		words.Wrapping = fyne.TextWrapWord
		box.Add(widget.NewCard(fmt.Sprintf("Outcome %d", i+1), "", container.NewVBox(words, f.object())))
	}
	return box
}

func (p *outcomePart) feedbackForm() *form {
	f, o := newForm(p.v), &p.v.c.Outcome
	f.heading("The person's view")
	f.choice("outcome.feels_safer", &o.FeelsSafer)
	f.choice("outcome.outcomes_met", &o.OutcomesMet)
	f.choice("outcome.felt_listened", &o.FeltListened)
	f.choice("outcome.kept_informed", &o.KeptInformed)
	f.choice("outcome.invited_to_meetings", &o.InvitedToMeetings)
	f.choice("outcome.involved_in_risk", &o.InvolvedInRisk)
	f.choice("outcome.understood_why", &o.UnderstoodWhy)
	f.long("outcome.person_feedback", &o.PersonFeedback)
	return f
}

func (p *outcomePart) findingsForm() *form {
	f, o := newForm(p.v), &p.v.c.Outcome
	f.heading("Findings")
	f.choice("outcome.finding", &o.Finding)
	f.choice("outcome.risk_assessment_outcome", &o.RiskAssessmentOutcome)
	f.choice("outcome.risk_outcome", &o.RiskOutcome)
	f.choice("outcome.capacity_lacked", &o.CapacityLacked)
	f.choice("outcome.capacity_support", &o.CapacitySupport)
	f.choice("outcome.asked_about_outcomes", &o.AskedAboutOutcomes)
	f.choice("outcome.outcomes_achieved", &o.OutcomesAchieved)
	f.heading("Decision points at conclusion")
	f.answer("outcome.a_care_and_support_needs", &o.NeedsMet)
	f.answer("outcome.b_abuse_or_neglect", &o.AbuseOrNeglect)
	f.answer("outcome.c_unable_to_protect", &o.UnableToProtect)
	f.answer("outcome.d_further_action", &o.FurtherAction)
	f.many("outcome.adult_outcomes", &o.AdultOutcomes)
	f.many("outcome.organisation_outcomes", &o.OrganisationOutcomes)
	f.answer("outcome.sar_considered", &o.SARConsidered)
	f.answer("outcome.sar_referred", &o.SARReferred)
	return f
}

func (p *outcomePart) closureForm() *form {
	f, o := newForm(p.v), &p.v.c.Outcome
	f.heading("Closure")
	f.answer("outcome.referrer_feedback_given", &o.ReferrerFeedback)
	f.text("outcome.no_feedback_reason", &o.NoFeedbackReason)
	f.long("outcome.view_of_closing", &o.ViewOfClosing)
	f.text("outcome.closure_reason", &o.ClosureReason)
	f.closedDate(records.Label("enquiry.closed"))
	return f
}
