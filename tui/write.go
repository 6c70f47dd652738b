package tui

import (
	"context"
	"errors"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/klynge/klynge/meeting"
)

// The path of a key press: the shown screen's Update turns the key into a
// typed message; a writeMsg puts its change at the end of the root's one
// write queue; the change at the head is computed by meeting from the
// state the changes before it left, and committed by the store in a
// command; savedMsg (or saveFailedMsg) brings the result back and the next
// change starts. Only data, header and footer follow a commit: which
// screen shows and where keys go change only on a key.

// change is one coordinator action waiting to be committed.
type change struct {
	// what names the change in the footer while it waits or when it
	// fails, e.g. "Hanne Holm: til stede".
	what string
	at   time.Time
	// op computes the meeting after the change from the meeting the
	// earlier changes left. nil for a change that does not alter the
	// meeting (a pledge, a roster change, a follow-up outcome).
	op func(mt meeting.Meeting, at time.Time) (meeting.Meeting, error)
	// commit writes the change; before and after are the meeting around
	// op. It runs in a command, off the program's goroutine, and returns
	// the meeting to hold from now on (usually after) and, optionally, a
	// message for the screens, such as the pledges as saved.
	commit func(ctx context.Context, st Store, before, after meeting.Meeting) (meeting.Meeting, tea.Msg, error)
	// notice words the ✓ once the commit has landed.
	notice func(before, after meeting.Meeting) string
	// form is the form waiting for this change to land (0: none).
	form int
	// fresh marks a change of the run state only (start, items, round
	// timers): when other windows share the meeting it is computed again
	// from the meeting as stored and committed in the same transaction
	// (commitFresh), so that no window's change is lost to another's.
	fresh bool
}

// writeMsg asks the root to queue a change.
type writeMsg struct{ change change }

// write returns the message that queues c.
func write(c change) tea.Msg { return writeMsg{c} }

// savedMsg reports that the head of the queue committed.
type savedMsg struct {
	seq     int
	meeting meeting.Meeting
	// data is the change's message for the screens, if any.
	data   tea.Msg
	notice string
	form   int
}

// saveFailedMsg reports that the head of the queue did not commit.
type saveFailedMsg struct {
	seq int
	err error
}

// slowMsg fires a moment after a commit started; if that commit is still
// under way the footer says the app waits for the database.
type slowMsg struct{ seq int }

// retryMsg restarts the head of the queue after the store was busy.
type retryMsg struct{ seq int }

// Waits: a commit that takes longer than slowAfter shows "waiting for the
// database"; a busy store is tried again every retryEvery, for as long as
// it stays busy: a change is never dropped because another program held
// the database for a while.
const (
	slowAfter  = 300 * time.Millisecond
	retryEvery = 250 * time.Millisecond
)

// writeQueue holds the changes not yet committed, oldest first. The head
// is computed and committed only when the one before it has landed, so
// every change starts from the state the earlier ones left, and two quick
// toggles give on, then off.
type writeQueue struct {
	pending []change
	// busy is true while the head's commit is under way.
	busy bool
	// head is the change being committed, its meeting before and after.
	head          change
	before, after meeting.Meeting
	seq           int
	// waiting is set while the store is slow or busy.
	waiting bool
	// failed names the changes that could not be committed.
	failed []string
}

// planned is the meeting as it will be once every queued change has
// landed. Keys are read against it (which group presents after a j still
// in the queue), never shown as committed.
func (q *writeQueue) planned(committed meeting.Meeting) meeting.Meeting {
	mt := committed
	if q.busy && q.head.op != nil {
		mt = q.after
	}
	for _, c := range q.pending {
		if c.op == nil {
			continue
		}
		if next, err := c.op(mt, c.at); err == nil {
			mt = next
		}
	}
	return mt
}

// len is the number of changes not yet committed.
func (q *writeQueue) len() int {
	n := len(q.pending)
	if q.busy {
		n++
	}
	return n
}

// push queues c and starts it if nothing is being committed.
func (q *writeQueue) push(c *Common, current meeting.Meeting, ch change) (tea.Cmd, []error) {
	q.pending = append(q.pending, ch)
	return q.next(c, current)
}

// next computes and starts the oldest queued change unless a commit is
// under way. Changes the domain refuses are not committed; their errors
// are returned in order, and the queue goes on with the next.
func (q *writeQueue) next(c *Common, current meeting.Meeting) (tea.Cmd, []error) {
	var refused []error
	for !q.busy && len(q.pending) > 0 {
		ch := q.pending[0]
		q.pending = q.pending[1:]
		after := current
		if ch.op != nil {
			var err error
			if after, err = ch.op(current, ch.at); err != nil {
				refused = append(refused, refusal{ch, err})
				continue
			}
		}
		q.busy, q.head, q.before, q.after = true, ch, current, after
		return q.start(c), refused
	}
	return nil, refused
}

// refusal is a change the domain refused before it reached the store.
type refusal struct {
	change change
	err    error
}

func (r refusal) Error() string { return r.err.Error() }
func (r refusal) Unwrap() error { return r.err }

