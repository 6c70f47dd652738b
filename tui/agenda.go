package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/klynge/klynge/meeting"
)

// agendaScreen lists the live agenda with planned and actual minutes and
// the time budget, and lets the coordinator reshape what is still to come.
type agendaScreen struct {
	common  *Common
	meeting meeting.Meeting
	cursor  int
	offset  int // first visible row, so the cursor stays on screen
	width   int
	height  int
}

func newAgendaScreen(c *Common) *agendaScreen { return &agendaScreen{common: c} }

func (a *agendaScreen) setMeeting(m meeting.Meeting) {
	first := len(a.meeting.Items) == 0
	moved := !first && runningID(a.meeting) != runningID(m) && m.Current() >= 0
	a.meeting = m
	// The cursor goes to the running item when another item starts, also
	// when a save of this window's key brings the console's move with it;
	// a cursor the coordinator moved stays while the meeting stands still.
	if first || moved {
		a.cursor = max(0, m.Focus())
	}
	a.cursor = max(0, min(a.cursor, len(m.Items)-1))
	a.scrollToCursor()
}

// runningID tells the running item apart from the others: its store id,
// or its position while it has none; 0 when no item runs.
func runningID(m meeting.Meeting) int64 {
	i := m.Current()
	if i < 0 || i >= len(m.Items) {
		return 0
	}
	if id := m.Items[i].ID; id != 0 {
		return id
	}
	return -int64(i) - 1
}

// SetSize sets the body area the screen may draw in.
func (a *agendaScreen) SetSize(width, height int) {
	a.width, a.height = width, height
	a.scrollToCursor()
}

// Update moves the cursor and turns the editing keys into changes of the
// item under the cursor, each computed when its turn in the write queue
// comes, from the agenda the earlier changes left.
func (a *agendaScreen) Update(msg tea.Msg) ([]tea.Msg, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok || len(a.meeting.Items) == 0 {
		return nil, nil
	}
	keys := a.common.Keys
	t := a.common.Text
	i := a.cursor
	title := a.meeting.Items[i].Title
	var out []tea.Msg
	if a.meeting.Ended() && a.editKey(k) {
		// What was held stays as held; the footer says how to reopen.
		return []tea.Msg{errMsg{meeting.ErrEnded()}}, nil
	}
	switch {
	case key.Matches(k, keys.Up):
		a.cursor = max(0, a.cursor-1)
	case key.Matches(k, keys.Down):
		a.cursor = min(len(a.meeting.Items)-1, a.cursor+1)
	case key.Matches(k, keys.Open):
		out = append(out, openItemMsg{a.cursor})
	case key.Matches(k, keys.Skip):
		out = append(out, write(runChange(a.common, title,
			func(m meeting.Meeting, _ time.Time) (meeting.Meeting, error) { return m.ToggleSkip(i) },
			func(_, saved meeting.Meeting) string {
				if saved.Items[i].Skipped {
					return fmt.Sprintf(t.NoticeSkipped, title)
				}
				return fmt.Sprintf(t.NoticeAdded, title)
			})))
	case key.Matches(k, keys.Longer), key.Matches(k, keys.Shorter):
		delta := 1
		if key.Matches(k, keys.Shorter) {
			delta = -1
		}
		out = append(out, write(runChange(a.common, title, func(m meeting.Meeting, _ time.Time) (meeting.Meeting, error) {
			return m.SetMinutes(i, m.Items[i].Minutes+delta)
		}, func(_, saved meeting.Meeting) string {
			return fmt.Sprintf(t.NoticeMinutes, title, saved.Items[i].Minutes)
		})))
	case key.Matches(k, keys.MoveUp), key.Matches(k, keys.MoveDown):
		delta := 1
		if key.Matches(k, keys.MoveUp) {
			delta = -1
		}
		out = append(out, write(runChange(a.common, title,
			func(m meeting.Meeting, _ time.Time) (meeting.Meeting, error) { return m.Move(i, delta) },
			func(_, _ meeting.Meeting) string { return fmt.Sprintf(t.NoticeMoved, title) })))
		// The cursor follows the item; if the move is refused the next
		// load puts it back in range.
		a.cursor = max(0, min(len(a.meeting.Items)-1, i+delta))
	case key.Matches(k, keys.AddItem):
		out = append(out, openAddItemMsg{after: a.cursor})
	}
	a.scrollToCursor()
	return out, nil
}

