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

// pollTickMsg is the watcher's own timer firing; it schedules the next.
type pollTickMsg struct{}

// versionMsg carries the database's data version as one look found it.
type versionMsg struct {
	version int64
	tick    bool // the look came from the timer, which goes on
}

// watcher remembers the data version a window last read the meeting at.
type watcher struct {
	every   time.Duration // ≤ 0: only PollMsg looks
	version int64
	known   bool
}

// start schedules the first timed look.
func (w *watcher) start() tea.Cmd { return w.schedule() }

func (w *watcher) schedule() tea.Cmd {
	if w.every <= 0 {
		return nil
	}
	return tea.Tick(w.every, func(time.Time) tea.Msg { return pollTickMsg{} })
}

// look asks the store for its data version.
func (w *watcher) look(c *Common, tick bool) tea.Cmd {
	return func() tea.Msg {
		v, err := c.Store.DataVersion(c.Ctx)
		if err != nil {
			// A failed look is tried again at the next one; the meeting
			// on screen stays as it was.
			return versionMsg{version: -1, tick: tick}
		}
		return versionMsg{version: v, tick: tick}
	}
}

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

// forget makes the next look read the meeting again, e.g. when a read
// came back too late to be used.
func (w *watcher) forget() { w.version-- }
