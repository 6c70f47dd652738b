package tui

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/klynge/klynge/meeting"
)

// Console is the presenter console (`klynge console`): a second window on
// the coordinator's laptop beside the projector. It shows what the room
// does not see — what comes next and when, the speaker notes, who is
// missing — follows the projector through the database, and drives the
// meeting with the projector's keys through the same ordered write queue.
// It is one screen; the code key and the attendance history open over it
// after an explicit j/y.
type Console struct {
	common    *Common
	text      consoleText
	meetingID int64
	meeting   *meeting.Meeting
	cluster   meeting.Cluster
	names     map[string]string
	// meetings are every stored meeting, read once, for the cluster's
	// evaluation trend.
	meetings []meeting.Meeting
	// openPledges counts earlier meetings' pledges awaiting follow-up.
	openPledges int
	queue       writeQueue
	watch       watcher
	saves       int
	private     privateStage
	history     *historyScreen
	// consent is the projector's consent list, open over the console
	// while consentOpen: P toggles a practice's consent to be shown by
	// name through the same write queue.
	consent     *consentScreen
	consentOpen bool
	// slip is the preview of a practice's personal slip (S, after j/y).
	slip slipPreview
	// showHelp shows every key of the console (?): the footer has room
	// for only some of them at 80 columns.
	showHelp bool
	help     help.Model
	// helpLine is the footer's key line as last drawn (fitHelp): the same
	// frame after frame, and trying every length of the key list drew it
	// a dozen times.
	helpLine footerCache
	// missingLines is who is missing, wrapped (attendanceLines).
	missingLines missingCache
	err          error
	notice       string
	// quitWhenSaved quits once the write queue is empty.
	quitWhenSaved bool
	// tickAt is when the console next redraws for the time alone (zero:
	// none is due); tickGen tells that tick from one it replaced.
	tickAt  time.Time
	tickGen int
	// trends are the histories of the indicators whose trend the console
	// has shown (trend.go).
	trends trendState
}

// privateStage is which private thing the console asks for or shows.
type privateStage int

const (
	privateNone privateStage = iota
	privateAskCodeKey
	privateCodeKey
	privateAskHistory
	privateHistory
	privateAskSlip
	privateSlipPick
	privateSlip
)

// NewConsole builds the console of opts.MeetingID. Like New it touches no
// disk: Init loads the meeting. The console always follows the database;
// opts.PollEvery sets how often it looks (0 or less: only on a PollMsg).
func NewConsole(ctx context.Context, opts Options) *Console {
	text := Language(opts.Lang)
	c := &Common{
		Ctx:      ctx,
		Renderer: opts.Renderer,
		Styles:   NewStyles(opts.Renderer, opts.Theme),
		Keys:     DefaultKeyMap(text),
		Text:     text,
		Store:    inertStore{opts.Store},
		Clock:    opts.Clock,
		Shared:   true,
	}
	k := &Console{
		common:    c,
		text:      consoleLang(opts.Lang),
		meetingID: opts.MeetingID,
		watch:     watcher{every: opts.PollEvery, writes: opts.Writes},
		history:   newHistoryScreen(c),
		consent:   newConsentScreen(c),
		help:      help.New(),
	}
	k.help.Styles.ShortKey = c.Styles.HelpKey
	k.help.Styles.ShortDesc = c.Styles.HelpDesc
	k.help.Styles.ShortSeparator = c.Styles.HelpSep
	k.help.Styles.Ellipsis = c.Styles.HelpSep
	c.plan = k.planned
	return k
}

// Meeting returns the meeting as last read or committed, nil before it has
// loaded. Tests use it.
func (k *Console) Meeting() *meeting.Meeting { return k.meeting }

// Pending is the number of changes not yet committed.
func (k *Console) Pending() int { return k.queue.len() }

func (k *Console) planned() meeting.Meeting {
	if k.meeting == nil {
		return meeting.Meeting{}
	}
	return k.queue.planned(*k.meeting)
}

// Init loads the meeting, starts the clock and the watcher.
func (k *Console) Init() tea.Cmd {
	return tea.Batch(loadMeeting(k.common, k.meetingID), loadHistory(k.common), k.schedule(), k.watch.start(k.common))
}

// Update handles size, clock, the watcher, the write queue and keys.
func (k *Console) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := k.update(msg)
	return k, tea.Batch(cmd, k.schedule())
}

// consoleTickMsg redraws the console because the time has moved what it
// shows; gen is the tick's number (see Console.tickGen).
type consoleTickMsg struct{ gen int }

// schedule makes sure the console wakes when the time alone next changes
// what it shows (nextChange), and not before: an idle console sits open
// all evening, and every wake-up is a frame drawn. A tick due later than a
// new, sooner change is replaced, and the replaced one does nothing when
// it comes.
func (k *Console) schedule() tea.Cmd {
	now := k.common.Clock.Now()
	at := k.nextChange(now)
	// A tick due long ago never came (the laptop slept): schedule anew.
	if !k.tickAt.IsZero() && !at.Before(k.tickAt) && now.Before(k.tickAt.Add(2*time.Second)) {
		return nil
	}
	k.tickGen++
	k.tickAt = at
	gen := k.tickGen
	return tea.Tick(at.Sub(now), func(time.Time) tea.Msg { return consoleTickMsg{gen} })
}

