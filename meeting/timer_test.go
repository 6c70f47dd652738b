package meeting_test

import (
	"strings"
	"testing"
	"time"

	"github.com/klynge/klynge/meeting"
	"github.com/klynge/klynge/meeting/msg"
)

// roundStart is when the test rounds start: 18:20.
var roundStart = time.Date(2026, 12, 3, 18, 20, 0, 0, time.UTC)

// mmss is the instant minutes:seconds into the test round's wall time.
func mmss(minutes, seconds int) time.Time {
	return roundStart.Add(time.Duration(minutes)*time.Minute + time.Duration(seconds)*time.Second)
}

// timerOp is one thing the coordinator does to a timer.
type timerOp struct {
	do string // start, pause, resume, extend, end
	at time.Time
	d  time.Duration
}

func applyTimerOp(tm meeting.Timer, op timerOp) (meeting.Timer, error) {
	switch op.do {
	case "start":
		return tm.Start(op.at)
	case "pause":
		return tm.Pause(op.at)
	case "resume":
		return tm.Resume(op.at)
	case "extend":
		return tm.Extend(op.d)
	case "end":
		return tm.End(op.at)
	}
	panic("unknown timer op " + op.do)
}

func runTimer(t *testing.T, planned time.Duration, ops []timerOp) meeting.Timer {
	t.Helper()
	tm := meeting.NewTimer(planned)
	for i, op := range ops {
		var err error
		if tm, err = applyTimerOp(tm, op); err != nil {
			t.Fatalf("op %d (%s): %v", i+1, op.do, err)
		}
		if err := tm.Validate(); err != nil {
			t.Fatalf("after op %d (%s) the timer is not valid: %v", i+1, op.do, err)
		}
	}
	return tm
}

// timerCheck is what the timer should show at one instant.
type timerCheck struct {
	now       time.Time
	elapsed   time.Duration
	remaining time.Duration
	state     meeting.TimerState
}

