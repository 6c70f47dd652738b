package tui

import (
	"context"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/klynge/klynge/meeting"
)

// Options configure a new root model.
type Options struct {
	MeetingID int64
	Store     Store
	Clock     meeting.Clock
	Renderer  *lipgloss.Renderer
	Theme     ThemeName
	Lang      string
}

type screenID int

const (
	screenAgenda screenID = iota
	screenItem
)

// Model is the root of the program: it loads the meeting, owns the header
// and footer, handles global keys and dialogs, and forwards everything else
// to the active screen.
type Model struct {
	common    *Common
	meetingID int64
	meeting   *meeting.Meeting
	agenda    *agendaScreen
	item      *itemScreen
	active    screenID
	help      help.Model
	showHelp  bool
	quitting  bool // the quit confirm is open
	err       error
	// notice confirms the last action, e.g. that the meeting started; it is
	// set only after the store has committed.
	notice string
}

// New builds the root model. It touches no disk: the meeting is loaded by
// the command Init returns.
func New(ctx context.Context, opts Options) *Model {
	text := Language(opts.Lang)
	c := &Common{
		Ctx:    ctx,
		Styles: NewStyles(opts.Renderer, opts.Theme),
		Keys:   DefaultKeyMap(text),
		Text:   text,
		Store:  opts.Store,
		Clock:  opts.Clock,
	}
	h := help.New()
	h.Styles.ShortKey = c.Styles.HelpKey
	h.Styles.ShortDesc = c.Styles.HelpDesc
	h.Styles.ShortSeparator = c.Styles.HelpSep
	h.Styles.FullKey = c.Styles.HelpKey
	h.Styles.FullDesc = c.Styles.HelpDesc
	h.Styles.FullSeparator = c.Styles.HelpSep
	h.Styles.Ellipsis = c.Styles.HelpSep
	return &Model{
		common:    c,
		meetingID: opts.MeetingID,
		agenda:    newAgendaScreen(c),
		item:      newItemScreen(c),
		help:      h,
	}
}

// Init loads the meeting and starts the clock.
func (m *Model) Init() tea.Cmd {
	return tea.Batch(loadMeeting(m.common, m.meetingID), tick(m.common.Clock))
}

// Meeting returns the meeting as last read from the store, or nil before
// it has loaded. Tests use it to check state after key presses.
func (m *Model) Meeting() *meeting.Meeting { return m.meeting }

func (m *Model) activeScreen() Screen {
	if m.active == screenItem {
		return m.item
	}
	return m.agenda
}

// Update handles window size, ticks, store results, global keys and
// dialogs, then forwards to the active screen.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.common.Width, m.common.Height = msg.Width, msg.Height
		m.help.Width = msg.Width
		bodyW, bodyH := m.bodySize()
		m.agenda.SetSize(bodyW, bodyH)
		m.item.SetSize(bodyW, bodyH)
		return m, nil
	case tickMsg:
		return m, tick(m.common.Clock)
	case meetingMsg:
		m.setMeeting(msg.meeting)
		return m, nil
	case startedMsg:
		m.setMeeting(msg.meeting)
		m.notice = fmt.Sprintf(m.common.Text.StartedAt, m.common.Text.Clock(msg.meeting.Started.Local()))
		return m, nil
	case errMsg:
		m.err = msg.err
		return m, nil
	case tea.KeyMsg:
		// Keys typed faster than the program reads them (or held down)
		// arrive as one message with several runes; each is its own key
		// press, so none is lost.
		if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste {
			cmds := make([]tea.Cmd, 0, len(msg.Runes))
			for _, r := range msg.Runes {
				_, cmd := m.handleKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt})
				cmds = append(cmds, cmd)
			}
			return m, tea.Sequence(cmds...)
		}
		return m.handleKey(msg)
	}
	_, cmd := m.activeScreen().Update(msg)
	return m, cmd
}

func (m *Model) setMeeting(mt meeting.Meeting) {
	m.meeting = &mt
	m.agenda.setMeeting(mt)
	m.item.setMeeting(mt)
}

func (m *Model) handleKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	keys := m.common.Keys
	// Any key dismisses an error or a notice; the key itself then acts.
	m.err = nil
	m.notice = ""
	if m.quitting {
		switch {
		case key.Matches(msg, keys.Yes):
			return m, tea.Quit
		case key.Matches(msg, keys.No), key.Matches(msg, keys.Quit):
			m.quitting = false
		}
		return m, nil
	}
	if m.showHelp {
		m.showHelp = false
		return m, nil
	}
	switch {
	case key.Matches(msg, keys.Quit):
		if m.meeting != nil && m.meeting.UnderWay() {
			m.quitting = true
			return m, nil
		}
		return m, tea.Quit
	case key.Matches(msg, keys.Help):
		m.showHelp = true
		return m, nil
	}
	if m.meeting == nil {
		return m, nil
	}
	// Switching screens happens here, at once, so keys typed right after
	// enter or esc reach the screen the coordinator now sees.
	switch {
	case m.active == screenAgenda && key.Matches(msg, keys.Open):
		m.item.open(m.agenda.cursor)
		m.active = screenItem
		return m, nil
	case m.active == screenItem && key.Matches(msg, keys.Back):
		m.agenda.selectItem(m.item.index)
		m.active = screenAgenda
		return m, nil
	}
	_, cmd := m.activeScreen().Update(msg)
	return m, cmd
}

const (
	headerLines = 3
	footerLines = 2
)