// nextChange is the first moment after now at which the console shows
// something else for the time alone. Seconds show only while a round's
// timer runs or the item's last minute counts down; otherwise the clock,
// the item's minutes left and the projections change by the minute.
func (k *Console) nextChange(now time.Time) time.Time {
	next := now.Truncate(time.Minute).Add(time.Minute) // the header's clock
	if k.meeting == nil || !k.meeting.UnderWay() {
		return next
	}
	mt := *k.meeting
	b := mt.Budget(now)
	second := now.Truncate(time.Second).Add(time.Second)
	if i := consoleFocus(mt, b); i >= 0 && mt.Items[i].Kind == meeting.KindGroupwork {
		switch mt.Items[i].RoundTimer().State(now) {
		case meeting.TimerRunning, meeting.TimerOverrun:
			return second
		}
	}
	soonest := func(d time.Duration) {
		if at := now.Add(d); at.Before(next) {
			next = at
		}
	}
	// While the projection moves with the clock (an item runs over, a
	// round waits or pauses), the drift, rounded to whole minutes,
	// changes as the projected end passes a half minute, and the next
	// items' starts as they pass a minute.
	if later := mt.Budget(now.Add(time.Second)); later.ProjectedEnd.Sub(b.ProjectedEnd) == time.Second {
		pe := b.ProjectedEnd
		d := (30*time.Second - pe.Sub(pe.Truncate(time.Minute)) + time.Minute) % time.Minute
		if d == 0 {
			d = time.Minute
		}
		soonest(d)
		for _, ib := range b.Items {
			if ib.Status == meeting.StatusPending {
				soonest(time.Minute - ib.ProjectedStart.Sub(ib.ProjectedStart.Truncate(time.Minute)))
				break
			}
		}
	}
	if b.Current < 0 {
		return next
	}
	left := b.Items[b.Current].Left
	if left > 0 && left <= time.Minute {
		return second
	}
	// The item's time shows in whole minutes rounded up (itemLeft): find
	// when that number next changes.
	if left > 0 {
		n := (left + time.Minute - 1) / time.Minute
		soonest(left - (n-1)*time.Minute)
	} else {
		over := -left
		n := (over + time.Minute - 1) / time.Minute
		soonest(n*time.Minute - over + time.Millisecond)
	}
	return next
}

// consoleFocus is the item the console is about: the running one, or the
// one the meeting is at.
func consoleFocus(mt meeting.Meeting, b meeting.Budget) int {
	if b.Current >= 0 {
		return b.Current
	}
	return mt.Focus()
}

// itemLeft is the running item's time left or over as the console shows
// it: whole minutes rounded up, and the seconds in the last minute, so the
// console need not redraw every second for a number the coordinator reads
// in minutes.
func (k *Console) itemLeft(left time.Duration) string {
	t := k.common.Text
	if left > 0 && left <= time.Minute {
		return fmt.Sprintf(t.Left, leftText(left))
	}
	d := left.Abs()
	n := int((d + time.Minute - 1) / time.Minute)
	in := fmt.Sprintf("%d %s", n, t.MinutesShort)
	if left > 0 {
		return fmt.Sprintf(t.Left, in)
	}
	return fmt.Sprintf(t.Over, in)
}

func (k *Console) update(msg tea.Msg) tea.Cmd {
	c := k.common
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		c.Width, c.Height = msg.Width, msg.Height
		k.history.SetSize(msg.Width, max(0, msg.Height-headerLines-footerLines))
		k.consent.SetSize(msg.Width, max(0, msg.Height-headerLines-footerLines))
		return nil
	case consoleTickMsg:
		if msg.gen == k.tickGen {
			k.tickAt = time.Time{}
		}
		return nil
	case meetingMsg:
		k.set(msg)
		return k.loadTrend(k.planned())

	// Following the other windows.
	case PollMsg:
		return k.watch.look(c)
	case restartWatchMsg:
		return k.watch.wait(c)
	case versionMsg:
		cmds := []tea.Cmd{k.watch.next(c, msg)}
		if k.watch.changed(msg) && k.meeting != nil {
			cmds = append(cmds, reload(c, k.meetingID, k.saves))
		}
		return tea.Batch(cmds...)
	case rereadMsg:
		return reload(c, k.meetingID, k.saves)
	case reloadedMsg:
		if k.queue.len() > 0 || msg.saves != k.saves {
			return tea.Tick(rereadAfter, func(time.Time) tea.Msg { return rereadMsg{} })
		}
		k.set(msg.meetingMsg)
		if k.private == privateHistory {
			return k.history.load(k.cluster)
		}
		return k.loadTrend(k.planned())

	// The write queue, as in the projector.
	case writeMsg:
		if k.meeting == nil {
			return nil
		}
		cmd, refused := k.queue.push(c, *k.meeting, msg.change)
		k.refused(refused)
		return cmd
	case savedMsg:
		if !k.queue.landed(msg.seq) {
			return nil
		}
		k.saves++
		k.meeting = &msg.meeting
		k.consent.setMeeting(msg.meeting, k.names)
		if msg.notice != "" {
			k.notice = msg.notice
		}
		return k.nextWrite()
	case saveFailedMsg:
		if !k.queue.busy || msg.seq != k.queue.seq {
			return nil
		}
		if busyStore(msg.err) {
			return k.queue.retry()
		}
		k.queue.fail(k.queue.head.what)
		k.err = msg.err
		return k.nextWrite()
	case slowMsg:
		if k.queue.busy && msg.seq == k.queue.seq {
			k.queue.waiting = true
		}
		return nil
	case retryMsg:
		if k.queue.busy && msg.seq == k.queue.seq {
			return k.queue.start(c)
		}
		return nil

	case meetingsMsg:
		k.meetings = msg.meetings
		return nil
	case slipInputMsg:
		if msg.meetingID == k.meetingID {
			k.slip.in, k.slip.loaded = msg.in, true
		}
		return nil
	case historyMsg:
		_, cmd := k.history.Update(msg)
		return cmd
	case trendLoadedMsg:
		k.trendLoaded(msg)
		return nil
	case errMsg:
		k.err = msg.err
		return nil
	case tea.KeyMsg:
		return eachKey(msg, k.key)
	}
	return nil
}

