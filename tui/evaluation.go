package tui

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/klynge/klynge/meeting"
)

// evalScreen is the projected evaluation item: the scores as a histogram
// with n, mean and median, growing as they are called out, the room's
// notes and the cluster's trend across meetings. Scores carry no names.
type evalScreen struct {
	common  *Common
	meeting meeting.Meeting
	// meetings are the cluster's meetings, for the trend.
	meetings []meeting.Meeting
	index    int
	width    int
	height   int
}

func newEvalScreen(c *Common) *evalScreen { return &evalScreen{common: c} }

func (s *evalScreen) setMeeting(m meeting.Meeting) {
	s.meeting = m
	s.index = max(0, min(s.index, len(m.Items)-1))
}

func (s *evalScreen) open(index int) { s.index = index }

// SetSize sets the body area the screen may draw in.
func (s *evalScreen) SetSize(width, height int) { s.width, s.height = width, height }

// Update turns a digit into a score, * into a 10, c into a show of hands,
// u into undoing the last recording and w into the notes. Each is one
// change in the root's write queue, read against the meeting as the
// queued changes leave it, so fast typing loses nothing.
func (s *evalScreen) Update(msg tea.Msg) ([]tea.Msg, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok || len(s.meeting.Items) == 0 {
		return nil, nil
	}
	keys := s.common.Keys
	i := s.index
	switch {
	case key.Matches(k, keys.Back):
		return []tea.Msg{backMsg{}}, nil
	case key.Matches(k, keys.Prev) || key.Matches(k, keys.Next):
		step := 1
		if key.Matches(k, keys.Prev) {
			step = -1
		}
		return []tea.Msg{openItemMsg{max(0, min(len(s.meeting.Items)-1, s.index+step))}}, nil
	case key.Matches(k, keys.Score):
		score, _ := strconv.Atoi(k.String())
		return []tea.Msg{write(scoreChange(s.common, i, score, 1))}, nil
	case key.Matches(k, keys.Score10):
		return []tea.Msg{write(scoreChange(s.common, i, meeting.MaxScore, 1))}, nil
	case key.Matches(k, keys.Hands):
		return []tea.Msg{openFormMsg{formRequest{kind: formHands, item: i}}}, nil
	case key.Matches(k, keys.UndoScore):
		return []tea.Msg{write(undoScoreChange(s.common, i))}, nil
	case key.Matches(k, keys.EvalNotes):
		ev := s.common.planned().Items[i].Evaluation
		return []tea.Msg{openFormMsg{formRequest{kind: formEvalNotes, item: i, text: ev.Worked, text2: ev.Change}}}, nil
	}
	return nil, nil
}

// scoreChange records count scores of score on item i.
func scoreChange(c *Common, i, score, count int) change {
	t := c.Text
	what := t.T("tui.EvalScoreWhat", score, count)
	return change{what: what, at: c.Clock.Now(),
		op: func(mt meeting.Meeting, _ time.Time) (meeting.Meeting, error) { return mt.WithScore(i, score, count) },
		commit: func(ctx context.Context, st Store, _, after meeting.Meeting) (meeting.Meeting, tea.Msg, error) {
			return after, nil, st.RecordScore(ctx, after.ID, after.Items[i].ID, score, count)
		},
		notice: func(_, after meeting.Meeting) string {
			return t.T("tui.NoticeScore", what, meeting.Stats(after.Items[i].Evaluation.Entries).N)
		},
	}
}

// undoScoreChange takes back the last recording on item i.
func undoScoreChange(c *Common, i int) change {
	t := c.Text
	return change{what: t.T("tui.KeyUndoScore"), at: c.Clock.Now(),
		op: func(mt meeting.Meeting, _ time.Time) (meeting.Meeting, error) { return mt.UndoScore(i) },
		commit: func(ctx context.Context, st Store, _, after meeting.Meeting) (meeting.Meeting, tea.Msg, error) {
			return after, nil, st.UndoScore(ctx, after.ID, after.Items[i].ID)
		},
		notice: func(before, _ meeting.Meeting) string {
			es := before.Items[i].Evaluation.Entries
			last := es[len(es)-1]
			return t.T("tui.NoticeScoreUndone", t.T("tui.EvalScoreWhat", last.Score, last.Count))
		},
	}
}

