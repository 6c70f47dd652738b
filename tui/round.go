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

// roundScreen runs a group-work round: the questions, the groups and a
// timer in big digits with a progress bar. The timer is wall-clock based
// and saved on every change, so a restart resumes it.
type roundScreen struct {
	common  *Common
	meeting meeting.Meeting
	index   int
	bar     progress.Model
	width   int
	height  int
}

func newRoundScreen(c *Common) *roundScreen {
	bar := progress.New(progress.WithSolidFill(string(paletteFor(c.Styles.Theme).accent)), progress.WithoutPercentage())
	return &roundScreen{common: c, bar: bar}
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

// timerChange is a change of the round's timer, computed when its turn
// in the write queue comes, from the timer the earlier changes left: two
// quick spaces start and then pause the round.
func (s *roundScreen) timerChange(what string, fn func(meeting.Timer, time.Time) (meeting.Timer, error),
	notice func(before, after meeting.Timer) string) tea.Msg {
	i := s.index
	return write(change{
		what: what,
		at:   s.common.Clock.Now(),
		op: func(m meeting.Meeting, at time.Time) (meeting.Meeting, error) {
			return m.ChangeTimer(i, at, fn)
		},
		// The timer and the item's planned minutes are one number:
		// commitRun stores both in one transaction.
		commit: commitRun,
		notice: func(before, after meeting.Meeting) string {
			return notice(before.Items[i].RoundTimer(), after.Items[i].RoundTimer())
		},
		fresh: true,
	})
}

// Update turns the round keys into timer changes and form requests.
func (s *roundScreen) Update(msg tea.Msg) ([]tea.Msg, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil, nil
	}
	if key.Matches(k, s.common.Keys.Back) {
		return []tea.Msg{backMsg{}}, nil
	}
	if len(s.meeting.Items) == 0 {
		return nil, nil
	}
	t := s.common.Text
	keys := s.common.Keys
	fixed := func(n string) func(_, _ meeting.Timer) string { return func(_, _ meeting.Timer) string { return n } }
	switch {
	case key.Matches(k, keys.StartPause):
		return []tea.Msg{s.timerChange(t.KeyStartPause, meeting.Timer.Toggle, func(before, after meeting.Timer) string {
			switch {
			case before.Started == nil:
				return t.NoticeRoundStarted
			case after.PausedAt != nil:
				return t.NoticeRoundPaused
			}
			return t.NoticeRoundResumed
		})}, nil
	case key.Matches(k, keys.Plus1), key.Matches(k, keys.Minus1), key.Matches(k, keys.Plus5):
		d := time.Minute
		switch {
		case key.Matches(k, keys.Minus1):
			d = -time.Minute
		case key.Matches(k, keys.Plus5):
			d = 5 * time.Minute
		}
		return []tea.Msg{s.timerChange(k.String(), func(tm meeting.Timer, _ time.Time) (meeting.Timer, error) { return tm.Extend(d) },
			func(_, after meeting.Timer) string {
				return fmt.Sprintf(t.NoticeRoundLength, wholeMinutes(after.Planned))
			})}, nil
	case key.Matches(k, keys.Prev), key.Matches(k, keys.Next):
		// As on every item screen: look at the neighbouring item without
		// changing what runs (space, also a Next key, is start/pause here
		// and matched above).
		step := 1
		if key.Matches(k, keys.Prev) {
			step = -1
		}
		return []tea.Msg{openItemMsg{max(0, min(len(s.meeting.Items)-1, s.index+step))}}, nil
	case key.Matches(k, keys.EndRound):
		return []tea.Msg{s.timerChange(t.KeyEndRound, meeting.Timer.End, fixed(t.NoticeRoundEnded))}, nil
	case key.Matches(k, keys.Groups):
		return []tea.Msg{openFormMsg{formRequest{kind: formGroups}}}, nil
	case key.Matches(k, keys.MoveMember) && len(s.meeting.Groups) > 0:
		return []tea.Msg{openFormMsg{formRequest{kind: formMove}}}, nil
	}
	return nil, nil
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
	if d < 0 {
		return "+" + leftText(d)
	}
	return leftText(d)
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
	// Until the round ends its time left is the item's, the number the
	// header and the agenda's drift are computed from; an ended round
	// shows what it ended with.
	remaining := item.Left(now)
	if timer.Ended != nil {
		remaining = timer.Remaining(now)
	}

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
		lines = append(lines, placeHCenter(s.width, l))
	}
	lines = append(lines, blank()...)
	lines = append(lines, placeHCenter(s.width, s.bar.ViewAs(done)))
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
	k := s.common.Keys
	return []key.Binding{k.Back, k.StartPause, k.Plus1, k.Minus1, k.Plus5, k.EndRound, k.Groups, k.MoveMember, k.Prev, k.Next}
}

// FullHelp is the help overlay's key list.
func (s *roundScreen) FullHelp() [][]key.Binding {
	k := s.common.Keys
	return [][]key.Binding{{k.StartPause, k.Plus1, k.Minus1, k.Plus5, k.EndRound}, {k.Groups, k.MoveMember, k.Back, k.Prev, k.Next}}
}
