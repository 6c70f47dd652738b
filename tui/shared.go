package tui

import (
	"context"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/klynge/klynge/meeting"
)

// commitFresh commits a run-state change computed again from the meeting
// as stored at the moment of the commit, in the commit's own transaction:
// the queue's own before and after may miss what another window has
// committed meanwhile. A change the stored meeting refuses (the other
// window already ended the round) fails like any failed commit.
func commitFresh(ch change) func(ctx context.Context, st Store, before, after meeting.Meeting) (meeting.Meeting, tea.Msg, error) {
	return func(ctx context.Context, st Store, before, after meeting.Meeting) (meeting.Meeting, tea.Msg, error) {
		_, saved, err := st.UpdateRun(ctx, after.ID, func(stored meeting.Meeting) (meeting.Meeting, error) {
			return ch.op(stored, ch.at)
		})
		if err != nil {
			return before, nil, err
		}
		return saved, nil, nil
	}
}

// consoleOpen reports whether a presenter console is open on the meeting.
func (c *Common) consoleOpen() bool { return c.ConsoleOpen != nil && c.ConsoleOpen() }

// reloadedMsg is the meeting read again because another window changed
// it; saves is how many of this window's commits had landed when the
// read began.
type reloadedMsg struct {
	meetingMsg
	saves int
}

// reload reads the meeting again after another window's change.
func reload(c *Common, id int64, saves int) tea.Cmd {
	load := loadMeeting(c, id)
	return func() tea.Msg {
		msg := load()
		if m, ok := msg.(meetingMsg); ok {
			return reloadedMsg{meetingMsg: m, saves: saves}
		}
		return msg
	}
}

// follow handles the watcher's messages: it looks for other windows'
// changes and reads the meeting again when there are some. ok reports
// that msg was one of them.
func (m *Model) follow(msg tea.Msg) (cmd tea.Cmd, ok bool) {
	c := m.common
	switch msg := msg.(type) {
	case PollMsg:
		return m.watch.look(c), true
	case restartWatchMsg:
		return m.watch.wait(c), true
	case versionMsg:
		cmds := []tea.Cmd{m.watch.next(c, msg)}
		if m.watch.changed(msg) && m.meeting != nil {
			cmds = append(cmds, reload(c, m.meetingID, m.saves))
		}
		return tea.Batch(cmds...), true
	case rereadMsg:
		return reload(c, m.meetingID, m.saves), true
	case reloadedMsg:
		if m.queue.len() > 0 || msg.saves != m.saves {
			// This window's own commit landed (or waits) after this
			// read began, so the read may be older than what it holds:
			// read again shortly.
			return tea.Tick(rereadAfter, func(time.Time) tea.Msg { return rereadMsg{} }), true
		}
		before := m.meeting.Current()
		m.setCluster(msg.cluster)
		m.openPledges = msg.openPledges
		m.setMeeting(msg.meeting)
		var cmds []tea.Cmd
		// Another window moved the meeting on: the live view goes with
		// it, as it would after this window's own key.
		if now := msg.meeting.Current(); now != before && now >= 0 {
			m.agenda.selectItem(now)
			if m.liveView() {
				cmds = append(cmds, m.show(now))
			}
		}
		cmds = append(cmds, m.loadScreen(m.active))
		return tea.Batch(cmds...), true
	}
	return nil, false
}

// refusePrivate refuses to open a private thing on the projector while a
// presenter console is open, pointing to the console instead. what is the
// thing's sentence in the UI language.
func (m *Model) refusePrivate(what string) bool {
	if !m.common.consoleOpen() {
		return false
	}
	m.err = privateError{what}
	return true
}

// privateError is the projector's refusal to show a private thing; it is
// worded in the UI language already.
type privateError struct{ text string }

func (e privateError) Error() string { return e.text }

// slideChange turns the meeting's shown slide by delta: the projector's
// and the console's → and ←. The slide is stored, so every window shows
// (or shows the notes of) the same one.
func slideChange(c *Common, delta int) change {
	return change{
		// No time: turning a slide is not stamped.
		what: consoleLang(c.Text.Lang).ConsoleKeySlide,
		op: func(mt meeting.Meeting, _ time.Time) (meeting.Meeting, error) {
			return mt.TurnSlide(delta), nil
		},
		commit: func(ctx context.Context, st Store, _, after meeting.Meeting) (meeting.Meeting, tea.Msg, error) {
			return after, nil, st.RecordSlide(ctx, after.ID, after.Slide)
		},
		fresh: true,
	}
}

// turn moves the slides by delta at once and stores the move.
func (s *slidesScreen) turn(delta int) []tea.Msg {
	before := s.index
	s.goTo(s.index + delta)
	if s.index == before {
		return nil
	}
	return []tea.Msg{write(slideChange(s.common, delta))}
}

// follow shows slide i when the stored slide (another window's turn, or a
// restart) differs from the one last followed; the screen's own turns are
// shown at once and not undone by their commits.
func (s *slidesScreen) follow(i int) {
	if i == s.followed {
		return
	}
	s.followed = i
	s.goTo(i)
}

// chartPageChange stores page (of pages) of item i's charts as the one
// shown: the projector's and the console's indicator keys.
func chartPageChange(c *Common, i, page, pages int) change {
	return change{
		what: consoleLang(c.Text.Lang).ConsoleKeyIndicator,
		op: func(mt meeting.Meeting, _ time.Time) (meeting.Meeting, error) {
			return mt.TurnChart(i, page-mt.ChartPage(i), pages), nil
		},
		commit: commitChart,
		fresh:  true,
	}
}

// chartShowChange stores whether indicator id's bars are shown: the
// projector's and the console's reveal key.
func chartShowChange(c *Common, id string, shown bool) change {
	return change{
		what: c.Text.KeyReveal,
		op: func(mt meeting.Meeting, _ time.Time) (meeting.Meeting, error) {
			if mt.ChartShown(id) != shown {
				mt = mt.RevealChart(id)
			}
			return mt, nil
		},
		commit: commitChart,
		fresh:  true,
	}
}

func commitChart(ctx context.Context, st Store, _, after meeting.Meeting) (meeting.Meeting, tea.Msg, error) {
	return after, nil, st.RecordChart(ctx, after.ID, after.DataScreen)
}