func TestTimer(t *testing.T) {
	const minute = time.Minute
	tests := []struct {
		name    string
		planned time.Duration
		ops     []timerOp
		checks  []timerCheck
		paused  time.Duration // the Paused field at the end
	}{
		{
			name:    "not started",
			planned: 20 * minute,
			checks:  []timerCheck{{mmss(5, 0), 0, 20 * minute, meeting.TimerNotStarted}},
		},
		{
			name:    "runs, last two minutes, overrun",
			planned: 20 * minute,
			ops:     []timerOp{{do: "start", at: mmss(0, 0)}},
			checks: []timerCheck{
				{mmss(0, 0), 0, 20 * minute, meeting.TimerRunning},
				{mmss(5, 0), 5 * minute, 15 * minute, meeting.TimerRunning},
				// The boundary: exactly 2:00 left is already the last
				// minutes; a nanosecond more left is not.
				{mmss(18, 0).Add(-time.Nanosecond), 18*minute - time.Nanosecond, 2*minute + time.Nanosecond, meeting.TimerRunning},
				{mmss(18, 0), 18 * minute, 2 * minute, meeting.TimerLastMinutes},
				{mmss(19, 59), 19*minute + 59*time.Second, time.Second, meeting.TimerLastMinutes},
				// Exactly 0:00 left is already overrun.
				{mmss(20, 0).Add(-time.Nanosecond), 20*minute - time.Nanosecond, time.Nanosecond, meeting.TimerLastMinutes},
				{mmss(20, 0), 20 * minute, 0, meeting.TimerOverrun},
				{mmss(23, 30), 23*minute + 30*time.Second, -(3*minute + 30*time.Second), meeting.TimerOverrun},
				// A clock set back before the start never shows negative time.
				{mmss(-1, 0), 0, 20 * minute, meeting.TimerRunning},
			},
		},
		{
			name:    "several pauses, the last one open",
			planned: 20 * minute,
			ops: []timerOp{
				{do: "start", at: mmss(0, 0)},
				{do: "pause", at: mmss(3, 0)},
				{do: "resume", at: mmss(5, 0)},
				{do: "pause", at: mmss(10, 0)},
				{do: "resume", at: mmss(10, 30)},
				{do: "pause", at: mmss(12, 0)},
			},
			checks: []timerCheck{
				{mmss(12, 0), 9*minute + 30*time.Second, 10*minute + 30*time.Second, meeting.TimerPaused},
				{mmss(45, 0), 9*minute + 30*time.Second, 10*minute + 30*time.Second, meeting.TimerPaused},
			},
			paused: 2*minute + 30*time.Second,
		},
		{
			name:    "several pauses, resumed",
			planned: 20 * minute,
			ops: []timerOp{
				{do: "start", at: mmss(0, 0)},
				{do: "pause", at: mmss(3, 0)},
				{do: "resume", at: mmss(5, 0)},
				{do: "pause", at: mmss(10, 0)},
				{do: "resume", at: mmss(10, 30)},
			},
			checks: []timerCheck{
				{mmss(20, 30), 18 * minute, 2 * minute, meeting.TimerLastMinutes},
				{mmss(22, 30), 20 * minute, 0, meeting.TimerOverrun},
			},
			paused: 2*minute + 30*time.Second,
		},
		{
			name:    "extended before the start and while running",
			planned: 20 * minute,
			ops: []timerOp{
				{do: "extend", d: 5 * minute},
				{do: "start", at: mmss(0, 0)},
				{do: "extend", d: -minute},
				{do: "extend", d: minute},
				{do: "extend", d: minute},
			},
			checks: []timerCheck{
				{mmss(20, 0), 20 * minute, 6 * minute, meeting.TimerRunning},
				{mmss(24, 0), 24 * minute, 2 * minute, meeting.TimerLastMinutes},
			},
		},
		{
			name:    "extended while paused",
			planned: 20 * minute,
			ops: []timerOp{
				{do: "start", at: mmss(0, 0)},
				{do: "pause", at: mmss(10, 0)},
				{do: "extend", d: minute},
				{do: "resume", at: mmss(12, 0)},
			},
			checks: []timerCheck{
				{mmss(22, 0), 20 * minute, minute, meeting.TimerLastMinutes},
				{mmss(23, 0), 21 * minute, 0, meeting.TimerOverrun},
			},
			paused: 2 * minute,
		},
		{
			name:    "+5 minutes in the overrun runs again",
			planned: 20 * minute,
			ops: []timerOp{
				{do: "start", at: mmss(0, 0)},
				{do: "extend", d: 5 * minute},
			},
			checks: []timerCheck{
				{mmss(21, 0), 21 * minute, 4 * minute, meeting.TimerRunning},
			},
		},
		{
			name:    "shortened below the time run shows overrun at once",
			planned: 20 * minute,
			ops: []timerOp{
				{do: "start", at: mmss(0, 0)},
				{do: "extend", d: -minute},
			},
			checks: []timerCheck{
				{mmss(19, 30), 19*minute + 30*time.Second, -30 * time.Second, meeting.TimerOverrun},
			},
		},
		{
			name:    "ended early while paused closes the pause",
			planned: 35 * minute,
			ops: []timerOp{
				{do: "start", at: mmss(0, 0)},
				{do: "pause", at: mmss(25, 0)},
				{do: "end", at: mmss(27, 0)},
			},
			checks: []timerCheck{
				{mmss(27, 0), 25 * minute, 10 * minute, meeting.TimerEnded},
				{mmss(90, 0), 25 * minute, 10 * minute, meeting.TimerEnded},
			},
			paused: 2 * minute,
		},
		{
			name:    "ended after overrunning",
			planned: 20 * minute,
			ops: []timerOp{
				{do: "start", at: mmss(0, 0)},
				{do: "end", at: mmss(23, 0)},
			},
			checks: []timerCheck{
				{mmss(40, 0), 23 * minute, -3 * minute, meeting.TimerEnded},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tm := runTimer(t, tt.planned, tt.ops)
			for _, c := range tt.checks {
				at := c.now.Sub(roundStart)
				if got := tm.Elapsed(c.now); got != c.elapsed {
					t.Errorf("at +%v elapsed %v, want %v", at, got, c.elapsed)
				}
				if got := tm.Remaining(c.now); got != c.remaining {
					t.Errorf("at +%v remaining %v, want %v", at, got, c.remaining)
				}
				if got := tm.State(c.now); got != c.state {
					t.Errorf("at +%v state %s, want %s", at, got, c.state)
				}
			}
			if tm.Paused != tt.paused {
				t.Errorf("finished pauses %v, want %v", tm.Paused, tt.paused)
			}
		})
	}
}

