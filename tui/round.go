package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/progress"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/klynge/klynge/meeting"
)

// roundKeys are the round screen's keys.
type roundKeys struct {
	StartPause key.Binding
	Plus1      key.Binding
	Minus1     key.Binding
	Plus5      key.Binding
	End        key.Binding
	Groups     key.Binding
	Move       key.Binding
}

func newRoundKeys(t Text) roundKeys {
	return roundKeys{
		StartPause: key.NewBinding(key.WithKeys(" "), key.WithHelp("space", t.KeyStartPause)),
		Plus1:      key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+", "+1 min")),
		Minus1:     key.NewBinding(key.WithKeys("-"), key.WithHelp("-", "−1 min")),
		Plus5:      key.NewBinding(key.WithKeys("5"), key.WithHelp("5", "+5 min")),
		End:        key.NewBinding(key.WithKeys("e"), key.WithHelp("e", t.KeyEndRound)),
		Groups:     key.NewBinding(key.WithKeys("g"), key.WithHelp("g", t.KeyFormGroups)),
		Move:       key.NewBinding(key.WithKeys("m"), key.WithHelp("m", t.KeyMoveMember)),
	}
}

// roundScreen runs a group-work round: the questions, the groups and a
// timer in big digits with a progress bar. The timer is wall-clock based
// and saved on every change, so a restart resumes it.
type roundScreen struct {
	common  *Common
	meeting meeting.Meeting
	index   int
	keys    roundKeys
	bar     progress.Model
	width   int
	height  int
	// request is a timer change for the root to save; form asks for a
	// form (group size, move a doctor).
	request *runRequest
	form    *formRequest
}

func newRoundScreen(c *Common) *roundScreen {
	bar := progress.New(progress.WithSolidFill(string(paletteFor(c.Styles.Theme).accent)), progress.WithoutPercentage())
	return &roundScreen{common: c, keys: newRoundKeys(c.Text), bar: bar}
}

func (s *roundScreen) setMeeting(m meeting.Meeting) {
	s.meeting = m
	s.index = max(0, min(s.index, len(m.Items)-1))
}

func (s *roundScreen) open(i int) { s.index = i }

// SetSize sets the body area.
func (s *roundScreen) SetSize(width, height int) {
	s.width, s.height = width, height
	s.bar.Width = max(10, width-8)
}

// Init does nothing.
func (s *roundScreen) Init() tea.Cmd { return nil }

// timerOp wraps a timer change as a change of the meeting, so it is saved
// in order with every other change.
func (s *roundScreen) timerOp(change func(meeting.Timer, time.Time) (meeting.Timer, error), notice string) {
	i := s.index
	s.request = &runRequest{
		at: s.common.Clock.Now(),
		op: func(m meeting.Meeting, at time.Time) (meeting.Meeting, error) {
			t, err := change(m.Items[i].RoundTimer(), at)
			if err != nil {
				return m, err
			}
			items := append([]meeting.RunItem(nil), m.Items...)
			items[i].Timer = t
			m.Items = items
			return m, nil
		},
		notice: func(meeting.Meeting) string { return notice },
	}
}

// Update turns the round keys into timer changes.
func (s *roundScreen) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok || len(s.meeting.Items) == 0 {
		return s, nil
	}
	t := s.common.Text
	keys := s.keys
	timer := s.meeting.Items[s.index].RoundTimer()
	now := s.common.Clock.Now()
	switch {
	case key.Matches(k, keys.StartPause):
		switch timer.State(now) {
		case meeting.TimerNotStarted:
			s.timerOp(meeting.Timer.Start, t.NoticeRoundStarted)
		case meeting.TimerPaused:
			s.timerOp(meeting.Timer.Resume, t.NoticeRoundResumed)
		default:
			s.timerOp(meeting.Timer.Pause, t.NoticeRoundPaused)
		}
	case key.Matches(k, keys.Plus1), key.Matches(k, keys.Minus1), key.Matches(k, keys.Plus5):
		d := time.Minute
		switch {
		case key.Matches(k, keys.Minus1):
			d = -time.Minute
		case key.Matches(k, keys.Plus5):
			d = 5 * time.Minute
		}
		s.timerOp(func(tm meeting.Timer, _ time.Time) (meeting.Timer, error) { return tm.Extend(d) },
			fmt.Sprintf(t.NoticeRoundLength, wholeMinutes(timer.Planned+d)))
	case key.Matches(k, keys.End):
		s.timerOp(meeting.Timer.End, t.NoticeRoundEnded)
	case key.Matches(k, keys.Groups):
		s.form = &formRequest{kind: formGroups}
	case key.Matches(k, keys.Move):
		if len(s.meeting.Groups) > 0 {
			s.form = &formRequest{kind: formMove}
		}
	}
	return s, nil
}

