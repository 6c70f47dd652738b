package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/klynge/klynge/meeting"
)

// followUpRow is an open pledge with the figures before and after, when
// the practice lets the room see them.
type followUpRow struct {
	pledge        meeting.Pledge
	before, after *float64
	unit          meeting.Unit
}

// followUpMsg carries the pledges to review.
type followUpMsg struct {
	rows []followUpRow
}

// followUpScreen reviews the pledges of earlier meetings: done, partly,
// not done or dropped, with a short comment.
type followUpScreen struct {
	common  *Common
	meeting meeting.Meeting
	cluster meeting.Cluster
	rows    []followUpRow
	cursor  int
	width   int
	height  int
}

func newFollowUpScreen(c *Common) *followUpScreen { return &followUpScreen{common: c} }

func (s *followUpScreen) setMeeting(m meeting.Meeting, c meeting.Cluster) {
	s.meeting, s.cluster = m, c
}

// load reads the open pledges and, for those linked to an indicator, the
// practice's figure at the pledge's meeting and now.
func (s *followUpScreen) load() tea.Cmd {
	c := s.common
	now := s.meeting
	return func() tea.Msg {
		ps, err := c.Store.OpenPledges(c.Ctx, now.ID)
		if err != nil {
			return errMsg{err}
		}
		earlier := map[int64]meeting.Meeting{}
		rows := make([]followUpRow, len(ps))
		for i, p := range ps {
			rows[i].pledge = p
			if p.Indicator == "" {
				continue
			}
			if _, ok := earlier[p.MeetingID]; !ok {
				em, err := c.Store.Meeting(c.Ctx, p.MeetingID)
				if err != nil {
					return errMsg{err}
				}
				earlier[p.MeetingID] = em
			}
			ind, ok := now.Pack.Indicator(p.Indicator)
			if !ok {
				continue
			}
			rows[i].unit = ind.Unit
			rows[i].before = practiceValue(earlier[p.MeetingID].Values, p.Ydernummer, p.Indicator, ind.Unit)
			rows[i].after = practiceValue(now.Values, p.Ydernummer, p.Indicator, ind.Unit)
		}
		return followUpMsg{rows: rows}
	}
}

func practiceValue(values []meeting.DataRow, yd, indicator string, unit meeting.Unit) *float64 {
	for _, v := range values {
		if v.Ydernummer == yd && v.Indicator == indicator {
			if x, ok := v.Computed(unit); ok {
				return &x
			}
		}
	}
	return nil
}

// SetSize sets the body area.
func (s *followUpScreen) SetSize(width, height int) { s.width, s.height = width, height }

// reviewedMsg carries a pledge whose follow-up was committed.
type reviewedMsg struct{ pledge meeting.Pledge }

// Update moves the cursor and records outcomes: 1 done, 2 partly, 3 not
// done, 4 dropped, each followed by an optional comment.
func (s *followUpScreen) Update(msg tea.Msg) ([]tea.Msg, tea.Cmd) {
	switch msg := msg.(type) {
	case followUpMsg:
		s.rows = msg.rows
		s.cursor = max(0, min(s.cursor, len(s.rows)-1))
	case reviewedMsg:
		for i := range s.rows {
			if s.rows[i].pledge.ID == msg.pledge.ID {
				s.rows[i].pledge = msg.pledge
			}
		}
	case tea.KeyMsg:
		keys := s.common.Keys
		outcomes := []struct {
			b key.Binding
			o meeting.ReviewOutcome
		}{
			{keys.OutcomeDone, meeting.OutcomeDone}, {keys.OutcomePartly, meeting.OutcomePartly},
			{keys.OutcomeNotDone, meeting.OutcomeNotDone}, {keys.OutcomeDropped, meeting.OutcomeDropped},
		}
		for _, o := range outcomes {
			if key.Matches(msg, o.b) && len(s.rows) > 0 {
				return []tea.Msg{openFormMsg{formRequest{kind: formReview, pledge: s.rows[s.cursor].pledge, outcome: o.o}}}, nil
			}
		}
		switch {
		case key.Matches(msg, keys.Back):
			return []tea.Msg{backMsg{}}, nil
		case key.Matches(msg, keys.Down):
			s.cursor = min(len(s.rows)-1, s.cursor+1)
		case key.Matches(msg, keys.Up):
			s.cursor = max(0, s.cursor-1)
		}
	}
	return nil, nil
}