func TestTimerRefusesNonsense(t *testing.T) {
	const minute = time.Minute
	start := timerOp{do: "start", at: mmss(0, 0)}
	tests := []struct {
		name    string
		planned time.Duration
		before  []timerOp
		op      timerOp
		code    string
		message string // a part of the message
	}{
		{"0-minute round", 0, nil, start, meeting.EINVALID, "a round needs at least 1 minute"},
		{"30-second round", 30 * time.Second, nil, start, meeting.EINVALID, "a round needs at least 1 minute"},
		{"start twice", 20 * minute, []timerOp{start}, timerOp{do: "start", at: mmss(1, 0)}, meeting.ECONFLICT, "already started at 18:20:00"},
		{"pause before the start", 20 * minute, nil, timerOp{do: "pause", at: mmss(1, 0)}, meeting.ECONFLICT, "has not started"},
		{"pause twice", 20 * minute, []timerOp{start, {do: "pause", at: mmss(2, 0)}}, timerOp{do: "pause", at: mmss(3, 0)}, meeting.ECONFLICT, "already paused (since 18:22:00)"},
		{"pause after the end", 20 * minute, []timerOp{start, {do: "end", at: mmss(2, 0)}}, timerOp{do: "pause", at: mmss(3, 0)}, meeting.ECONFLICT, "already ended at 18:22:00"},
		{"resume while running", 20 * minute, []timerOp{start}, timerOp{do: "resume", at: mmss(1, 0)}, meeting.ECONFLICT, "not paused"},
		{"resume before the start", 20 * minute, nil, timerOp{do: "resume", at: mmss(1, 0)}, meeting.ECONFLICT, "not paused"},
		{"resume after the end", 20 * minute, []timerOp{start, {do: "end", at: mmss(2, 0)}}, timerOp{do: "resume", at: mmss(3, 0)}, meeting.ECONFLICT, "cannot be resumed"},
		{"end before the start", 20 * minute, nil, timerOp{do: "end", at: mmss(1, 0)}, meeting.ECONFLICT, "has not started"},
		{"end twice", 20 * minute, []timerOp{start, {do: "end", at: mmss(2, 0)}}, timerOp{do: "end", at: mmss(3, 0)}, meeting.ECONFLICT, "already ended"},
		{"extend after the end", 20 * minute, []timerOp{start, {do: "end", at: mmss(2, 0)}}, timerOp{do: "extend", d: minute}, meeting.ECONFLICT, "can no longer change"},
		{"extend by nothing", 20 * minute, nil, timerOp{do: "extend"}, meeting.EINVALID, "at least a minute"},
		{"shorten below 1 minute", 2 * minute, []timerOp{start}, timerOp{do: "extend", d: -2 * minute}, meeting.EINVALID, "a round needs at least 1 minute; it is planned for 2 min"},
		{"pause before the start time", 20 * minute, []timerOp{start}, timerOp{do: "pause", at: mmss(-1, 0)}, meeting.EINVALID, "check the computer's clock"},
		{"resume before the pause", 20 * minute, []timerOp{start, {do: "pause", at: mmss(5, 0)}}, timerOp{do: "resume", at: mmss(4, 0)}, meeting.EINVALID, "before its last change at 18:25:00"},
		{"end before the pause", 20 * minute, []timerOp{start, {do: "pause", at: mmss(5, 0)}}, timerOp{do: "end", at: mmss(4, 0)}, meeting.EINVALID, "check the computer's clock"},
		// After 2 minutes of pauses the round cannot have run before
		// 18:22, whenever exactly it was resumed.
		{"pause before the round ran at all", 20 * minute, []timerOp{start, {do: "pause", at: mmss(0, 0)}, {do: "resume", at: mmss(2, 0)}}, timerOp{do: "pause", at: mmss(1, 0)}, meeting.EINVALID, "before its last change at 18:22:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tm := runTimer(t, tt.planned, tt.before)
			got, err := applyTimerOp(tm, tt.op)
			if err == nil {
				t.Fatalf("%s succeeded: %+v", tt.op.do, got)
			}
			if code := meeting.ErrorCode(err); code != tt.code {
				t.Errorf("code %s, want %s (%v)", code, tt.code, err)
			}
			if msg := msg.For("en").Error(err); !strings.Contains(msg, tt.message) || strings.Contains(msg, "\n") {
				t.Errorf("message %q, want one line containing %q", msg, tt.message)
			}
			if got != tm {
				t.Errorf("a refused %s changed the timer: %+v, was %+v", tt.op.do, got, tm)
			}
		})
	}
}

