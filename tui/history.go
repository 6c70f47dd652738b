package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/klynge/klynge/meeting"
)

// historyScreen shows each member's attendance over the last 12 months
// with the cluster's rule, flagging whom to reach out to. It names people
// next to how often they came, so it is titled as not for the projector.
type historyScreen struct {
	common *Common
	rows   []meeting.MemberHistory
	loaded bool
	offset int
	width  int
	height int
}

// historyMsg carries the computed report.
type historyMsg struct{ rows []meeting.MemberHistory }

func newHistoryScreen(c *Common) *historyScreen { return &historyScreen{common: c} }

// load reads the cluster's meetings of the last 12 months and applies the
// rule.
func (s *historyScreen) load(cluster meeting.Cluster) tea.Cmd {
	c := s.common
	s.loaded = false
	return func() tea.Msg {
		now := c.Clock.Now()
		hist, err := c.Store.AttendanceHistory(c.Ctx, cluster.ID, now.AddDate(-1, 0, 0))
		if err != nil {
			return errMsg{err}
		}
		return historyMsg{rows: meeting.AttendanceReport(cluster, hist, cluster.Rule, now)}
	}
}

// SetSize sets the body area.
func (s *historyScreen) SetSize(width, height int) { s.width, s.height = width, height }

// Update scrolls.
func (s *historyScreen) Update(msg tea.Msg) ([]tea.Msg, tea.Cmd) {
	switch msg := msg.(type) {
	case historyMsg:
		s.rows, s.loaded, s.offset = msg.rows, true, 0
	case tea.KeyMsg:
		keys := s.common.Keys
		switch {
		case key.Matches(msg, keys.Back), key.Matches(msg, keys.History):
			return []tea.Msg{showMsg{screenCheckin}}, nil
		case key.Matches(msg, keys.Down), key.Matches(msg, keys.ScrollDown):
			s.offset = min(s.offset+1, max(0, len(s.rows)-1))
		case key.Matches(msg, keys.Up), key.Matches(msg, keys.ScrollUp):
			s.offset = max(0, s.offset-1)
		}
	}
	return nil, nil
}

// View lists the members, flagged ones marked with ⚑ and the reason.
func (s *historyScreen) View() string {
	c := s.common
	st := c.Styles
	t := c.Text
	lines := []string{st.Error.Render("⚠ " + t.HistoryTitle), st.Heading.Render(truncate(t.HistoryHead, s.width)), ""}
	if !s.loaded {
		return strings.Join(append(lines, st.Text.Render(t.Loading2)), "\n")
	}
	rows := max(1, s.height-len(lines))
	for _, h := range s.rows[min(s.offset, len(s.rows)):min(len(s.rows), s.offset+rows)] {
		last := "–"
		if h.LastAttended != nil {
			last = h.LastAttended.Format("02-01-2006")
		}
		flag := "  "
		why := ""
		if h.ReachOut {
			flag = "⚑ "
			why = " · " + t.ReachOut + ": " + h.Explain(t.Lang)
		}
		name := h.Member.Name
		if h.Member.Retired != nil {
			name += " (" + t.RetiredMark + ")"
		}
		line := fmt.Sprintf("%s%s %s %2d %2d %2d (%d) %s%s", flag, cellsLeft(name, 26), cellsLeft(h.Practice, 22),
			h.Meetings, h.Attended, h.Missed, h.Apologies, last, why)
		style := st.Text
		if h.ReachOut {
			style = st.Warning
		}
		lines = append(lines, style.Render(truncate(line, s.width)))
	}
	return strings.Join(lines, "\n")
}

// ShortHelp is the footer's key list.
func (s *historyScreen) ShortHelp() []key.Binding {
	k := s.common.Keys
	return []key.Binding{k.Back, k.History, k.Up, k.Down}
}

// FullHelp is the help overlay's key list.
func (s *historyScreen) FullHelp() [][]key.Binding {
	k := s.common.Keys
	return [][]key.Binding{s.ShortHelp(), {k.ScrollDown, k.ScrollUp}}
}