// View draws the histogram first and adds the statistics, the trend, the
// notes and the questions as far as the body has room, in that order.
func (s *evalScreen) View() string {
	c := s.common
	st := c.Styles
	t := c.Text
	if len(s.meeting.Items) == 0 {
		return ""
	}
	item := s.meeting.Items[s.index]
	ib := s.meeting.Budget(c.Clock.Now()).Items[s.index]
	textW := min(max(20, s.width-6), 110)
	big := s.width >= 120
	status := fmt.Sprintf("%s %s %s · %d %s · %s", statusSymbol(ib.Status), kindSymbol(item.Kind), t.Kind(item.Kind),
		item.Minutes, t.MinutesShort, t.Clock(ib.ProjectedStart.Local()))
	stats := meeting.Stats(item.Evaluation.Entries)
	lines := []string{st.Kind.Render(truncate(status, textW)), st.Title.Render(truncate(strings.ToUpper(item.Title), textW))}
	if big {
		lines = append(lines, "")
	}
	// The room's notes are read out whole: wrapped, not cut.
	ev := item.Evaluation
	var notes []string
	for _, n := range []struct{ label, text string }{{t.T("tui.EvalWorked"), ev.Worked}, {t.T("tui.EvalChange"), ev.Change}} {
		if n.text != "" {
			notes = append(notes, wrapIndent(n.label+": "+strings.ReplaceAll(n.text, "\n", " / "), textW, 2)...)
		}
	}
	rows := 1
	if big {
		// On a projector the histogram takes the body's height that the
		// lines below it leave: status, title, the blank line, the
		// statistics, trend, the notes and the questions, plus a margin.
		rest := len(lines) + 1 + 1 + len(notes) + len(item.Questions) + 2 + 2
		rows = max(1, min(4, (s.height-rest)/(meeting.MaxScore+1)))
	}
	lines = append(lines, s.histogram(stats, textW, rows)...)
	lines = append(lines, st.Heading.Render(truncate(statsLine(t, stats), textW)))
	room := s.height - len(lines)
	add := func(block []string) {
		if len(block) == 0 || len(block) > room {
			return
		}
		lines = append(lines, block...)
		room -= len(block)
	}
	if tr := s.trendLine(stats, textW); tr != "" {
		add([]string{st.Text.Render(tr)})
	}
	if len(notes) > room && room > 0 {
		// A long note gives way to the histogram: what fits, then "…".
		notes = append(notes[:room-1:room-1], truncate(notes[room-1]+" …", textW))
	}
	for _, l := range notes {
		add([]string{st.Text.Render(l)})
	}
	if len(item.Questions) > 0 && room > len(item.Questions)+2 {
		qs := []string{"", st.Heading.Render(t.Questions)}
		for n, q := range item.Questions {
			qs = append(qs, st.Question.Render(truncate(fmt.Sprintf("%d. %s", n+1, q), textW)))
		}
		add(qs)
	}
	block := strings.Join(lines, "\n")
	if big {
		return placeCenter(s.width, s.height, lipgloss.NewStyle().Width(textWidth(block)).Render(block))
	}
	return indent(block, 3)
}

// histogram is rows lines per score, 10 at the top: the score, a bar as
// long as its count against the largest count, and the count. With more
// than one row per score the bar is rows-1 lines thick and a gap line
// separates it from the next, so a projector's room can read it from afar.
func (s *evalScreen) histogram(stats meeting.ScoreStats, width, rows int) []string {
	st := s.common.Styles
	most := max(1, stats.Max())
	barW := max(4, width-10)
	var out []string
	for score := meeting.MaxScore; score >= 0; score-- {
		n := stats.Counts[score]
		bar := strings.Repeat("█", n*barW/most)
		if n > 0 && bar == "" {
			bar = "▏"
		}
		count := ""
		if n > 0 {
			count = " " + strconv.Itoa(n)
		}
		if rows == 1 {
			out = append(out, fmt.Sprintf("%2d │", score)+st.Bar.Render(bar)+st.Text.Render(count))
			continue
		}
		for r := 0; r < rows-1; r++ {
			label, tail := "  ", ""
			if r == (rows-2)/2 {
				label, tail = fmt.Sprintf("%2d", score), count
			}
			out = append(out, label+" │"+st.Bar.Render(bar)+st.Text.Render(tail))
		}
		if score > 0 {
			out = append(out, "   │")
		}
	}
	return out
}

// statsLine is "n = 12 · gennemsnit 6,8 · median 7".
func statsLine(t Text, stats meeting.ScoreStats) string {
	if stats.N == 0 {
		return t.T("tui.EvalNoScores")
	}
	return t.T("tui.EvalStats", stats.N, scoreNumber(stats.Mean, t.Lang), scoreNumber(stats.Median, t.Lang))
}

// scoreNumber writes a mean or median score.
func scoreNumber(v float64, lang string) string { return meeting.FormatScore(v, lang) }

// trendLine is the mean of the cluster's earlier evaluations, up to this
// meeting, the last few that fit, then tonight's.
func (s *evalScreen) trendLine(now meeting.ScoreStats, width int) string {
	return evalTrendLine(s.common.Text, s.meetings, s.meeting, now, width)
}

// evalTrendLine is the trend of m's cluster across the earlier of
// meetings, as wide as width at most; the projector's evaluation item and
// the presenter console both show it. Empty when there is no earlier
// evaluation or none fits.
func evalTrendLine(t Text, meetings []meeting.Meeting, m meeting.Meeting, now meeting.ScoreStats, width int) string {
	var earlier []meeting.Meeting
	for _, e := range meetings {
		if e.ID != m.ID && e.ClusterID == m.ClusterID {
			earlier = append(earlier, e)
		}
	}
	trend := meeting.EvaluationTrend(earlier, m.PlannedStart)
	if len(trend) == 0 {
		return ""
	}
	tail := ""
	if now.N > 0 {
		tail = " · " + t.T("tui.EvalTonight", scoreNumber(now.Mean, t.Lang))
	}
	head := t.T("tui.EvalTrend") + " "
	var parts []string
	for j := len(trend) - 1; j >= 0; j-- {
		p := trend[j].Date.Local().Format("02.01.06") + " " + scoreNumber(trend[j].Stats.Mean, t.Lang)
		next := append([]string{p}, parts...)
		if textWidth(head+strings.Join(next, " · ")+tail) > width {
			break
		}
		parts = next
	}
	if len(parts) == 0 {
		return ""
	}
	return head + strings.Join(parts, " · ") + tail
}

// ShortHelp is the footer's key list.
func (s *evalScreen) ShortHelp() []key.Binding {
	k := s.common.Keys
	return []key.Binding{k.Score, k.Score10, k.Hands, k.UndoScore, k.EvalNotes}
}

// FullHelp is the help overlay's key list.
func (s *evalScreen) FullHelp() [][]key.Binding {
	k := s.common.Keys
	return [][]key.Binding{{k.Score, k.Score10, k.Hands, k.UndoScore, k.EvalNotes}, {k.Back, k.Prev, k.Next, k.NextItem}}
}
