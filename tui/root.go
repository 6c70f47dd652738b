package tui

import (
	"context"
	crand "crypto/rand"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"time"

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
	// Rand shuffles groups; nil draws a seed from crypto/rand.
	Rand *rand.Rand
	// Bell, when set, gets a terminal bell when a round reaches zero.
	Bell io.Writer
	// Exporter writes the exports from the export form; nil disables it.
	Exporter Exporter
	// ExportDir is the folder the export form suggests.
	ExportDir string
}

type screenID int

const (
	screenAgenda screenID = iota
	screenItem
	screenSlides
	screenChart
	screenConsent
	screenCheckin
	screenHistory
	screenRound
	screenPledges
	screenFollowUp
)

// Model is the root of the program: it loads the meeting, owns the header
// and footer, handles global keys, dialogs and the saving of run-state
// changes, and forwards everything else to the active screen.
type Model struct {
	common    *Common
	meetingID int64
	meeting   *meeting.Meeting
	agenda    *agendaScreen
	item      *itemScreen
	slides    *slidesScreen
	chart     *chartScreen
	consent   *consentScreen
	checkin   *checkinScreen
	history   *historyScreen
	round     *roundScreen
	pledges   *pledgeScreen
	followUp  *followUpScreen
	// followUpAsItem is set when the follow-up screen shows the agenda's
	// follow-up item (esc then goes to the agenda); followUpCmd loads it.
	followUpAsItem bool
	followUpCmd    tea.Cmd
	// exportDir is the suggested export folder; exported lists what the
	// last export wrote.
	exportDir string
	exported  *exportedMsg
	// openPledges counts earlier meetings' pledges awaiting follow-up, so
	// starting the meeting can put the follow-up on the agenda.
	openPledges int
	// rang remembers the rounds whose bell has sounded.
	rang    map[int64]bool
	addItem *addItemDialog
	// form is the open small form (guest, doctor, reason), if any.
	form *form
	// cluster is the meeting's cluster with its practices and members.
	cluster meeting.Cluster
	// names are the cluster's practice names by ydernummer. Screens get
	// them only through Meeting.Labels (consenting practices) and the code
	// key.
	names   map[string]string
	codeKey codeKeyStage
	// notesAsk is the warning before the speaker notes replace the slide.
	notesAsk bool
	// returnTo is the screen the consent and check-in screens go back to.
	returnTo screenID
	active   screenID
	// shown is the agenda index the item or slides screen shows.
	shown    int
	help     help.Model
	showHelp bool
	quitting bool // the quit confirm is open
	adding   bool // the add-item dialog is open
	loaded   bool // the first load has happened
	queue    runQueue
	// followRun makes the live view follow the run once a next or back
	// key has been saved.
	followRun bool
	err       error
	// notice confirms the last action; it is set only after the store has
	// committed it.
	notice string
}

// New builds the root model. It touches no disk: the meeting is loaded by
// the command Init returns.
func New(ctx context.Context, opts Options) *Model {
	text := Language(opts.Lang)
	c := &Common{
		Ctx:      ctx,
		Renderer: opts.Renderer,
		Styles:   NewStyles(opts.Renderer, opts.Theme),
		Keys:     DefaultKeyMap(text),
		Text:     text,
		Store:    inertStore{opts.Store}, // every string read is shown inert
		Clock:    opts.Clock,
		Rand:     opts.Rand,
		Bell:     opts.Bell,
		Exporter: opts.Exporter,
	}
	if c.Rand == nil {
		var seed [32]byte
		_, _ = crand.Read(seed[:])
		c.Rand = rand.New(rand.NewChaCha8(seed))
	}
	m := &Model{
		exportDir: opts.ExportDir,
		common:    c,
		meetingID: opts.MeetingID,
		agenda:    newAgendaScreen(c),
		item:      newItemScreen(c),
		slides:    newSlidesScreen(c),
		chart:     newChartScreen(c),
		consent:   newConsentScreen(c),
		checkin:   newCheckinScreen(c),
		history:   newHistoryScreen(c),
		round:     newRoundScreen(c),
		pledges:   newPledgeScreen(c),
		followUp:  newFollowUpScreen(c),
		rang:      map[int64]bool{},
		addItem:   newAddItemDialog(c),
		help:      help.New(),
	}
	m.styleHelp()
	return m
}