// set takes a meeting read from the store.
func (k *Console) set(msg meetingMsg) {
	k.meeting = &msg.meeting
	k.cluster = msg.cluster
	k.openPledges = msg.openPledges
	k.names = make(map[string]string, len(msg.cluster.Practices))
	for _, p := range msg.cluster.Practices {
		k.names[p.Ydernummer] = p.Name
	}
	k.consent.setMeeting(msg.meeting, k.names)
}

func (k *Console) nextWrite() tea.Cmd {
	cmd, refused := k.queue.next(k.common, *k.meeting)
	k.refused(refused)
	if k.quitWhenSaved && k.queue.len() == 0 {
		return tea.Quit
	}
	return cmd
}

func (k *Console) refused(errs []error) {
	for _, err := range errs {
		k.err = err
	}
}

// key handles one key press: the private screens first, then the keys
// that drive the meeting.
func (k *Console) key(msg tea.KeyMsg) tea.Cmd {
	c := k.common
	keys := c.Keys
	t := c.Text
	switch k.private {
	case privateAskCodeKey, privateAskHistory, privateAskSlip:
		ask := k.private
		k.private = privateNone
		if key.Matches(msg, keys.Yes) {
			switch ask {
			case privateAskCodeKey:
				k.private = privateCodeKey
				return nil
			case privateAskSlip:
				k.private = privateSlipPick
				return k.openSlips()
			}
			k.private = privateHistory
			return k.history.load(k.cluster)
		}
		return nil
	case privateCodeKey:
		// Any key hides the code key, and does nothing else.
		k.private = privateNone
		return nil
	case privateHistory:
		if key.Matches(msg, keys.Back) || key.Matches(msg, keys.History) || key.Matches(msg, keys.Quit) {
			k.private = privateNone
			return nil
		}
		_, cmd := k.history.Update(msg)
		return cmd
	case privateSlipPick, privateSlip:
		return k.slipKey(msg)
	}
	if k.showHelp {
		// Any key closes the list of keys, and does nothing else.
		k.showHelp = false
		return nil
	}
	k.err = nil
	k.notice = ""
	k.queue.failed = nil
	if k.consentOpen && !key.Matches(msg, keys.Quit) {
		msgs, cmd := k.consent.Update(msg)
		cmds := []tea.Cmd{cmd}
		for _, m := range msgs {
			switch m := m.(type) {
			case backMsg:
				k.consentOpen = false
			case writeMsg:
				cmds = append(cmds, k.update(m))
			}
		}
		return tea.Batch(cmds...)
	}
	if key.Matches(msg, keys.Quit) {
		if k.queue.len() > 0 && !k.quitWhenSaved {
			k.quitWhenSaved = true
			return nil
		}
		return tea.Quit
	}
	if key.Matches(msg, keys.Help) {
		k.showHelp = true
		return nil
	}
	if k.meeting == nil {
		return nil
	}
	plan := k.planned()
	switch {
	case key.Matches(msg, keys.CodeKey):
		k.private = privateAskCodeKey
	case key.Matches(msg, keys.History):
		k.private = privateAskHistory
	case key.Matches(msg, keys.Slip):
		k.private = privateAskSlip
	case key.Matches(msg, keys.Reveal):
		return k.reveal(plan)
	case key.Matches(msg, keys.Trend):
		return k.trend(plan)
	case key.Matches(msg, keys.Consent):
		k.consentOpen = true
	case key.Matches(msg, keys.Prev) && k.dataItem(plan) >= 0:
		return k.turnChart(plan, -1)
	case key.Matches(msg, consoleNextSlide(keys)) && k.dataItem(plan) >= 0:
		return k.turnChart(plan, 1)
	case key.Matches(msg, keys.Prev):
		if plan.TurnSlide(-1).Slide != plan.Slide {
			return k.write(slideChange(c, -1))
		}
	case key.Matches(msg, consoleNextSlide(keys)):
		if plan.TurnSlide(1).Slide != plan.Slide {
			return k.write(slideChange(c, 1))
		}
	case key.Matches(msg, keys.Start) && !plan.UnderWay():
		return k.write(runChange(c, t.KeyStart, startWithFollowUp(k.openPledges, t.FollowUpItem), func(_, saved meeting.Meeting) string {
			return fmt.Sprintf(t.NoticeStarted, t.Clock(saved.Started.Local()))
		}))
	case key.Matches(msg, keys.NextItem):
		now := c.Clock.Now()
		return k.write(runChange(c, t.KeyNextItem, meeting.Meeting.Next, func(_, saved meeting.Meeting) string {
			if cur := saved.Current(); cur >= 0 {
				return fmt.Sprintf(t.NoticeItem, saved.Items[cur].Title)
			}
			return fmt.Sprintf(t.NoticeEnded, t.Clock(now.Local()))
		}))
	case key.Matches(msg, keys.PrevItem):
		return k.write(runChange(c, t.KeyPrevItem, func(mt meeting.Meeting, _ time.Time) (meeting.Meeting, error) { return mt.Back() },
			func(_, saved meeting.Meeting) string {
				return fmt.Sprintf(t.NoticeBack, saved.Items[saved.Focus()].Title)
			}))
	case key.Matches(msg, keys.StartPause):
		return k.roundChange(plan, t.KeyStartPause, meeting.Timer.Toggle)
	case key.Matches(msg, keys.Plus1):
		return k.minuteChange(plan, time.Minute)
	case key.Matches(msg, keys.Minus1):
		return k.minuteChange(plan, -time.Minute)
	}
	return nil
}