func TestTimerOperationsLeaveTheOriginal(t *testing.T) {
	running := runTimer(t, 20*time.Minute, []timerOp{{do: "start", at: mmss(0, 0)}})
	paused, err := running.Pause(mmss(5, 0))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := paused.Extend(5 * time.Minute); err != nil {
		t.Fatal(err)
	}
	if _, err := paused.End(mmss(6, 0)); err != nil {
		t.Fatal(err)
	}
	if running.PausedAt != nil || running.State(mmss(10, 0)) != meeting.TimerRunning || running.Planned != 20*time.Minute {
		t.Errorf("pausing a copy changed the original: %+v", running)
	}
	if paused.Ended != nil || paused.Planned != 20*time.Minute || paused.State(mmss(10, 0)) != meeting.TimerPaused {
		t.Errorf("extending or ending a copy changed the original: %+v", paused)
	}
}

// TestTimerRestart checks that a stored timer, read back after a crash,
// shows the same time as the one that kept running.
func TestTimerRestart(t *testing.T) {
	ops := []timerOp{
		{do: "start", at: mmss(0, 0)},
		{do: "pause", at: mmss(4, 10)},
		{do: "resume", at: mmss(6, 0)},
		{do: "extend", d: 5 * time.Minute},
		{do: "pause", at: mmss(19, 45)},
	}
	live := runTimer(t, 20*time.Minute, ops)

	// The value itself is the stored state.
	copied := live
	// And it survives a store that keeps instants as Unix nanoseconds
	// and hands them back in another location.
	restored := meeting.Timer{Planned: live.Planned, Paused: live.Paused}
	for _, f := range []struct {
		from *time.Time
		to   **time.Time
	}{{live.Started, &restored.Started}, {live.PausedAt, &restored.PausedAt}, {live.Ended, &restored.Ended}} {
		if f.from != nil {
			back := time.Unix(0, f.from.UnixNano()).In(time.FixedZone("CET", 3600))
			*f.to = &back
		}
	}
	if err := restored.Validate(); err != nil {
		t.Fatal(err)
	}

	// Resume all three after the "restart" and compare at the same wall
	// times, in the pause, after it and in the overrun.
	resume := mmss(21, 0)
	var err error
	for _, tm := range []*meeting.Timer{&live, &copied, &restored} {
		if *tm, err = tm.Resume(resume); err != nil {
			t.Fatal(err)
		}
	}
	for _, now := range []time.Time{mmss(21, 0), mmss(25, 3), mmss(29, 0), mmss(33, 0), mmss(50, 0)} {
		want := live.Remaining(now)
		for name, tm := range map[string]meeting.Timer{"copied": copied, "restored": restored} {
			if got := tm.Remaining(now); got != want {
				t.Errorf("%s timer at %s: %v left, the live one %v", name, now.Format("15:04:05"), got, want)
			}
			if tm.State(now) != live.State(now) {
				t.Errorf("%s timer at %s: %s, the live one %s", name, now.Format("15:04:05"), tm.State(now), live.State(now))
			}
		}
	}
	// 25 planned, 4:10 + 13:45 run before the 21:00 resume: 7:05 left then.
	if got := live.Remaining(mmss(21, 0)); got != 7*time.Minute+5*time.Second {
		t.Errorf("remaining at the resume %v, want 7m5s", got)
	}
}

// TestTimerStoresWallClockOnly checks that instants from time.Now lose
// their monotonic clock reading, so a live timer and one read back from
// the store always agree.
func TestTimerStoresWallClockOnly(t *testing.T) {
	now := time.Now()
	tm, err := meeting.NewTimer(20 * time.Minute).Start(now)
	if err != nil {
		t.Fatal(err)
	}
	if tm, err = tm.Pause(now.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if tm, err = tm.Resume(now.Add(2 * time.Minute)); err != nil {
		t.Fatal(err)
	}
	if tm, err = tm.End(now.Add(3 * time.Minute)); err != nil {
		t.Fatal(err)
	}
	for name, at := range map[string]*time.Time{"start": tm.Started, "end": tm.Ended} {
		if strings.Contains(at.String(), "m=") {
			t.Errorf("the %s keeps a monotonic reading: %s", name, at)
		}
	}
	stored := meeting.Timer{Planned: tm.Planned, Paused: tm.Paused}
	s, e := time.Unix(0, tm.Started.UnixNano()), time.Unix(0, tm.Ended.UnixNano())
	stored.Started, stored.Ended = &s, &e
	later := now.Add(10 * time.Minute)
	if a, b := tm.Remaining(later), stored.Remaining(later); a != b || a != 18*time.Minute {
		t.Errorf("live %v left, stored %v, want 18m0s both", a, b)
	}
}

func TestTimerValidate(t *testing.T) {
	ts := func(m int) *time.Time { x := mmss(m, 0); return &x }
	tests := []struct {
		name string
		tm   meeting.Timer
		want string // "" for valid
	}{
		{"new", meeting.NewTimer(20 * time.Minute), ""},
		{"no minutes", meeting.NewTimer(0), "at least 1 minute"},
		{"paused before start", meeting.Timer{Planned: time.Hour, PausedAt: ts(1)}, "no start time"},
		{"paused and ended", meeting.Timer{Planned: time.Hour, Started: ts(0), PausedAt: ts(1), Ended: ts(2)}, "both paused and ended"},
		{"negative pauses", meeting.Timer{Planned: time.Hour, Started: ts(0), Paused: -time.Minute}, "less than nothing"},
		{"pause before running", meeting.Timer{Planned: time.Hour, Started: ts(0), Paused: 5 * time.Minute, PausedAt: ts(3)}, "before it had run"},
		{"ended before start", meeting.Timer{Planned: time.Hour, Started: ts(5), Ended: ts(3)}, "before it had run"},
		{"ended", meeting.Timer{Planned: time.Hour, Started: ts(0), Paused: time.Minute, Ended: ts(3)}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.tm.Validate()
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if meeting.ErrorCode(err) != meeting.EINVALID || !strings.Contains(msg.For("en").Error(err), tt.want) {
				t.Errorf("got %v, want EINVALID containing %q", err, tt.want)
			}
		})
	}
}
