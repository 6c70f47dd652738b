package tui

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/klynge/klynge/meeting"
)

// pledgesMsg carries the meeting's pledges as stored.
type pledgesMsg struct {
	pledges []meeting.Pledge
}

// pledgeScreen is the growing list of what each practice will change,
// shown on the projector in plenum: names are fine here, figures are not.
type pledgeScreen struct {
	common  *Common
	meeting meeting.Meeting
	cluster meeting.Cluster
	pledges []meeting.Pledge
	cursor  int
	// lastDeleted is what u restores.
	lastDeleted int64
	width       int
	height      int
}

func newPledgeScreen(c *Common) *pledgeScreen {
	return &pledgeScreen{common: c}
}

func (s *pledgeScreen) setMeeting(m meeting.Meeting, c meeting.Cluster) { s.meeting, s.cluster = m, c }

// load reads the meeting's pledges.
func (s *pledgeScreen) load() tea.Cmd {
	c := s.common
	id := s.meeting.ID
	return func() tea.Msg {
		ps, err := c.Store.Pledges(c.Ctx, id)
		if err != nil {
			return errMsg{err}
		}
		return pledgesMsg{pledges: ps}
	}
}

// SetSize sets the body area.
func (s *pledgeScreen) SetSize(width, height int) { s.width, s.height = width, height }

// practiceName names a practice by ydernummer.
func (s *pledgeScreen) practiceName(yd string) string {
	for _, p := range s.cluster.Practices {
		if p.Ydernummer == yd {
			return p.Name
		}
	}
	return yd
}

// ordered sorts the pledges by practice name, then as made.
func (s *pledgeScreen) ordered() []meeting.Pledge {
	ps := append([]meeting.Pledge(nil), s.pledges...)
	sort.SliceStable(ps, func(i, j int) bool {
		return s.common.nameLess(s.practiceName(ps[i].Ydernummer), s.practiceName(ps[j].Ydernummer))
	})
	return ps
}

// pledgeSavedMsg carries a pledge as committed: added, edited or
// restored.
type pledgeSavedMsg struct{ pledge meeting.Pledge }

// pledgeDeletedMsg reports a committed delete.
type pledgeDeletedMsg struct{ id int64 }

// Update adds, edits, deletes and restores pledges. A committed change
// updates the list in place; the list is read from the store only when
// the screen opens.
func (s *pledgeScreen) Update(msg tea.Msg) ([]tea.Msg, tea.Cmd) {
	switch msg := msg.(type) {
	case pledgesMsg:
		s.pledges = msg.pledges
		s.cursor = max(0, min(s.cursor, len(s.pledges)-1))
	case pledgeSavedMsg:
		i := slices.IndexFunc(s.pledges, func(p meeting.Pledge) bool { return p.ID == msg.pledge.ID })
		if i < 0 {
			s.pledges = append(s.pledges, msg.pledge)
		} else {
			s.pledges[i] = msg.pledge
		}
		if s.lastDeleted == msg.pledge.ID {
			s.lastDeleted = 0
		}
	case pledgeDeletedMsg:
		s.pledges = slices.DeleteFunc(s.pledges, func(p meeting.Pledge) bool { return p.ID == msg.id })
		s.lastDeleted = msg.id
		s.cursor = max(0, min(s.cursor, len(s.pledges)-1))
	case tea.KeyMsg:
		keys := s.common.Keys
		ps := s.ordered()
		switch {
		case key.Matches(msg, keys.Back):
			return []tea.Msg{backMsg{}}, nil
		case key.Matches(msg, keys.Down):
			s.cursor = min(len(ps)-1, s.cursor+1)
		case key.Matches(msg, keys.Up):
			s.cursor = max(0, s.cursor-1)
		case key.Matches(msg, keys.AddPledge):
			return []tea.Msg{openFormMsg{formRequest{kind: formPledge}}}, nil
		case key.Matches(msg, keys.EditPledge) && len(ps) > 0:
			return []tea.Msg{openFormMsg{formRequest{kind: formPledge, pledge: ps[s.cursor]}}}, nil
		case key.Matches(msg, keys.DeletePledge) && len(ps) > 0:
			return []tea.Msg{write(s.delete(ps[s.cursor]))}, nil
		case key.Matches(msg, keys.Undo) && s.lastDeleted != 0:
			id := s.lastDeleted
			s.lastDeleted = 0
			return []tea.Msg{write(s.restore(id))}, nil
		}
	}
	return nil, nil
}

