package tui

import (
	"context"
	"testing"
	"time"
)

// versionStore answers DataVersion from versions, one per look, and
// counts the looks.
type versionStore struct {
	Store
	versions []int64
	looks    int
}

func (s *versionStore) DataVersion(context.Context) (int64, error) {
	v := s.versions[min(s.looks, len(s.versions)-1)]
	s.looks++
	return v, nil
}

// TestWatcherWakesForWrites proves the watcher's wake-up schedule: told of
// the database's writes, a window looks when told and otherwise only every
// safetyLook (seconds), not every PollEvery (four times a second, which
// cost an idle window about half its CPU); without a watch it polls at
// PollEvery as before. A write's look that finds the version unchanged
// (SQLite marks a commit done after its last write) is followed by looks
// at the poll's pace, so the commit is seen without waiting for the next
// write.
func TestWatcherWakesForWrites(t *testing.T) {
	writes := make(chan struct{}, 1)
	if got := (&watcher{every: PollEvery}).pace(); got != PollEvery {
		t.Errorf("without a watch: looks every %v, want %v", got, PollEvery)
	}
	w := &watcher{every: PollEvery, writes: writes}
	if got := w.pace(); got != safetyLook || got < 20*PollEvery {
		t.Errorf("with a watch: looks every %v unless told, want %v", got, safetyLook)
	}

	// From here the safety look is an hour away: what the loop sees, it
	// sees for a write.
	w.safety = time.Hour
	ctx, cancel := context.WithCancel(context.Background())
	st := &versionStore{versions: []int64{7, 7, 8}}
	c := &Common{Ctx: ctx, Store: st}
	run := func() <-chan versionMsg {
		out := make(chan versionMsg, 1)
		cmd := w.wait(c)
		go func() {
			msg, _ := cmd().(versionMsg)
			out <- msg
		}()
		return out
	}

	// First write: the first look sets the mark and wakes the program.
	done := run()
	writes <- struct{}{}
	msg := <-done
	if msg.version != 7 || !msg.watching || !w.changed(msg) {
		t.Fatalf("first look: %+v", msg)
	}
	// A write whose look finds the version as it was (this window's own
	// commit, or another's not yet done): the loop looks again at the
	// poll's pace without another write, and sees the commit.
	done = run()
	writes <- struct{}{}
	select {
	case msg = <-done:
	case <-time.After(time.Minute): // a deadline for a hang, not a measured time
		t.Fatal("the commit was not seen after its write's look")
	}
	if msg.version != 8 || !w.changed(msg) {
		t.Fatalf("after another window's write: %+v", msg)
	}
	if st.looks != 3 {
		t.Errorf("%d looks, want 3: one per write and one settling", st.looks)
	}
	// Ended: the loop returns without looking.
	done = run()
	cancel()
	if msg := <-done; msg.watching {
		t.Errorf("after the end: %+v", msg)
	}
	if st.looks != 3 {
		t.Errorf("looked %d times, after the end too", st.looks)
	}
}