func (m *Model) styleHelp() {
	s := m.common.Styles
	m.help.Styles.ShortKey = s.HelpKey
	m.help.Styles.ShortDesc = s.HelpDesc
	m.help.Styles.ShortSeparator = s.HelpSep
	m.help.Styles.FullKey = s.HelpKey
	m.help.Styles.FullDesc = s.HelpDesc
	m.help.Styles.FullSeparator = s.HelpSep
	m.help.Styles.Ellipsis = s.HelpSep
}

// Init loads the meeting and starts the clock.
func (m *Model) Init() tea.Cmd {
	return tea.Batch(loadMeeting(m.common, m.meetingID), tick(m.common.Clock))
}

// Meeting returns the meeting as last read from the store, or nil before
// it has loaded. Tests use it to check state after key presses.
func (m *Model) Meeting() *meeting.Meeting { return m.meeting }

func (m *Model) activeScreen() Screen {
	switch m.active {
	case screenItem:
		return m.item
	case screenSlides:
		return m.slides
	case screenChart:
		return m.chart
	case screenConsent:
		return m.consent
	case screenCheckin:
		return m.checkin
	case screenHistory:
		return m.history
	case screenRound:
		return m.round
	case screenPledges:
		return m.pledges
	case screenFollowUp:
		return m.followUp
	}
	return m.agenda
}

// Update handles window size, ticks, store results, global keys and
// dialogs, then forwards to the active screen.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	_, cmd := m.update(msg)
	if m.followUpCmd != nil {
		// Opening the follow-up item (from a key or a saved change) loads
		// its pledges.
		cmd = tea.Batch(cmd, m.followUpCmd)
		m.followUpCmd = nil
	}
	return m, cmd
}

