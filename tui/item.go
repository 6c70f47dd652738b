package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/klynge/klynge/meeting"
)

// itemScreen shows one agenda item large enough to read from the back of
// the room: its title, speaker, questions and indicators.
type itemScreen struct {
	common  *Common
	meeting meeting.Meeting
	index   int
	width   int
	height  int
}

func newItemScreen(c *Common) *itemScreen { return &itemScreen{common: c} }

func (s *itemScreen) setMeeting(m meeting.Meeting) {
	s.meeting = m
	s.index = min(s.index, max(0, len(m.Pack.Agenda)-1))
}

func (s *itemScreen) open(index int) { s.index = index }

// SetSize sets the body area the screen may draw in.
func (s *itemScreen) SetSize(width, height int) { s.width, s.height = width, height }

// Init does nothing: the root loads the meeting.
func (s *itemScreen) Init() tea.Cmd { return nil }

// Update goes back to the agenda or steps to the neighbouring item.
func (s *itemScreen) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return s, nil
	}
	keys := s.common.Keys
	switch {
	case key.Matches(k, keys.Prev):
		s.index = max(0, s.index-1)
	case key.Matches(k, keys.Next):
		s.index = min(len(s.meeting.Pack.Agenda)-1, s.index+1)
	}
	return s, nil
}

// View lays the item out top-down; long question lists are cut at the
// bottom of the body rather than pushing the footer off screen.
func (s *itemScreen) View() string {
	c := s.common
	st := c.Styles
	t := c.Text
	if len(s.meeting.Pack.Agenda) == 0 {
		return ""
	}
	sched := s.meeting.Schedule()[s.index]
	item := sched.Item
	textW := max(20, s.width-4)
	lines := []string{
		st.Kind.Render(fmt.Sprintf("%s %s · %d %s · %s–%s", kindSymbol(item.Kind), t.Kind(item.Kind),
			item.Minutes, t.MinutesShort, t.Clock(sched.Start.Local()), t.Clock(sched.End.Local()))),
		"",
		st.Title.Width(textW).Render(item.Title),
	}
	if item.Speaker != "" {
		lines = append(lines, st.Text.Render(t.Speaker+": "+item.Speaker))
	}
	if len(item.Questions) > 0 {
		lines = append(lines, "", st.Heading.Render(t.Questions))
		for i, q := range item.Questions {
			lines = append(lines, st.Question.Width(textW).Render(fmt.Sprintf("%d. %s", i+1, q)))
		}
	}
	if len(item.Indicators) > 0 {
		lines = append(lines, "", st.Heading.Render(t.Indicators))
		for _, id := range item.Indicators {
			ind, ok := s.meeting.Pack.Indicator(id)
			if !ok {
				continue
			}
			lines = append(lines, st.Text.Width(textW).Render("• "+ind.Title+directionHint(t, ind)))
		}
	}
	if len(item.Questions) == 0 && len(item.Indicators) == 0 && item.Speaker == "" {
		lines = append(lines, "", st.Text.Render(t.NoDetails))
	}
	out := strings.Join(lines, "\n")
	return indent(out, 2)
}

func directionHint(t Text, ind meeting.Indicator) string {
	switch ind.Better {
	case meeting.HigherIsBetter:
		return " (↑ " + t.HigherBetter + ")"
	case meeting.LowerIsBetter:
		return " (↓ " + t.LowerBetter + ")"
	}
	return ""
}

// ShortHelp is the footer's key list.
func (s *itemScreen) ShortHelp() []key.Binding {
	k := s.common.Keys
	return []key.Binding{k.Back, k.Prev, k.Next, k.Help, k.Quit}
}

// FullHelp is the help overlay's key list.
func (s *itemScreen) FullHelp() [][]key.Binding {
	k := s.common.Keys
	return [][]key.Binding{{k.Back, k.Prev, k.Next}, {k.Help, k.Quit}}
}

// indent shifts every line of s right by n spaces.
func indent(s string, n int) string {
	pad := strings.Repeat(" ", n)
	return pad + strings.ReplaceAll(s, "\n", "\n"+pad)
}
