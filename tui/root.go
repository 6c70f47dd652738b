package tui

import (
	"context"
	crand "crypto/rand"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

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
	// Follow makes the window follow the meeting as other windows (a
	// presenter console) change it, looking every PollEvery; with a
	// PollEvery of 0 or less it looks only on a PollMsg.
	Follow    bool
	PollEvery time.Duration
	// Writes, when set, receives when the database's files are written
	// (store.Writes): the window then looks when told, and only every few
	// seconds besides, instead of every PollEvery.
	Writes <-chan struct{}
	// ConsoleOpen reports whether a presenter console is open on the
	// meeting; while one is, the private things (speaker notes, code
	// key, attendance history) are shown only there.
	ConsoleOpen func() bool
	// Check, when set, checks the database for damage beside the first
	// frame (store.QuickCheck); an error ends the program, and Err
	// returns it.
	Check func(context.Context) error
	// Loaded, when set, is the meeting already read (Load): the first
	// frame shows it instead of waiting for the window's own read.
	Loaded *Loaded
	// Width and Height, when known, are the terminal's size, so the first
	// frame is drawn at it before the program is told its size.
	Width, Height int
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
	screenEval
	screenDecisions
	screenPlan
)

// Model is the root of the program: it loads the meeting, owns the header
// and footer, the dialogs and the one ordered write queue, routes keys to
// the shown screen and the screens' messages to where they go. It owns no
// screen's logic.
type Model struct {
	common    *Common
	meetingID int64
	meeting   *meeting.Meeting
	// preloaded is Options.Loaded until Init has applied it.
	preloaded *meetingMsg
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
	eval      *evalScreen
	decisions *decisionScreen
	plan      *planScreen
	// yearPlan is the cluster's year plan, for "næste" in pledge forms.
	yearPlan []meeting.PlannedMeeting
	// exportDir is the suggested export folder; exported lists what the
	// last export wrote.
	exportDir string
	exported  *exportedMsg
	// exportedOffset is the first written file shown.
	exportedOffset int
	// openPledges counts earlier meetings' pledges awaiting follow-up, so
	// starting the meeting can put the follow-up on the agenda.
	openPledges int
	// rang remembers the rounds whose bell has sounded.
	rang    map[int64]bool
	addItem *addItemDialog
	// addAfter is where the add-item dialog puts the new item.
	addAfter int
	// form is the open small form (guest, doctor, reason, …), if any;
	// forms counts the forms opened, to tell their writes apart.
	form  *form
	forms int
	// deferred are the keys pressed while the open form waited for its
	// commit: they were meant for what comes after the form, and act once
	// it has closed.
	deferred []tea.KeyMsg
	// cluster is the meeting's cluster with its practices and members;
	// meetings are all meetings, for a pledge due "næste" and the
	// evaluation's trend; read once, after the first frame.
	cluster  meeting.Cluster
	meetings []meeting.Meeting
	// names are the cluster's practice names by ydernummer. Screens get
	// them only through Meeting.Labels (consenting practices) and the code
	// key.
	names   map[string]string
	codeKey codeKeyStage
	// notesAsk is the warning before the speaker notes replace the slide.
	notesAsk bool
	// trail is the screens to go back to, most recent last.
	trail  []screenID
	active screenID
	// shown is the agenda index the item or slides screen shows.
	shown    int
	help     help.Model
	showHelp bool
	quitting bool // the quit confirm is open
	// reopening is the confirm before b reopens an ended meeting.
	reopening bool
	// quitWhenSaved quits once the write queue is empty.
	quitWhenSaved bool
	adding        bool // the add-item dialog is open
	loaded        bool // the first load has happened
	queue         writeQueue
	// watch follows other windows' changes; saves counts this window's
	// landed commits, so a read begun before one is not shown.
	watch watcher
	saves int
	err   error
	// notice confirms the last action; it is set only after the store has
	// committed it.
	notice string
	// check is Options.Check; fatal is its finding, which ended the
	// program.
	check func(context.Context) error
	fatal error
	// tick is the clock's one pending tick: its generation, and whether
	// it comes by the second or by the minute (scheduleTick).
	tick struct {
		gen              int
		pending, seconds bool
	}

	// footerKeys is the footer's key line as last drawn (shortHelp).
	footerKeys footerCache
}

