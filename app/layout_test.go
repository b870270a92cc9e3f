package app

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"msprecords/records"
)

// smallScreen is the smallest screen the window must fit: a 1,024 x 600
// netbook or a laptop with a scaled display.
var smallScreen = fyne.NewSize(1024, 600)

// screenVisit shows one screen of the window, by the person's route to it.
type screenVisit struct {
	name string
	show func(u *UI)
}

// everyScreen lists the screens of an unlocked window: the case list, every
// part of a full case and every tab of its parts, the reports, settings.
func everyScreen(t *testing.T, u *UI, c *records.Case) []screenVisit {
	visits := []screenVisit{
		{"case list", func(u *UI) { u.showCaseList(); u.work.wait() }},
		{"new case", func(u *UI) { u.onNewCase(); u.work.wait() }},
		{"dip sample", func(u *UI) { u.openAudit() }},
		{"figures", func(u *UI) { u.openFigures(); u.work.wait() }},
		{"audit trail", func(u *UI) { u.openTrail(); u.work.wait() }},
		{"settings", func(u *UI) { u.showSettings(); u.work.wait() }},
	}
	for _, p := range records.Parts() {
		visits = append(visits, screenVisit{"case: " + p, func(u *UI) {
			u.openCase(c.ID)
			u.work.wait()
			u.current.view.showPart(p)
		}})
	}
	u.openCase(c.ID)
	u.work.wait()
	if u.current == nil {
		t.Fatal("the case did not open")
	}
	for _, p := range records.Parts() {
		u.current.view.showPart(p)
		for _, tabs := range appTabsIn(u.current.view.body) {
			for i, item := range tabs.Items {
				visits = append(visits, screenVisit{"case: " + p + " → " + item.Text, func(u *UI) {
					u.openCase(c.ID)
					u.work.wait()
					u.current.view.showPart(p)
					for _, tb := range appTabsIn(u.current.view.body) {
						if len(tb.Items) > i && tb.Items[i].Text == item.Text {
							tb.SelectIndex(i)
						}
					}
				}})
			}
		}
	}
	return visits
}

func appTabsIn(o fyne.CanvasObject) []*container.AppTabs {
	var out []*container.AppTabs
	walkObjects(o, func(o fyne.CanvasObject) {
		if tb, ok := o.(*container.AppTabs); ok {
			out = append(out, tb)
		}
	})
	return out
}

// walkObjects calls fn for o and everything in it, shown or not.
func walkObjects(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	fn(o)
	switch c := o.(type) {
	case *fyne.Container:
		for _, child := range c.Objects {
			walkObjects(child, fn)
		}
	case *container.AppTabs:
		for _, item := range c.Items {
			walkObjects(item.Content, fn)
		}
	case *container.Scroll:
		walkObjects(c.Content, fn)
	case *container.Split:
		walkObjects(c.Leading, fn)
		walkObjects(c.Trailing, fn)
	}
}

// Every screen fits the small screen: its content never asks for more room
// than 1,024 x 600, so the window never grows past the screen by itself.
func TestEveryScreenFitsASmallScreen(t *testing.T) {
	u := openUnlocked(t)
	cases := withDemoCases(t, u, 12)
	u.window.Resize(smallScreen)
	var wide []string
	// The demo case with the most in it, and every other part of every case.
	visits := everyScreen(t, u, cases[0])
	for _, c := range cases[1:] {
		for _, p := range records.Parts() {
			visits = append(visits, screenVisit{c.Reference + ": " + p, func(u *UI) {
				u.openCase(c.ID)
				u.work.wait()
				u.current.view.showPart(p)
			}})
		}
	}
	for _, v := range visits {
		v.show(u)
		min := u.window.Content().MinSize()
		if min.Width > smallScreen.Width || min.Height > smallScreen.Height {
			wide = append(wide, fmt.Sprintf("%s: needs %.0f x %.0f", v.name, min.Width, min.Height))
		}
	}
	if len(wide) > 0 {
		t.Errorf("screens that do not fit %.0f x %.0f:\n%s", smallScreen.Width, smallScreen.Height, strings.Join(wide, "\n"))
	}
}