// View lists the pledges with their practice, outcome and figures.
func (s *followUpScreen) View() string {
	c := s.common
	st := c.Styles
	t := c.Text
	lines := []string{st.Title.Render(fmt.Sprintf(t.FollowUpTitle, len(s.rows)))}
	for _, l := range wrapLines(t.FollowUpHint, s.width) {
		lines = append(lines, st.Text.Render(l))
	}
	lines = append(lines, "")
	if len(s.rows) == 0 {
		lines = append(lines, st.Text.Render(t.NoOpenPledges))
	}
	strs := chartText(t.Lang)
	names := make(map[string]string, len(s.cluster.Practices))
	for _, pr := range s.cluster.Practices {
		names[pr.Ydernummer] = pr.Name // the last of a ydernummer wins, as before
	}
	// Only the pledges that may be shown are wrapped, and only those shown
	// are styled (90 pledges of ten years took most of a frame): every
	// block is at least a line, so the window around the cursor never
	// reaches more than room blocks either side of it (blockWindow).
	room := max(1, s.height-len(lines)-1)
	cursor := max(0, min(s.cursor, len(s.rows)-1))
	lo, hi := max(0, cursor-room-1), min(len(s.rows), cursor+room+2)
	var blocks [][]string
	heads := make([]int, 0, hi-lo) // lines of each block's pledge, before its detail
	for i := lo; i < hi; i++ {
		r := s.rows[i]
		p := r.pledge
		name := p.Ydernummer
		if n, ok := names[p.Ydernummer]; ok {
			name = n
		}
		state := "○ " + t.NotReviewed
		if p.Review != nil {
			state = outcomeSymbol(p.Review.Outcome) + " " + t.Outcomes[p.Review.Outcome]
			if p.Review.Comment != "" {
				state += " – " + p.Review.Comment
			}
		}
		marker := "  "
		if i == s.cursor {
			marker = "▶ "
		}
		block := wrapIndent(fmt.Sprintf("%s%s: %s", marker, name, p.Action), s.width, 4)
		heads = append(heads, len(block))
		detail := "    " + state
		if p.Indicator != "" {
			// Figures next to a practice's name only with its consent at
			// this meeting.
			if _, ok := s.meeting.Consents[p.Ydernummer]; ok {
				fmtV := func(v *float64) string {
					if v == nil {
						return "–"
					}
					return formatValue(t.Lang, *v, r.unit, strs.Units)
				}
				detail += fmt.Sprintf(" · ▤ %s: %s → %s", p.Indicator, fmtV(r.before), fmtV(r.after))
			} else {
				detail += " · ▤ " + p.Indicator + " (" + t.FiguresNeedConsent + ")"
			}
		}
		block = append(block, wrapIndent(detail, s.width, 4)...)
		blocks = append(blocks, block)
	}
	_, first, last := blockWindow(blocks, cursor-lo, room)
	var shown []string
	for i := first; i <= last; i++ {
		style := st.Text
		if lo+i == s.cursor {
			style = st.Selected
		}
		for j, l := range blocks[i] {
			if j >= heads[i] {
				style = st.Text
			}
			shown = append(shown, style.Render(l))
		}
	}
	if len(shown) > room {
		shown = shown[:room]
	}
	lines = append(lines, shown...)
	if len(blocks) > 0 {
		first, last = lo+first, lo+last
	}
	if pos := blockPosition(t, first, last, len(s.rows)); pos != "" {
		for len(lines) < s.height-1 {
			lines = append(lines, "")
		}
		lines = append(lines, st.Muted.Render(pos))
	}
	return strings.Join(lines, "\n")
}

func outcomeSymbol(o meeting.ReviewOutcome) string {
	switch o {
	case meeting.OutcomeDone:
		return "✓"
	case meeting.OutcomePartly:
		return "◐"
	case meeting.OutcomeNotDone:
		return "✗"
	}
	return "–"
}

// ShortHelp is the footer's key list.
func (s *followUpScreen) ShortHelp() []key.Binding {
	k := s.common.Keys
	return []key.Binding{k.Back, k.Up, k.Down, k.OutcomeDone, k.OutcomePartly, k.OutcomeNotDone, k.OutcomeDropped}
}

// FullHelp is the help overlay's key list.
func (s *followUpScreen) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }
