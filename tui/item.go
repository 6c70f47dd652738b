package tui

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/klynge/klynge/meeting"
)

// itemScreen is the projected view of a welcome, data, group-work, plenum,
// break or evaluation item: its title and questions, large and spaced so
// they can be read from the back of the room.
type itemScreen struct {
	common  *Common
	meeting meeting.Meeting
	// cluster names the members who sent apologies on the welcome item.
	cluster meeting.Cluster
	index   int
	width   int
	height  int
}

func newItemScreen(c *Common) *itemScreen { return &itemScreen{common: c} }

func (s *itemScreen) setMeeting(m meeting.Meeting) {
	s.meeting = m
	s.index = max(0, min(s.index, len(m.Items)-1))
}

func (s *itemScreen) open(index int) { s.index = index }

// SetSize sets the body area the screen may draw in.
func (s *itemScreen) SetSize(width, height int) { s.width, s.height = width, height }

// Update moves the presenting group on a plenum with groups and opens the
// note of the presenting group. Both read the meeting as it will be once
// the queued changes have landed, so j then w opens the note of the group
// the j moved to.
func (s *itemScreen) Update(msg tea.Msg) ([]tea.Msg, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil, nil
	}
	keys := s.common.Keys
	if key.Matches(k, keys.Back) {
		return []tea.Msg{backMsg{}}, nil
	}
	if key.Matches(k, keys.Prev) || key.Matches(k, keys.Next) {
		step := 1
		if key.Matches(k, keys.Prev) {
			step = -1
		}
		return []tea.Msg{openItemMsg{max(0, min(len(s.meeting.Items)-1, s.index+step))}}, nil
	}
	if !s.presentations() {
		return nil, nil
	}
	i := s.index
	t := s.common.Text
	planned := s.common.planned()
	current := planned.Items[i].Presenting
	step := 0
	switch {
	case key.Matches(k, keys.Down):
		step = 1
	case key.Matches(k, keys.Up):
		step = -1
	case key.Matches(k, keys.Note) && current > 0:
		return []tea.Msg{openFormMsg{formRequest{kind: formNote, item: i, group: current,
			text: planned.Items[i].Notes[current]}}}, nil
	}
	if step == 0 {
		return nil, nil
	}
	ch := runChange(s.common, fmt.Sprintf(t.PresentingNow, max(1, current+step)),
		func(m meeting.Meeting, _ time.Time) (meeting.Meeting, error) {
			next := max(1, min(len(m.Groups), m.Items[i].Presenting+step))
			return m.SetPresenting(i, next)
		},
		func(_, after meeting.Meeting) string { return fmt.Sprintf(t.PresentingNow, after.Items[i].Presenting) })
	return []tea.Msg{write(ch)}, nil
}

// presentations reports whether the item is a plenum where groups present.
func (s *itemScreen) presentations() bool {
	return len(s.meeting.Items) > 0 && s.meeting.Items[s.index].Kind == meeting.KindPlenum && len(s.meeting.Groups) > 0
}

// presentationLines list the groups in turn, the presenting one marked,
// with the coordinator's notes.
func (s *itemScreen) presentationLines(width int) []string {
	st := s.common.Styles
	t := s.common.Text
	item := s.meeting.Items[s.index]
	head := t.PresentTitle
	if n := len(s.meeting.Groups); n > 0 && item.Minutes > 0 {
		head += " · " + fmt.Sprintf(t.PerGroup, max(1, item.Minutes/n))
	}
	out := []string{st.Heading.Render(head)}
	for _, g := range s.meeting.Groups {
		line := "  " + groupLine(g)
		style := st.Text
		if g.Number == item.Presenting {
			line = "▶ " + groupLine(g)
			style = st.Selected
		}
		out = append(out, style.Render(truncate(line, width)))
		if note := item.Notes[g.Number]; note != "" {
			out = append(out, st.Text.Width(width).Render("    ✎ "+note))
		}
	}
	return out
}