func (m *Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.common.Width, m.common.Height = msg.Width, msg.Height
		m.help.Width = msg.Width
		m.resize()
		return m, nil
	case tickMsg:
		return m, tea.Batch(tick(m.common.Clock), m.bell())
	case meetingMsg:
		m.cluster = msg.cluster
		m.openPledges = msg.openPledges
		m.names = make(map[string]string, len(msg.cluster.Practices))
		for _, p := range msg.cluster.Practices {
			m.names[p.Ydernummer] = p.Name
		}
		m.setMeeting(msg.meeting)
		if !m.loaded {
			m.loaded = true
			// After a restart, go straight back to what was running.
			if c := msg.meeting.Current(); c >= 0 {
				m.show(c)
			}
		}
		return m, nil
	case savedMsg:
		m.queue.done(false)
		m.setMeeting(msg.meeting)
		m.notice = msg.notice
		if m.followRun {
			m.followRun = false
			m.agenda.selectItem(msg.meeting.Focus())
			if m.active != screenAgenda {
				m.show(msg.meeting.Focus())
			}
		}
		return m, m.queue.next(m.common, m.meeting)
	case consentSavedMsg:
		m.setMeeting(msg.meeting)
		m.notice = msg.notice
		return m, nil
	case attendanceSavedMsg:
		m.setMeeting(msg.meeting)
		m.notice = msg.notice
		if msg.askReason {
			m.form = newForm(m.common, formRequest{kind: formReason, member: meeting.Member{ID: msg.memberID, Name: msg.name}}, m.cluster)
		}
		return m, nil
	case followUpMsg:
		m.followUp.Update(msg)
		if msg.notice != "" {
			m.notice = msg.notice
		}
		return m, nil
	case exportedMsg:
		m.exported = &msg
		m.notice = fmt.Sprintf(m.common.Text.NoticeExported, len(msg.paths), msg.dir)
		return m, nil
	case reviewSavedMsg:
		return m, m.followUp.load(msg.notice)
	case pledgesMsg:
		m.pledges.Update(msg)
		m.notice = msg.notice
		return m, nil
	case historyMsg:
		m.history.Update(msg)
		return m, nil
	case memberSavedMsg:
		m.notice = msg.notice
		return m, loadMeeting(m.common, m.meetingID)
	case saveFailedMsg:
		m.queue.done(true)
		m.err = msg.err
		return m, nil
	case errMsg:
		m.err = msg.err
		return m, nil
	case tea.KeyMsg:
		// Keys typed faster than the program reads them (or held down)
		// arrive as one message with several runes; each is its own key
		// press, so none is lost.
		if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste && !m.adding {
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

func (m *Model) resize() {
	bodyW, bodyH := m.bodySize()
	m.agenda.SetSize(bodyW, bodyH)
	m.item.SetSize(bodyW, bodyH)
	m.slides.SetSize(bodyW, bodyH)
	m.chart.SetSize(bodyW, bodyH)
	m.consent.SetSize(bodyW, bodyH)
	m.checkin.SetSize(bodyW, bodyH)
	m.history.SetSize(bodyW, bodyH)
	m.round.SetSize(bodyW, bodyH)
	m.pledges.SetSize(bodyW, bodyH)
	m.followUp.SetSize(bodyW, bodyH)
	m.addItem.SetSize(bodyW, bodyH)
}

func (m *Model) setMeeting(mt meeting.Meeting) {
	m.meeting = &mt
	m.agenda.setMeeting(mt)
	m.item.setMeeting(mt)
	m.slides.setSlides(mt.Pack.Slides)
	m.chart.setMeeting(mt, m.names)
	m.consent.setMeeting(mt, m.names)
	m.checkin.setMeeting(mt, m.cluster)
	m.round.setMeeting(mt)
	m.pledges.setMeeting(mt, m.cluster)
	m.followUp.setMeeting(mt, m.cluster)
	m.item.cluster = m.cluster
	m.shown = min(m.shown, max(0, len(mt.Items)-1))
}

// show opens the live view of agenda item i: the slides for a talk, the
// item's prompt and questions for everything else.
func (m *Model) show(i int) {
	if m.meeting == nil || i < 0 || i >= len(m.meeting.Items) {
		return
	}
	m.shown = i
	m.item.open(i)
	if isFollowUpItem(m.meeting.Items[i]) {
		m.active = screenFollowUp
		m.followUpAsItem = true
		m.followUpCmd = m.followUp.load("")
		return
	}
	switch m.meeting.Items[i].Kind {
	case meeting.KindTalk:
		m.active = screenSlides
	case meeting.KindData:
		m.chart.open(i)
		m.active = screenChart
	case meeting.KindGroupwork:
		m.round.open(i)
		m.active = screenRound
	default:
		m.active = screenItem
	}
}

func (m *Model) handleKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	keys := m.common.Keys
	if m.adding {
		return m, m.updateAddItem(msg)
	}
	if m.form != nil {
		m.err = nil
		done, submit, cmd := m.form.update(msg)
		if done {
			if submit {
				cmd = m.form.submit(*m.meeting, m.cluster)
			}
			m.form = nil
		}
		return m, cmd
	}
	switch m.codeKey {
	case codeKeyAsking:
		m.codeKey = codeKeyClosed
		if key.Matches(msg, keys.Yes) {
			m.codeKey = codeKeyShown
		}
		return m, nil
	case codeKeyShown:
		// Any key hides the code key, and does nothing else.
		m.codeKey = codeKeyClosed
		return m, nil
	}
	if m.notesAsk {
		// Only j/y shows the notes; any other key, Enter too, cancels.
		m.notesAsk = false
		if key.Matches(msg, keys.Yes) {
			m.slides.showNotes()
		}
		return m, nil
	}
	// Any key dismisses an error or a notice; the key itself then acts.
	m.err = nil
	m.notice = ""
	if m.exported != nil {
		// The list of written files stays until a key is pressed.
		m.exported = nil
		return m, nil
	}
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
	if m.active == screenCheckin && msg.Type != tea.KeyCtrlC {
		// Letters filter the roster here, so only esc leaves.
		if msg.Type == tea.KeyEsc {
			m.active = m.returnTo
			return m, nil
		}
		if key.Matches(msg, m.checkin.keys.History) {
			m.active = screenHistory
			return m, m.history.load(m.cluster)
		}
		_, cmd := m.checkin.Update(msg)
		if r := m.checkin.request; r != nil {
			m.checkin.request = nil
			cmd = tea.Batch(cmd, m.checkin.saveAttendance(*r))
		}
		if f := m.checkin.form; f != nil {
			m.checkin.form = nil
			m.form = newForm(m.common, *f, m.cluster)
		}
		return m, cmd
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
	case key.Matches(msg, keys.Theme):
		m.toggleTheme()
		return m, nil
	case key.Matches(msg, keys.CodeKey) && m.meeting != nil:
		m.codeKey = codeKeyAsking
		return m, nil
	case key.Matches(msg, keys.Notes) && m.active == screenSlides && !m.slides.NotesShown():
		m.notesAsk = true
		return m, nil
	case key.Matches(msg, keys.Consent) && m.meeting != nil && m.active != screenConsent:
		m.returnTo = m.active
		m.active = screenConsent
		return m, nil
	case key.Matches(msg, keys.Pledges) && m.meeting != nil && m.active != screenPledges:
		m.returnTo = m.active
		m.active = screenPledges
		return m, m.pledges.load("", 0)
	case key.Matches(msg, keys.Export) && m.meeting != nil && m.common.Exporter != nil:
		m.form = newForm(m.common, formRequest{kind: formExport, dir: m.exportDir}, m.cluster)
		return m, nil
	case key.Matches(msg, keys.FollowUp) && m.meeting != nil && m.active != screenFollowUp:
		m.returnTo = m.active
		m.active = screenFollowUp
		m.followUpAsItem = false
		return m, m.followUp.load("")
	case (m.active == screenPledges || (m.active == screenFollowUp && !m.followUpItem())) && key.Matches(msg, keys.Back):
		m.active = m.returnTo
		return m, nil
	case key.Matches(msg, keys.Checkin) && m.meeting != nil:
		m.returnTo = m.active
		m.active = screenCheckin
		return m, nil
	}
	if m.meeting == nil {
		return m, nil
	}
	if cmd, ok := m.handleRunKey(msg); ok {
		return m, cmd
	}
	// Switching screens happens here, at once, so keys typed right after
	// enter or esc reach the screen the coordinator now sees.
	switch {
	case m.active == screenAgenda && key.Matches(msg, keys.Open):
		m.show(m.agenda.cursor)
		return m, nil
	case m.active == screenConsent && key.Matches(msg, keys.Back):
		m.active = m.returnTo
		return m, nil
	case m.active == screenHistory && (key.Matches(msg, keys.Back) || msg.Type == tea.KeyTab):
		m.active = screenCheckin
		return m, nil
	case m.active != screenAgenda && key.Matches(msg, keys.Back):
		m.agenda.selectItem(m.shown)
		m.active = screenAgenda
		return m, nil
	case m.active == screenItem && (key.Matches(msg, keys.Prev) || key.Matches(msg, keys.Next)):
		step := 1
		if key.Matches(msg, keys.Prev) {
			step = -1
		}
		m.show(max(0, min(len(m.meeting.Items)-1, m.shown+step)))
		return m, nil
	}
	_, cmd := m.activeScreen().Update(msg)
	if r := m.agenda.takeRequest(); r != nil {
		cmd = tea.Batch(cmd, m.queue.push(m.common, m.meeting, *r))
	}
	if r := m.round.request; r != nil {
		m.round.request = nil
		cmd = tea.Batch(cmd, m.queue.push(m.common, m.meeting, *r))
	}
	if r := m.item.request; r != nil {
		m.item.request = nil
		cmd = tea.Batch(cmd, m.queue.push(m.common, m.meeting, *r))
	}
	for _, f := range []**formRequest{&m.round.form, &m.item.form, &m.pledges.form, &m.followUp.form} {
		if *f != nil {
			m.form = newForm(m.common, **f, m.cluster)
			*f = nil
		}
	}
	if r := m.consent.request; r != nil {
		m.consent.request = nil
		cmd = tea.Batch(cmd, m.consent.save(*r))
	}
	if m.active == screenAgenda && m.agenda.adding() {
		m.adding = true
		m.addItem.open()
	}
	return m, cmd
}

// handleRunKey handles the keys that move the meeting along, which work on
// every screen: start, next item, back one item.
func (m *Model) handleRunKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	keys := m.common.Keys
	t := m.common.Text
	now := m.common.Clock.Now()
	var r runRequest
	switch {
	case key.Matches(msg, keys.Start) && !m.meeting.UnderWay():
		r = runRequest{op: startWithFollowUp(m.openPledges, t.FollowUpItem), notice: func(saved meeting.Meeting) string {
			return fmt.Sprintf(t.NoticeStarted, t.Clock(saved.Started.Local()))
		}}
	case key.Matches(msg, keys.NextItem):
		r = runRequest{op: meeting.Meeting.Next, notice: func(saved meeting.Meeting) string {
			if c := saved.Current(); c >= 0 {
				return fmt.Sprintf(t.NoticeItem, saved.Items[c].Title)
			}
			return fmt.Sprintf(t.NoticeEnded, t.Clock(now.Local()))
		}}
	case key.Matches(msg, keys.PrevItem):
		r = runRequest{op: func(mt meeting.Meeting, _ time.Time) (meeting.Meeting, error) { return mt.Back() },
			notice: func(saved meeting.Meeting) string {
				return fmt.Sprintf(t.NoticeBack, saved.Items[saved.Focus()].Title)
			}}
	default:
		return nil, false
	}
	r.at = now
	// The agenda cursor and the live view follow the meeting once the
	// change is saved.
	m.followRun = true
	return m.queue.push(m.common, m.meeting, r), true
}

