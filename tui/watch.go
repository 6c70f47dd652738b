package tui

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// A projector and its consoles follow each other through the database:
// each window asks SQLite now and then whether another connection has
// committed (PRAGMA data_version, one small read without a lock), and
// reads the meeting again only when one has. Between two looks the
// program sleeps; nothing busy-waits.

// PollEvery is how often a window looks for the other windows' changes by
// default: often enough that the other window follows within half a
// second, rarely enough that an idle console costs next to nothing.
const PollEvery = 250 * time.Millisecond

// PollMsg makes a window look for changes in the database at once. Tests
// send it instead of waiting for the poll interval.
type PollMsg struct{}

// versionMsg carries the database's data version as one look found it.
type versionMsg struct {
	version int64
	// watching: the look came from the watcher's own loop, which must be
	// started again.
	watching bool
}

// rereadMsg asks for the meeting to be read again: a read that came back
// after one of this window's own commits was not used.
type rereadMsg struct{}

// rereadAfter is how soon such a read is tried again.
const rereadAfter = 100 * time.Millisecond

// safetyLook is how often a window told of writes (Options.Writes) looks
// all the same: a write its watch missed is seen within this long.
const safetyLook = 5 * time.Second

// settleLooks is how many looks at the poll's pace follow a write, so a
// commit that was not yet done at the write's first look is seen.
const settleLooks = 4

// watcher remembers the data version a window last read the meeting at.
type watcher struct {
	every time.Duration // ≤ 0: only PollMsg looks
	// writes, when set, receives when the database's files are written:
	// the loop looks then, and otherwise only every safetyLook, so an
	// idle window is not woken four times a second for nothing.
	writes <-chan struct{}
	// safety, when set, replaces safetyLook (tests).
	safety  time.Duration
	version int64
	known   bool
}

// pace is how often the loop looks without being told of a write.
func (w *watcher) pace() time.Duration {
	if w.writes != nil {
		if w.safety > 0 {
			return w.safety
		}
		return max(w.every, safetyLook)
	}
	return w.every
}

// start begins the watcher's loop: see wait.
func (w *watcher) start(c *Common) tea.Cmd { return w.wait(c) }

// wait looks at the data version every w.every (or when told of a write,
// see watcher.writes) in a command of its own
// and answers only when it differs from the one last seen (or a look
// fails): an idle window's program is not woken at all, so it neither
// updates nor redraws for a look that found nothing.
func (w *watcher) wait(c *Common) tea.Cmd {
	if w.every <= 0 {
		return nil
	}
	every, slow, known, seen, writes := w.every, w.pace(), w.version, w.known, w.writes
	return func() tea.Msg {
		t := time.NewTicker(slow)
		defer t.Stop()
		settle := 0
		for {
			select {
			case <-c.Ctx.Done():
				return nil
			case <-t.C:
				if settle > 0 {
					if settle--; settle == 0 {
						t.Reset(slow)
					}
				}
			case <-writes: // nil without a watch: never
				// The first write of a commit wakes the loop before the
				// commit is done (SQLite syncs the -wal, then marks the
				// commit in shared memory, which tells no one): look
				// now, and a few times at the poll's pace after it.
				settle = settleLooks
				t.Reset(every)
			}
			v, err := c.Store.DataVersion(c.Ctx)
			if err != nil {
				// The store closed as the program ended, or failed: stop
				// looking. (A running program starts a new loop.)
				return versionMsg{version: -1, watching: true}
			}
			if !seen || v != known {
				return versionMsg{version: v, watching: true}
			}
		}
	}
}

// look asks the store for its data version once.
func (w *watcher) look(c *Common) tea.Cmd {
	return func() tea.Msg {
		v, err := c.Store.DataVersion(c.Ctx)
		if err != nil {
			return versionMsg{version: -1}
		}
		return versionMsg{version: v}
	}
}

// next is what follows a look: the loop again, after a pause when the
// look failed, so a failing store is not asked in a tight loop.
func (w *watcher) next(c *Common, msg versionMsg) tea.Cmd {
	if !msg.watching {
		return nil
	}
	if msg.version < 0 {
		return tea.Tick(w.every, func(time.Time) tea.Msg { return restartWatchMsg{} })
	}
	return w.wait(c)
}

// restartWatchMsg starts the watcher's loop again after a failed look.
type restartWatchMsg struct{}

// changed takes a look's result and reports whether the meeting must be
// read again.
func (w *watcher) changed(msg versionMsg) bool {
	if msg.version < 0 {
		return false
	}
	if !w.known {
		// The first look sets the mark; another window may have written
		// between the first read and it, so read once more.
		w.version, w.known = msg.version, true
		return true
	}
	if msg.version == w.version {
		return false
	}
	w.version = msg.version
	return true
}
