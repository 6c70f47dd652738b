package tui

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/klynge/klynge/meeting"
)

// checkinRow is one line of the list: a practice heading, a member, or a
// guest (listed by name under the guests' heading; not selectable, since
// a guest is present by being written on).
type checkinRow struct {
	practice string
	member   *meeting.Member
	guest    *meeting.Guest
}

// checkinScreen checks members in as they arrive: type part of a name, and
// enter marks the first match present. Every key press is saved before the
// screen shows the new status.
type checkinScreen struct {
	common  *Common
	meeting meeting.Meeting
	cluster meeting.Cluster
	filter  textinput.Model
	// rows are the members that match the filter, grouped by practice.
	rows   []checkinRow
	cursor int // index into rows; always a member row when there is one
	width  int
	height int
}

func newCheckinScreen(c *Common) *checkinScreen {
	f := textinput.New()
	f.Prompt = "› "
	f.Placeholder = c.Text.FilterHint
	// No name or practice is longer, so a longer search matches nothing;
	// a pasted page of text would otherwise be folded and compared with
	// every name at each key, half a second a key at 100,000 characters.
	f.CharLimit = max(meeting.TextName.MaxLen(), meeting.TextPracticeName.MaxLen())
	f.Focus()
	return &checkinScreen{common: c, filter: f}
}

func (s *checkinScreen) setMeeting(m meeting.Meeting, c meeting.Cluster) {
	s.meeting, s.cluster = m, c
	s.refilter()
}

// SetSize sets the body area.
func (s *checkinScreen) SetSize(width, height int) {
	s.width, s.height = width, height
	s.filter.Width = max(10, width-20)
}

// typing reports that letters go to the filter.
func (s *checkinScreen) typing() bool { return true }

// refilter lists the members who can attend this meeting (ActiveOn its
// date) that the filter names.
func (s *checkinScreen) refilter() {
	var selected int64
	if m := s.selected(); m != nil {
		selected = m.ID
	}
	practices := append([]meeting.Practice(nil), s.cluster.Practices...)
	sort.Slice(practices, func(i, j int) bool { return s.common.nameLess(practices[i].Name, practices[j].Name) })
	s.rows = s.rows[:0]
	for _, p := range practices {
		var members []checkinRow
		for i := range p.Members {
			mem := &p.Members[i]
			if !mem.ActiveOn(s.meeting.PlannedStart) {
				continue
			}
			if meeting.MatchesFilter(s.filter.Value(), mem.Name, p.Name) {
				members = append(members, checkinRow{practice: p.Name, member: mem})
			}
		}
		if len(members) > 0 {
			s.rows = append(s.rows, checkinRow{practice: p.Name})
			s.rows = append(s.rows, members...)
		}
	}
	var guests []checkinRow
	for i := range s.meeting.Guests {
		g := &s.meeting.Guests[i]
		if meeting.MatchesFilter(s.filter.Value(), g.Name, g.Role) {
			guests = append(guests, checkinRow{guest: g})
		}
	}
	if len(guests) > 0 {
		s.rows = append(s.rows, checkinRow{practice: s.common.Text.Guests})
		s.rows = append(s.rows, guests...)
	}
	s.cursor = 0
	for i, r := range s.rows {
		if r.member != nil && (s.cursor == 0 || r.member.ID == selected) {
			if s.rows[s.cursor].member == nil || r.member.ID == selected {
				s.cursor = i
			}
		}
	}
}

func (s *checkinScreen) selected() *meeting.Member {
	if s.cursor < 0 || s.cursor >= len(s.rows) {
		return nil
	}
	return s.rows[s.cursor].member
}

func (s *checkinScreen) move(delta int) {
	for i := s.cursor + delta; i >= 0 && i < len(s.rows); i += delta {
		if s.rows[i].member != nil {
			s.cursor = i
			return
		}
	}
}

