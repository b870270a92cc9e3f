package records

// IsClosingStage reports whether stage is the last stage, closure.
func IsClosingStage(stage string) bool { return stage == stages[len(stages)-1] }

// UnevaluatedOutcomes returns the desired outcomes the person expressed that
// have not yet been marked achieved (fully, partially or not). Closure
// records outcomes evaluated with the person, so closing with any of these
// left deserves a second thought.
func (c *Case) UnevaluatedOutcomes() []DesiredOutcome {
	var out []DesiredOutcome
	for _, o := range c.DesiredOutcomes {
		if o.Text != "" && o.Achievement == "" {
			out = append(out, o)
		}
	}
	return out
}

// Reword changes a desired outcome's words, keeping the previous words, when
// and why in its history: outcomes are revisited, never silently rewritten.
// Words given for the first time need no reason and leave no history.
func (o *DesiredOutcome) Reword(text, reason string, on Date) {
	if text == o.Text {
		return
	}
	if o.Text != "" {
		o.History = append(o.History, OutcomeRevision{Date: on, Previous: o.Text, Reason: reason})
	}
	o.Text = text
}

// OutcomeConfirmed is the reason recorded when an outcome is revisited and
// the person confirms it unchanged.
const OutcomeConfirmed = "Confirmed with the person"

// Confirm records that the person confirmed the outcome unchanged on a day,
// with an optional note of what they said.
func (o *DesiredOutcome) Confirm(on Date, note string) {
	reason := OutcomeConfirmed
	if note != "" {
		reason += ": " + note
	}
	o.History = append(o.History, OutcomeRevision{Date: on, Previous: o.Text, Reason: reason})
}
