package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/klynge/klynge/meeting"
)

// agendaScreen lists the meeting's agenda items with their planned times
// and lets the coordinator pick one.
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
	a.meeting = m
	a.cursor = min(a.cursor, max(0, len(m.Pack.Agenda)-1))
}

// SetSize sets the body area the screen may draw in.
func (a *agendaScreen) SetSize(width, height int) {
	a.width, a.height = width, height
	a.scrollToCursor()
}

// Init does nothing: the root loads the meeting.
func (a *agendaScreen) Init() tea.Cmd { return nil }

// Update moves the cursor, opens an item or starts the meeting.
func (a *agendaScreen) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return a, nil
	}
	keys := a.common.Keys
	switch {
	case key.Matches(k, keys.Up):
		a.cursor = max(0, a.cursor-1)
	case key.Matches(k, keys.Down):
		a.cursor = min(len(a.meeting.Pack.Agenda)-1, a.cursor+1)
	case key.Matches(k, keys.Start):
		if !a.meeting.UnderWay() {
			return a, startMeeting(a.common, a.meeting.ID)
		}
	}
	a.scrollToCursor()
	return a, nil
}

// selectItem puts the cursor on item i, e.g. the one the coordinator last
// looked at.
func (a *agendaScreen) selectItem(i int) {
	a.cursor = max(0, min(i, len(a.meeting.Pack.Agenda)-1))
	a.scrollToCursor()
}

func (a *agendaScreen) visibleRows() int { return max(1, a.height-1) }

func (a *agendaScreen) scrollToCursor() {
	rows := a.visibleRows()
	if a.cursor < a.offset {
		a.offset = a.cursor
	}
	if a.cursor >= a.offset+rows {
		a.offset = a.cursor - rows + 1
	}
	a.offset = max(0, min(a.offset, len(a.meeting.Pack.Agenda)-rows))
}

// View renders one row per agenda item; the selected row is marked with an
// arrow as well as a highlight, so it shows without colour too.
func (a *agendaScreen) View() string {
	c := a.common
	s := c.Styles
	t := c.Text
	schedule := a.meeting.Schedule()
	kindW := 0
	for _, k := range meeting.ItemKinds() {
		kindW = max(kindW, lipgloss.Width(t.Kind(k)))
	}
	// Each row is a fixed-width left part (marker, number, start, kind),
	// the title filling what is left, and the planned minutes on the right.
	left := func(marker string, num, start, kind string) string {
		return fmt.Sprintf("%s%2s  %-5s  %-*s  ", marker, num, start, kindW+2, kind)
	}
	right := func(minutes string) string { return fmt.Sprintf(" %8s", minutes) }
	titleW := max(10, a.width-lipgloss.Width(left("  ", "", "", ""))-lipgloss.Width(right("")))
	var rows []string
	end := min(len(schedule), a.offset+a.visibleRows())
	for i := a.offset; i < end; i++ {
		it := schedule[i]
		marker := "  "
		if i == a.cursor {
			marker = "▶ "
		}
		row := left(marker, fmt.Sprint(i+1), t.Clock(it.Start.Local()), kindSymbol(it.Item.Kind)+" "+t.Kind(it.Item.Kind)) +
			padRight(truncate(it.Item.Title, titleW), titleW) +
			right(fmt.Sprintf("%d %s", it.Item.Minutes, t.MinutesShort))
		row = padRight(row, a.width)
		if i == a.cursor {
			rows = append(rows, s.Selected.Render(row))
		} else {
			rows = append(rows, s.Text.Render(row))
		}
	}
	more := ""
	if a.offset > 0 {
		more += " ▲"
	}
	if end < len(schedule) {
		more += " ▼"
	}
	head := left("  ", "#", t.ColStart, t.ColKind) + padRight(t.ColTitle+more, titleW) + right(t.ColPlanned)
	rows = append([]string{s.Heading.Render(padRight(head, a.width))}, rows...)
	return strings.Join(rows, "\n")
}

// ShortHelp is the footer's key list.
func (a *agendaScreen) ShortHelp() []key.Binding {
	k := a.common.Keys
	bindings := []key.Binding{k.Up, k.Down, k.Open}
	if !a.meeting.UnderWay() {
		bindings = append(bindings, k.Start)
	}
	return append(bindings, k.Help, k.Quit)
}

// FullHelp is the help overlay's key list.
func (a *agendaScreen) FullHelp() [][]key.Binding {
	k := a.common.Keys
	return [][]key.Binding{{k.Up, k.Down, k.Open, k.Start}, {k.Help, k.Quit}}
}

// padRight pads s with spaces to width cells so a highlighted row spans the
// screen.
func padRight(s string, width int) string {
	if w := lipgloss.Width(s); w < width {
		return s + strings.Repeat(" ", width-w)
	}
	return s
}
