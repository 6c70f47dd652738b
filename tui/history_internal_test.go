package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	goldenfile "github.com/charmbracelet/x/exp/golden"

	"github.com/klynge/klynge/meeting"
)

// historyRows is a report with names that byte order sorts wrongly (Å
// last in Danish), long practice names and reasons that flag.
func historyRows() []meeting.MemberHistory {
	last := time.Date(2026, 3, 12, 0, 0, 0, 0, time.UTC)
	names := []string{"Åse Bødker", "Anne Sørensen", "Øjvind Lund", "Ærø Hansen", "Zenia Holm", "Bo Ek",
		"Camilla Brøndum", "Inger Gråbøl", "Jens Møller", "Karen Friis", "Mads Åkjær", "Niels Ødum",
		"Ole Skærbæk", "Peter Østergaard", "Rikke Thøgersen", "Sofie Kræmer", "Torben Lykke Nielsen", "Hanne Bæk"}
	var rows []meeting.MemberHistory
	for i, n := range names {
		h := meeting.MemberHistory{
			Member:   meeting.Member{ID: int64(i + 1), Name: n},
			Practice: fmt.Sprintf("Lægehuset ved den lange å nr. %d", i),
			Meetings: 10, Attended: 10 - i%4, Missed: i % 4, Apologies: i % 2,
			LastAttended:  &last,
			RuleMaxMissed: -1,
		}
		if i%4 == 3 {
			h.ReachOut, h.RuleMeetings, h.RuleMissed, h.RuleMaxMissed, h.MonthsAway = true, 10, 3, 2, 7
			h.LastAttended = nil
		}
		rows = append(rows, h)
	}
	return rows
}

func historyView(t *testing.T, w, h int, keys ...tea.KeyMsg) (*historyScreen, string) {
	t.Helper()
	m := helpModel(t)
	s := m.history
	s.SetSize(w, h)
	s.Update(historyMsg{rows: historyRows()})
	for _, k := range keys {
		s.Update(k)
	}
	return s, s.View()
}

// TestHistoryOrderCursorAndScroll: Danish name order, a visible cursor,
// scrolling that stops with the last row at the bottom, and the whole
// reason of the selected doctor on its detail line at 80x24.
func TestHistoryOrderCursorAndScroll(t *testing.T) {
	s, _ := historyView(t, 80, 18)
	var got []string
	for _, r := range s.rows {
		got = append(got, r.Member.Name)
	}
	order := strings.Join(got, ",")
	if !strings.HasPrefix(order, "Anne Sørensen,Bo Ek,") || !strings.HasSuffix(order, "Zenia Holm,Ærø Hansen,Øjvind Lund,Åse Bødker") {
		t.Errorf("not in Danish order: %s", order)
	}
	down := tea.KeyMsg{Type: tea.KeyDown}
	var keys []tea.KeyMsg
	for range 40 {
		keys = append(keys, down)
	}
	s, view := historyView(t, 80, 18, keys...)
	if s.cursor != len(s.rows)-1 {
		t.Errorf("cursor = %d after 40 downs, want the last row %d", s.cursor, len(s.rows)-1)
	}
	lines := strings.Split(view, "\n")
	rows := s.listRows()
	if len(lines) < 3+rows || !strings.Contains(lines[3+rows-1], "Åse Bødker") || !strings.HasPrefix(lines[3+rows-1], "▶") {
		t.Errorf("the last row should stand, selected, at the bottom of the list:\n%s", view)
	}
	if !strings.Contains(view, fmt.Sprintf("▲ %d–%d af %d", len(s.rows)-rows+1, len(s.rows), len(s.rows))) || strings.Contains(view, "▼") {
		t.Errorf("position should say the last page, with no ▼:\n%s", view)
	}
	// The selected doctor is flagged: the whole reason is on screen.
	_, view = historyView(t, 80, 18, down, down, down, down)
	flat := strings.Join(strings.Fields(view), " ")
	for _, want := range []string{"3 af 10 møder missede (højst 2)", "ikke set i 7 måneder, ingen afbud", "Lægehuset ved den lange å nr."} {
		if !strings.Contains(flat, want) {
			t.Errorf("%q is missing:\n%s", want, view)
		}
	}
	if n := len(strings.Split(view, "\n")); n > 18 {
		t.Errorf("%d lines in a body of 18", n)
	}
	for i, l := range strings.Split(view, "\n") {
		if strings.Contains(l, "…") {
			t.Errorf("line %d is cut: %q", i+1, l)
		}
	}
}

// TestHistoryGolden fixes the history screen at the three sizes.
func TestHistoryGolden(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {120, 35}, {200, 60}} {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			m := helpModel(t)
			m.update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
			m.active = screenHistory
			m.update(historyMsg{rows: historyRows()})
			m.handleKey(tea.KeyMsg{Type: tea.KeyDown})
			m.handleKey(tea.KeyMsg{Type: tea.KeyDown})
			m.handleKey(tea.KeyMsg{Type: tea.KeyDown})
			m.handleKey(tea.KeyMsg{Type: tea.KeyDown})
			goldenfile.RequireEqual(t, []byte(m.View()))
		})
	}
}