// Update filters as the coordinator types and turns the status keys into
// check-ins for the selected member.
func (s *checkinScreen) Update(msg tea.Msg) ([]tea.Msg, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil, nil
	}
	keys := s.common.Keys
	statuses := []struct {
		b      key.Binding
		status meeting.AttendanceStatus
	}{
		{keys.Present, meeting.StatusPresent}, {keys.Apologies, meeting.StatusApologies},
		{keys.Absent, meeting.StatusAbsent}, {keys.Late, meeting.StatusLate},
		{keys.LeftEarly, meeting.StatusLeftEarly}, {keys.ClearStatus, meeting.StatusNotChecked},
	}
	for _, st := range statuses {
		if key.Matches(k, st.b) {
			mem := s.selected()
			if mem == nil {
				return nil, nil
			}
			a := meeting.Attendance{MemberID: mem.ID, Status: st.status, At: s.common.Clock.Now()}
			out := []tea.Msg{write(checkinChange(s.common, a, mem.Name))}
			if st.status == meeting.StatusApologies {
				// The reason is asked at once; the apologies are queued
				// whether or not one is given.
				out = append(out, openFormMsg{formRequest{kind: formReason, member: *mem}})
			}
			// The next arrival starts from an empty filter.
			s.filter.SetValue("")
			s.refilter()
			return out, nil
		}
	}
	switch {
	case key.Matches(k, keys.Cancel):
		return []tea.Msg{backMsg{}}, nil
	case key.Matches(k, keys.History):
		return []tea.Msg{showMsg{screenHistory}}, nil
	case key.Matches(k, keys.ArrowUp):
		s.move(-1)
		return nil, nil
	case key.Matches(k, keys.ArrowDown):
		s.move(1)
		return nil, nil
	case key.Matches(k, keys.Guest):
		return []tea.Msg{openFormMsg{formRequest{kind: formGuest}}}, nil
	case key.Matches(k, keys.NewMember):
		return []tea.Msg{openFormMsg{formRequest{kind: formNewMember}}}, nil
	case key.Matches(k, keys.EditMember):
		if mem := s.selected(); mem != nil {
			return []tea.Msg{openFormMsg{formRequest{kind: formEditMember, member: *mem}}}, nil
		}
		return nil, nil
	case key.Matches(k, keys.Retire):
		if mem := s.selected(); mem != nil {
			return []tea.Msg{openFormMsg{formRequest{kind: formRetire, member: *mem}}}, nil
		}
		return nil, nil
	}
	before := s.filter.Value()
	var cmd tea.Cmd
	s.filter, cmd = s.filter.Update(cleanKey(k, meeting.TextName))
	if s.filter.Value() != before {
		s.refilter()
	}
	return nil, cmd
}

// checkinChange records a, keeping a reason already given unless a sets
// one.
func checkinChange(c *Common, a meeting.Attendance, name string) change {
	t := c.Text
	word := t.StatusWords[a.Status]
	if a.Status == meeting.StatusNotChecked {
		word = t.KeyClearStatus
	}
	what := fmt.Sprintf(t.NoticeCheckin, name, word)
	return change{
		what: what,
		at:   a.At,
		op: func(mt meeting.Meeting, _ time.Time) (meeting.Meeting, error) {
			return mt.WithAttendance(a), nil
		},
		commit: func(ctx context.Context, st Store, _, after meeting.Meeting) (meeting.Meeting, tea.Msg, error) {
			return after, nil, st.RecordAttendance(ctx, after.ID, a)
		},
		notice: func(_, _ meeting.Meeting) string { return what },
	}
}

// counts are the numbers the room asks about: doctors present, practices
// represented, apologies.
func (s *checkinScreen) counts() (present, practices, apologies int) {
	byPractice := map[string]bool{}
	for _, p := range s.cluster.Practices {
		for _, mem := range p.Members {
			a, ok := s.meeting.Attendance[mem.ID]
			if !ok {
				continue
			}
			if a.Status.Attended() {
				present++
				byPractice[p.Ydernummer] = true
			}
			if a.Status == meeting.StatusApologies {
				apologies++
			}
		}
	}
	return present, len(byPractice), apologies
}