// New builds the root model. It touches no disk: the meeting is loaded by
// the command Init returns.
func New(ctx context.Context, opts Options) *Model {
	text := Language(opts.Lang)
	c := &Common{
		Ctx:         ctx,
		Renderer:    opts.Renderer,
		Styles:      NewStyles(opts.Renderer, opts.Theme),
		Keys:        DefaultKeyMap(text),
		Text:        text,
		Store:       inertStore{opts.Store}, // every string read is shown inert
		Clock:       opts.Clock,
		Rand:        opts.Rand,
		Bell:        opts.Bell,
		Exporter:    opts.Exporter,
		Shared:      opts.Follow,
		ConsoleOpen: opts.ConsoleOpen,
	}
	if c.Rand == nil {
		var seed [32]byte
		_, _ = crand.Read(seed[:])
		c.Rand = rand.New(rand.NewChaCha8(seed))
	}
	m := &Model{
		exportDir: opts.ExportDir,
		common:    c,
		check:     opts.Check,
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
		eval:      newEvalScreen(c),
		decisions: newDecisionScreen(c),
		plan:      newPlanScreen(c),
		rang:      map[int64]bool{},
		addItem:   newAddItemDialog(c),
		help:      help.New(),
	}
	if opts.Follow {
		m.watch.every, m.watch.writes = opts.PollEvery, opts.Writes
	}
	if opts.Loaded != nil {
		m.preloaded = &opts.Loaded.msg
	}
	if opts.Width > 0 && opts.Height > 0 {
		c.Width, c.Height = opts.Width, opts.Height
		m.help.Width = opts.Width
		m.resize()
	}
	m.styleHelp()
	c.plan = m.planned
	return m
}

// slidesWarmAfter is how long after the meeting has loaded its slides are
// rendered: after the first frame, before anyone opens a talk.
const slidesWarmAfter = 300 * time.Millisecond

// warmSlidesMsg renders the slides ahead of their first showing.
type warmSlidesMsg struct{}

// planned is the meeting as it will be once the queued writes have
// landed.
func (m *Model) planned() meeting.Meeting {
	if m.meeting == nil {
		return meeting.Meeting{}
	}
	return m.queue.planned(*m.meeting)
}

// Pending is the number of changes not yet committed. Tests use it to
// know when the queue has drained.
func (m *Model) Pending() int { return m.queue.len() }

func (m *Model) styleHelp() {
	m.footerKeys = footerCache{} // drawn in the old styles
	s := m.common.Styles
	m.help.Styles.ShortKey = s.HelpKey
	m.help.Styles.ShortDesc = s.HelpDesc
	m.help.Styles.ShortSeparator = s.HelpSep
	m.help.Styles.FullKey = s.HelpKey
	m.help.Styles.FullDesc = s.HelpDesc
	m.help.Styles.FullSeparator = s.HelpSep
	m.help.Styles.Ellipsis = s.HelpSep
}

// Init loads the meeting (or takes the one read before the program
// started, so that the first frame shows it) and starts the clock.
func (m *Model) Init() tea.Cmd {
	load := loadMeeting(m.common, m.meetingID)
	if m.preloaded != nil {
		load = m.update(*m.preloaded)
		m.preloaded = nil
	}
	return tea.Batch(load, m.scheduleTick(), m.watch.start(m.common), m.checkDatabase())
}

// checkDatabase runs Options.Check beside the meeting's first reads.
func (m *Model) checkDatabase() tea.Cmd {
	if m.check == nil {
		return nil
	}
	check, ctx := m.check, m.common.Ctx
	return func() tea.Msg {
		if err := check(ctx); err != nil {
			return damagedMsg{err}
		}
		return nil
	}
}

// damagedMsg is the database check's finding: the program ends with it.
type damagedMsg struct{ err error }

// Err is why the program ended by itself (the database check found
// damage), or nil.
func (m *Model) Err() error { return m.fatal }

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
	case screenEval:
		return m.eval
	case screenDecisions:
		return m.decisions
	case screenPlan:
		return m.plan
	}
	return m.agenda
}

// Update handles window size, ticks, the write queue's results, the
// screens' messages, global keys and dialogs, and forwards the rest to the
// shown screen.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := m.update(msg)
	// Whatever the message changed, the clock ticks at the pace of what
	// is now shown.
	return m, tea.Batch(cmd, m.scheduleTick())
}

// redrawMsg is the projector's clock tick; gen tells a tick scheduled
// before the pace changed, which is dropped.
type redrawMsg struct{ gen int }

// showsSeconds reports whether something on screen changes by the
// second: the running item's time left in the header while the meeting
// is under way, and a running round's digits (and its bell at zero).
// Otherwise only the header's wall clock changes, by the minute.
func (m *Model) showsSeconds() bool {
	mt := m.meeting
	if mt == nil {
		return false
	}
	if mt.UnderWay() && !mt.Ended() {
		return true
	}
	now := m.common.Clock.Now()
	for _, it := range mt.Items {
		if it.Kind != meeting.KindGroupwork {
			continue
		}
		switch it.RoundTimer().State(now) {
		case meeting.TimerRunning, meeting.TimerLastMinutes, meeting.TimerOverrun:
			return true
		}
	}
	return false
}