func (m *Model) toggleTheme() {
	c := m.common
	next := ThemeLight
	name := c.Text.ThemeLight
	if c.Styles.Theme == ThemeLight {
		next, name = ThemeDark, c.Text.ThemeDark
	}
	c.Styles = NewStyles(c.Renderer, next)
	m.styleHelp()
	m.slides.restyle()
	m.notice = fmt.Sprintf(c.Text.NoticeTheme, name)
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
		return c.Styles.Paint(lipgloss.Place(c.Width, c.Height, lipgloss.Center, lipgloss.Center,
			c.Styles.Warning.Width(max(10, c.Width-2)).Align(lipgloss.Center).Render(msg)), c.Width)
	}
	_, bodyH := m.bodySize()
	var body string
	switch {
	case m.meeting == nil && m.err != nil:
		body = c.Styles.Error.Render(c.Text.ErrorPrefix + ": " + meeting.ErrorMessageIn(m.err, c.Text.Lang))
	case m.meeting == nil:
		body = c.Styles.Text.Render(c.Text.Loading)
	case m.codeKey != codeKeyClosed:
		body = m.codeKeyView(bodyH)
	case m.notesAsk:
		body = m.notesAskView(bodyH)
	case m.exported != nil:
		body = m.exportedView()
	case m.quitting:
		body = m.quitDialog(bodyH)
	case m.showHelp:
		body = m.helpOverlay(bodyH)
	case m.adding:
		body = m.addItem.View()
	case m.form != nil:
		body = m.form.View(c.Width, bodyH)
	default:
		body = m.activeScreen().View()
	}
	body = lipgloss.NewStyle().Height(bodyH).MaxHeight(bodyH).MaxWidth(c.Width).Render(body)
	return c.Styles.Paint(lipgloss.JoinVertical(lipgloss.Left, m.header(), body, m.footer()), c.Width)
}

