package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"msprecords/records"
)

// The repeating groups of the enquiry on the Person & engagement screen:
// allegations, meetings and professional challenge.

func (p *personPart) newAllegations() *entryList {
	l, c := newEntryList(p.v, "allegation"), func() *records.Case { return p.v.c }
	l.count = func() int { return len(c().Allegations) }
	l.summary = func(i int) string {
		a := c().Allegations[i]
		return joinNonEmpty(" · ", or(a.AbuseType, "Type not recorded"), a.Location)
	}
	l.create = func() { c().Allegations = append(c().Allegations, records.Allegation{ID: records.NewID()}) }
	l.remove = func(i int) { c().Allegations = removeAt(c().Allegations, i) }
	l.detail = func(f *form, i int) fyne.CanvasObject {
		a := &c().Allegations[i]
		f.choice("allegations.abuse_type", &a.AbuseType)
		f.choice("allegations.location", &a.Location)
		detail := f.choice("allegations.source_detail", &a.SourceDetail)
		national := f.choice("allegations.source", &a.Source)
		detail.OnChanged = func(val string) {
			if val == notChosen {
				detail.ClearSelected()
				return
			}
			f.edit(func() {
				a.SourceDetail = val
				if s := records.NationalSource(val); s != "" {
					a.Source = s
				}
			})
			national.Selected = a.Source
			national.Refresh()
		}
		f.long("allegations.description", &a.Description)
		f.choice("allegations.risk_outcome", &a.RiskOutcome)
		return f.object()
	}
	return l
}

func (p *personPart) newMeetings() *entryList {
	l, c := newEntryList(p.v, "meeting"), func() *records.Case { return p.v.c }
	l.count = func() int { return len(c().Meetings) }
	l.summary = func(i int) string {
		m := c().Meetings[i]
		return joinNonEmpty(" · ", or(m.Date.String(), "No date"), m.Type)
	}
	l.create = func() { c().Meetings = append(c().Meetings, records.Meeting{ID: records.NewID()}) }
	l.remove = func(i int) { c().Meetings = removeAt(c().Meetings, i) }
	l.detail = func(f *form, i int) fyne.CanvasObject {
		m := &c().Meetings[i]
		f.choice("meetings.type", &m.Type)
		f.date("meetings.date", &m.Date)
		f.text("meetings.place", &m.Place)
		f.long("meetings.purpose", &m.Purpose)
		p.attendees = &cardList{v: p.v, noun: "attendee", redraw: l.redraw,
			count:  func() int { return len(m.Attendees) },
			create: func() { m.Attendees = append(m.Attendees, records.Attendee{}) },
			remove: func(j int) { m.Attendees = removeAt(m.Attendees, j) },
			detail: func(af *form, j int) {
				at := &m.Attendees[j]
				af.text("meetings.attendees.name", &at.Name)
				af.text("meetings.attendees.role", &at.Role)
				af.text("meetings.attendees.organisation", &at.Organisation)
				af.choice("meetings.attendees.attendance", &at.Attendance)
			}}
		return container.NewVBox(f.object(), widget.NewLabelWithStyle("Attendees", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), p.attendees.build())
	}
	return l
}

func (p *personPart) newChallenges() *entryList {
	l, c := newEntryList(p.v, "challenge"), func() *records.Case { return p.v.c }
	l.count = func() int { return len(c().Challenges) }
	l.summary = func(i int) string {
		ch := c().Challenges[i]
		return joinNonEmpty(" · ", or(ch.Date.String(), "No date"), ch.By)
	}
	l.create = func() {
		c().Challenges = append(c().Challenges, records.Challenge{ID: records.NewID(), Date: records.Today()})
	}
	l.remove = func(i int) { c().Challenges = removeAt(c().Challenges, i) }
	l.detail = func(f *form, i int) fyne.CanvasObject {
		ch := &c().Challenges[i]
		f.date("challenges.date", &ch.Date)
		f.text("challenges.by", &ch.By)
		f.long("challenges.what", &ch.What)
		f.long("challenges.outcome", &ch.Outcome)
		return f.object()
	}
	return l
}