func (m *Model) bodySize() (int, int) {
	return m.common.Width, max(0, m.common.Height-headerLines-footerLines)
}

// View draws header, body and footer, or a request for a larger window.
func (m *Model) View() string {
	c := m.common
	if c.Width == 0 {
		return ""
	}
	if c.Width < MinWidth || c.Height < MinHeight {
		msg := fmt.Sprintf(c.Text.TooSmall, MinWidth, MinHeight, c.Width, c.Height)
		return lipgloss.Place(c.Width, c.Height, lipgloss.Center, lipgloss.Center,
			c.Styles.Warning.Width(max(10, c.Width-2)).Align(lipgloss.Center).Render(msg))
	}
	_, bodyH := m.bodySize()
	var body string
	switch {
	case m.meeting == nil && m.err != nil:
		body = c.Styles.Error.Render(c.Text.ErrorPrefix + ": " + meeting.ErrorMessage(m.err))
	case m.meeting == nil:
		body = c.Styles.Text.Render(c.Text.Loading)
	case m.quitting:
		body = m.quitDialog(bodyH)
	case m.showHelp:
		body = m.helpOverlay(bodyH)
	default:
		body = m.activeScreen().View()
	}
	body = lipgloss.NewStyle().Height(bodyH).MaxHeight(bodyH).Render(body)
	return lipgloss.JoinVertical(lipgloss.Left, m.header(), body, m.footer())
}

func (m *Model) header() string {
	c := m.common
	s := c.Styles
	now := c.Clock.Now()
	right := s.Clock.Render(c.Text.Date(now) + "  " + now.Format("15:04:05"))
	title := c.Text.Loading
	status := ""
	if m.meeting != nil {
		title = m.meeting.Title
		status = m.statusLine()
	}
	titleW := max(0, c.Width-lipgloss.Width(right)-2)
	left := s.Title.Render(truncate(title, titleW))
	gap := strings.Repeat(" ", max(1, c.Width-lipgloss.Width(left)-lipgloss.Width(right)))
	line1 := left + gap + right
	line2 := s.Status.Render(truncate(status, c.Width))
	line3 := s.Divider.Render(strings.Repeat("━", c.Width))
	return lipgloss.JoinVertical(lipgloss.Left, line1, line2, line3)
}

func (m *Model) statusLine() string {
	c := m.common
	mt := m.meeting
	t := c.Text
	parts := []string{
		fmt.Sprintf("%s %s–%s (%d %s)", t.Planned, t.Clock(mt.PlannedStart.Local()), t.Clock(mt.PlannedEnd.Local()),
			mt.Pack.PlannedMinutes(), t.MinutesShort),
	}
	if mt.UnderWay() {
		parts = append(parts, fmt.Sprintf(t.StartedAt, t.Clock(mt.Started.Local())))
	} else {
		parts = append(parts, t.NotStarted)
	}
	if m.active == screenItem {
		parts = append([]string{fmt.Sprintf(t.ItemOf, m.item.index+1, len(mt.Pack.Agenda))}, parts...)
	} else {
		parts = append([]string{t.Agenda}, parts...)
	}
	return strings.Join(parts, " · ")
}

func (m *Model) footer() string {
	c := m.common
	var line string
	switch {
	case m.err != nil && m.meeting != nil:
		line = c.Styles.Error.Render(truncate("✗ "+c.Text.ErrorPrefix+": "+meeting.ErrorMessage(m.err), c.Width))
	case m.notice != "":
		line = c.Styles.Attention.Render(truncate("✓ "+m.notice, c.Width))
	}
	var keys help.KeyMap = m.activeScreen()
	if m.quitting {
		keys = quitKeys{c.Keys}
	}
	return lipgloss.JoinVertical(lipgloss.Left, line, m.help.ShortHelpView(keys.ShortHelp()))
}

func (m *Model) quitDialog(height int) string {
	c := m.common
	content := lipgloss.JoinVertical(lipgloss.Left,
		c.Styles.Heading.Render(c.Text.QuitTitle), "",
		c.Styles.Text.Width(min(60, c.Width-10)).Render(c.Text.QuitBody), "",
		m.help.ShortHelpView([]key.Binding{c.Keys.Yes, c.Keys.No}))
	return lipgloss.Place(c.Width, height, lipgloss.Center, lipgloss.Center, c.Styles.Dialog.Render(content))
}

func (m *Model) helpOverlay(height int) string {
	c := m.common
	full := m.help.FullHelpView(m.activeScreen().FullHelp())
	content := lipgloss.JoinVertical(lipgloss.Left, c.Styles.Heading.Render(c.Text.HelpTitle), "", full)
	return lipgloss.Place(c.Width, height, lipgloss.Center, lipgloss.Center, c.Styles.Overlay.Render(content))
}

// quitKeys is the help shown while the quit confirm is open.
type quitKeys struct{ k KeyMap }

func (q quitKeys) ShortHelp() []key.Binding  { return []key.Binding{q.k.Yes, q.k.No} }
func (q quitKeys) FullHelp() [][]key.Binding { return [][]key.Binding{q.ShortHelp()} }

// truncate cuts s to at most width cells, marking the cut with an ellipsis.
func truncate(s string, width int) string {
	if width <= 0 {
		return ""
	}
	if lipgloss.Width(s) <= width {
		return s
	}
	runes := []rune(s)
	for len(runes) > 0 && lipgloss.Width(string(runes))+1 > width {
		runes = runes[:len(runes)-1]
	}
	return string(runes) + "…"
}