// View shows the filter, the counts and the matching members with their
// status, as a symbol and a word so it reads without colour.
func (s *checkinScreen) View() string {
	c := s.common
	st := c.Styles
	t := c.Text
	present, practices, apologies := s.counts()
	counts := t.T("tui.CheckinCounts", present, practices, apologies, len(s.meeting.Guests))
	lines := []string{
		spread(st.Title.Render(t.CheckinTitle), st.Heading.Render(counts), s.width),
		s.filter.View(),
		"",
	}
	if len(s.rows) == 0 {
		lines = append(lines, st.Text.Render(t.NoMatch))
	}
	// Each row is a block: a long reason wraps under the status instead
	// of being cut at 80 columns.
	blocks := make([][]string, len(s.rows))
	for i, r := range s.rows {
		if r.guest != nil {
			line := "    " + cellsLeft(r.guest.Name, 32) + " ✓ " + t.GuestWord
			if r.guest.Role != "" {
				line += " – " + r.guest.Role
			}
			for _, l := range wrapIndent(line, s.width, 38) {
				blocks[i] = append(blocks[i], st.Text.Render(l))
			}
			continue
		}
		if r.member == nil {
			blocks[i] = []string{st.Heading.Render(truncate(r.practice, s.width))}
			continue
		}
		a := s.meeting.Attendance[r.member.ID]
		state := attendanceSymbol(a.Status) + " " + t.StatusWords[a.Status]
		if !a.At.IsZero() && a.Status != meeting.StatusNotChecked {
			state += " " + t.Clock(a.At.Local())
		}
		if a.Reason != "" {
			state += " – " + a.Reason
		}
		marker := "  "
		style := st.Text
		if i == s.cursor {
			marker, style = "▶ ", st.Selected
		}
		for _, l := range wrapIndent(fmt.Sprintf("%s  %s %s", marker, cellsLeft(r.member.Name, 32), state), s.width, 38) {
			blocks[i] = append(blocks[i], style.Render(padRight(l, s.width)))
		}
	}
	room := max(1, s.height-len(lines))
	shown, first, last := blockWindow(blocks, s.cursor, room)
	if first == 0 && last == len(blocks)-1 {
		return strings.Join(append(lines, shown...), "\n")
	}
	// The list scrolls: the last line says where it stands, counting
	// doctors and guests (not the practices' headings).
	shown, first, last = blockWindow(blocks, s.cursor, max(1, room-1))
	// A practice's name with none of its doctors under it waits for the
	// next page.
	for last > first && last != s.cursor && s.rows[last].member == nil && s.rows[last].guest == nil {
		shown = shown[:max(0, len(shown)-len(blocks[last]))]
		last--
	}
	people, from, to := 0, -1, -1
	for i, r := range s.rows {
		if r.member == nil && r.guest == nil {
			continue
		}
		if i >= first && from < 0 {
			from = people
		}
		if i <= last {
			to = people
		}
		people++
	}
	lines = append(lines, shown...)
	for len(lines) < s.height-1 {
		lines = append(lines, "")
	}
	lines = append(lines, st.Muted.Render(blockPosition(t, max(0, from), max(0, to), people)))
	return strings.Join(lines, "\n")
}

// attendanceSymbol marks a status without colour.
func attendanceSymbol(s meeting.AttendanceStatus) string {
	switch s {
	case meeting.StatusPresent:
		return "✓"
	case meeting.StatusApologies:
		return "✉"
	case meeting.StatusAbsent:
		return "✗"
	case meeting.StatusLate:
		return "↘"
	case meeting.StatusLeftEarly:
		return "↗"
	}
	return "·"
}

// ShortHelp is the footer's key list.
func (s *checkinScreen) ShortHelp() []key.Binding {
	k := s.common.Keys
	return []key.Binding{k.Cancel, k.Present, k.Apologies, k.Absent, k.Late, k.LeftEarly, k.ClearStatus, k.Guest, k.History}
}

// FullHelp is the help overlay's key list.
func (s *checkinScreen) FullHelp() [][]key.Binding {
	k := s.common.Keys
	return [][]key.Binding{
		{k.ArrowUp, k.ArrowDown, k.Present, k.Apologies, k.Absent, k.Late, k.LeftEarly, k.ClearStatus},
		{k.Guest, k.NewMember, k.EditMember, k.Retire, k.History, k.Cancel},
	}
}
