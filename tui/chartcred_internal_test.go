package tui

import (
	"strings"
	"testing"
	"time"

	"github.com/muesli/termenv"

	"github.com/klynge/klynge/meeting"
)

// credMeeting is a meeting of fourteen practices (one of them under the
// minimum denominator) on one indicator, with the given period, held on
// date, in a pack whose figures may be six months old.
func credMeeting(period string, date time.Time) (meeting.Meeting, meeting.Chart) {
	ind, rows, labels := sixtyPractices()
	ind.Source = ""
	m := meeting.Meeting{
		PlannedStart: date,
		Pack: meeting.Pack{Source: "Sentinel", MaxAge: meeting.MaxAge{N: 6, Unit: meeting.AgeMonths},
			Indicators: []meeting.Indicator{ind}},
		Codes: map[string]string{},
		Items: []meeting.RunItem{{AgendaItem: meeting.AgendaItem{Kind: meeting.KindData, Indicators: []string{ind.ID}}}},
	}
	for _, r := range rows[:14] {
		r.Period = period
		m.Values = append(m.Values, r)
		m.Codes[r.Ydernummer] = labels[r.Ydernummer]
	}
	c, err := m.Chart(ind.ID, nil)
	if err != nil {
		panic(err)
	}
	return m, c
}

// TestCredibilityLine: under the chart, the source, the period in the UI
// language and how many practices count; old figures say so in place of
// the period; a guess round shows the source and period but no count.
func TestCredibilityLine(t *testing.T) {
	fresh := time.Date(2027, 3, 30, 19, 0, 0, 0, time.UTC)
	stale := time.Date(2027, 3, 31, 19, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		name     string
		date     time.Time
		lang     string
		hidden   bool
		want     string
		mustNot  []string
		wantSize [2]int
	}{
		{"da", fresh, "da", false, "Kilde: Sentinel · 3. kvt. 2026 · 13 af 14 praksis talt med", []string{"ældre"}, [2]int{80, 24}},
		{"en", fresh, "en", false, "Source: Sentinel · Q3 2026 · 13 of 14 practices counted", nil, [2]int{80, 24}},
		{"stale, one day over", stale, "da", false, "Kilde: Sentinel · Tal fra 3. kvt. 2026 – ældre end 6 måneder · 13 af 14 praksis talt med", nil, [2]int{80, 24}},
		{"stale en", stale, "en", false, "Source: Sentinel · Figures from Q3 2026 – older than 6 months · 13 of 14 practices counted", nil, [2]int{200, 60}},
		{"guess round", fresh, "da", true, "Kilde: Sentinel · 3. kvt. 2026", []string{"talt med", "af 14"}, [2]int{80, 24}},
		{"guess round en", stale, "en", true, "Source: Sentinel · Figures from Q3 2026 – older than 6 months", []string{"counted", "of 14"}, [2]int{200, 60}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m, c := credMeeting("2026Q3", tt.date)
			v := testView(c, tt.wantSize[0], tt.wantSize[1], termenv.Ascii)
			v.lang, v.strs, v.hidden = tt.lang, chartText(tt.lang), tt.hidden
			v.cred = m.Credibility(c)
			frame := v.render()
			flat := strings.Join(strings.Fields(frame), " ")
			if !strings.Contains(flat, tt.want) {
				t.Errorf("want %q under the chart:\n%s", tt.want, frame)
			}
			for _, no := range tt.mustNot {
				if strings.Contains(frame, no) {
					t.Errorf("%q must not show:\n%s", no, frame)
				}
			}
			// The line is the last text of the chart, below the axis.
			lines := strings.Split(strings.TrimRight(frame, "\n "), "\n")
			axis := -1
			for i, l := range lines {
				if strings.Contains(l, "┴") {
					axis = i
				}
			}
			last := strings.Join(strings.Fields(strings.Join(lines[axis+1:], " ")), " ")
			if !strings.Contains(last, tt.want) {
				t.Errorf("the credibility line is not below the axis:\n%s", frame)
			}
		})
	}
}

// TestCredibilityWithoutSource: without a source the period keeps its
// label; an indicator's own source wins over the pack's.
func TestCredibilityWithoutSource(t *testing.T) {
	m, c := credMeeting("01.10.2025–30.09.2026", time.Date(2026, 12, 3, 18, 0, 0, 0, time.UTC))
	m.Pack.Source = ""
	v := testView(c, 80, 24, termenv.Ascii)
	v.cred = m.Credibility(c)
	if flat := strings.Join(strings.Fields(v.render()), " "); !strings.Contains(flat, "Periode: 1. okt. 2025–30. sep. 2026 · 13 af 14 praksis talt med") {
		t.Errorf("no period line:\n%s", v.render())
	}
	c.Indicator.Source = "eSundhed"
	m.Pack.Source = "Sentinel"
	if got := m.Credibility(c).Source; got != "eSundhed" {
		t.Errorf("source %q, want the indicator's own", got)
	}
}

// TestStaleItemLine: the coordinator's data item names the old figures,
// and nothing when they are fresh.
func TestStaleItemLine(t *testing.T) {
	m, _ := credMeeting("2026Q3", time.Date(2027, 3, 30, 19, 0, 0, 0, time.UTC))
	if got := staleItemLine(Language("da"), m, 0, 200); got != "" {
		t.Errorf("fresh figures: %q", got)
	}
	m, _ = credMeeting("2026Q3", time.Date(2027, 3, 31, 19, 0, 0, 0, time.UTC))
	title := m.Pack.Indicators[0].Title
	for lang, want := range map[string]string{
		"da": "Gamle tal (ældre end 6 måneder): " + title + " 3. kvt. 2026",
		"en": "Old figures (older than 6 months): " + title + " Q3 2026",
	} {
		if got := staleItemLine(Language(lang), m, 0, 200); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
	m.Values[0].Period = ""
	if got := staleItemLine(Language("da"), m, 0, 200); !strings.Contains(got, title+" uden periode") {
		t.Errorf("undated: %q", got)
	}
}
