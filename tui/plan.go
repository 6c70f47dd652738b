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

// planSavedMsg carries a planned meeting as committed.
type planSavedMsg struct{ entry meeting.PlannedMeeting }

// planDeletedMsg reports a committed delete.
type planDeletedMsg struct{ id int64 }

// planScreen is the cluster's year plan (årshjul): the planned meetings
// with date, start, place, pack or topic and host practice. "næste" in a
// due date is the next of them after the meeting (meeting.DueDate).
type planScreen struct {
	common *Common
	plan   []meeting.PlannedMeeting
	// clusterID is the cluster a new entry belongs to.
	clusterID int64
	cursor    int
	width     int
	height    int
}

func newPlanScreen(c *Common) *planScreen { return &planScreen{common: c} }

// SetSize sets the body area.
func (s *planScreen) SetSize(width, height int) { s.width, s.height = width, height }

func (s *planScreen) setPlan(plan []meeting.PlannedMeeting) {
	s.plan = meeting.SortPlan(plan)
	s.cursor = max(0, min(s.cursor, len(s.plan)-1))
}

// Update moves the cursor and asks for the plan form or a delete.
func (s *planScreen) Update(msg tea.Msg) ([]tea.Msg, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil, nil
	}
	keys := s.common.Keys
	switch {
	case key.Matches(k, keys.Back):
		return []tea.Msg{backMsg{}}, nil
	case key.Matches(k, keys.Down):
		s.cursor = min(len(s.plan)-1, s.cursor+1)
	case key.Matches(k, keys.Up):
		s.cursor = max(0, s.cursor-1)
	case key.Matches(k, keys.AddPlan):
		return []tea.Msg{openFormMsg{formRequest{kind: formPlan, planned: meeting.PlannedMeeting{ClusterID: s.clusterID}}}}, nil
	case key.Matches(k, keys.EditPlan) && s.cursor < len(s.plan):
		return []tea.Msg{openFormMsg{formRequest{kind: formPlan, planned: s.plan[s.cursor]}}}, nil
	case key.Matches(k, keys.DeletePlan) && s.cursor < len(s.plan):
		return []tea.Msg{write(deletePlanChange(s.common, s.plan[s.cursor]))}, nil
	}
	return nil, nil
}

// planChange saves entry p.
func planChange(c *Common, p meeting.PlannedMeeting) *change {
	t := c.Text
	return &change{what: t.T("tui.PlanWhat", p.Start.Format("02-01-2006")), at: c.Clock.Now(),
		commit: func(ctx context.Context, st Store, before, _ meeting.Meeting) (meeting.Meeting, tea.Msg, error) {
			saved, err := st.SavePlanned(ctx, p)
			if err != nil {
				return before, nil, err
			}
			return before, planSavedMsg{saved}, nil
		},
		notice: func(_, _ meeting.Meeting) string { return t.T("tui.NoticePlanSaved") },
	}
}

func deletePlanChange(c *Common, p meeting.PlannedMeeting) change {
	t := c.Text
	return change{what: t.T("tui.PlanWhat", p.Start.Format("02-01-2006")), at: c.Clock.Now(),
		commit: func(ctx context.Context, st Store, before, _ meeting.Meeting) (meeting.Meeting, tea.Msg, error) {
			if err := st.DeletePlanned(ctx, p.ClusterID, p.ID); err != nil {
				return before, nil, err
			}
			return before, planDeletedMsg{p.ID}, nil
		},
		notice: func(_, _ meeting.Meeting) string { return t.T("tui.NoticePlanDeleted") },
	}
}

// applyPlanMsg updates a plan list with a committed save or delete.
func applyPlanMsg(plan []meeting.PlannedMeeting, msg tea.Msg) []meeting.PlannedMeeting {
	plan = slices.Clone(plan)
	switch msg := msg.(type) {
	case planSavedMsg:
		if i := slices.IndexFunc(plan, func(p meeting.PlannedMeeting) bool { return p.ID == msg.entry.ID }); i >= 0 {
			plan[i] = msg.entry
		} else {
			plan = append(plan, msg.entry)
		}
	case planDeletedMsg:
		plan = slices.DeleteFunc(plan, func(p meeting.PlannedMeeting) bool { return p.ID == msg.id })
	}
	return meeting.SortPlan(plan)
}