// View lays the item out top-down with blank lines between questions when
// there is room; what does not fit is cut at the bottom of the body rather
// than pushing the footer off screen.
func (s *itemScreen) View() string {
	c := s.common
	st := c.Styles
	t := c.Text
	if len(s.meeting.Items) == 0 {
		return ""
	}
	item := s.meeting.Items[s.index]
	ib := s.meeting.Budget(c.Clock.Now()).Items[s.index]
	textW := min(max(20, s.width-6), 110)
	status := fmt.Sprintf("%s %s %s · %d %s · %s", statusSymbol(ib.Status), kindSymbol(item.Kind), t.Kind(item.Kind),
		item.Minutes, t.MinutesShort, t.Clock(ib.ProjectedStart.Local()))
	lines := []string{
		st.Kind.Render(status),
		"",
		st.Title.Width(textW).Render(strings.ToUpper(item.Title)),
	}
	if item.Speaker != "" {
		lines = append(lines, "", st.Text.Width(textW).Render(t.Speaker+": "+item.Speaker))
	}
	var body []string
	switch {
	case item.Kind == meeting.KindWelcome:
		body = s.apologies(textW)
	case s.presentations():
		body = append(s.questions(item.Questions, textW), "")
		body = append(body, s.presentationLines(textW)...)
	case len(item.Questions) > 0:
		body = s.questions(item.Questions, textW)
	case len(item.Indicators) > 0:
		body = append(body, st.Heading.Render(t.Indicators))
		for _, id := range item.Indicators {
			if ind, ok := s.meeting.Pack.Indicator(id); ok {
				body = append(body, st.Text.Width(textW).Render("• "+ind.Title+directionHint(t, ind)))
			}
		}
	case item.Speaker == "":
		body = []string{st.Text.Render(t.NoDetails)}
	}
	if len(body) > 0 {
		lines = append(lines, "")
		lines = append(lines, body...)
	}
	block := strings.Join(lines, "\n")
	if s.width >= 120 {
		// On a big screen the text sits in the middle of the wall, where
		// the whole room can see it, rather than in the top left corner.
		// Place centres each line on its own; a block of equal-width
		// lines keeps the text left-aligned within it.
		return placeCenter(s.width, s.height, lipgloss.NewStyle().Width(textWidth(block)).Render(block))
	}
	return indent(block, 3)
}

// questions numbers the questions, with a blank line between them when the
// screen has room for it.
func (s *itemScreen) questions(qs []string, width int) []string {
	st := s.common.Styles
	out := []string{st.Heading.Render(s.common.Text.Questions), ""}
	var rendered []string
	total := 0
	for i, q := range qs {
		r := st.Question.Width(width).Render(fmt.Sprintf("%d. %s", i+1, q))
		rendered = append(rendered, r)
		total += lipgloss.Height(r)
	}
	spaced := total+len(qs)+8 <= s.height
	for i, r := range rendered {
		if spaced && i > 0 {
			out = append(out, "")
		}
		out = append(out, r)
	}
	return out
}

// apologies lists who sent apologies, and the guests. Names are fine
// here: attendance is not data.
func (s *itemScreen) apologies(width int) []string {
	st := s.common.Styles
	t := s.common.Text
	var names []string
	for _, p := range s.cluster.Practices {
		for _, mem := range p.Members {
			a, ok := s.meeting.Attendance[mem.ID]
			if !ok || a.Status != meeting.StatusApologies {
				continue
			}
			line := "✉ " + mem.Name + " (" + p.Name + ")"
			if a.Reason != "" {
				line += " – " + a.Reason
			}
			names = append(names, line)
		}
	}
	sort.Slice(names, func(i, j int) bool { return s.common.nameLess(names[i], names[j]) })
	out := []string{st.Heading.Render(fmt.Sprintf("%s (%d)", t.Apologies, len(names)))}
	if len(names) == 0 {
		out = append(out, st.Text.Width(width).Render(t.NoApologies))
	}
	for _, n := range names {
		out = append(out, st.Text.Width(width).Render(n))
	}
	if len(s.meeting.Guests) > 0 {
		out = append(out, "", st.Heading.Render(fmt.Sprintf("%s (%d)", t.Guests, len(s.meeting.Guests))))
		for _, g := range s.meeting.Guests {
			line := "• " + g.Name
			if g.Role != "" {
				line += " – " + g.Role
			}
			out = append(out, st.Text.Width(width).Render(line))
		}
	}
	return out
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
	if s.presentations() {
		return []key.Binding{k.Back, k.Down, k.Up, k.Note, k.NextItem}
	}
	return []key.Binding{k.Back, k.NextItem, k.Prev, k.Next}
}

// FullHelp is the help overlay's key list.
func (s *itemScreen) FullHelp() [][]key.Binding {
	k := s.common.Keys
	if s.presentations() {
		return [][]key.Binding{{k.Back, k.Prev, k.Next}, {k.Down, k.Up, k.Note}}
	}
	return [][]key.Binding{{k.Back, k.Prev, k.Next}}
}

// indent shifts every line of s right by n spaces.
func indent(s string, n int) string {
	pad := strings.Repeat(" ", n)
	return pad + strings.ReplaceAll(s, "\n", "\n"+pad)
}
