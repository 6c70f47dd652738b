package tui

import (
	"context"
	"testing"
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
// PollEvery as before. And a look that finds the version unchanged goes
// back to sleep without waking the program.
func TestWatcherWakesForWrites(t *testing.T) {
	writes := make(chan struct{}, 1)
	if got := (&watcher{every: PollEvery}).pace(); got != PollEvery {
		t.Errorf("without a watch: looks every %v, want %v", got, PollEvery)
	}
	w := &watcher{every: PollEvery, writes: writes}
	if got := w.pace(); got != safetyLook || got < 20*PollEvery {
		t.Errorf("with a watch: looks every %v unless told, want %v", got, safetyLook)
	}

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
	// A write that left the version as it was (this window's own commit)
	// is looked at, and the loop sleeps on; the next, another window's,
	// wakes the program.
	done = run()
	writes <- struct{}{}
	writes <- struct{}{} // sent once the first was taken: the loop looked and slept on
	msg = <-done
	if msg.version != 8 || !w.changed(msg) {
		t.Fatalf("after another window's write: %+v", msg)
	}
	if st.looks != 3 {
		t.Errorf("%d looks for 3 writes", st.looks)
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
