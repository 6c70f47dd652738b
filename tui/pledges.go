package tui

import (
	"fmt"
	"sort"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/klynge/klynge/meeting"
)

// pledgeKeys are the pledge screen's keys.
type pledgeKeys struct {
	Add    key.Binding
	Edit   key.Binding
	Delete key.Binding
	Undo   key.Binding
}

func newPledgeKeys(t Text) pledgeKeys {
	return pledgeKeys{
		Add:    key.NewBinding(key.WithKeys("a"), key.WithHelp("a", t.KeyAddPledge)),
		Edit:   key.NewBinding(key.WithKeys("e"), key.WithHelp("e", t.KeyEditPledge)),
		Delete: key.NewBinding(key.WithKeys("x"), key.WithHelp("x", t.KeyDeletePledge)),
		Undo:   key.NewBinding(key.WithKeys("u"), key.WithHelp("u", t.KeyUndo)),
	}
}

// pledgesMsg carries the meeting's pledges as stored.
type pledgesMsg struct {
	pledges []meeting.Pledge
	notice  string
	// deleted is the pledge the last delete removed, for undo.
	deleted int64
}

// pledgeScreen is the growing list of what each practice will change,
// shown on the projector in plenum: names are fine here, figures are not.
type pledgeScreen struct {
	common  *Common
	meeting meeting.Meeting
	cluster meeting.Cluster
	keys    pledgeKeys
	pledges []meeting.Pledge
	cursor  int
	// lastDeleted is what u restores.
	lastDeleted int64
	width       int
	height      int
	form        *formRequest
	cmd         tea.Cmd
}

func newPledgeScreen(c *Common) *pledgeScreen {
	return &pledgeScreen{common: c, keys: newPledgeKeys(c.Text)}
}

func (s *pledgeScreen) setMeeting(m meeting.Meeting, c meeting.Cluster) { s.meeting, s.cluster = m, c }

// load reads the meeting's pledges.
func (s *pledgeScreen) load(notice string, deleted int64) tea.Cmd {
	c := s.common
	id := s.meeting.ID
	return func() tea.Msg {
		ps, err := c.Store.Pledges(c.Ctx, id)
		if err != nil {
			return errMsg{err}
		}
		return pledgesMsg{pledges: ps, notice: notice, deleted: deleted}
	}
}

// SetSize sets the body area.
func (s *pledgeScreen) SetSize(width, height int) { s.width, s.height = width, height }

// Init does nothing.
func (s *pledgeScreen) Init() tea.Cmd { return nil }

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

// Update adds, edits, deletes and restores pledges.
func (s *pledgeScreen) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case pledgesMsg:
		s.pledges = msg.pledges
		if msg.deleted != 0 {
			s.lastDeleted = msg.deleted
		}
		s.cursor = max(0, min(s.cursor, len(s.pledges)-1))
		return s, nil
	case tea.KeyMsg:
		keys := s.keys
		ps := s.ordered()
		switch {
		case key.Matches(msg, s.common.Keys.Down):
			s.cursor = min(len(ps)-1, s.cursor+1)
		case key.Matches(msg, s.common.Keys.Up):
			s.cursor = max(0, s.cursor-1)
		case key.Matches(msg, keys.Add):
			s.form = &formRequest{kind: formPledge}
		case key.Matches(msg, keys.Edit) && len(ps) > 0:
			s.form = &formRequest{kind: formPledge, pledge: ps[s.cursor]}
		case key.Matches(msg, keys.Delete) && len(ps) > 0:
			return s, s.delete(ps[s.cursor])
		case key.Matches(msg, keys.Undo) && s.lastDeleted != 0:
			return s, s.restore(s.lastDeleted)
		}
	}
	return s, nil
}

func (s *pledgeScreen) delete(p meeting.Pledge) tea.Cmd {
	c := s.common
	return func() tea.Msg {
		if _, err := c.Store.DeletePledge(c.Ctx, p.ID, c.Clock.Now()); err != nil {
			return errMsg{err}
		}
		ps, err := c.Store.Pledges(c.Ctx, p.MeetingID)
		if err != nil {
			return errMsg{err}
		}
		return pledgesMsg{pledges: ps, notice: c.Text.NoticePledgeDeleted, deleted: p.ID}
	}
}

func (s *pledgeScreen) restore(id int64) tea.Cmd {
	c := s.common
	mid := s.meeting.ID
	s.lastDeleted = 0
	return func() tea.Msg {
		if _, err := c.Store.RestorePledge(c.Ctx, id); err != nil {
			return errMsg{err}
		}
		ps, err := c.Store.Pledges(c.Ctx, mid)
		if err != nil {
			return errMsg{err}
		}
		return pledgesMsg{pledges: ps, notice: c.Text.NoticePledgeRestored}
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
	var rows []string
	cursorRow := 0
	last := ""
	for i, p := range ps {
		name := s.practiceName(p.Ydernummer)
		if name != last {
			rows = append(rows, st.Heading.Render(truncate(name, s.width)))
			last = name
		}
		line := "• " + p.Action
		var extra []string
		if p.Owner != "" {
			extra = append(extra, t.Owner+": "+p.Owner)
		}
		extra = append(extra, t.Due+" "+p.Due.Format("02-01-2006"))
		if p.Indicator != "" {
			extra = append(extra, "▤ "+p.Indicator)
		}
		line += " — " + strings.Join(extra, " · ")
		marker := "  "
		style := st.Text
		if i == s.cursor {
			marker, style = "▶ ", st.Selected
			cursorRow = len(rows)
		}
		rows = append(rows, style.Render(truncate(marker+line, s.width)))
	}
	room := max(1, s.height-len(lines))
	offset := max(0, min(cursorRow-room/2, len(rows)-room))
	lines = append(lines, rows[min(offset, len(rows)):min(len(rows), offset+room)]...)
	return strings.Join(lines, "\n")
}

// ShortHelp is the footer's key list.
func (s *pledgeScreen) ShortHelp() []key.Binding {
	k := s.keys
	b := []key.Binding{s.common.Keys.Back, k.Add, k.Edit, k.Delete}
	if s.lastDeleted != 0 {
		b = append(b, k.Undo)
	}
	return b
}

// FullHelp is the help overlay's key list.
func (s *pledgeScreen) FullHelp() [][]key.Binding {
	k := s.keys
	return [][]key.Binding{{s.common.Keys.Up, s.common.Keys.Down, k.Add, k.Edit, k.Delete, k.Undo}}
}
