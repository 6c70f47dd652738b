package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	goldenfile "github.com/charmbracelet/x/exp/golden"

	"github.com/klynge/klynge/meeting"
)

// layoutSizes are the sizes every screen is fixed at: the smallest
// terminal, a laptop, and a projector.
var layoutSizes = [][2]int{{80, 24}, {120, 35}, {200, 60}}

// layoutModel is the help model at a size with long texts everywhere a
// person types them: pledges with owner, due date and indicator, a
// reviewed pledge with a comment, apologies with a long reason, guests,
// and a consenting practice.
func layoutModel(t *testing.T, w, h int) *Model {
	t.Helper()
	return layoutModelIn(t, w, h, "da")
}

// layoutModelIn is layoutModel in the UI language lang.
func layoutModelIn(t *testing.T, w, h int, lang string) *Model {
	t.Helper()
	m := helpModelIn(t, lang)
	m.update(tea.WindowSizeMsg{Width: w, Height: h})
	mt := *m.meeting
	cl := m.checkin.cluster
	due := time.Date(2027, 2, 14, 0, 0, 0, 0, time.UTC)
	mt.Guests = []meeting.Guest{{Name: "Gitte Gæst", Role: "farmaceut fra apoteket i Højby"}, {Name: "Karl Kursist", Role: "uddannelseslæge"}}
	mt.Attendance = map[int64]meeting.Attendance{}
	first := cl.Practices[0].Members[0]
	mt.Attendance[first.ID] = meeting.Attendance{MemberID: first.ID, Status: meeting.StatusApologies,
		Reason: "vagt i lægevagten til kl. 22 og derefter forældremøde i børnehaven", At: mt.PlannedStart}
	mt.Consents = map[string]time.Time{cl.Practices[1].Ydernummer: mt.PlannedStart}
	for j := range mt.Items {
		if mt.Items[j].Kind == meeting.KindEvaluation {
			mt.Items[j].Evaluation = meeting.Evaluation{
				Entries: []meeting.ScoreEntry{{ID: 1, Score: 8, Count: 6}, {ID: 2, Score: 10, Count: 2}, {ID: 3, Score: 6, Count: 3}, {ID: 4, Score: 0, Count: 1}},
				Worked:  "Gruppearbejdet med egne tal, og at alle praksis havde sendt data i god tid",
				Change:  "Mere tid til plenum; oplægget var for langt til en hverdagsaften",
			}
		}
	}
	mt.Decisions = []meeting.Decision{
		{ID: 1, MeetingID: mt.ID, ItemID: mt.Items[0].ID, ItemTitle: mt.Items[0].Title,
			Text: "Anonymiteten ophæves på datamøder, når alle praksis har givet samtykke ved mødets start",
			For:  12, Against: 3, Abstain: 1, Rule: "Anonymitet", Made: mt.PlannedStart},
		{ID: 2, MeetingID: mt.ID, ItemID: mt.Items[len(mt.Items)-1].ID, ItemTitle: mt.Items[len(mt.Items)-1].Title,
			Text: "Næste års emner: antibiotika til luftvejsinfektioner og opioider", Unanimous: true, Made: mt.PlannedStart},
	}
	var plan []meeting.PlannedMeeting
	for i, topic := range []string{"Antibiotika ved luftvejsinfektioner", "Opioider – nedtrapning og opfølgning", "Generalforsamling"} {
		plan = append(plan, meeting.PlannedMeeting{ID: int64(i + 1), ClusterID: mt.ClusterID,
			Start: time.Date(2027, time.Month(3*i+3), 4+i, 17, 30, 0, 0, time.UTC),
			Place: "Lægerne på Torvet, mødelokalet på 1. sal", Topic: topic, Host: cl.Practices[i].Name})
	}
	m.update(meetingMsg{meeting: mt, cluster: cl, plan: plan})
	var pledges []meeting.Pledge
	for i := range 9 {
		p := cl.Practices[i%len(cl.Practices)]
		pledges = append(pledges, meeting.Pledge{ID: int64(i + 1), Ydernummer: p.Ydernummer,
			Action: fmt.Sprintf("Indkalde alle KOL-patienter uden spirometri det seneste år til årskontrol (%d)", i+1),
			Owner:  "Søren Ærø-Hansen og sygeplejerske Birgitte", Due: due, Indicator: "spirometri"})
	}
	m.update(pledgesMsg{pledges: pledges})
	before, after := 46.0, 61.5
	m.update(followUpMsg{rows: []followUpRow{
		{pledge: meeting.Pledge{ID: 20, Ydernummer: cl.Practices[1].Ydernummer, Action: "Forløbsplan til alle KOL-patienter ved næste årskontrol",
			Due: due, Indicator: "plan", Review: &meeting.PledgeReview{Outcome: meeting.OutcomePartly,
				Comment: "halvdelen nået; resten venter på ny sygeplejerske fra februar"}}, before: &before, after: &after, unit: meeting.UnitPercent},
		{pledge: meeting.Pledge{ID: 21, Ydernummer: cl.Practices[2].Ydernummer, Action: "Spirometri til alle rygere over 40 med hoste",
			Due: due, Indicator: "spiro"}, unit: meeting.UnitPercent},
	}})
	return m
}

