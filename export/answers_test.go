package export

import (
	"os/exec"
	"strings"
	"testing"

	"msprecords/records"
)

// layoutLines reads a PDF with pdftotext -layout, which keeps a label and
// its value on one line, as a reader sees them side by side.
func layoutLines(t *testing.T, pdf []byte) []string {
	t.Helper()
	needPoppler(t)
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", writeTemp(t, pdf, "pack.pdf"), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.Split(string(out), "\n")
}

// valuesBeside returns the last words of every line where the label at
// path begins: its value in each place the pack prints it.
func valuesBeside(lines []string, path string) []string {
	label := records.Label(path)
	start := strings.Join(strings.Fields(label)[:min(3, len(strings.Fields(label)))], " ")
	var out []string
	for _, l := range lines {
		if i := strings.Index(l, start); i >= 0 {
			rest := strings.Fields(l[i+len(start):])
			out = append(out, strings.Join(rest[max(0, len(rest)-2):], " "))
		}
	}
	return out
}

// A question nobody answered is printed as not recorded, never as "No";
// one answered no is printed "No". This is the finding of issue 18: a pack
// said "No" to the s42 criteria for a resident with advanced Alzheimer's
// when nobody had answered them.
func TestPackNeverPrintsUnansweredAsNo(t *testing.T) {
	c := sampleCase()
	c.Outcome.NeedsMet, c.Outcome.AbuseOrNeglect, c.Outcome.UnableToProtect, c.Outcome.FurtherAction =
		records.Unanswered, records.No, records.Unanswered, records.Yes
	c.Person.SubstantialDifficulty = records.Unanswered
	c.Advocacy.Offered = records.No
	c.Capacity[0].Fluctuates = records.Unanswered
	c.AllegedPersons[0].LivedWithThen, c.AllegedPersons[0].AwareOfConcern = records.Unanswered, records.No
	want := map[string]string{
		"outcome.a_care_and_support_needs":   "Not recorded",
		"outcome.b_abuse_or_neglect":         "No",
		"outcome.c_unable_to_protect":        "Not recorded",
		"outcome.d_further_action":           "Yes",
		"person.substantial_difficulty":      "Not recorded",
		"advocacy.offered":                   "No",
		"capacity_assessments.fluctuates":    "Not recorded",
		"alleged_persons.lived_with_then":    "Not recorded",
		"alleged_persons.aware_of_concern":   "No",
		"alleged_persons.lives_with_now":     "Yes",
		"alleged_persons.also_adult_at_risk": "Not recorded",
	}
	lines := layoutLines(t, mustPDF(t, mustPack(t, c, PackOptions{Purpose: PurposeMeeting, MeetingID: "mt1"})))
	for path, w := range want {
		got := valuesBeside(lines, path)
		if len(got) == 0 {
			t.Errorf("%s: %q is not in the pack", path, records.Label(path))
		}
		for _, g := range got {
			if !strings.HasSuffix(g, w) || (w != "No" && strings.HasSuffix(g, "No")) {
				t.Errorf("%s: the pack prints %q, want %q", path, g, w)
			}
		}
	}
}

// A section with content never says "Not recorded": the person's views and
// desired outcomes, recorded, are summed up above them, where the pack
// used to say "Not recorded." because nobody had chosen whether the person
// was asked about outcomes.
func TestViewsSectionWithViewsSaysWhatIsRecorded(t *testing.T) {
	c := sampleCase()
	c.Outcome.AskedAboutOutcomes = ""
	for _, purpose := range Purposes {
		p := mustPack(t, c, PackOptions{Purpose: purpose, MeetingID: "mt1"})
		for _, doc := range []struct{ name, text string }{{"PDF", flat(mustText(t, mustPDF(t, p)))}, {"HTML", flat(mustHTML(t, p))}} {
			views, next := SectionViews.Title(purpose), SectionPenPicture.Title(purpose)
			i := strings.LastIndex(doc.text, views)
			j := strings.Index(doc.text[max(i, 0):], next)
			if i < 0 || j < 0 {
				t.Fatalf("%s %s: no views section followed by %q", purpose, doc.name, next)
			}
			section := doc.text[i : i+j]
			if strings.Contains(section, "Not recorded") {
				t.Errorf("%s %s: the views section says Not recorded: %.300s", purpose, doc.name, section)
			}
			if !strings.Contains(section, "Recorded: 1 desired outcome; views from 2 of 2 contacts.") {
				t.Errorf("%s %s: the views section does not sum up what is recorded: %.300s", purpose, doc.name, section)
			}
			if !strings.Contains(section, firstView) {
				t.Errorf("%s %s: the person's words are missing", purpose, doc.name)
			}
		}
	}
}

// A section with nothing recorded still says so.
func TestEmptyViewsSectionSaysNothingRecorded(t *testing.T) {
	c := sampleCase()
	c.Contacts, c.DesiredOutcomes, c.Outcome.AskedAboutOutcomes = nil, nil, ""
	text := flat(mustHTML(t, mustPack(t, c, PackOptions{Purpose: PurposeMeeting, MeetingID: "mt1"})))
	for _, s := range []string{"No desired outcomes have been recorded.", "No views have been recorded from contacts with the person."} {
		if !strings.Contains(text, s) {
			t.Errorf("the pack lacks %q", s)
		}
	}
	if strings.Contains(text, "Recorded: ") {
		t.Error("the pack sums up views that are not there")
	}
}
