package tui

import (
	"fmt"
	"sort"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/klynge/klynge/meeting"
)

// checkinKeys are the check-in screen's own keys. Letters go to the filter,
// so every status is on enter or a ctrl key.
type checkinKeys struct {
	Present   key.Binding
	Apologies key.Binding
	Absent    key.Binding
	Late      key.Binding
	LeftEarly key.Binding
	Clear     key.Binding
	Guest     key.Binding
	NewMember key.Binding
	Edit      key.Binding
	Retire    key.Binding
	History   key.Binding
	Up        key.Binding
	Down      key.Binding
	Back      key.Binding
}

func newCheckinKeys(t Text) checkinKeys {
	return checkinKeys{
		Present:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", t.StatusWords[meeting.StatusPresent])),
		Apologies: key.NewBinding(key.WithKeys("ctrl+a"), key.WithHelp("ctrl+a", t.StatusWords[meeting.StatusApologies])),
		Absent:    key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", t.StatusWords[meeting.StatusAbsent])),
		Late:      key.NewBinding(key.WithKeys("ctrl+l"), key.WithHelp("ctrl+l", t.StatusWords[meeting.StatusLate])),
		LeftEarly: key.NewBinding(key.WithKeys("ctrl+g"), key.WithHelp("ctrl+g", t.StatusWords[meeting.StatusLeftEarly])),
		Clear:     key.NewBinding(key.WithKeys("ctrl+x"), key.WithHelp("ctrl+x", t.KeyClearStatus)),
		Guest:     key.NewBinding(key.WithKeys("ctrl+n"), key.WithHelp("ctrl+n", t.KeyGuest)),
		NewMember: key.NewBinding(key.WithKeys("ctrl+o"), key.WithHelp("ctrl+o", t.KeyNewMember)),
		Edit:      key.NewBinding(key.WithKeys("ctrl+e"), key.WithHelp("ctrl+e", t.KeyEditMember)),
		Retire:    key.NewBinding(key.WithKeys("ctrl+r"), key.WithHelp("ctrl+r", t.KeyRetire)),
		History:   key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", t.KeyHistory)),
		Up:        key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", t.KeyUp)),
		Down:      key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", t.KeyDown)),
		Back:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", t.KeyBack)),
	}
}

// checkinRow is one line of the list: a practice heading or a member.
type checkinRow struct {
	practice string
	member   *meeting.Member
}

// checkinScreen checks members in as they arrive: type part of a name, and
// enter marks the first match present. Every key press is saved before the
// screen shows the new status.
type checkinScreen struct {
	common  *Common
	meeting meeting.Meeting
	cluster meeting.Cluster
	keys    checkinKeys
	filter  textinput.Model
	// rows are the members that match the filter, grouped by practice.
	rows   []checkinRow
	cursor int // index into rows; always a member row when there is one
	width  int
	height int
	// request is a change the root saves; form asks the root for a form.
	request *attendanceRequest
	form    *formRequest
}

// attendanceRequest is a check-in to save.
type attendanceRequest struct {
	attendance meeting.Attendance
	name       string
	// askReason opens the reason form once apologies are saved.
	askReason bool
}