func (m *Model) footer() string {
	c := m.common
	var line string
	switch {
	case m.err != nil && m.meeting != nil:
		line = c.Styles.Error.Render(truncate("✗ "+c.Text.ErrorPrefix+": "+meeting.ErrorMessageIn(m.err, c.Text.Lang), c.Width))
	case m.notice != "":
		line = c.Styles.Attention.Render(truncate("✓ "+m.notice, c.Width))
	}
	var keys help.KeyMap = m.activeScreen()
	switch {
	case m.codeKey == codeKeyAsking:
		keys = bindings{c.Keys.Yes, c.Keys.No}
	case m.codeKey == codeKeyShown:
		keys = bindings{}
	case m.notesAsk:
		keys = bindings{c.Keys.Yes, c.Keys.No}
	case m.quitting:
		keys = bindings{c.Keys.Yes, c.Keys.No}
	case m.adding:
		keys = m.addItem
	case m.form != nil:
		keys = m.form
	}
	if m.codeKey == codeKeyShown {
		// Every key only hides the code key; listing keys would mislead.
		return lipgloss.JoinVertical(lipgloss.Left, line, "")
	}
	return lipgloss.JoinVertical(lipgloss.Left, line, m.shortHelp(keys.ShortHelp()))
}

// shortHelp renders a screen's keys with help and quit always at the end:
// when the line is too narrow, the screen's own keys are cut, never the
// way out.
func (m *Model) shortHelp(screenKeys []key.Binding) string {
	k := m.common.Keys
	global := []key.Binding{k.Help, k.Quit}
	if m.typing() {
		// Letters are text here: ? and q would be typed, not obeyed.
		global = nil
	}
	var own []key.Binding
	for _, b := range screenKeys {
		if !sameKeys(b, k.Help) && !sameKeys(b, k.Quit) {
			own = append(own, b)
		}
	}
	h := m.help
	h.Width = 0 // measured here: help's own cut lets an item through when no ellipsis fits
	tail := h.ShortHelpView(global)
	sep := h.Styles.ShortSeparator.Inline(true).Render(h.ShortSeparator)
	ellipsis := " " + h.Styles.Ellipsis.Inline(true).Render(h.Ellipsis)
	room := m.common.Width - lipgloss.Width(tail) - lipgloss.Width(sep)
	head := ""
	for i := range own {
		next := h.ShortHelpView(own[:i+1])
		if lipgloss.Width(next) > room {
			if lipgloss.Width(head)+lipgloss.Width(ellipsis) <= room {
				head += ellipsis
			}
			break
		}
		head = next
	}
	if head == "" {
		return tail
	}
	if tail == "" {
		return head
	}
	return head + sep + tail
}

