package tui

import (
	"fmt"
	"sort"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/klynge/klynge/meeting"
)

// historyScreen shows each member's attendance over the last 12 months
// with the cluster's rule, flagging whom to reach out to. It names people
// next to how often they came, so it is titled as not for the projector.
// Members are in Danish name order; the selected one's full counts and
// reason stand on a detail line, so nothing is cut at 80 columns.
type historyScreen struct {
	common *Common
	rows   []meeting.MemberHistory
	loaded bool
	cursor int
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

// Update moves the cursor; the list scrolls with it.
func (s *historyScreen) Update(msg tea.Msg) ([]tea.Msg, tea.Cmd) {
	switch msg := msg.(type) {
	case historyMsg:
		rows := append([]meeting.MemberHistory(nil), msg.rows...)
		sort.SliceStable(rows, func(i, j int) bool {
			a, b := rows[i], rows[j]
			if a.Member.Name != b.Member.Name {
				return s.common.nameLess(a.Member.Name, b.Member.Name)
			}
			return s.common.nameLess(a.Practice, b.Practice)
		})
		s.rows, s.loaded, s.cursor, s.offset = rows, true, 0, 0
	case tea.KeyMsg:
		keys := s.common.Keys
		page := max(1, s.listRows())
		switch {
		case key.Matches(msg, keys.Back), key.Matches(msg, keys.History):
			return []tea.Msg{showMsg{screenCheckin}}, nil
		case key.Matches(msg, keys.Down):
			s.cursor++
		case key.Matches(msg, keys.Up):
			s.cursor--
		case key.Matches(msg, keys.ScrollDown):
			s.cursor += page
		case key.Matches(msg, keys.ScrollUp):
			s.cursor -= page
		}
		s.cursor = max(0, min(s.cursor, len(s.rows)-1))
	}
	return nil, nil
}

// historyChrome is the lines above the list (title, heading, blank
// line) and the position line under it; the detail lines come on top.
const historyChrome = 3 + 1

// listRows is how many members fit on screen above the selected one's
// detail lines.
func (s *historyScreen) listRows() int {
	return max(1, s.height-historyChrome-len(s.detail(s.width)))
}

// detail is the selected member's full counts and reason, wrapped.
func (s *historyScreen) detail(width int) []string {
	if len(s.rows) == 0 {
		return nil
	}
	t := s.common.Text
	st := s.common.Styles
	h := s.rows[max(0, min(s.cursor, len(s.rows)-1))]
	var out []string
	text := s.name(h) + " · " + h.Practice + " · " + fmt.Sprintf(t.HistoryCount, h.Attended, h.Meetings, h.Missed, h.Apologies) + " · " + s.lastLong(h)
	for _, l := range wrapIndent(text, width, 2) {
		out = append(out, st.Text.Render(l))
	}
	if h.ReachOut {
		for _, l := range wrapIndent("⚑ "+t.ReachOut+": "+h.Explain(t.Lang), width, 2) {
			out = append(out, st.Warning.Render(l))
		}
	}
	return out
}

// View lists the members, flagged ones marked with ⚑; the selected one's
// counts and reason follow under the list. On a wide screen the table is
// as wide as its content and centred.
func (s *historyScreen) View() string {
	c := s.common
	st := c.Styles
	t := c.Text
	head := []string{"⚠ " + t.HistoryTitle, t.HistoryHead}
	if !s.loaded || len(s.rows) == 0 {
		msg := t.Loading2
		if s.loaded {
			msg = t.HistoryEmpty
		}
		return strings.Join([]string{st.Error.Render(truncate(head[0], s.width)), st.Heading.Render(truncate(head[1], s.width)), "", st.Text.Render(msg)}, "\n")
	}
	// Columns as wide as their content, the practice left to the detail
	// line when both do not fit.
	nameW, practiceW := 0, 0
	for _, h := range s.rows {
		nameW = max(nameW, textWidth(s.name(h)))
		practiceW = max(practiceW, textWidth(h.Practice))
	}
	const countsW = 5 + 2 + 10 // "10/12  02-01-2006"
	rowW := 4 + nameW + 2 + practiceW + 2 + countsW
	showPractice := rowW <= s.width
	if !showPractice {
		nameW = min(nameW, max(10, s.width-4-2-countsW))
		rowW = 4 + nameW + 2 + countsW
	}
	blockW := max(rowW, textWidth(head[0]), textWidth(head[1]))
	margin := 0
	if s.width >= 120 && blockW < s.width {
		margin = (s.width - blockW) / 2
	}
	inner := s.width - margin
	pad := spaces(margin)
	lines := []string{pad + st.Error.Render(truncate(head[0], inner)), pad + st.Heading.Render(truncate(head[1], inner)), ""}
	detail := s.detail(min(inner, max(blockW, 60)))
	rows := max(1, s.height-historyChrome-len(detail))
	s.offset = listOffset(s.cursor, s.offset, len(s.rows), rows)
	for i := s.offset; i < min(len(s.rows), s.offset+rows); i++ {
		h := s.rows[i]
		cursor := "  "
		if i == s.cursor {
			cursor = "▶ "
		}
		flag := "  "
		if h.ReachOut {
			flag = "⚑ "
		}
		line := cursor + flag + cellsLeft(truncate(s.name(h), nameW), nameW) + "  "
		if showPractice {
			line += cellsLeft(h.Practice, practiceW) + "  "
		}
		line += fmt.Sprintf("%2d/%-2d  %-10s", h.Attended, h.Meetings, s.last(h))
		style := st.Text
		switch {
		case i == s.cursor:
			style = st.Selected
		case h.ReachOut:
			style = st.Warning
		}
		lines = append(lines, pad+style.Render(truncate(line, inner)))
	}
	for len(lines) < 3+rows {
		lines = append(lines, "")
	}
	lines = append(lines, pad+st.Muted.Render(listPosition(t, s.offset, rows, len(s.rows))))
	for _, l := range detail {
		lines = append(lines, pad+l)
	}
	return strings.Join(lines, "\n")
}

func (s *historyScreen) name(h meeting.MemberHistory) string {
	if h.Member.Retired != nil {
		return h.Member.Name + " (" + s.common.Text.RetiredMark + ")"
	}
	return h.Member.Name
}

func (s *historyScreen) last(h meeting.MemberHistory) string {
	if h.LastAttended == nil {
		return "–"
	}
	return h.LastAttended.Format("02-01-2006")
}

func (s *historyScreen) lastLong(h meeting.MemberHistory) string {
	if h.LastAttended == nil {
		return s.common.Text.HistoryNever
	}
	return fmt.Sprintf(s.common.Text.HistoryLast, h.LastAttended.Format("02-01-2006"))
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