// timerStyle is the timer's look in each state; the state also has a
// symbol and a word, so it reads without colour.
func (s *roundScreen) timerStyle(state meeting.TimerState) (lipgloss.Style, string) {
	st := s.common.Styles
	w := s.common.Text.TimerWords
	switch state {
	case meeting.TimerRunning:
		return st.Clock, "● " + w[state]
	case meeting.TimerPaused:
		return st.Text, "‖ " + w[state]
	case meeting.TimerLastMinutes:
		return st.Warning, "⚠ " + w[state]
	case meeting.TimerOverrun:
		return st.Error, "⚠ " + w[state]
	case meeting.TimerEnded:
		return st.Text, "✓ " + w[state]
	}
	return st.Text, "○ " + w[state]
}

// timerText is what the big digits show: time left, or the overrun
// counting up with a plus.
func timerText(d time.Duration) string {
	// Whole seconds, rounded up, so the display reaches 0:00 exactly when
	// the round ends and the overrun counts from +0:01.
	ceil := func(d time.Duration) time.Duration { return (d + time.Second - 1).Truncate(time.Second) }
	if d < 0 {
		return "+" + clockDuration(ceil(-d))
	}
	return clockDuration(ceil(d))
}

// View lays out the round: title and state, the big timer, the progress
// bar, the questions and the groups, shrinking the digits on small
// screens.
func (s *roundScreen) View() string {
	c := s.common
	st := c.Styles
	if len(s.meeting.Items) == 0 {
		return ""
	}
	item := s.meeting.Items[s.index]
	timer := item.RoundTimer()
	now := c.Clock.Now()
	state := timer.State(now)
	style, word := s.timerStyle(state)
	remaining := timer.Remaining(now)

	head := spread(st.Title.Render(truncate(item.Title, s.width-30)), style.Render(word), s.width)
	questions := s.questionLines()
	groups := s.groupLines()
	// The digits get what the text leaves, at the largest scale that fits;
	// blank lines between the parts come last, when there is room.
	text := timerText(remaining)
	fixed := 2 + len(questions) + len(groups) // title and progress bar
	spare := s.height - fixed
	scale := 1
	for sc := 4; sc > 1; sc-- {
		if 5*sc+3 <= spare && bigWidth(text, sc) <= s.width-4 {
			scale = sc
			break
		}
	}
	var big []string
	if spare >= 5 {
		for _, l := range bigText(text, scale) {
			big = append(big, style.Render(l))
		}
	} else {
		big = []string{style.Render(text)}
	}
	blank := func() []string {
		if spare-len(big) > 0 {
			spare--
			return []string{""}
		}
		return nil
	}
	done := 0.0
	if timer.Planned > 0 {
		done = min(1, float64(timer.Elapsed(now))/float64(timer.Planned))
	}
	lines := []string{head}
	lines = append(lines, blank()...)
	for _, l := range big {
		lines = append(lines, lipgloss.PlaceHorizontal(s.width, lipgloss.Center, l))
	}
	lines = append(lines, blank()...)
	lines = append(lines, lipgloss.PlaceHorizontal(s.width, lipgloss.Center, s.bar.ViewAs(done)))
	lines = append(lines, blank()...)
	lines = append(lines, questions...)
	lines = append(lines, blank()...)
	lines = append(lines, groups...)
	return strings.Join(lines, "\n")
}

// questionLines are the round's questions, one line each.
func (s *roundScreen) questionLines() []string {
	st := s.common.Styles
	var out []string
	for i, q := range s.meeting.Items[s.index].Questions {
		out = append(out, st.Question.Render(truncate(fmt.Sprintf("%d. %s", i+1, q), s.width)))
	}
	return out
}

// groupLines list the groups by first name and practice initials, or say
// how to form them.
func (s *roundScreen) groupLines() []string {
	st := s.common.Styles
	t := s.common.Text
	if len(s.meeting.Groups) == 0 {
		return []string{st.Heading.Render(truncate(t.NoGroups, s.width))}
	}
	var out []string
	for _, g := range s.meeting.Groups {
		out = append(out, st.Text.Render(truncate(groupLine(g), s.width)))
	}
	return out
}

// groupLine is "2 · Søren Æ., Åse B., Ole S.": first names are enough to
// find your group.
func groupLine(g meeting.Group) string {
	var names []string
	for _, m := range g.Members {
		// First name and the initial of the last: "Søren Æ.".
		parts := strings.Fields(m.Name)
		name := m.Name
		if len(parts) > 1 {
			name = parts[0] + " " + string([]rune(parts[len(parts)-1])[0]) + "."
		}
		names = append(names, name)
	}
	return fmt.Sprintf("%d · %s", g.Number, strings.Join(names, ", "))
}

// ShortHelp is the footer's key list.
func (s *roundScreen) ShortHelp() []key.Binding {
	k := s.keys
	return []key.Binding{s.common.Keys.Back, k.StartPause, k.Plus1, k.Minus1, k.Plus5, k.End, k.Groups, k.Move}
}

// FullHelp is the help overlay's key list.
func (s *roundScreen) FullHelp() [][]key.Binding {
	k := s.keys
	return [][]key.Binding{{k.StartPause, k.Plus1, k.Minus1, k.Plus5, k.End}, {k.Groups, k.Move}}
}