func (s *pledgeScreen) delete(p meeting.Pledge) change {
	c := s.common
	return change{
		what: p.Action,
		at:   c.Clock.Now(),
		commit: func(ctx context.Context, st Store, before, _ meeting.Meeting) (meeting.Meeting, tea.Msg, error) {
			if _, err := st.DeletePledge(ctx, p.ID, c.Clock.Now()); err != nil {
				return before, nil, err
			}
			return before, pledgeDeletedMsg{p.ID}, nil
		},
		notice: func(_, _ meeting.Meeting) string { return c.Text.NoticePledgeDeleted },
	}
}

func (s *pledgeScreen) restore(id int64) change {
	c := s.common
	return change{
		what: c.Text.KeyUndo,
		at:   c.Clock.Now(),
		commit: func(ctx context.Context, st Store, before, _ meeting.Meeting) (meeting.Meeting, tea.Msg, error) {
			p, err := st.RestorePledge(ctx, id)
			if err != nil {
				return before, nil, err
			}
			return before, pledgeSavedMsg{p}, nil
		},
		notice: func(_, _ meeting.Meeting) string { return c.Text.NoticePledgeRestored },
	}
}

// View lists the pledges per practice, large enough for the room.
func (s *pledgeScreen) View() string {
	c := s.common
	st := c.Styles
	t := c.Text
	lines := []string{st.Title.Render(fmt.Sprintf(t.PledgesTitle, len(s.pledges))), ""}
	ps := s.ordered()
	if len(ps) == 0 {
		lines = append(lines, st.Text.Render(t.NoPledges))
	}
	// Each pledge is a block: the action wrapped, then its owner, due
	// date and indicator on a detail line, so none is cut at 80 columns.
	var blocks [][]string
	last := ""
	for i, p := range ps {
		var block []string
		name := s.practiceName(p.Ydernummer)
		if name != last {
			block = append(block, st.Heading.Render(truncate(name, s.width)))
			last = name
		}
		var extra []string
		if p.Owner != "" {
			extra = append(extra, t.Owner+": "+p.Owner)
		}
		extra = append(extra, t.Due+" "+p.Due.Format("02-01-2006"))
		if p.Indicator != "" {
			extra = append(extra, "▤ "+p.Indicator)
		}
		marker := "  "
		style := st.Text
		if i == s.cursor {
			marker, style = "▶ ", st.Selected
		}
		for _, l := range wrapIndent(marker+"• "+p.Action, s.width, 4) {
			block = append(block, style.Render(l))
		}
		for _, l := range wrapIndent("    "+strings.Join(extra, " · "), s.width, 4) {
			block = append(block, st.Muted.Render(l))
		}
		blocks = append(blocks, block)
	}
	room := max(1, s.height-len(lines)-1)
	shown, first, lastShown := blockWindow(blocks, s.cursor, room)
	lines = append(lines, shown...)
	if pos := blockPosition(t, first, lastShown, len(blocks)); pos != "" {
		for len(lines) < s.height-1 {
			lines = append(lines, "")
		}
		lines = append(lines, st.Muted.Render(pos))
	}
	return strings.Join(lines, "\n")
}

// ShortHelp is the footer's key list.
func (s *pledgeScreen) ShortHelp() []key.Binding {
	k := s.common.Keys
	b := []key.Binding{k.Back, k.AddPledge, k.EditPledge, k.DeletePledge}
	if s.lastDeleted != 0 {
		b = append(b, k.Undo)
	}
	return b
}

// FullHelp is the help overlay's key list.
func (s *pledgeScreen) FullHelp() [][]key.Binding {
	k := s.common.Keys
	return [][]key.Binding{{k.Up, k.Down, k.AddPledge, k.EditPledge, k.DeletePledge, k.Undo, k.Back}}
}
