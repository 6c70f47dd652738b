package tui

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/klynge/klynge/meeting"
)

// runOp is one change to the meeting's run state, computed by the domain
// from the meeting as last saved and the time of the key press.
type runOp func(m meeting.Meeting, at time.Time) (meeting.Meeting, error)

// runRequest is a run-state change waiting to be saved, with the notice
// to show once the store has committed it.
type runRequest struct {
	op     runOp
	at     time.Time
	notice func(meeting.Meeting) string
}

// savedMsg reports that the store committed a run-state change; meeting is
// what the store read back.
type savedMsg struct {
	meeting meeting.Meeting
	notice  string
}

// saveFailedMsg reports that a change was not saved.
type saveFailedMsg struct{ err error }

// runQueue saves run-state changes one at a time, in key-press order, each
// computed from the meeting the previous save committed. Without it two
// quick key presses would both start from the same state and one would be
// lost.
type runQueue struct {
	pending []runRequest
	saving  bool
}

// push queues a change and, if nothing is being saved, starts saving it.
func (q *runQueue) push(c *Common, current *meeting.Meeting, r runRequest) tea.Cmd {
	q.pending = append(q.pending, r)
	return q.next(c, current)
}

// next starts the oldest queued change, unless a save is under way.
func (q *runQueue) next(c *Common, current *meeting.Meeting) tea.Cmd {
	if q.saving || len(q.pending) == 0 || current == nil {
		return nil
	}
	r := q.pending[0]
	q.pending = q.pending[1:]
	changed, err := r.op(*current, r.at)
	if err != nil {
		// The domain refused: nothing to save; show why and go on.
		return tea.Batch(func() tea.Msg { return errMsg{err} }, q.next(c, current))
	}
	q.saving = true
	return func() tea.Msg {
		saved, err := c.Store.SaveRun(c.Ctx, changed)
		if err != nil {
			return saveFailedMsg{err}
		}
		notice := ""
		if r.notice != nil {
			notice = r.notice(saved)
		}
		return savedMsg{meeting: saved, notice: notice}
	}
}

// done marks the save under way as finished. After a failure the queued
// changes are dropped: they were meant for a state that was not saved.
func (q *runQueue) done(failed bool) {
	q.saving = false
	if failed {
		q.pending = nil
	}
}