// dataItem is the data item in focus, -1 when the item in focus is not
// one: on a data item ←/→ turn the indicator pages, as on the projector's
// data screen.
func (k *Console) dataItem(plan meeting.Meeting) int {
	i := plan.Focus()
	if i < 0 || i >= len(plan.Items) || plan.Items[i].Kind != meeting.KindData || len(plan.ChartPages(i)) == 0 {
		return -1
	}
	return i
}

// turnChart moves the data item's indicator page by delta.
func (k *Console) turnChart(plan meeting.Meeting, delta int) tea.Cmd {
	i := k.dataItem(plan)
	pages := len(plan.ChartPages(i))
	page := plan.ChartPage(i)
	if next := max(0, min(page+delta, pages-1)); next != page {
		return k.write(chartPageChange(k.common, i, next, pages))
	}
	return nil
}

// reveal shows the bars of the indicator page in focus, or hides them
// again.
func (k *Console) reveal(plan meeting.Meeting) tea.Cmd {
	i := k.dataItem(plan)
	if i < 0 {
		return nil
	}
	id := plan.ChartPages(i)[plan.ChartPage(i)]
	if id == "" {
		return nil // the context page has no bars to hide
	}
	return k.write(chartShowChange(k.common, id, !plan.ChartShown(id)))
}

// consoleNextSlide is → and l: space starts and pauses the round here.
func consoleNextSlide(keys KeyMap) key.Binding {
	return key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("←/→", keys.Next.Help().Desc))
}

func (k *Console) write(ch change) tea.Cmd { return k.update(writeMsg{ch}) }

// roundChange changes the timer of the running group-work round.
func (k *Console) roundChange(plan meeting.Meeting, what string, fn func(meeting.Timer, time.Time) (meeting.Timer, error)) tea.Cmd {
	i := plan.Current()
	if i < 0 || plan.Items[i].Kind != meeting.KindGroupwork {
		return nil
	}
	return k.write(k.timerChange(i, what, fn))
}

func (k *Console) timerChange(i int, what string, fn func(meeting.Timer, time.Time) (meeting.Timer, error)) change {
	t := k.common.Text
	return change{
		what: what,
		at:   k.common.Clock.Now(),
		op: func(m meeting.Meeting, at time.Time) (meeting.Meeting, error) {
			return m.ChangeTimer(i, at, fn)
		},
		commit: func(ctx context.Context, st Store, _, after meeting.Meeting) (meeting.Meeting, tea.Msg, error) {
			it := after.Items[i]
			return after, nil, st.RecordTimer(ctx, after.ID, it.ID, it.RoundTimer())
		},
		notice: func(before, after meeting.Meeting) string {
			b, a := before.Items[i].RoundTimer(), after.Items[i].RoundTimer()
			switch {
			case b.Planned != a.Planned:
				return fmt.Sprintf(t.NoticeRoundLength, wholeMinutes(a.Planned))
			case b.Started == nil:
				return t.NoticeRoundStarted
			case a.PausedAt != nil:
				return t.NoticeRoundPaused
			}
			return t.NoticeRoundResumed
		},
		fresh: true,
	}
}

// minuteChange gives the running round a minute more or less; on any other
// item it changes the item's planned minutes.
func (k *Console) minuteChange(plan meeting.Meeting, d time.Duration) tea.Cmd {
	i := plan.Current()
	if i < 0 {
		return nil
	}
	what := k.text.ConsoleKeyMinute
	if plan.Items[i].Kind == meeting.KindGroupwork {
		return k.write(k.timerChange(i, what, func(tm meeting.Timer, _ time.Time) (meeting.Timer, error) {
			return tm.Extend(d)
		}))
	}
	delta := int(d / time.Minute)
	return k.write(runChange(k.common, what, func(mt meeting.Meeting, _ time.Time) (meeting.Meeting, error) {
		return mt.SetMinutes(i, mt.Items[i].Minutes+delta)
	}, func(_, saved meeting.Meeting) string {
		return fmt.Sprintf(k.common.Text.NoticeMinutes, saved.Items[i].Title, saved.Items[i].Minutes)
	}))
}

// View draws the console: a banner that it is not for the projector, then
// the meeting's time, notes, round, attendance and follow-ups, or the
// private screen asked for.
func (k *Console) View() string {
	c := k.common
	if c.Width == 0 {
		return ""
	}
	if c.Width < MinWidth || c.Height < MinHeight {
		msg := fmt.Sprintf(c.Text.TooSmall, MinWidth, MinHeight, c.Width, c.Height)
		return c.Styles.Paint(placeCenter(c.Width, c.Height, c.Styles.Warning.Width(max(10, c.Width-2)).Align(lipgloss.Center).Render(msg)), c.Width)
	}
	bodyH := max(0, c.Height-headerLines-footerLines)
	var body string
	switch {
	case k.meeting == nil && k.err != nil:
		body = c.Styles.Error.Render(c.Text.ErrorPrefix + ": " + c.Text.Error(k.err))
	case k.meeting == nil:
		body = c.Styles.Text.Render(c.Text.Loading)
	case k.private == privateAskCodeKey:
		body = k.ask(bodyH, c.Text.CodeKeyTitle, c.Text.CodeKeyWarning)
	case k.private == privateAskHistory:
		body = k.ask(bodyH, k.text.ConsoleHistoryAsk, k.text.ConsoleHistoryWarn)
	case k.private == privateCodeKey:
		body = k.codeKeyView(bodyH)
	case k.private == privateHistory:
		body = k.history.View()
	case k.private == privateAskSlip:
		body = k.ask(bodyH, c.Text.T("tui.SlipAsk"), c.Text.T("tui.SlipWarn"))
	case k.private == privateSlipPick:
		body = k.slipPickView(bodyH)
	case k.private == privateSlip:
		body = k.slipView(bodyH)
	case k.consentOpen:
		body = k.consent.View()
	case k.showHelp:
		body = k.helpView(bodyH)
	default:
		body = k.body(bodyH)
	}
	footer := k.footer()
	bodyH = fitBody(bodyH, footer)
	return c.Styles.frame(c.Width, bodyH, k.header(), body, footer)
}

