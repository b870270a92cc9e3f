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
}

func newOutcomePart(v *caseView) *outcomePart { return &outcomePart{v: v} }

func (p *outcomePart) build() fyne.CanvasObject {
	p.feedback, p.findings, p.closure = p.feedbackForm(), p.findingsForm(), p.closureForm()
	box := container.NewVBox(bold("Desired outcomes, evaluated with the person"), p.outcomeCards(),
		p.feedback.object(), p.findings.object(), p.closure.object())
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
		f.choice("Achieved", records.OutcomeAchievement, &o.Achievement)
		f.long("What the person said", &o.Evaluation)
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
	f.choice("Feels safer", records.FeelsSafer, &o.FeelsSafer)
	f.choice("Outcomes met", records.OutcomesMet, &o.OutcomesMet)
	f.choice("Felt listened to", records.FeltListened, &o.FeltListened)
	f.choice("Kept informed", records.YesNo, &o.KeptInformed)
	f.choice("Invited to meetings", records.YesNo, &o.InvitedToMeetings)
	f.choice("Involved in judging acceptable risk", records.InvolvedInRisk, &o.InvolvedInRisk)
	f.choice("Understood why people acted", records.UnderstoodWhy, &o.UnderstoodWhy)
	f.long("Feedback on the process, in their words", &o.PersonFeedback)
	return f
}

func (p *outcomePart) findingsForm() *form {
	f, o := newForm(p.v), &p.v.c.Outcome
	f.heading("Findings")
	f.choice("Finding", records.Findings, &o.Finding)
	f.choice("Risk assessment outcome", records.RiskAssessmentOutcomes, &o.RiskAssessmentOutcome)
	f.choice("Risk outcome", records.RiskOutcomes, &o.RiskOutcome)
	f.choice("Did the person lack capacity", records.CapacityLacked, &o.CapacityLacked)
	f.choice("Support if lacking capacity", records.CapacitySupport, &o.CapacitySupport)
	f.choice("Asked about desired outcomes", records.AskedAboutOutcomes, &o.AskedAboutOutcomes)
	f.choice("Desired outcomes achieved (overall)", records.OutcomeAchievement, &o.OutcomesAchieved)
	f.heading("Decision points at conclusion")
	f.check("A: Has care and support needs", &o.NeedsMet)
	f.check("B: Experiencing, or at risk of, abuse or neglect", &o.AbuseOrNeglect)
	f.check("C: Unable to protect themselves", &o.UnableToProtect)
	f.check("D: Further action taken or needed", &o.FurtherAction)
	f.many("Outcomes for the adult", records.AdultOutcomes, &o.AdultOutcomes)
	f.many("Outcomes for the organisation", records.OrganisationOutcomes, &o.OrganisationOutcomes)
	f.check("Safeguarding adults review considered", &o.SARConsidered)
	f.check("Referred for a safeguarding adults review", &o.SARReferred)
	return f
}

func (p *outcomePart) closureForm() *form {
	f, o := newForm(p.v), &p.v.c.Outcome
	f.heading("Closure")
	f.check("Feedback given to the referrer", &o.ReferrerFeedback)
	f.text("Why no feedback was given", &o.NoFeedbackReason)
	f.long("The person's view of closing", &o.ViewOfClosing)
	f.text("Reason for closing", &o.ClosureReason)
	f.closedDate("Date closed")
	return f
}