// scheduleTick makes sure one tick is pending, at the next whole second
// when something shown changes by the second, else at the next whole
// minute; an idle projector then wakes once a minute, not once a second.
func (m *Model) scheduleTick() tea.Cmd {
	sec := m.showsSeconds()
	if m.tick.pending && sec == m.tick.seconds {
		return nil
	}
	m.tick.gen++
	m.tick.pending, m.tick.seconds = true, sec
	unit := time.Minute
	if sec {
		unit = time.Second
	}
	now := m.common.Clock.Now()
	gen := m.tick.gen
	return tea.Tick(now.Truncate(unit).Add(unit).Sub(now), func(time.Time) tea.Msg { return redrawMsg{gen} })
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	if cmd, ok := m.follow(msg); ok {
		return cmd
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.common.Width, m.common.Height = msg.Width, msg.Height
		m.help.Width = msg.Width
		m.resize()
		return nil
	case redrawMsg:
		if msg.gen != m.tick.gen {
			return nil // scheduled before the pace changed
		}
		m.tick.pending = false
		return m.bell()
	case meetingMsg:
		m.setCluster(msg.cluster)
		m.openPledges = msg.openPledges
		m.yearPlan = msg.plan
		m.plan.setPlan(msg.plan)
		m.plan.clusterID = msg.meeting.ClusterID
		m.setMeeting(msg.meeting)
		if !m.loaded {
			m.loaded = true
			// The slides are rendered once the first frame is out, so a
			// talk opens at once without the meeting waiting for them.
			// (The earlier meetings are read at once: the first View is
			// drawn before Bubble Tea runs any command.)
			warm := tea.Batch(tea.Tick(slidesWarmAfter, func(time.Time) tea.Msg { return warmSlidesMsg{} }),
				loadHistory(m.common))
			// After a restart, go straight back to what was running.
			if c := msg.meeting.Current(); c >= 0 {
				return tea.Batch(m.show(c), warm)
			}
			return warm
		}
		return nil
	case warmSlidesMsg:
		m.slides.ensure()
		return nil
	case meetingsMsg:
		m.meetings = msg.meetings
		m.eval.meetings = msg.meetings
		m.decisions.meetings = msg.meetings
		if m.form != nil {
			m.form.meetings = msg.meetings
		}
		return nil
	case damagedMsg:
		m.fatal = msg.err
		return tea.Quit

	// The write queue.
	case writeMsg:
		return m.enqueue(msg.change)
	case savedMsg:
		return m.saved(msg)
	case saveFailedMsg:
		return m.saveFailed(msg)
	case slowMsg:
		if m.queue.busy && msg.seq == m.queue.seq {
			m.queue.waiting = true
		}
		return nil
	case retryMsg:
		if m.queue.busy && msg.seq == m.queue.seq {
			return m.queue.start(m.common)
		}
		return nil

	// What the screens ask for.
	case showMsg:
		if msg.screen == screenHistory && m.refusePrivate(consoleLang(m.common.Text.Lang).ConsolePrivateHistory) {
			return nil
		}
		m.active = msg.screen
		return m.loadScreen(msg.screen)
	case backMsg:
		m.back()
		return nil
	case openItemMsg:
		m.trail = nil
		return m.show(msg.index)
	case openAddItemMsg:
		m.adding, m.addAfter = true, msg.after
		m.addItem.open()
		return nil
	case openFormMsg:
		m.forms++
		m.form = newForm(m.common, m.forms, msg.req, m.planned(), m.cluster)
		m.form.meetings = m.meetings
		m.form.plan = m.yearPlan
		return nil
	case closeFormMsg:
		m.form = nil
		return m.replayDeferred()

	// Data for one screen.
	case clusterMsg:
		m.setCluster(msg.cluster)
		m.setMeeting(*m.meeting)
		return nil
	case exportedMsg:
		m.exported = &msg
		m.exportedOffset = 0
		m.notice = m.common.Text.T("tui.NoticeExported", len(msg.paths), msg.dir)
		return nil
	case pledgesMsg, pledgeSavedMsg, pledgeDeletedMsg:
		_, cmd := m.pledges.Update(msg)
		return cmd
	case followUpMsg, reviewedMsg:
		_, cmd := m.followUp.Update(msg)
		return cmd
	case planSavedMsg, planDeletedMsg:
		m.yearPlan = applyPlanMsg(m.yearPlan, msg)
		m.plan.setPlan(m.yearPlan)
		return nil
	case historyMsg:
		_, cmd := m.history.Update(msg)
		return cmd
	case trendLoadedMsg:
		m.chart.trendLoaded(msg)
		return nil
	case errMsg:
		m.err = msg.err
		return nil
	case tea.KeyMsg:
		return eachKey(msg, m.handleKey)
	}
	out, cmd := m.activeScreen().Update(msg)
	return tea.Batch(cmd, m.handle(out))
}

// handle acts on a screen's messages at once and in order.
func (m *Model) handle(out []tea.Msg) tea.Cmd {
	if len(out) == 0 {
		return nil
	}
	cmds := make([]tea.Cmd, 0, len(out))
	for _, msg := range out {
		cmds = append(cmds, m.update(msg))
	}
	return tea.Batch(cmds...)
}