func (k *Console) header() string {
	c := k.common
	s := c.Styles
	// Minutes only: the console redraws by the minute when it can.
	clock := s.Clock.Render(c.Clock.Now().Local().Format("15:04"))
	title := c.Text.Loading
	if k.meeting != nil {
		title = k.meeting.Title
	}
	banner := s.Error.Render("⚠ " + k.text.ConsoleTitle)
	right := banner + "  " + clock
	line1 := spread(s.Title.Render(truncate(title, c.Width-textWidth(right)-2)), right, c.Width)
	line2 := ""
	if k.meeting != nil {
		line2 = k.budgetLine()
	}
	return lipgloss.JoinVertical(lipgloss.Left, line1, line2, s.Divider.Render(strings.Repeat("━", c.Width)))
}

// budgetLine is the meeting's planned and projected end and its drift
// (meeting.Budget, the clock the projector's header uses).
func (k *Console) budgetLine() string {
	c := k.common
	s := c.Styles
	t := c.Text
	mt := *k.meeting
	if !mt.UnderWay() {
		return s.Status.Render(truncate(fmt.Sprintf(k.text.ConsoleNotStarted, t.Clock(mt.PlannedStart.Local())), c.Width))
	}
	b := mt.Budget(c.Clock.Now())
	style := s.Status
	if b.Standing == meeting.StandingBehind {
		style = s.Warning
	}
	// The one clock: the same projected end and words as the agenda.
	return style.Render(truncate(fmt.Sprintf(k.text.ConsoleBudget, t.Clock(b.PlannedEnd.Local()), t.Clock(b.ShownEnd().Local()), t.standing(mt, b)), c.Width))
}

// body is the console's main view, in sections that shrink to fit: the
// items, the notes, the round, attendance and follow-ups.
func (k *Console) body(height int) string {
	c := k.common
	s := c.Styles
	t := c.Text
	mt := *k.meeting
	w := c.Width
	now := c.Clock.Now()
	b := mt.Budget(now)
	var lines []string

	// The current item and the next two.
	focus := consoleFocus(mt, b)
	if focus >= 0 && focus < len(mt.Items) {
		it := mt.Items[focus]
		ib := b.Items[focus]
		left := ""
		if b.Current >= 0 {
			left = k.itemLeft(ib.Left)
		}
		head := fmt.Sprintf("%s %d/%d %s %s", k.text.ConsoleNow+":", focus+1, len(mt.Items), kindSymbol(it.Kind), it.Title)
		style := s.Clock
		if ib.Left <= 0 && b.Current >= 0 {
			style = s.Error
		}
		lines = append(lines, spread(s.Kind.Render(truncate(head, w-textWidth(left)-2)), style.Render(left), w))
	} else if mt.Ended() {
		lines = append(lines, s.Status.Render(t.MeetingEnded))
	}
	shown := 0
	for i := focus + 1; i < len(mt.Items) && shown < 2; i++ {
		it := mt.Items[i]
		if it.Status() != meeting.StatusPending {
			continue
		}
		shown++
		ib := b.Items[i]
		at := fmt.Sprintf(k.text.ConsoleAbout, t.Clock(ib.ProjectedStart.Local()))
		style := s.Text
		if !ib.Fits {
			style = s.Warning
			at = "⚠ " + at
		}
		label := fmt.Sprintf("  %s %d %s %s (%d %s)", k.text.ConsoleThen+":", i+1, kindSymbol(it.Kind), it.Title, it.Minutes, t.MinutesShort)
		lines = append(lines, spread(style.Render(truncate(label, w-textWidth(at)-2)), style.Render(at), w))
	}
	lines = append(lines, "")

	// The round, when the item in focus is group work.
	if focus >= 0 && focus < len(mt.Items) && mt.Items[focus].Kind == meeting.KindGroupwork {
		lines = append(lines, k.roundLines(mt, focus, now)...)
	}

	// The evaluation as the projector shows it, and the cluster's trend.
	if focus >= 0 && focus < len(mt.Items) && mt.Items[focus].Kind == meeting.KindEvaluation {
		lines = append(lines, k.evaluationLines(mt, focus)...)
	}

	// The data item's indicator page and whether its bars show.
	if i := k.dataItem(k.planned()); i >= 0 {
		lines = append(lines, k.chartLine(k.planned(), i))
		if l := staleItemLine(k.common.Text, k.planned(), i, w); l != "" {
			lines = append(lines, s.Warning.Render(l))
		}
		lines = append(lines, k.trendLines(k.planned(), i)...)
		lines = append(lines, k.collectLines(mt)...)
		lines = append(lines, "")
	}

	// Notes of the projector's slide and the next slide's title.
	lines = append(lines, k.notesLines()...)
	lines = append(lines, "")

	// Attendance and follow-ups.
	lines = append(lines, k.attendanceLines()...)
	if k.openPledges > 0 {
		lines = append(lines, s.Text.Render(truncate(fmt.Sprintf(k.text.ConsoleFollowUps, k.openPledges), w)))
	} else {
		lines = append(lines, s.Muted.Render(truncate(k.text.ConsoleNoFollowUps, w)))
	}
	if len(lines) > height {
		lines = lines[:height]
	}
	return strings.Join(lines, "\n")
}