func newCheckinScreen(c *Common) *checkinScreen {
	f := textinput.New()
	f.Prompt = "› "
	f.Placeholder = c.Text.FilterHint
	f.Focus()
	return &checkinScreen{common: c, keys: newCheckinKeys(c.Text), filter: f}
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

// Init does nothing.
func (s *checkinScreen) Init() tea.Cmd { return nil }

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
func (s *checkinScreen) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return s, nil
	}
	keys := s.keys
	statuses := []struct {
		b      key.Binding
		status meeting.AttendanceStatus
	}{
		{keys.Present, meeting.StatusPresent}, {keys.Apologies, meeting.StatusApologies},
		{keys.Absent, meeting.StatusAbsent}, {keys.Late, meeting.StatusLate},
		{keys.LeftEarly, meeting.StatusLeftEarly}, {keys.Clear, meeting.StatusNotChecked},
	}
	for _, st := range statuses {
		if key.Matches(k, st.b) {
			if mem := s.selected(); mem != nil {
				s.request = &attendanceRequest{
					attendance: meeting.Attendance{MemberID: mem.ID, Status: st.status, At: s.common.Clock.Now()},
					name:       mem.Name,
					askReason:  st.status == meeting.StatusApologies,
				}
				// The next arrival starts from an empty filter.
				s.filter.SetValue("")
				s.refilter()
			}
			return s, nil
		}
	}
	switch {
	case key.Matches(k, keys.Up):
		s.move(-1)
		return s, nil
	case key.Matches(k, keys.Down):
		s.move(1)
		return s, nil
	case key.Matches(k, keys.Guest):
		s.form = &formRequest{kind: formGuest}
		return s, nil
	case key.Matches(k, keys.NewMember):
		s.form = &formRequest{kind: formNewMember}
		return s, nil
	case key.Matches(k, keys.Edit):
		if mem := s.selected(); mem != nil {
			s.form = &formRequest{kind: formEditMember, member: *mem}
		}
		return s, nil
	case key.Matches(k, keys.Retire):
		if mem := s.selected(); mem != nil {
			s.form = &formRequest{kind: formRetire, member: *mem}
		}
		return s, nil
	}
	before := s.filter.Value()
	var cmd tea.Cmd
	s.filter, cmd = s.filter.Update(k)
	if s.filter.Value() != before {
		s.refilter()
	}
	return s, cmd
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
	counts := fmt.Sprintf(t.CheckinCounts, present, practices, apologies, len(s.meeting.Guests))
	lines := []string{
		spread(st.Title.Render(t.CheckinTitle), st.Heading.Render(counts), s.width),
		s.filter.View(),
		"",
	}
	rows := max(1, s.height-len(lines))
	offset := max(0, min(s.cursor-rows/2, len(s.rows)-rows))
	if len(s.rows) == 0 {
		lines = append(lines, st.Text.Render(t.NoMatch))
	}
	for i := offset; i < min(len(s.rows), offset+rows); i++ {
		r := s.rows[i]
		if r.member == nil {
			lines = append(lines, st.Heading.Render(truncate(r.practice, s.width)))
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
		if i == s.cursor {
			marker = "▶ "
		}
		row := padRight(fmt.Sprintf("%s  %-32s %s", marker, truncate(r.member.Name, 32), state), s.width)
		row = truncate(row, s.width)
		if i == s.cursor {
			lines = append(lines, st.Selected.Render(row))
		} else {
			lines = append(lines, st.Text.Render(row))
		}
	}
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
	k := s.keys
	return []key.Binding{k.Back, k.Present, k.Apologies, k.Absent, k.Late, k.LeftEarly, k.Clear, k.Guest, k.History}
}

// FullHelp is the help overlay's key list.
func (s *checkinScreen) FullHelp() [][]key.Binding {
	k := s.keys
	return [][]key.Binding{
		{k.Up, k.Down, k.Present, k.Apologies, k.Absent, k.Late, k.LeftEarly, k.Clear},
		{k.Guest, k.NewMember, k.Edit, k.Retire, k.History, k.Back},
	}
}

// saveAttendance commits a check-in and confirms it once stored.
func (s *checkinScreen) saveAttendance(r attendanceRequest) tea.Cmd {
	c := s.common
	id := s.meeting.ID
	return func() tea.Msg {
		saved, err := c.Store.SetAttendance(c.Ctx, id, r.attendance)
		if err != nil {
			return errMsg{err}
		}
		word := c.Text.StatusWords[r.attendance.Status]
		if r.attendance.Status == meeting.StatusNotChecked {
			word = c.Text.KeyClearStatus
		}
		return attendanceSavedMsg{meeting: saved, notice: fmt.Sprintf(c.Text.NoticeCheckin, r.name, word),
			askReason: r.askReason, memberID: r.attendance.MemberID, name: r.name}
	}
}

// attendanceSavedMsg reports a committed check-in.
type attendanceSavedMsg struct {
	meeting   meeting.Meeting
	notice    string
	askReason bool
	memberID  int64
	name      string
}