// View lists the plan as a table; on a narrow screen place and host go on
// a second line under the date.
func (s *planScreen) View() string {
	c := s.common
	st := c.Styles
	t := c.Text
	lines := []string{st.Title.Render(t.T("tui.PlanTitle", len(s.plan))), ""}
	if len(s.plan) == 0 {
		lines = append(lines, st.Text.Width(max(20, s.width-2)).Render(t.T("tui.PlanEmpty")))
		return strings.Join(lines, "\n")
	}
	wide := s.width >= 120
	if wide {
		lines = append(lines, st.Heading.Render(fmt.Sprintf("  %-22s %-6s %-30s %-34s %s", t.T("tui.PlanColDate"), t.T("tui.PlanColStart"),
			t.T("tui.PlanColPlace"), t.T("tui.PlanColTopic"), t.T("tui.PlanColHost"))))
	}
	var blocks [][]string
	for i, p := range s.plan {
		local := p.Start.In(c.Clock.Now().Location())
		marker, style := "  ", st.Text
		if i == s.cursor {
			marker, style = "▶ ", st.Selected
		}
		done := ""
		if p.MeetingID != 0 {
			done = " ✓"
		}
		var block []string
		if wide {
			row := marker + meeting.PadCells(t.Date(local), 22) + " " + meeting.PadCells(t.Clock(local), 6) + " " +
				meeting.PadCells(meeting.FitCells(p.Place, 30), 30) + " " + meeting.PadCells(meeting.FitCells(p.Topic, 34), 34) + " " + p.Host + done
			block = append(block, style.Render(truncate(row, s.width)))
		} else {
			block = append(block, style.Render(truncate(marker+t.Date(local)+" "+t.Clock(local)+" · "+p.Topic+done, s.width)))
			var extra []string
			if p.Place != "" {
				extra = append(extra, p.Place)
			}
			if p.Host != "" {
				extra = append(extra, t.T("tui.PlanHost", p.Host))
			}
			if len(extra) > 0 {
				block = append(block, st.Muted.Render(truncate("    "+strings.Join(extra, " · "), s.width)))
			}
		}
		blocks = append(blocks, block)
	}
	room := max(1, s.height-len(lines)-1)
	shown, first, last := blockWindow(blocks, s.cursor, room)
	lines = append(lines, shown...)
	if pos := blockPosition(t, first, last, len(blocks)); pos != "" {
		for len(lines) < s.height-1 {
			lines = append(lines, "")
		}
		lines = append(lines, st.Muted.Render(pos))
	}
	return strings.Join(lines, "\n")
}

// ShortHelp is the footer's key list.
func (s *planScreen) ShortHelp() []key.Binding {
	k := s.common.Keys
	return []key.Binding{k.Back, k.AddPlan, k.EditPlan, k.DeletePlan}
}

// FullHelp is the help overlay's key list.
func (s *planScreen) FullHelp() [][]key.Binding {
	k := s.common.Keys
	return [][]key.Binding{{k.Up, k.Down, k.AddPlan, k.EditPlan, k.DeletePlan, k.Back}}
}

// parsePlanStart reads the plan form's date and start in loc.
func parsePlanStart(date, start string, loc *time.Location) (time.Time, bool, bool) {
	var day time.Time
	dayOK := false
	for _, layout := range []string{"02-01-2006", "2-1-2006", "02.01.2006", "2.1.2006", "2006-01-02"} {
		if d, err := time.ParseInLocation(layout, strings.TrimSpace(date), loc); err == nil {
			day, dayOK = d, true
			break
		}
	}
	hm, err := time.Parse("15:04", strings.TrimSpace(start))
	if !dayOK || err != nil {
		return time.Time{}, dayOK, err == nil
	}
	return time.Date(day.Year(), day.Month(), day.Day(), hm.Hour(), hm.Minute(), 0, 0, loc), true, true
}