// editKey reports whether k reshapes the agenda, which an ended meeting
// does not offer.
func (a *agendaScreen) editKey(k tea.KeyMsg) bool {
	keys := a.common.Keys
	for _, b := range []key.Binding{keys.Skip, keys.Longer, keys.Shorter, keys.MoveUp, keys.MoveDown, keys.AddItem} {
		if key.Matches(k, b) {
			return true
		}
	}
	return false
}

// openItemMsg asks the root to show the live view of agenda item i.
type openItemMsg struct{ index int }

// openAddItemMsg asks the root to open the add-item dialog.
type openAddItemMsg struct{ after int }

// selectItem puts the cursor on item i, e.g. the one the coordinator last
// looked at.
func (a *agendaScreen) selectItem(i int) {
	a.cursor = max(0, min(i, len(a.meeting.Items)-1))
	a.scrollToCursor()
}

// listRows is how many agenda rows fit: the body minus the column heading
// and the budget lines below the list.
func (a *agendaScreen) listRows() int { return max(1, a.height-1-budgetLines) }

// budgetLines is the space under the list for the time budget: a blank
// line, the summary, the warning (two lines) and the legend.
const budgetLines = 5

func (a *agendaScreen) scrollToCursor() {
	rows := a.listRows()
	if a.cursor < a.offset {
		a.offset = a.cursor
	}
	if a.cursor >= a.offset+rows {
		a.offset = a.cursor - rows + 1
	}
	a.offset = max(0, min(a.offset, len(a.meeting.Items)-rows))
}

// statusSymbol marks an item's status so it shows without colour.
func statusSymbol(s meeting.ItemStatus) string {
	switch s {
	case meeting.StatusRunning:
		return "●"
	case meeting.StatusDone:
		return "✓"
	case meeting.StatusSkipped:
		return "✗"
	}
	return "○"
}

// View renders one row per agenda item and the time budget under it. The
// selected row is marked with an arrow as well as a highlight, so it shows
// without colour too. A title longer than its column wraps onto a second
// line instead of being cut; on a wide screen the title column is as wide
// as the longest title and the table is centred.
func (a *agendaScreen) View() string {
	c := a.common
	s := c.Styles
	t := c.Text
	now := c.Clock.Now()
	b := a.meeting.Budget(now)
	kindW := 0
	for _, k := range meeting.ItemKinds() {
		kindW = max(kindW, textWidth(t.Kind(k)))
	}
	left := func(marker, num, status, start, kind string) string {
		return fmt.Sprintf("%s%2s %s %-5s  %-*s  ", marker, num, status, start, kindW+2, kind)
	}
	right := func(planned, actual, fit string) string { return fmt.Sprintf(" %7s %7s %1s", planned, actual, fit) }
	fixed := textWidth(left("  ", "", " ", "", "")) + textWidth(right("", "", ""))
	longest := textWidth(t.ColTitle + " ▲ ▼")
	for _, it := range a.meeting.Items {
		longest = max(longest, textWidth(it.Title))
	}
	titleW := max(8, min(a.width-fixed, longest))
	margin := 0
	if a.width >= 120 {
		margin = (a.width - fixed - titleW) / 2
	}
	width := a.width - margin
	pad := spaces(margin)

	// Each item is a block of one line, or more when its title wraps.
	blocks := make([][]string, len(a.meeting.Items))
	heights := make([]int, len(a.meeting.Items))
	for i, it := range a.meeting.Items {
		ib := b.Items[i]
		marker := "  "
		if i == a.cursor {
			marker = "▶ "
		}
		actual := "–"
		if ib.Status == meeting.StatusDone || ib.Status == meeting.StatusRunning {
			actual = fmt.Sprintf("%d %s", wholeMinutes(ib.Actual), t.MinutesShort)
		}
		fit := ""
		if !ib.Fits {
			fit = "⚠"
		}
		start := ib.ProjectedStart
		title := wrapLines(it.Title, titleW)
		style := s.Text
		switch {
		case i == a.cursor:
			style = s.Selected
		case !ib.Fits || (ib.Status == meeting.StatusRunning && ib.Left < 0):
			style = s.Warning
		case ib.Status == meeting.StatusRunning:
			style = s.Kind
		}
		row := left(marker, fmt.Sprint(i+1), statusSymbol(ib.Status), t.Clock(start.Local()), kindSymbol(it.Kind)+" "+t.Kind(it.Kind)) +
			padRight(title[0], titleW) +
			right(fmt.Sprintf("%d %s", it.Minutes, t.MinutesShort), actual, fit)
		block := []string{pad + style.Render(padRight(row, width))}
		for _, l := range title[1:] {
			block = append(block, pad+style.Render(padRight(spaces(fixed-textWidth(right("", "", "")))+l, width)))
		}
		blocks[i], heights[i] = block, len(block)
	}
	rowsRoom := a.listRows()
	a.offset = blockOffset(heights, a.cursor, a.offset, rowsRoom)
	var shown []string
	end := a.offset
	for end < len(blocks) && len(shown)+len(blocks[end]) <= rowsRoom {
		shown = append(shown, blocks[end]...)
		end++
	}
	more := ""
	if a.offset > 0 {
		more += " ▲"
	}
	if end < len(a.meeting.Items) {
		more += " ▼"
	}
	head := left("  ", "#", " ", t.ColStart, t.ColKind) + padRight(t.ColTitle+more, titleW) + right(t.ColPlanned, t.ColActual, "")
	rows := []string{pad + s.Heading.Render(padRight(head, width))}
	rows = append(rows, shown...)
	// The budget right under the table (not at the foot of a tall
	// projector screen), as wide as the table's block.
	full := a.width
	a.width = width
	for _, l := range a.budgetView(b) {
		rows = append(rows, pad+l)
	}
	a.width = full
	return strings.Join(rows, "\n")
}