// roundLines are the round's timer and its groups.
func (k *Console) roundLines(mt meeting.Meeting, i int, now time.Time) []string {
	c := k.common
	s := c.Styles
	w := c.Width
	tm := mt.Items[i].RoundTimer()
	var state string
	style := s.Clock
	switch tm.State(now) {
	case meeting.TimerNotStarted:
		state = fmt.Sprintf(k.text.ConsoleRoundWaiting, wholeMinutes(tm.Planned))
	case meeting.TimerPaused:
		state = fmt.Sprintf(k.text.ConsoleRoundPaused, leftText(tm.Remaining(now)))
	case meeting.TimerOverrun:
		state, style = fmt.Sprintf(k.text.ConsoleRoundOver, leftText(tm.Remaining(now))), s.Error
	default:
		state = fmt.Sprintf(k.text.ConsoleRoundLeft, leftText(tm.Remaining(now)))
		if tm.Remaining(now) <= meeting.LastMinutesWindow {
			style = s.Warning
		}
	}
	groups := k.text.ConsoleNoGroups
	if n := len(mt.Groups); n > 0 {
		groups = fmt.Sprintf(k.text.ConsoleGroups, n)
	}
	lines := []string{s.Heading.Render(k.text.ConsoleRound+": ") + style.Render(state) + s.Muted.Render(" · "+groups)}
	for _, g := range mt.Groups {
		names := make([]string, len(g.Members))
		for j, m := range g.Members {
			names[j] = m.Name
		}
		lines = append(lines, s.Text.Render(truncate("  "+fmt.Sprintf(k.text.ConsoleGroup, g.Number, strings.Join(names, ", ")), w)))
	}
	return append(lines, "")
}

// evaluationLines are item i's evaluation so far (n, mean, median) and
// the cluster's trend across earlier meetings, when there is one.
func (k *Console) evaluationLines(mt meeting.Meeting, i int) []string {
	c := k.common
	s := c.Styles
	w := c.Width
	stats := meeting.Stats(mt.Items[i].Evaluation.Entries)
	head := k.text.ConsoleEvaluation + ": "
	now := s.Muted.Render(truncate(k.text.ConsoleEvalNone, w-textWidth(head)))
	if stats.N > 0 {
		now = s.Text.Render(truncate(c.Text.T("tui.EvalStats", stats.N, scoreNumber(stats.Mean, c.Text.Lang), scoreNumber(stats.Median, c.Text.Lang)), w-textWidth(head)))
	}
	lines := []string{s.Heading.Render(head) + now}
	if tr := evalTrendLine(c.Text, k.meetings, mt, stats, w-2); tr != "" {
		lines = append(lines, s.Text.Render("  "+tr))
	}
	return append(lines, "")
}

// notesLines are the speaker notes of the projector's slide, wrapped, and
// the next slide's title.
func (k *Console) notesLines() []string {
	c := k.common
	s := c.Styles
	w := c.Width
	slides := k.meeting.Pack.Slides
	if len(slides) == 0 {
		return []string{s.Muted.Render(k.text.ConsoleNoSlides)}
	}
	i := max(0, min(k.planned().Slide, len(slides)-1))
	lines := []string{s.Heading.Render(fmt.Sprintf(k.text.ConsoleNotes, i+1, len(slides)))}
	notes := strings.TrimSpace(slides[i].Notes)
	if notes == "" {
		lines = append(lines, s.Muted.Render("  "+k.text.ConsoleNoNotes))
	} else {
		wrapped := lipgloss.NewStyle().Width(max(10, w-2)).Render(notes)
		const most = 6 // the notes never push attendance off the screen
		ls := strings.Split(wrapped, "\n")
		if len(ls) > most {
			ls = append(ls[:most-1], "…")
		}
		for _, l := range ls {
			lines = append(lines, s.Text.Render("  "+strings.TrimRight(l, " ")))
		}
	}
	next := k.text.ConsoleLastSlide
	if i+1 < len(slides) {
		next = fmt.Sprintf(k.text.ConsoleNextSlide, slideTitle(slides[i+1]))
	}
	return append(lines, s.Muted.Render(truncate(next, w)))
}

// chartLine names the indicator page the projector shows and whether its
// bars are revealed.
func (k *Console) chartLine(plan meeting.Meeting, i int) string {
	s := k.common.Styles
	pages := plan.ChartPages(i)
	page := max(0, min(plan.ChartPage(i), len(pages)-1))
	id := pages[page]
	var title, state string
	style := s.Text
	if ch, ok := plan.Pack.Choice(id); ok {
		title = ch.Title // a choice among options: its stacked chart
	}
	if ind, ok := plan.Pack.Indicator(id); ok && id != "" || title != "" {
		title = cmp.Or(title, ind.Title)
		state = " · " + k.text.ConsoleChartShown
		if !plan.ChartShown(id) {
			state, style = " · "+k.text.ConsoleChartHidden, s.Warning
		}
		if plan.DataScreen.Trend && plan.DataScreen.Item == i {
			state += " · " + k.common.Text.T("tui.ConsoleTrendShown")
		}
	} else {
		title = chartText(k.common.Text.Lang).ContextHead
	}
	return style.Render(truncate(fmt.Sprintf(k.text.ConsoleChart, page+1, len(pages), title)+state, k.common.Width))
}

