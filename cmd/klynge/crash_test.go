//go:build unix

package main

import (
	"context"
	mrand "math/rand/v2"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/store"
)

// TestCrashKeepsConfirmedActions runs the real binary in a pseudo-terminal
// 20 times on one database and SIGKILLs it at a random point each time:
// right after a key, or after the ✓ of its commit was shown. After every
// kill the database must hold every action whose ✓ was shown — the start
// of the meeting, each next item, the start of a group-work round — and a
// started round's clock must still run on the wall clock after the
// restart. Keys are the stable ones of the README's key table (s, n,
// space); the kills are at random points of a fixed-seed stream, so a
// failure can be replayed.
func TestCrashKeepsConfirmedActions(t *testing.T) {
	bin := buildKlynge(t)
	db := filepath.Join(t.TempDir(), "crash.db")
	rnd := mrand.New(mrand.NewPCG(13, uint64(time.Now().UnixNano())))
	ctx := context.Background()
	deadline := time.Now().Add(50 * time.Second)

	// confirmed is what the screens confirmed so far.
	var confirmed struct {
		started     bool
		current     int // index of the running item the last ✓ named
		round       bool
		roundStarts map[int]time.Time // item index -> start as stored when its ✓ was shown
	}
	confirmed.roundStarts = map[int]time.Time{}
	read := func() meeting.Meeting {
		t.Helper()
		s, err := store.Open(db)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		m, err := s.LatestMeeting(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	kills := 0
	for run := 0; run < 20 && time.Now().Before(deadline); run++ {
		term := startTerminal(t, bin, 100, 30, nil, "--db", db, "demo")
		term.waitFor("KOL – diagnostik og opfølgning")
		term.keysReach()
		m := read() // what a restart resumes from
		// One to three actions, each waited for or not.
		for step := 0; step < 1+rnd.IntN(3); step++ {
			var key, want string
			var apply func()
			cur := m.Current()
			switch {
			case !m.UnderWay():
				key, want = "s", "Mødet er startet"
				apply = func() { confirmed.started, confirmed.current = true, 0 }
			case cur >= 0 && m.Items[cur].Kind == meeting.KindGroupwork && m.Items[cur].Timer.Started == nil:
				key, want = " ", "Runden er startet"
				item := cur
				apply = func() {
					confirmed.round = true
					if st := read().Items[item].Timer.Started; st != nil {
						confirmed.roundStarts[item] = *st
					} else {
						t.Fatalf("run %d: the round's start was confirmed but is not in the database", run)
					}
				}
			case cur >= 0 && cur < len(m.Items)-2:
				key, want = "n", "er i gang"
				next := cur + 1
				apply = func() { confirmed.current = next }
			default:
				continue
			}
			before := term.outputLen()
			term.send(key)
			t.Logf("run %d: sent %q (item %d)", run, key, cur)
			if rnd.IntN(3) == 0 {
				t.Logf("run %d: kill without waiting", run)
				// Kill without waiting: the action may or may not have
				// landed, and nothing was confirmed.
				time.Sleep(time.Duration(rnd.IntN(30)) * time.Millisecond)
				break
			}
			if !term.containsAfter(before, want, 5*time.Second) {
				t.Fatalf("run %d: %q never confirmed %q", run, key, want)
			}
			apply()
			m = read()
			t.Logf("run %d: confirmed %q; stored item %d", run, want, m.Current())
		}
		if err := term.cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		_ = term.cmd.Wait()
		kills++

		got := read()
		if confirmed.started && !got.UnderWay() {
			t.Fatalf("run %d: the start was confirmed but is not in the database", run)
		}
		if cur := got.Current(); cur < confirmed.current {
			t.Fatalf("run %d: item %d was confirmed running, the database has %d", run, confirmed.current, cur)
		}
		// Each confirmed round's clock runs on from its stored start across
		// every kill and restart: the start is the one confirmed, not a
		// new one, and the time left shrinks with the wall clock.
		for item, start := range confirmed.roundStarts {
			timer := got.Items[item].Timer
			if timer.Started == nil || !timer.Started.Equal(start) {
				t.Fatalf("run %d: round %d has start %v; it started at %v", run, item, timer.Started, start)
			}
			if timer.PausedAt == nil && timer.Ended == nil && timer.Remaining(time.Now()) >= timer.Planned {
				t.Fatalf("run %d: round %d's clock stood still: %v left of %v", run, item, timer.Remaining(time.Now()), timer.Planned)
			}
		}
	}
	if kills < 10 {
		t.Fatalf("only %d kills in the time allowed", kills)
	}
	t.Logf("%d kills; confirmed %+v", kills, confirmed)
}

// outputLen is how much the program has written so far.
func (term *terminal) outputLen() int {
	term.mu.Lock()
	defer term.mu.Unlock()
	return term.out.Len()
}

// containsAfter reports whether text appears in the output written after
// the first from bytes, within the given time.
func (term *terminal) containsAfter(from int, text string, within time.Duration) bool {
	deadline := time.Now().Add(within)
	for time.Now().Before(deadline) {
		term.mu.Lock()
		found := strings.Contains(term.out.String()[from:], text)
		term.mu.Unlock()
		if found {
			return true
		}
		time.Sleep(10 * time.Millisecond)
	}
	return false
}