// start commits the head.
func (q *writeQueue) start(c *Common) tea.Cmd {
	q.seq++
	seq, ch, before, after := q.seq, q.head, q.before, q.after
	commitFn := ch.commit
	if ch.fresh && ch.op != nil && c.Shared {
		commitFn = commitFresh(ch)
	}
	commit := func() tea.Msg {
		held, data, err := commitFn(c.Ctx, c.Store, before, after)
		if err != nil {
			return saveFailedMsg{seq: seq, err: err}
		}
		notice := ""
		if ch.notice != nil {
			notice = ch.notice(before, held)
		}
		return savedMsg{seq: seq, meeting: held, data: data, notice: notice, form: ch.form}
	}
	slow := tea.Tick(slowAfter, func(time.Time) tea.Msg { return slowMsg{seq} })
	return tea.Batch(commit, slow)
}

// landed ends the head's commit. It reports whether msg is about the
// current head (an old slow or retry message is not).
func (q *writeQueue) landed(seq int) bool {
	if !q.busy || seq != q.seq {
		return false
	}
	q.busy = false
	q.waiting = false
	return true
}

// busyStore reports whether err means another connection holds the
// database, which passes if we wait.
func busyStore(err error) bool { return meeting.ErrorCode(err) == meeting.ELOCKED }

// retry starts the head again after a pause; it stays the head, so the
// changes behind it keep their order.
func (q *writeQueue) retry() tea.Cmd {
	q.waiting = true
	seq := q.seq
	return tea.Tick(retryEvery, func(time.Time) tea.Msg { return retryMsg{seq} })
}

// fail records that the head could not be committed.
func (q *writeQueue) fail(what string) {
	q.busy = false
	q.waiting = false
	if what != "" {
		q.failed = append(q.failed, what)
	}
}

// failedList names the changes that failed, for the footer.
func (q *writeQueue) failedList() string { return strings.Join(q.failed, "; ") }

// runOp is a change of the meeting computed by the domain.
type runOp = func(mt meeting.Meeting, at time.Time) (meeting.Meeting, error)

// runChange is a change of the meeting's run state or agenda, stamped
// with the time of the key press.
func runChange(c *Common, what string, op runOp, notice func(before, after meeting.Meeting) string) change {
	return change{what: what, at: c.Clock.Now(), op: op, commit: commitRun, notice: notice, fresh: true}
}

// commitRun commits a run-state change: in place, item by changed item,
// when the agenda keeps its items in their order; the whole agenda when
// an item was added or moved.
func commitRun(ctx context.Context, st Store, before, after meeting.Meeting) (meeting.Meeting, tea.Msg, error) {
	if !sameItems(before, after) {
		saved, err := st.SaveRun(ctx, after)
		if err != nil {
			return before, nil, err
		}
		// Notes are not part of the run; keep what the queue knows.
		return saved, nil, nil
	}
	var changed []meeting.RunItem
	for i := range after.Items {
		if !sameRunState(before.Items[i], after.Items[i]) {
			changed = append(changed, after.Items[i])
		}
	}
	if len(changed) == 0 && sameTime(before.Started, after.Started) {
		return after, nil, nil
	}
	return after, nil, st.RecordRunState(ctx, after.ID, after.Started, changed)
}

// sameItems reports whether two versions of the agenda hold the same
// stored items in the same order.
func sameItems(a, b meeting.Meeting) bool {
	if len(a.Items) != len(b.Items) {
		return false
	}
	for i := range a.Items {
		if a.Items[i].ID != b.Items[i].ID || a.Items[i].ID == 0 {
			return false
		}
	}
	return true
}

func sameRunState(a, b meeting.RunItem) bool {
	return sameTime(a.Started, b.Started) && sameTime(a.Ended, b.Ended) && a.Skipped == b.Skipped &&
		a.Minutes == b.Minutes && a.Presenting == b.Presenting && sameTimer(a.Timer, b.Timer)
}

func sameTimer(a, b meeting.Timer) bool {
	return a.Planned == b.Planned && a.Paused == b.Paused && sameTime(a.Started, b.Started) &&
		sameTime(a.PausedAt, b.PausedAt) && sameTime(a.Ended, b.Ended)
}

func sameTime(a, b *time.Time) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Equal(*b)
}

// storeError words a failed commit in the UI language: an error the domain
// or the store worded through the catalogue as it is, any other by its
// code. An internal failure gets the general words, since its details (a
// driver's message) are for logs, not for the room.
func storeError(t Text, err error) string {
	var e *meeting.Error
	if errors.As(err, &e) && (e.Danish != "" || e.Key != "" || t.Lang == "en") && meeting.ErrorCode(err) != meeting.EINTERNAL {
		// Worded by the domain or the store in the UI language.
		return t.Error(err)
	}
	switch meeting.ErrorCode(err) {
	case meeting.ELOCKED:
		return t.StoreBusy
	case meeting.EINVALID:
		return t.StoreInvalid
	case meeting.ECONFLICT:
		return t.StoreConflict
	case meeting.ENOTFOUND:
		return t.StoreNotFound
	}
	return t.StoreFailed
}