// budgetView is the summary under the list: planned and projected end,
// drift, and a warning naming what no longer fits.
func (a *agendaScreen) budgetView(b meeting.Budget) []string {
	c := a.common
	s := c.Styles
	t := c.Text
	// The projected end is the one the drift was counted from (ShownEnd),
	// so the two clock times are exactly as far apart as the words say.
	parts := []string{fmt.Sprintf(t.PlannedEnd, t.Clock(b.PlannedEnd.Local()))}
	switch b.Standing {
	case meeting.StandingNotStarted, meeting.StandingEnded:
		parts = append([]string{t.standing(a.meeting, b)}, parts...)
	default:
		parts = append(parts, fmt.Sprintf(t.ProjectedEnd, t.Clock(b.ShownEnd().Local())), t.standing(a.meeting, b))
	}
	summary := strings.Join(parts, " · ")
	lines := []string{"", s.Text.Bold(true).Render(truncate(summary, a.width))}
	var warn []string
	if b.Overrun >= time.Minute && b.Current >= 0 {
		warn = append(warn, fmt.Sprintf(t.OverrunNow, a.meeting.Items[b.Current].Title, wholeMinutes(b.Overrun)))
	}
	if len(b.DoNotFit) > 0 {
		names := make([]string, len(b.DoNotFit))
		for i, idx := range b.DoNotFit {
			names[i] = "»" + a.meeting.Items[idx].Title + "«"
		}
		warn = append(warn, fmt.Sprintf(t.NotFit, t.Clock(b.PlannedEnd.Local()), t.joinNames(names)))
	}
	if len(warn) > 0 {
		text := "⚠ " + strings.Join(warn, " ")
		wrapped := lipgloss.NewStyle().Width(a.width).Render(text)
		wl := strings.Split(wrapped, "\n")
		if len(wl) > 1 {
			wl = []string{wl[0], truncate(strings.Join(wl[1:], " "), a.width)}
		}
		for _, l := range wl {
			lines = append(lines, s.Warning.Render(l))
		}
		lines = append(lines, s.Text.Render(truncate(t.NotFitHint, a.width)))
	} else {
		lines = append(lines, "", "")
	}
	if len(lines) < budgetLines {
		lines = append(lines, s.Text.Render(truncate(t.Legend, a.width)))
	}
	return lines[:min(len(lines), budgetLines)]
}

// ShortHelp is the footer's key list.
func (a *agendaScreen) ShortHelp() []key.Binding {
	k := a.common.Keys
	bindings := []key.Binding{k.Open}
	if a.meeting.Ended() {
		// Only what makes sense after the end.
		return append(bindings, k.Export, k.FollowUp, k.Reopen)
	}
	if !a.meeting.UnderWay() {
		bindings = append(bindings, k.Start)
	} else {
		bindings = append(bindings, k.NextItem)
	}
	return append(bindings, k.Skip, k.Shorter, k.Longer, k.AddItem)
}

// FullHelp is the help overlay's key list.
func (a *agendaScreen) FullHelp() [][]key.Binding {
	k := a.common.Keys
	if a.meeting.Ended() {
		return [][]key.Binding{{k.Up, k.Down, k.Open}, {k.Export, k.FollowUp, k.Reopen}}
	}
	return [][]key.Binding{
		{k.Up, k.Down, k.Open},
		{k.Skip, k.Shorter, k.Longer, k.MoveUp, k.MoveDown, k.AddItem},
	}
}