// enqueue puts a change at the end of the write queue.
func (m *Model) enqueue(ch change) tea.Cmd {
	if m.meeting == nil {
		return nil
	}
	cmd, refused := m.queue.push(m.common, *m.meeting, ch)
	m.refused(refused)
	return cmd
}

// nextWrite starts the next queued change, if any.
func (m *Model) nextWrite() tea.Cmd {
	cmd, refused := m.queue.next(m.common, *m.meeting)
	m.refused(refused)
	if m.quitWhenSaved && m.queue.len() == 0 {
		return tea.Quit
	}
	return cmd
}

// refused shows why the domain refused changes (nothing was written).
func (m *Model) refused(errs []error) {
	for _, err := range errs {
		r := err.(refusal)
		if m.form != nil && r.change.form == m.form.id {
			m.form.failed(storeError(m.common.Text, r.err))
			continue
		}
		m.err = r
	}
}

// saved takes a committed change: data, header and footer follow it; the
// screen shown does not, except that a form waiting for this change
// closes, and the keys typed meanwhile act.
func (m *Model) saved(msg savedMsg) tea.Cmd {
	if !m.queue.landed(msg.seq) {
		return nil
	}
	m.saves++
	m.setMeeting(msg.meeting)
	if msg.notice != "" {
		m.notice = msg.notice
	}
	var cmds []tea.Cmd
	if msg.data != nil {
		cmds = append(cmds, m.update(msg.data))
	}
	if msg.form != 0 && m.form != nil && m.form.id == msg.form {
		m.form = nil
		cmds = append(cmds, m.replayDeferred())
	}
	cmds = append(cmds, m.nextWrite())
	return tea.Batch(cmds...)
}

// saveFailed waits and tries again while the store is busy; any other
// failure is shown (in the form that made the change, or the footer) and
// the queue goes on with the next change.
func (m *Model) saveFailed(msg saveFailedMsg) tea.Cmd {
	if !m.queue.busy || msg.seq != m.queue.seq {
		return nil
	}
	if busyStore(msg.err) {
		return m.queue.retry()
	}
	head := m.queue.head
	m.queue.fail(head.what)
	if m.form != nil && head.form == m.form.id {
		m.form.failed(storeError(m.common.Text, msg.err))
	}
	m.err = msg.err
	return m.nextWrite()
}

// replayDeferred lets the keys typed while a form waited act, in order.
func (m *Model) replayDeferred() tea.Cmd {
	keys := m.deferred
	m.deferred = nil
	cmds := make([]tea.Cmd, 0, len(keys))
	for _, k := range keys {
		cmds = append(cmds, m.handleKey(k))
	}
	return tea.Batch(cmds...)
}

// open shows a screen opened by a global key; back returns from it.
func (m *Model) open(id screenID) tea.Cmd {
	if m.active != id {
		m.trail = append(m.trail, m.active)
	}
	m.active = id
	return m.loadScreen(id)
}

// loadScreen reads what a screen shows from the store when it opens.
func (m *Model) loadScreen(id screenID) tea.Cmd {
	switch id {
	case screenPledges:
		return m.pledges.load()
	case screenFollowUp:
		return m.followUp.load()
	case screenHistory:
		return m.history.load(m.cluster)
	case screenChart:
		return m.chart.loadTrends()
	}
	return nil
}

// back goes to the screen the shown one was opened from; the agenda when
// there is none.
func (m *Model) back() {
	if n := len(m.trail); n > 0 {
		m.active = m.trail[n-1]
		m.trail = m.trail[:n-1]
		return
	}
	m.agenda.selectItem(m.shown)
	m.active = screenAgenda
}

func (m *Model) setCluster(c meeting.Cluster) {
	m.cluster = c
	m.names = make(map[string]string, len(c.Practices))
	for _, p := range c.Practices {
		m.names[p.Ydernummer] = p.Name
	}
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
	m.eval.SetSize(bodyW, bodyH)
	m.decisions.SetSize(bodyW, bodyH)
	m.plan.SetSize(bodyW, bodyH)
	m.addItem.SetSize(bodyW, bodyH)
}

func (m *Model) setMeeting(mt meeting.Meeting) {
	m.meeting = &mt
	m.agenda.setMeeting(mt)
	m.item.setMeeting(mt)
	m.eval.setMeeting(mt)
	m.decisions.setMeeting(mt)
	m.slides.setSlides(mt.Pack.Slides)
	// The slide is shared with the consoles: show the one stored, or
	// the one this window's queued turns lead to.
	m.slides.follow(m.planned().Slide)
	m.chart.setMeeting(mt, m.names)
	m.chart.follow(m.planned().DataScreen)
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
func (m *Model) show(i int) tea.Cmd {
	if m.meeting == nil || i < 0 || i >= len(m.meeting.Items) {
		return nil
	}
	m.shown = i
	m.item.open(i)
	m.eval.open(i)
	if isFollowUpItem(m.meeting.Items[i]) {
		m.active = screenFollowUp
		return m.followUp.load()
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
	case meeting.KindEvaluation:
		m.active = screenEval
	default:
		m.active = screenItem
	}
	return m.loadScreen(m.active)
}

// liveView reports whether the shown screen is an agenda item's live view.
func (m *Model) liveView() bool {
	switch m.active {
	case screenItem, screenSlides, screenChart, screenRound, screenEval:
		return len(m.trail) == 0
	case screenFollowUp:
		return len(m.trail) == 0
	}
	return false
}

func (m *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	keys := m.common.Keys
	if m.form != nil && m.form.submitting {
		// Typed after enter, while the form's change waits: meant for
		// what comes after the form.
		m.deferred = append(m.deferred, msg)
		return nil
	}
	if m.adding {
		return m.updateAddItem(msg)
	}
	if m.form != nil {
		m.err = nil
		out, cmd := m.form.update(msg)
		return tea.Batch(cmd, m.handle(out))
	}
	switch m.codeKey {
	case codeKeyAsking:
		m.codeKey = codeKeyClosed
		if key.Matches(msg, keys.Yes) {
			m.codeKey = codeKeyShown
		}
		return nil
	case codeKeyShown:
		// Any key hides the code key, and does nothing else.
		m.codeKey = codeKeyClosed
		return nil
	}
	if m.notesAsk {
		// Only j/y shows the notes; any other key, Enter too, cancels.
		m.notesAsk = false
		if key.Matches(msg, keys.Yes) {
			m.slides.showNotes()
		}
		return nil
	}
	// Any key dismisses an error or a notice; the key itself then acts.
	m.err = nil
	m.notice = ""
	m.queue.failed = nil
	if m.exported != nil {
		// The list of written files stays until a key other than the
		// keys that scroll it is pressed.
		page := max(1, m.exportedRows())
		switch {
		case key.Matches(msg, keys.Down):
			m.exportedOffset++
		case key.Matches(msg, keys.Up):
			m.exportedOffset--
		case key.Matches(msg, keys.ScrollDown):
			m.exportedOffset += page
		case key.Matches(msg, keys.ScrollUp):
			m.exportedOffset -= page
		default:
			m.exported = nil
			return nil
		}
		m.exportedOffset = max(0, min(m.exportedOffset, len(m.exported.paths)-page))
		return nil
	}
	if m.reopening {
		m.reopening = false
		if key.Matches(msg, keys.Yes) {
			return m.reopen()
		}
		return nil
	}
	if m.quitting {
		switch {
		case key.Matches(msg, keys.Yes):
			return m.quit()
		case key.Matches(msg, keys.No), key.Matches(msg, keys.Quit):
			m.quitting = false
		}
		return nil
	}
	if m.showHelp {
		m.showHelp = false
		return nil
	}
	if m.typing() {
		// Letters are text here: only ctrl+c is global.
		if key.Matches(msg, keys.Interrupt) {
			return m.askQuit()
		}
		if key.Matches(msg, keys.HelpTyping) {
			m.showHelp = true
			return nil
		}
		out, cmd := m.activeScreen().Update(msg)
		return tea.Batch(cmd, m.handle(out))
	}
	switch {
	case key.Matches(msg, keys.Quit):
		return m.askQuit()
	case key.Matches(msg, keys.Help):
		m.showHelp = true
		return nil
	case key.Matches(msg, keys.Theme):
		m.toggleTheme()
		return nil
	case m.meeting == nil:
		return nil
	case key.Matches(msg, keys.CodeKey):
		if m.refusePrivate(consoleLang(m.common.Text.Lang).ConsolePrivateCodeKey) {
			return nil
		}
		m.codeKey = codeKeyAsking
		return nil
	case key.Matches(msg, keys.Notes) && m.active == screenSlides && !m.slides.NotesShown():
		if m.refusePrivate(consoleLang(m.common.Text.Lang).ConsolePrivateNotes) {
			return nil
		}
		m.notesAsk = true
		return nil
	case key.Matches(msg, keys.Consent) && m.active != screenConsent:
		return m.open(screenConsent)
	case key.Matches(msg, keys.Pledges) && m.active != screenPledges:
		return m.open(screenPledges)
	case key.Matches(msg, keys.Export) && m.common.Exporter != nil:
		return m.update(openFormMsg{formRequest{kind: formExport, dir: m.exportDir}})
	case key.Matches(msg, keys.FollowUp) && m.active != screenFollowUp:
		return m.open(screenFollowUp)
	case key.Matches(msg, keys.Checkin):
		return m.open(screenCheckin)
	case key.Matches(msg, keys.Plan) && m.active != screenPlan:
		return m.open(screenPlan)
	case key.Matches(msg, keys.Decisions) && m.active != screenDecisions:
		m.decisions.item = m.shown
		return m.open(screenDecisions)
	}
	if cmd, ok := m.handleRunKey(msg); ok {
		return cmd
	}
	out, cmd := m.activeScreen().Update(msg)
	return tea.Batch(cmd, m.handle(out))
}

// askQuit asks before quitting a meeting under way.
func (m *Model) askQuit() tea.Cmd {
	if m.meeting != nil && m.meeting.UnderWay() {
		m.quitting = true
		return nil
	}
	return m.quit()
}

// quit ends the program once every queued change is committed. Asked a
// second time while the database stays busy, it quits at once: the
// footer has said all along what is not saved.
func (m *Model) quit() tea.Cmd {
	m.quitting = false
	if m.queue.len() > 0 && !m.quitWhenSaved {
		m.quitWhenSaved = true
		return nil
	}
	return tea.Quit
}

// handleRunKey handles the keys that move the meeting along, which work on
// every screen: start, next item, back one item. The change is queued;
// the agenda cursor and, on an item's live view, the view move at once to
// where the meeting will be, because the key asked for it.
func (m *Model) handleRunKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	keys := m.common.Keys
	t := m.common.Text
	now := m.common.Clock.Now()
	var ch change
	switch {
	case key.Matches(msg, keys.Start) && !m.planned().UnderWay():
		ch = runChange(m.common, t.KeyStart, startWithFollowUp(m.openPledges, t.FollowUpItem), func(_, saved meeting.Meeting) string {
			return fmt.Sprintf(t.NoticeStarted, t.Clock(saved.Started.Local()))
		})
	case key.Matches(msg, keys.NextItem):
		ch = runChange(m.common, t.KeyNextItem, meeting.Meeting.Next, func(_, saved meeting.Meeting) string {
			if c := saved.Current(); c >= 0 {
				return fmt.Sprintf(t.NoticeItem, saved.Items[c].Title)
			}
			return fmt.Sprintf(t.NoticeEnded, t.Clock(now.Local()))
		})
	case m.planned().Ended() && key.Matches(msg, keys.PrevItem):
		// b on a finished meeting would quietly reopen it: ask first.
		m.reopening = true
		return nil, true
	case m.planned().Ended() && key.Matches(msg, keys.NextItem):
		m.err = meeting.ErrEnded()
		return nil, true
	case key.Matches(msg, keys.PrevItem):
		ch = runChange(m.common, t.KeyPrevItem, func(mt meeting.Meeting, _ time.Time) (meeting.Meeting, error) { return mt.Back() },
			func(_, saved meeting.Meeting) string {
				return fmt.Sprintf(t.NoticeBack, saved.Items[saved.Focus()].Title)
			})
	default:
		return nil, false
	}
	cmd := m.enqueue(ch)
	focus := m.planned().Focus()
	m.agenda.selectItem(focus)
	if m.liveView() && focus >= 0 {
		cmd = tea.Batch(cmd, m.show(focus))
	}
	return cmd, true
}

// reopen queues the reopening of an ended meeting, confirmed by the
// coordinator; the agenda's cursor goes to the item that runs again.
func (m *Model) reopen() tea.Cmd {
	t := m.common.Text
	cmd := m.enqueue(runChange(m.common, t.KeyReopen, func(mt meeting.Meeting, _ time.Time) (meeting.Meeting, error) { return mt.Reopen() },
		func(_, saved meeting.Meeting) string {
			return fmt.Sprintf(t.NoticeReopened, saved.Items[saved.Focus()].Title)
		}))
	if p := m.planned(); !p.Ended() {
		m.agenda.selectItem(p.Focus())
	}
	return cmd
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
		return c.Styles.Paint(placeCenter(c.Width, c.Height, c.Styles.Warning.Width(max(10, c.Width-2)).Align(lipgloss.Center).Render(msg)), c.Width)
	}
	_, bodyH := m.bodySize()
	var body string
	switch {
	case m.meeting == nil && m.err != nil:
		body = c.Styles.Error.Render(c.Text.ErrorPrefix + ": " + c.Text.Error(m.err))
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
	case m.reopening:
		body = m.reopenDialog(bodyH)
	case m.showHelp:
		body = m.helpOverlay(bodyH)
	case m.adding:
		body = m.addItem.View()
	case m.form != nil:
		body = m.form.View(c.Width, bodyH)
	default:
		body = m.activeScreen().View()
	}
	footer := m.footer()
	bodyH = fitBody(bodyH, footer)
	return c.Styles.frame(c.Width, bodyH, m.header(), body, footer)
}

func (m *Model) footer() string {
	c := m.common
	var line string
	var refused refusal
	switch {
	case m.queue.waiting:
		line = statusLine(c.Styles.Warning, "⏳ "+fmt.Sprintf(c.Text.WaitingDB, m.queue.len()), c.Width)
	case len(m.queue.failed) > 0:
		line = statusLine(c.Styles.Error, "✗ "+fmt.Sprintf(c.Text.NotSaved, m.queue.failedList())+" – "+storeError(c.Text, m.err), c.Width)
	case errors.As(m.err, &refused):
		line = statusLine(c.Styles.Error, "✗ "+refused.change.what+": "+storeError(c.Text, refused.err), c.Width)
	case m.err != nil && m.meeting != nil:
		line = statusLine(c.Styles.Error, "✗ "+c.Text.ErrorPrefix+": "+c.Text.Error(m.err), c.Width)
	case m.notice != "":
		line = statusLine(c.Styles.Attention, "✓ "+m.notice, c.Width)
	}
	var keys help.KeyMap = m.activeScreen()
	switch {
	case m.exported != nil:
		// The list of written files scrolls; any other key closes it.
		keys = bindings{c.Keys.Down, c.Keys.Up, c.Keys.ScrollDown, c.Keys.ScrollUp}
	case m.codeKey == codeKeyAsking:
		keys = bindings{c.Keys.Yes, c.Keys.No}
	case m.codeKey == codeKeyShown:
		keys = bindings{}
	case m.notesAsk:
		keys = bindings{c.Keys.Yes, c.Keys.No}
	case m.quitting, m.reopening:
		keys = bindings{c.Keys.Yes, c.Keys.No}
	case m.adding:
		keys = m.addItem
	case m.form != nil && m.form.submitting:
		// Keys typed now wait for the save and then act on what comes
		// after the form; the form's own keys do not work meanwhile.
		keys = bindings{}
	case m.form != nil:
		keys = m.form
	}
	if m.codeKey == codeKeyShown {
		// Every key only hides the code key; listing keys would mislead.
		return line + "\n"
	}
	// Not padded to one width here: frame pads every line of the frame.
	return line + "\n" + m.shortHelp(keys.ShortHelp())
}

// shortHelp renders a screen's keys with help and quit always at the end:
// when the line is too narrow, the screen's own keys are cut, never the
// way out.
func (m *Model) shortHelp(screenKeys []key.Binding) string {
	k := m.common.Keys
	global := []key.Binding{k.Help, k.Quit}
	if m.typing() {
		// Letters are text here: ? and q would be typed, not obeyed; a
		// function key opens the help and ctrl+c quits.
		global = []key.Binding{k.HelpTyping, k.Interrupt}
	}
	var own []key.Binding
	for _, b := range screenKeys {
		if !sameKeys(b, k.Help) && !sameKeys(b, k.Quit) && !sameKeys(b, k.HelpTyping) && !sameKeys(b, k.Interrupt) {
			own = append(own, b)
		}
	}
	// The line is the same frame after frame (a running round redraws
	// every second): drawn again only when its keys or the width change.
	id := footerID(m.common.Width, global, own)
	if id == m.footerKeys.id && m.footerKeys.line != "" {
		return m.footerKeys.line
	}
	line := m.drawShortHelp(global, own)
	m.footerKeys = footerCache{id: id, line: line}
	return line
}

// footerCache is the footer's key line as last drawn, and what it was
// drawn from (footerID).
type footerCache struct{ id, line string }

// footerID names what the footer's key line is drawn from: the width and
// each key's help text, shown or not.
func footerID(width int, lists ...[]key.Binding) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d", width)
	for _, l := range lists {
		b.WriteByte(0)
		for _, k := range l {
			h := k.Help()
			fmt.Fprintf(&b, "\x01%t\x02%s\x02%s", k.Enabled(), h.Key, h.Desc)
		}
	}
	return b.String()
}