// layoutScreens opens every screen.
func layoutScreens() []struct {
	name string
	open func(m *Model)
} {
	item := func(kind meeting.ItemKind) func(m *Model) {
		return func(m *Model) {
			for j, it := range m.meeting.Items {
				if it.Kind == kind {
					m.show(j)
					return
				}
			}
		}
	}
	return []struct {
		name string
		open func(m *Model)
	}{
		{"agenda", func(m *Model) { m.active = screenAgenda }},
		{"welcome", item(meeting.KindWelcome)},
		{"talk", item(meeting.KindTalk)},
		{"data", item(meeting.KindData)},
		{"groupwork", item(meeting.KindGroupwork)},
		{"plenum", item(meeting.KindPlenum)},
		{"consent", func(m *Model) { m.open(screenConsent) }},
		{"checkin", func(m *Model) { m.open(screenCheckin) }},
		{"history", func(m *Model) {
			m.active = screenHistory
			m.update(historyMsg{rows: historyRows()})
		}},
		{"pledges", func(m *Model) { m.open(screenPledges) }},
		{"evaluation", item(meeting.KindEvaluation)},
		{"decisions", func(m *Model) { m.open(screenDecisions) }},
		{"plan", func(m *Model) { m.open(screenPlan) }},
		{"followup", func(m *Model) { m.open(screenFollowUp) }},
		{"help", func(m *Model) { m.active = screenAgenda; m.showHelp = true }},
		{"export", func(m *Model) {
			var paths []string
			for i := range 34 {
				paths = append(paths, fmt.Sprintf("/home/koordinator/klynge/eksport/slip-%02d-praksis.md", i+1))
			}
			m.update(exportedMsg{dir: "/home/koordinator/klynge/eksport", paths: paths})
		}},
	}
}

// TestScreensGolden fixes every screen at 80x24, 120x35 and 200x60 and
// checks each frame fits its terminal.
func TestScreensGolden(t *testing.T) {
	for _, sc := range layoutScreens() {
		for _, sz := range layoutSizes {
			t.Run(fmt.Sprintf("%s_%dx%d", sc.name, sz[0], sz[1]), func(t *testing.T) {
				m := layoutModel(t, sz[0], sz[1])
				sc.open(m)
				view := m.View()
				lines := strings.Split(view, "\n")
				if len(lines) > sz[1] {
					t.Errorf("%d lines on a terminal of %d", len(lines), sz[1])
				}
				for i, l := range lines {
					if w := lipgloss.Width(l); w > sz[0] {
						t.Errorf("line %d is %d cells wide on a terminal of %d", i+1, w, sz[0])
					}
				}
				goldenfile.RequireEqual(t, []byte(view))
			})
		}
	}
}

// TestNothingEssentialCutAt80x24: on every screen, no body line at 80x24
// is cut with an ellipsis, and on the screens that carry dates, amounts
// and reasons the facts themselves are on screen (wrapped if need be).
// (The footer's errors: TestErrorsWrapAt80x24.)
func TestNothingEssentialCutAt80x24(t *testing.T) {
	want := map[string][]string{
		"pledges":  {"frist 14-02-2027", "▤ spirometri", "Søren Ærø-Hansen og sygeplejerske Birgitte"},
		"followup": {"resten venter på ny sygeplejerske fra februar", "46,0 % → 61,5 %"},
		"checkin":  {"forældremøde i børnehaven"},
		"guests":   {"Gitte Gæst", "farmaceut fra apoteket i Højby", "Gæster"},
		"consent":  {"Resten beholder deres"},
		"history":  {"ikke set i 7 måneder, ingen afbud", "sidst set", "aldrig set"},
		"export":   {"34 filer", "/home/koordinator/klynge/eksport", "slip-01-praksis.md", "1–"},
		"data":     {"Kilde: Sentinel", "1. okt. 2025–30. sep. 2026", "14 af 14 praksis talt med"},
	}
	screens := append(layoutScreens(), struct {
		name string
		open func(m *Model)
	}{"guests", func(m *Model) {
		m.open(screenCheckin)
		for _, r := range "gæst" {
			m.handleKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
		}
	}})
	for _, sc := range screens {
		words := want[sc.name]
		t.Run(sc.name, func(t *testing.T) {
			m := layoutModel(t, 80, 24)
			sc.open(m)
			if sc.name == "history" {
				for range 4 {
					m.handleKey(tea.KeyMsg{Type: tea.KeyDown})
				}
			}
			view := m.View()
			flat := strings.Join(strings.Fields(view), " ")
			for _, w := range words {
				if !strings.Contains(flat, w) {
					t.Errorf("%q is not on screen:\n%s", w, view)
				}
			}
			// The header's meeting title and the footer's key list may be
			// shortened; the body may not.
			lines := strings.Split(view, "\n")
			for i, l := range lines[3 : len(lines)-2] {
				if strings.Contains(l, "…") && !strings.Contains(l, m.common.Text.FilterHint) {
					t.Errorf("body line %d is cut: %q", i+1, strings.TrimRight(l, " "))
				}
			}
		})
	}
}

// TestExportResultScrolls: the list of written files pages with ↓ and
// pgdn down to the last file and says where it is.
func TestExportResultScrolls(t *testing.T) {
	m := layoutModel(t, 80, 24)
	layoutScreens()[len(layoutScreens())-1].open(m)
	for range 40 {
		m.handleKey(tea.KeyMsg{Type: tea.KeyPgDown})
	}
	view := m.View()
	if !strings.Contains(view, "slip-34-praksis.md") || !strings.Contains(view, "af 34") || strings.Contains(view, "▼") {
		t.Errorf("the last page should show the last file and no ▼:\n%s", view)
	}
	if m.exported == nil {
		t.Fatal("paging dismissed the list")
	}
	m.handleKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("x")})
	if m.exported != nil {
		t.Error("another key should dismiss the list")
	}
}
