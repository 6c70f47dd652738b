package tui

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/klynge/klynge/meeting"
)

// decisionScreen lists what the cluster decided at this meeting, each with
// its item and show of hands, and the cluster's standing rules in force,
// from every meeting's decisions. It is projected: decisions hold no
// figures and no names.
type decisionScreen struct {
	common  *Common
	meeting meeting.Meeting
	// meetings are the cluster's meetings, for the rules in force.
	meetings []meeting.Meeting
	// item is the agenda item a new decision is made on: the one shown
	// when the screen was opened.
	item   int
	cursor int
	width  int
	height int
}

func newDecisionScreen(c *Common) *decisionScreen { return &decisionScreen{common: c} }

func (s *decisionScreen) setMeeting(m meeting.Meeting) {
	s.meeting = m
	s.cursor = max(0, min(s.cursor, len(m.Decisions)-1))
}

// SetSize sets the body area.
func (s *decisionScreen) SetSize(width, height int) { s.width, s.height = width, height }

// Update moves the cursor, and adds, edits and deletes decisions; every
// change goes through the root's write queue.
func (s *decisionScreen) Update(msg tea.Msg) ([]tea.Msg, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil, nil
	}
	keys := s.common.Keys
	ds := s.common.planned().Decisions
	switch {
	case key.Matches(k, keys.Back):
		return []tea.Msg{backMsg{}}, nil
	case key.Matches(k, keys.Down):
		s.cursor = min(len(ds)-1, s.cursor+1)
	case key.Matches(k, keys.Up):
		s.cursor = max(0, s.cursor-1)
	case key.Matches(k, keys.AddDecision) && len(s.meeting.Items) > 0:
		it := s.meeting.Items[max(0, min(s.item, len(s.meeting.Items)-1))]
		return []tea.Msg{openFormMsg{formRequest{kind: formDecision, decision: meeting.Decision{ItemID: it.ID, ItemTitle: it.Title}}}}, nil
	case key.Matches(k, keys.EditDecision) && s.cursor < len(ds):
		return []tea.Msg{openFormMsg{formRequest{kind: formDecision, decision: ds[s.cursor]}}}, nil
	case key.Matches(k, keys.DeleteDecision) && s.cursor < len(ds) && ds[s.cursor].ID != 0:
		return []tea.Msg{write(deleteDecisionChange(s.common, ds[s.cursor]))}, nil
	}
	return nil, nil
}

// decisionChange saves d (new when its ID is 0).
func decisionChange(c *Common, d meeting.Decision) *change {
	t := c.Text
	return &change{what: d.Text, at: c.Clock.Now(),
		op: func(mt meeting.Meeting, _ time.Time) (meeting.Meeting, error) { return mt.WithDecision(d) },
		commit: func(ctx context.Context, st Store, _, after meeting.Meeting) (meeting.Meeting, tea.Msg, error) {
			i := slices.IndexFunc(after.Decisions, func(o meeting.Decision) bool { return o.ID == d.ID })
			if d.ID == 0 {
				i = len(after.Decisions) - 1 // WithDecision appends a new one
			}
			saved, err := st.SaveDecision(ctx, after.Decisions[i])
			if err != nil {
				return after, nil, err
			}
			after.Decisions = slices.Clone(after.Decisions)
			after.Decisions[i] = saved
			return after, nil, nil
		},
		notice: func(_, _ meeting.Meeting) string { return t.T("tui.NoticeDecision") },
	}
}

func deleteDecisionChange(c *Common, d meeting.Decision) change {
	t := c.Text
	return change{what: d.Text, at: c.Clock.Now(),
		op: func(mt meeting.Meeting, _ time.Time) (meeting.Meeting, error) { return mt.WithoutDecision(d.ID) },
		commit: func(ctx context.Context, st Store, _, after meeting.Meeting) (meeting.Meeting, tea.Msg, error) {
			return after, nil, st.DeleteDecision(ctx, after.ID, d.ID)
		},
		notice: func(_, _ meeting.Meeting) string { return t.T("tui.NoticeDecisionDeleted") },
	}
}

// voteText words a decision's show of hands: "enstemmigt" or
// "for 12 · imod 3 · undlader 1", and whether it was carried.
func voteText(t Text, d meeting.Decision) string {
	if d.Unanimous {
		return t.T("tui.VoteUnanimous")
	}
	out := t.T("tui.VoteCounts", d.For, d.Against, d.Abstain)
	if !d.Adopted() {
		out += " · " + t.T("tui.VoteRejected")
	}
	return out
}

// View lists the meeting's decisions as blocks, then the rules in force.
func (s *decisionScreen) View() string {
	c := s.common
	st := c.Styles
	t := c.Text
	m := c.planned()
	lines := []string{st.Title.Render(t.T("tui.DecisionsTitle", len(m.Decisions))), ""}
	if len(m.Decisions) == 0 {
		lines = append(lines, st.Text.Render(t.T("tui.NoDecisions")))
	}
	var blocks [][]string
	for i, d := range m.Decisions {
		marker, style := "  ", st.Text
		if i == s.cursor {
			marker, style = "▶ ", st.Selected
		}
		var block []string
		for _, l := range wrapIndent(marker+"• "+d.Text, s.width, 4) {
			block = append(block, style.Render(l))
		}
		detail := []string{t.T("tui.DecisionItem", d.ItemTitle), voteText(t, d)}
		if d.Rule != "" {
			detail = append(detail, t.T("tui.DecisionRule", d.Rule))
		}
		for _, l := range wrapIndent("    "+strings.Join(detail, " · "), s.width, 4) {
			block = append(block, st.Muted.Render(l))
		}
		blocks = append(blocks, block)
	}
	rules := meeting.RulesInForce(meeting.ClusterDecisions(s.meetings, m))
	var ruleLines []string
	if len(rules) > 0 {
		ruleLines = append(ruleLines, "", st.Heading.Render(t.T("tui.RulesInForce")))
		for _, r := range rules {
			// A rule is read aloud as it stands: wrapped, never cut.
			for _, l := range wrapIndent("  "+r.Rule+": "+r.Text+" ("+t.Date(r.MeetingDate)+")", s.width, 4) {
				ruleLines = append(ruleLines, st.Text.Render(l))
			}
		}
	}
	room := max(1, s.height-len(lines)-len(ruleLines)-1)
	if len(ruleLines) > s.height/2 {
		ruleLines = ruleLines[:max(0, s.height/2)]
		room = max(1, s.height-len(lines)-len(ruleLines)-1)
	}
	shown, first, lastShown := blockWindow(blocks, s.cursor, room)
	lines = append(lines, shown...)
	if pos := blockPosition(t, first, lastShown, len(blocks)); pos != "" {
		lines = append(lines, st.Muted.Render(pos))
	}
	lines = append(lines, ruleLines...)
	return strings.Join(lines, "\n")
}

// ShortHelp is the footer's key list.
func (s *decisionScreen) ShortHelp() []key.Binding {
	k := s.common.Keys
	return []key.Binding{k.Back, k.AddDecision, k.EditDecision, k.DeleteDecision}
}

// FullHelp is the help overlay's key list.
func (s *decisionScreen) FullHelp() [][]key.Binding {
	k := s.common.Keys
	return [][]key.Binding{{k.Up, k.Down, k.AddDecision, k.EditDecision, k.DeleteDecision, k.Back}}
}

// decisionTitle is the decision form's title: the item it is made on.
func decisionTitle(t Text, d meeting.Decision) string {
	return fmt.Sprintf("%s: %s", t.T("tui.DecisionTitle"), d.ItemTitle)
}