// drawShortHelp draws the footer's key line: the screen's own keys, as
// many as fit, then the global ones.
func (m *Model) drawShortHelp(global, own []key.Binding) string {
	h := m.help
	h.Width = 0 // measured here: help's own cut lets an item through when no ellipsis fits
	tail := h.ShortHelpView(global)
	sep := h.Styles.ShortSeparator.Inline(true).Render(h.ShortSeparator)
	ellipsis := " " + h.Styles.Ellipsis.Inline(true).Render(h.Ellipsis)
	room := m.common.Width - textWidth(tail) - textWidth(sep)
	head := ""
	for i := range own {
		next := h.ShortHelpView(own[:i+1])
		if textWidth(next) > room {
			if textWidth(head)+textWidth(ellipsis) <= room {
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
	if m.form != nil || m.adding {
		return true
	}
	t, ok := m.activeScreen().(typist)
	return ok && t.typing()
}

func sameKeys(a, b key.Binding) bool {
	return strings.Join(a.Keys(), ",") == strings.Join(b.Keys(), ",")
}

func (m *Model) quitDialog(height int) string {
	t := m.common.Text
	body := t.QuitBody
	if m.planned().Ended() {
		// Never "under way" under a header that says it has ended.
		body = t.QuitBodyEnded
	}
	return m.confirmDialog(height, t.QuitTitle, body)
}

// reopenDialog asks before b reopens an ended meeting, naming the item
// that would run again.
func (m *Model) reopenDialog(height int) string {
	t := m.common.Text
	p := m.planned()
	end := ""
	if at, ok := p.EndedAt(); ok {
		end = t.Clock(at.Local())
	}
	again := ""
	if r, err := p.Reopen(); err == nil {
		again = r.Items[r.Focus()].Title
	}
	return m.confirmDialog(height, t.ReopenTitle, fmt.Sprintf(t.ReopenBody, end, again))
}

// confirmDialog is a centred yes/no question.
func (m *Model) confirmDialog(height int, title, body string) string {
	c := m.common
	content := lipgloss.JoinVertical(lipgloss.Left,
		c.Styles.Heading.Render(title), "",
		c.Styles.Text.Width(min(60, c.Width-10)).Render(body), "",
		m.help.ShortHelpView([]key.Binding{c.Keys.Yes, c.Keys.No}))
	return placeCenter(c.Width, height, c.Styles.Dialog.Render(content))
}

func (m *Model) helpOverlay(height int) string {
	c := m.common
	full := m.help.FullHelpView(m.helpGroups())
	content := lipgloss.JoinVertical(lipgloss.Left, c.Styles.Heading.Render(c.Text.HelpTitle), "", full)
	return placeCenter(c.Width, height, c.Styles.Overlay.Render(content))
}

// helpGroups are the keys the ? overlay lists: the screen's (or the open
// form's), then those that work everywhere, each key once.
func (m *Model) helpGroups() [][]key.Binding {
	var groups [][]key.Binding
	if m.form != nil {
		groups = m.form.FullHelp()
	} else if m.adding {
		groups = m.addItem.FullHelp()
	} else {
		groups = m.activeScreen().FullHelp()
	}
	if m.typing() {
		groups = append(groups, []key.Binding{m.common.Keys.HelpTyping, m.common.Keys.Interrupt})
	} else {
		groups = append(groups, m.globalKeys())
	}
	return uniqueKeys(groups)
}

// globalKeys are the keys that work on every screen.
func (m *Model) globalKeys() []key.Binding {
	k := m.common.Keys
	if m.planned().Ended() {
		return []key.Binding{k.Reopen, k.Checkin, k.Pledges, k.Decisions, k.Plan, k.FollowUp, k.Export, k.CodeKey, k.Consent, k.Theme, k.Help, k.Quit}
	}
	return []key.Binding{k.Start, k.NextItem, k.PrevItem, k.Checkin, k.Pledges, k.Decisions, k.Plan, k.FollowUp, k.Export, k.CodeKey, k.Consent, k.Theme, k.Help, k.Quit}
}

// uniqueKeys drops a key the help already lists (a screen may offer C or
// P that also work everywhere), so each key is in the help once.
func uniqueKeys(groups [][]key.Binding) [][]key.Binding {
	seen := map[string]bool{}
	var out [][]key.Binding
	for _, g := range groups {
		var kept []key.Binding
		for _, b := range g {
			id := strings.Join(b.Keys(), ",")
			if seen[id] || !b.Enabled() {
				continue
			}
			seen[id] = true
			kept = append(kept, b)
		}
		if len(kept) > 0 {
			out = append(out, kept)
		}
	}
	return out
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
	if textWidth(s) <= width {
		return s
	}
	// One pass: cutting a rune at a time and measuring again was
	// quadratic, and a 20 KB period from an old database took seconds a
	// frame.
	return ansi.Truncate(s, width, "…")
}

// padRight pads s with spaces to width cells so a highlighted row spans the
// screen.
func padRight(s string, width int) string {
	if w := textWidth(s); w < width {
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

// exportedRows is how many written files fit on screen under the title,
// above the position and the hint.
func (m *Model) exportedRows() int {
	_, bodyH := m.bodySize()
	return max(1, bodyH-5)
}

// exportedView lists the files the export wrote, relative to the folder
// named in the title, scrolling with a visible position when they do not
// all fit.
func (m *Model) exportedView() string {
	c := m.common
	e := m.exported
	lines := []string{}
	for _, l := range wrapLines(c.Text.T("tui.NoticeExported", len(e.paths), e.dir), c.Width) {
		lines = append(lines, c.Styles.Title.Render(l))
	}
	lines = append(lines, "")
	rows := max(1, m.exportedRows()-(len(lines)-2))
	offset := max(0, min(m.exportedOffset, len(e.paths)-rows))
	for _, p := range e.paths[offset:min(len(e.paths), offset+rows)] {
		if rel, err := filepath.Rel(e.dir, p); err == nil && !strings.HasPrefix(rel, "..") {
			p = rel
		}
		for _, l := range wrapIndent("✓ "+p, c.Width, 2) {
			lines = append(lines, c.Styles.Text.Render(l))
		}
	}
	hint := c.Text.DismissHint
	if pos := listPosition(c.Text, offset, rows, len(e.paths)); pos != "" {
		hint = pos + " · " + hint
	}
	lines = append(lines, "")
	for _, l := range wrapLines(hint, c.Width) {
		lines = append(lines, c.Styles.Heading.Render(l))
	}
	return strings.Join(lines, "\n")
}