// slideTitle is a slide's first non-empty line without its Markdown
// heading marks.
func slideTitle(sl meeting.Slide) string {
	for _, l := range strings.Split(sl.Body, "\n") {
		if l = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(l), "#")); l != "" {
			return l
		}
	}
	return ""
}

// attendanceLines count who came and name the active members not yet
// checked in.
func (k *Console) attendanceLines() []string {
	c := k.common
	s := c.Styles
	w := c.Width
	mt := *k.meeting
	present, apologies := 0, 0
	var missing []string
	for _, mem := range k.cluster.ActiveMembers(mt.PlannedStart) {
		a, ok := mt.Attendance[mem.ID]
		switch {
		case ok && a.Status.Attended():
			present++
		case ok && a.Status == meeting.StatusApologies:
			apologies++
		case !ok:
			missing = append(missing, mem.Name)
		}
	}
	lines := []string{s.Text.Render(truncate(fmt.Sprintf(k.text.ConsoleAttendance, present, apologies, len(missing)), w))}
	if len(missing) > 0 {
		// The names wrapped are the same frame after frame until someone
		// checks in: sorted and fitted again only when they, the width or
		// the language change.
		key := strings.Join(append([]string{fmt.Sprint(w), c.Text.Lang, c.Text.And, k.text.ConsoleMissing, k.text.ConsoleMore}, missing...), "\x00")
		if key != k.missingLines.id {
			k.missingLines = missingCache{id: key, lines: k.fitMissing(missing, w)}
		}
		for _, l := range k.missingLines.lines {
			lines = append(lines, s.Warning.Render(l))
		}
	}
	return lines
}

// missingCache is the console's list of who is missing as last wrapped
// (fitMissing), and what it was wrapped from.
type missingCache struct {
	id    string
	lines []string
}

// fitMissing sorts the names of those missing and wraps them on at most
// three lines: the names are the point; those that do not fit are
// counted.
func (k *Console) fitMissing(missing []string, w int) []string {
	c := k.common
	missing = slices.Clone(missing)
	sort.SliceStable(missing, func(i, j int) bool { return c.nameLess(missing[i], missing[j]) })
	const most = 3
	return fitNames(missing, w, most, func(n int) []string {
		names := missing[:n:n]
		if n < len(missing) {
			names = append(names, fmt.Sprintf(k.text.ConsoleMore, len(missing)-n))
		}
		return wrapIndent(fmt.Sprintf(k.text.ConsoleMissing, c.Text.joinNames(names)), w, 2)
	})
}

// fitNames is wrapped(n) for the most names n (of names) whose wrapped
// lines number at most most, or wrapped(1) when none fit. It tries n from
// all names down, as a person would cut the list; wrapping sixty names
// sixty times took milliseconds a frame, so an n whose text cannot fit is
// passed over unwrapped. wrapped(n) is wrapIndent(text, width, 2) of a
// text holding names[:n] with a visible character (a comma) between each
// two of the first n-1: wrapping drops only spaces, the first line holds
// at most width cells and every other line at most width-2 after its
// indent, so visible characters beyond that room cannot fit.
func fitNames(names []string, width, most int, wrapped func(n int) []string) []string {
	room := most * width
	if width > 2 {
		room = width + (most-1)*(width-2)
	}
	visible := 0
	cells := make([]int, len(names)+1) // cells[n]: visible cells of names[:n]
	for i, name := range names {
		visible += lineWidth(strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) {
				return -1
			}
			return r
		}, name))
		cells[i+1] = visible
	}
	var lines []string
	for n := len(names); n > 0; n-- {
		if n > 1 && cells[n]+n-2 > room {
			continue
		}
		lines = wrapped(n)
		if len(lines) <= most {
			break
		}
	}
	return lines
}

// ask is the warning before a private screen opens, answered by j/y.
func (k *Console) ask(height int, title, warning string) string {
	c := k.common
	s := c.Styles
	content := lipgloss.JoinVertical(lipgloss.Left,
		s.Error.Render("⚠ "+title), "",
		s.Text.Width(min(60, c.Width-10)).Render(warning), "",
		k.help.ShortHelpView([]key.Binding{c.Keys.Yes, c.Keys.No}))
	return placeCenter(c.Width, height, s.Dialog.Render(content))
}

// codeKeyView lists code, practice and ydernummer, as the projector's code
// key does.
func (k *Console) codeKeyView(height int) string {
	return codeKeyTable(k.common, k.meeting.Codes, k.names, height)
}

// helpView lists every key of the console with what it does, one a line.
func (k *Console) helpView(height int) string {
	c := k.common
	s := c.Styles
	var keys []key.Binding
	for _, b := range k.ShortHelp() {
		if !sameKeys(b, c.Keys.Quit) {
			keys = append(keys, b)
		}
	}
	keys = append(keys, c.Keys.Help, c.Keys.Quit)
	keyW := 0
	for _, b := range keys {
		keyW = max(keyW, textWidth(b.Help().Key))
	}
	lines := []string{s.Heading.Render(c.Text.HelpTitle), ""}
	for _, b := range keys {
		lines = append(lines, s.HelpKey.Render(cellsLeft(b.Help().Key, keyW))+"  "+s.HelpDesc.Render(b.Help().Desc))
	}
	return placeCenter(c.Width, height, s.Overlay.Render(strings.Join(lines, "\n")))
}

