package tui

import (
	"slices"
	"testing"
	"time"

	"github.com/muesli/termenv"

	"github.com/klynge/klynge/meeting"
)

// TestChartMemoFollowsTheMeeting: the chart screen works a page's chart
// and trend out once, not every frame; a new meeting read, or a trend
// history read, must show at once, exactly as a screen that never saw the
// old figures would draw it — a stale chart on the projector is a bug.
func TestChartMemoFollowsTheMeeting(t *testing.T) {
	date := time.Date(2027, 3, 30, 19, 0, 0, 0, time.UTC)
	m1, _ := credMeeting("2026Q3", date)
	m1.ID = 7
	m2 := m1
	m2.Values = slices.Clone(m1.Values)
	for i := range m2.Values {
		if m2.Values[i].Numerator != nil && m2.Values[i].Denominator != nil {
			n := *m2.Values[i].Denominator - *m2.Values[i].Numerator
			m2.Values[i].Numerator = &n
		}
	}
	m2.Values = m2.Values[:10] // four practices sent none
	id := m1.Pack.Indicators[0].ID
	fresh := func(m meeting.Meeting, h []meeting.TrendMeeting, trend bool) string {
		s := newChartScreen(slidesCommon("da", ThemeDark, termenv.TrueColor))
		s.SetSize(100, 30)
		s.setMeeting(m, nil)
		s.open(0)
		if h != nil {
			s.loadTrends()
			s.trendLoaded(trendLoadedMsg{meetingID: m.ID, ids: []string{id}, history: map[string][]meeting.TrendMeeting{id: h}})
		}
		s.trends.on = trend
		return s.View()
	}
	s := newChartScreen(slidesCommon("da", ThemeDark, termenv.TrueColor))
	s.SetSize(100, 30)
	s.setMeeting(m1, nil)
	s.open(0)
	first := s.View()
	if first != fresh(m1, nil, false) || s.View() != first {
		t.Fatal("the chart drawn twice differs")
	}
	s.setMeeting(m2, nil)
	if got := s.View(); got == first || got != fresh(m2, nil, false) {
		t.Fatalf("after new figures the screen shows:\n%s\nwant:\n%s", got, fresh(m2, nil, false))
	}

	// The trend: the history read, then read again with another meeting.
	earlier := func(shift float64) []meeting.TrendMeeting {
		var rows []meeting.DataRow
		for _, r := range m1.Values {
			if r.Numerator != nil {
				n := max(0, *r.Numerator-shift)
				r.Numerator = &n
			}
			rows = append(rows, r)
		}
		return []meeting.TrendMeeting{{MeetingID: 3, Date: date.AddDate(0, -3, 0), Indicator: m1.Pack.Indicators[0], Rows: rows}}
	}
	h1, h2 := earlier(1), earlier(20)
	s.loadTrends()
	s.trends.on = true
	loading := s.View()
	s.trendLoaded(trendLoadedMsg{meetingID: m2.ID, ids: []string{id}, history: map[string][]meeting.TrendMeeting{id: h1}})
	withH1 := s.View()
	if withH1 == loading || withH1 != fresh(m2, h1, true) {
		t.Fatalf("the trend read shows:\n%s\nwant:\n%s", withH1, fresh(m2, h1, true))
	}
	s.trendLoaded(trendLoadedMsg{meetingID: m2.ID, ids: []string{id}, history: map[string][]meeting.TrendMeeting{id: h2}})
	if got := s.View(); got == withH1 || got != fresh(m2, h2, true) {
		t.Fatalf("the trend read again shows:\n%s\nwant:\n%s", got, fresh(m2, h2, true))
	}
	s.setMeeting(m1, nil)
	if got := s.View(); got != fresh(m1, h2, true) {
		t.Fatalf("the trend after the meeting read again shows:\n%s\nwant:\n%s", got, fresh(m1, h2, true))
	}
}