// typing reports whether letters go into a text field rather than to the
// key map.
func (m *Model) typing() bool {
	return m.form != nil || m.adding || m.active == screenCheckin
}

func sameKeys(a, b key.Binding) bool {
	return strings.Join(a.Keys(), ",") == strings.Join(b.Keys(), ",")
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
	groups := append(m.activeScreen().FullHelp(), m.globalKeys())
	full := m.help.FullHelpView(groups)
	content := lipgloss.JoinVertical(lipgloss.Left, c.Styles.Heading.Render(c.Text.HelpTitle), "", full)
	return lipgloss.Place(c.Width, height, lipgloss.Center, lipgloss.Center, c.Styles.Overlay.Render(content))
}

// globalKeys are the keys that work on every screen.
func (m *Model) globalKeys() []key.Binding {
	k := m.common.Keys
	return []key.Binding{k.Start, k.NextItem, k.PrevItem, k.Checkin, k.Pledges, k.FollowUp, k.Export, k.CodeKey, k.Consent, k.Theme, k.Help, k.Quit}
}

// bindings is a fixed list of keys shown as help.
type bindings []key.Binding

func (b bindings) ShortHelp() []key.Binding  { return b }
func (b bindings) FullHelp() [][]key.Binding { return [][]key.Binding{b} }

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

// padRight pads s with spaces to width cells so a highlighted row spans the
// screen.
func padRight(s string, width int) string {
	if w := lipgloss.Width(s); w < width {
		return s + strings.Repeat(" ", width-w)
	}
	return s
}

// bell rings the terminal bell once when a running round reaches zero, if
// the coordinator asked for it.
func (m *Model) bell() tea.Cmd {
	if m.common.Bell == nil || m.meeting == nil {
		return nil
	}
	now := m.common.Clock.Now()
	for _, it := range m.meeting.Items {
		if it.Kind != meeting.KindGroupwork || m.rang[it.ID] {
			continue
		}
		if it.RoundTimer().State(now) == meeting.TimerOverrun {
			m.rang[it.ID] = true
			out := m.common.Bell
			return func() tea.Msg {
				_, _ = io.WriteString(out, "\a")
				return nil
			}
		}
	}
	return nil
}

// followUpItem reports whether the follow-up screen shows the agenda's
// follow-up item rather than being opened with its key.
func (m *Model) followUpItem() bool { return m.followUpAsItem }

// isFollowUpItem recognises the follow-up item by its kind.
func isFollowUpItem(it meeting.RunItem) bool { return it.Kind == meeting.KindFollowUp }

// startWithFollowUp starts the meeting and, when earlier meetings left
// open pledges, puts their follow-up on the agenda after the welcome.
func startWithFollowUp(open int, title string) runOp {
	return func(mt meeting.Meeting, at time.Time) (meeting.Meeting, error) {
		started, err := mt.Start(at)
		if err != nil || open == 0 {
			return started, err
		}
		return started.AddFollowUp(title)
	}
}

// exportedView lists the files the export wrote.
func (m *Model) exportedView() string {
	c := m.common
	lines := []string{c.Styles.Title.Render(c.Text.ExportedTitle), ""}
	for _, p := range m.exported.paths {
		lines = append(lines, c.Styles.Text.Render(truncate("✓ "+p, c.Width)))
	}
	lines = append(lines, "", c.Styles.Heading.Render(c.Text.DismissHint))
	return strings.Join(lines, "\n")
}