// ShortHelp lists the console's keys.
func (k *Console) ShortHelp() []key.Binding {
	keys := k.common.Keys
	minute := key.NewBinding(key.WithKeys("+", "-"), key.WithHelp("+/-", k.text.ConsoleKeyMinute))
	slide := key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", k.text.ConsoleKeyPage))
	history := key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", k.text.ConsoleKeyHistory))
	return []key.Binding{keys.NextItem, keys.PrevItem, keys.StartPause, minute, slide, keys.Reveal, keys.Trend, keys.Consent, keys.CodeKey, history, keys.Slip, keys.Quit, keys.Start}
}

func (k *Console) footer() string {
	c := k.common
	var line string
	switch {
	case k.queue.waiting:
		line = statusLine(c.Styles.Warning, "⏳ "+fmt.Sprintf(c.Text.WaitingDB, k.queue.len()), c.Width)
	case len(k.queue.failed) > 0:
		line = statusLine(c.Styles.Error, "✗ "+fmt.Sprintf(c.Text.NotSaved, k.queue.failedList())+" – "+storeError(c.Text, k.err), c.Width)
	case k.err != nil && k.meeting != nil:
		line = statusLine(c.Styles.Error, "✗ "+storeError(c.Text, k.err), c.Width)
	case k.notice != "":
		line = statusLine(c.Styles.Attention, "✓ "+k.notice, c.Width)
	}
	var keys []key.Binding
	switch k.private {
	case privateAskCodeKey, privateAskHistory, privateAskSlip:
		keys = []key.Binding{c.Keys.Yes, c.Keys.No}
	case privateSlipPick, privateSlip:
		keys = k.slipHelp()
	case privateCodeKey:
	case privateHistory:
		keys = []key.Binding{c.Keys.Up, c.Keys.Down, c.Keys.Back}
	default:
		if k.consentOpen {
			keys = k.consent.ShortHelp()
			break
		}
		keys = k.ShortHelp()
	}
	// Not padded to one width here: frame pads every line of the frame.
	return line + "\n" + k.fitHelp(keys)
}

// fitHelp shows as many of keys as fit the width, in order, marking a cut
// with an ellipsis; the way out (q) always shows, at the end.
func (k *Console) fitHelp(keys []key.Binding) string {
	h := k.help
	h.Width = 0
	quit := k.common.Keys.Quit
	var own []key.Binding
	for _, b := range keys {
		if !sameKeys(b, quit) && !sameKeys(b, k.common.Keys.Help) {
			own = append(own, b)
		}
	}
	var tailKeys []key.Binding
	if k.private == privateNone {
		// The way to every key that does not fit, and the way out.
		tailKeys = []key.Binding{k.common.Keys.Help, quit}
		if k.consentOpen || k.showHelp {
			tailKeys = []key.Binding{quit}
		}
	}
	// The help's styles are the console's, set once in NewConsole.
	id := footerID(k.common.Width, own, tailKeys)
	if id == k.helpLine.id && k.helpLine.line != "" {
		return k.helpLine.line
	}
	line := k.drawHelp(h, own, tailKeys)
	k.helpLine = footerCache{id: id, line: line}
	return line
}

// drawHelp is fitHelp's line drawn: as many of own as fit, then tailKeys.
func (k *Console) drawHelp(h help.Model, own, tailKeys []key.Binding) string {
	tail := ""
	if tailKeys != nil {
		tail = h.ShortHelpView(tailKeys)
	}
	sep := h.Styles.ShortSeparator.Inline(true).Render(h.ShortSeparator)
	room := k.common.Width - textWidth(tail) - textWidth(sep)
	head := ""
	for i := range own {
		next := h.ShortHelpView(own[:i+1])
		if textWidth(next)+2 > room {
			head += " " + h.Styles.Ellipsis.Inline(true).Render("…")
			break
		}
		head = next
	}
	switch {
	case tail == "":
		return head
	case head == "":
		return tail
	}
	return head + sep + tail
}

// collectLines say, on the coordinator's own screen, which practices have
// sent figures for the meeting: how many, the names of those without any,
// and the latest arrivals with their dates (never projected; the wall
// gets the count only).
func (k *Console) collectLines(mt meeting.Meeting) []string {
	s := k.common.Styles
	t := k.common.Text
	w := k.common.Width
	col := mt.Collection(k.cluster)
	sent, of := meeting.SentCount(col)
	var missing []string
	var arrived []meeting.Collected
	for _, cl := range col {
		switch {
		case !cl.Sent():
			missing = append(missing, cl.Practice.Name)
		case cl.Arrived != nil:
			arrived = append(arrived, cl)
		}
	}
	head := t.T("tui.ConsoleFigures", sent, of)
	style := s.Text
	if len(missing) > 0 {
		head += " · " + t.T("tui.ConsoleFiguresMissing", strings.Join(missing, ", "))
		style = s.Warning
	}
	lines := []string{style.Render(truncate(meeting.Inert(head), w))}
	if len(arrived) > 0 {
		sort.SliceStable(arrived, func(i, j int) bool { return arrived[i].Arrived.At.After(arrived[j].Arrived.At) })
		parts := make([]string, len(arrived))
		layout := "2/1 15.04"
		if t.Lang == "en" {
			layout = "2 Jan 15:04"
		}
		for i, cl := range arrived {
			parts[i] = cl.Practice.Name + " " + cl.Arrived.At.Local().Format(layout)
		}
		lines = append(lines, s.Muted.Render(truncate(meeting.Inert(t.T("tui.ConsoleFiguresArrived", strings.Join(parts, " · "))), w)))
	}
	return lines
}
