package meeting_test

import (
	"errors"
	"testing"
	"time"

	"github.com/klynge/klynge/meeting"
)

// roundRunning is the evening on time at the first group-work round
// (item 3, 18:15), its timer started as the item started.
func roundRunning(t *testing.T) meeting.Meeting {
	t.Helper()
	ok := mustOK(t)
	m := ok(evening(t).Start(at(0)))
	m = ok(m.Next(at(5)))
	m = ok(m.Next(at(30)))
	m = ok(m.Next(at(45)))
	return ok(m.ChangeTimer(3, at(45), meeting.Timer.Start))
}

// TestOneClockRoundLength: changing a round's length is changing its
// item's plan, so the round's timer, the item's time left (the header),
// the drift and the projected end all move by the same minutes.
func TestOneClockRoundLength(t *testing.T) {
	extend := func(d time.Duration) func(meeting.Timer, time.Time) (meeting.Timer, error) {
		return func(tm meeting.Timer, _ time.Time) (meeting.Timer, error) { return tm.Extend(d) }
	}
	tests := []struct {
		name     string
		keys     []time.Duration // the round's +1, -1 and +5
		now      time.Time
		minutes  int
		left     time.Duration
		drift    time.Duration
		end      string
		standing meeting.Standing
		doNotFit []string
	}{
		{"as planned", nil, at(50), 20, 15 * time.Minute, 0, "19:10", meeting.StandingOnTime, nil},
		{"-1", []time.Duration{-time.Minute}, at(50), 19, 14 * time.Minute, -time.Minute, "19:09", meeting.StandingAhead, nil},
		{"-1 three times", []time.Duration{-time.Minute, -time.Minute, -time.Minute}, at(50), 17, 12 * time.Minute, -3 * time.Minute, "19:07", meeting.StandingAhead, nil},
		{"+1", []time.Duration{time.Minute}, at(50), 21, 16 * time.Minute, time.Minute, "19:11", meeting.StandingBehind, []string{"Evaluering"}},
		{"+5", []time.Duration{5 * time.Minute}, at(50), 25, 20 * time.Minute, 5 * time.Minute, "19:15", meeting.StandingBehind, []string{"Evaluering"}},
		{"+5 then -1 twice", []time.Duration{5 * time.Minute, -time.Minute, -time.Minute}, at(50), 23, 18 * time.Minute, 3 * time.Minute, "19:13", meeting.StandingBehind, []string{"Evaluering"}},
		// The case: 19 times -1 leaves a 1-minute round that ran
		// 5 minutes: 4 minutes over, and the meeting 15 minutes ahead
		// (19 minutes cut, 4 overrun), on the header as on the round.
		{"-1 nineteen times", repeat(-time.Minute, 19), at(50), 1, -4 * time.Minute, -15 * time.Minute, "18:55", meeting.StandingAhead, nil},
		{"-1 nineteen times, 20 s into the round", repeat(-time.Minute, 19), at(45).Add(20 * time.Second), 1, 40 * time.Second, -19 * time.Minute, "18:51", meeting.StandingAhead, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ok := mustOK(t)
			m := roundRunning(t)
			for _, d := range tt.keys {
				m = ok(m.ChangeTimer(3, tt.now, extend(d)))
			}
			it := m.Items[3]
			if it.Minutes != tt.minutes {
				t.Errorf("item planned %d min, want %d", it.Minutes, tt.minutes)
			}
			b := m.Budget(tt.now)
			ib := b.Items[3]
			if timer := it.RoundTimer().Remaining(tt.now); timer != ib.Left {
				t.Errorf("the round's timer shows %v, the header %v", timer, ib.Left)
			}
			if ib.Left != tt.left {
				t.Errorf("left %v, want %v", ib.Left, tt.left)
			}
			if b.Drift != tt.drift {
				t.Errorf("drift %v, want %v", b.Drift, tt.drift)
			}
			if got := b.ShownEnd().Format("15:04"); got != tt.end {
				t.Errorf("projected end %s, want %s", got, tt.end)
			}
			if b.Standing != tt.standing {
				t.Errorf("standing %s, want %s", b.Standing, tt.standing)
			}
			if got := titles(m, b.DoNotFit); !equalStrings(got, tt.doNotFit) {
				t.Errorf("do not fit %v, want %v", got, tt.doNotFit)
			}
			checkAgreement(t, m, b)
		})
	}
}

func repeat(d time.Duration, n int) []time.Duration {
	out := make([]time.Duration, n)
	for i := range out {
		out[i] = d
	}
	return out
}

// TestOneClockPauseAndEnd: a paused round keeps its time left while the
// projected end moves with the clock; after the round ends, the time
// after it uses up what the round left.
func TestOneClockPauseAndEnd(t *testing.T) {
	ok := mustOK(t)
	m := ok(roundRunning(t).ChangeTimer(3, at(50), meeting.Timer.Pause))
	b := m.Budget(at(55))
	if b.Items[3].Left != 15*time.Minute || b.Drift != 5*time.Minute {
		t.Errorf("paused 5 min with 15 left: left %v, drift %v", b.Items[3].Left, b.Drift)
	}
	m = ok(m.ChangeTimer(3, at(55), meeting.Timer.Resume))
	m = ok(m.ChangeTimer(3, at(60), meeting.Timer.End)) // 10 of 20 minutes used
	// The 5-minute pause is 5 minutes behind.
	b = m.Budget(at(63))
	if b.Items[3].Left != 7*time.Minute || b.Drift != 5*time.Minute || b.Standing != meeting.StandingBehind {
		t.Errorf("3 min after ending with 10 left: left %v, drift %v, %s", b.Items[3].Left, b.Drift, b.Standing)
	}
	if _, err := m.ChangeTimer(3, at(63), func(tm meeting.Timer, _ time.Time) (meeting.Timer, error) { return tm.Extend(time.Minute) }); meeting.ErrorCode(err) != meeting.ECONFLICT {
		t.Errorf("an ended round's length cannot change: %v", err)
	}
	if m.Items[3].Minutes != 20 {
		t.Errorf("a refused change must leave the plan: %d", m.Items[3].Minutes)
	}
}

// TestStandingAndWarningAgree: the status word, the "no longer fits"
// warning and the two clock times on the agenda never contradict each
// other, for on time, ahead and behind, at every second.
func TestStandingAndWarningAgree(t *testing.T) {
	tests := []struct {
		name     string
		m        func(t *testing.T) meeting.Meeting
		now      time.Time
		standing meeting.Standing
		drift    time.Duration
	}{
		{"not started, before the planned start", evening, at(-10), meeting.StandingNotStarted, 0},
		{"not started, after the planned start", evening, at(2), meeting.StandingNotStarted, 0},
		{"on time", roundRunning, at(50), meeting.StandingOnTime, 0},
		// The talk overruns by 20 s: the end moves to 19:10:20, which the
		// screen shows as 19:10: on time, and nothing is said not to fit.
		{"20 s over is on time", talkRunning, at(30).Add(20 * time.Second), meeting.StandingOnTime, 0},
		{"40 s over is a minute behind", talkRunning, at(30).Add(40 * time.Second), meeting.StandingBehind, time.Minute},
		{"5:50 over is 6 behind", talkRunning, at(35).Add(50 * time.Second), meeting.StandingBehind, 6 * time.Minute},
		{"ahead", func(t *testing.T) meeting.Meeting {
			return mustOK(t)(talkRunning(t).Next(at(20)))
		}, at(21), meeting.StandingAhead, -10 * time.Minute},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := tt.m(t)
			b := m.Budget(tt.now)
			if b.Standing != tt.standing || b.Drift != tt.drift {
				t.Errorf("standing %s %v, want %s %v", b.Standing, b.Drift, tt.standing, tt.drift)
			}
			checkAgreement(t, m, b)
		})
	}
	// Every second of a talk that runs from 5 minutes early to 10 late.
	m := talkRunning(t)
	seen := map[meeting.Standing]bool{}
	for now := at(20); now.Before(at(40)); now = now.Add(time.Second) {
		b := m.Budget(now)
		seen[b.Standing] = true
		checkAgreement(t, m, b)
	}
	if !seen[meeting.StandingOnTime] || !seen[meeting.StandingBehind] {
		t.Errorf("the sweep should pass through on time and behind: %v", seen)
	}
}

// talkRunning is the evening with the talk (25 min, planned to end 18:00)
// running from 17:35.
func talkRunning(t *testing.T) meeting.Meeting {
	ok := mustOK(t)
	m := ok(evening(t).Start(at(0)))
	return ok(m.Next(at(5)))
}

// checkAgreement checks what the screens rely on: the drift is whole
// minutes and exactly the distance between the planned end and the shown
// projected end; "on time" and "ahead" come with nothing that no longer
// fits; before the start nothing is behind.
func checkAgreement(t *testing.T, m meeting.Meeting, b meeting.Budget) {
	t.Helper()
	if b.Drift%time.Minute != 0 {
		t.Errorf("%s: drift %v is not whole minutes", b.Now.Format("15:04:05"), b.Drift)
	}
	if got := b.ShownEnd().Sub(b.PlannedEnd); got != b.Drift {
		t.Errorf("%s: shown end is %v from the planned end, drift %v", b.Now.Format("15:04:05"), got, b.Drift)
	}
	shownEnd, _ := time.Parse("15:04", b.ShownEnd().Format("15:04"))
	plannedEnd, _ := time.Parse("15:04", b.PlannedEnd.Format("15:04"))
	if shownEnd.Sub(plannedEnd) != b.Drift {
		t.Errorf("%s: the clock times %s and %s are not %v apart", b.Now.Format("15:04:05"),
			b.PlannedEnd.Format("15:04"), b.ShownEnd().Format("15:04"), b.Drift)
	}
	switch b.Standing {
	case meeting.StandingOnTime, meeting.StandingAhead, meeting.StandingNotStarted:
		if len(b.DoNotFit) > 0 && !(b.Standing == meeting.StandingNotStarted && b.Drift > 0) {
			t.Errorf("%s: %s but %v no longer fit", b.Now.Format("15:04:05"), b.Standing, titles(m, b.DoNotFit))
		}
	}
	if b.Standing == meeting.StandingOnTime && b.Drift != 0 || b.Standing == meeting.StandingAhead && b.Drift >= 0 ||
		b.Standing == meeting.StandingBehind && b.Drift <= 0 {
		t.Errorf("%s: standing %s with drift %v", b.Now.Format("15:04:05"), b.Standing, b.Drift)
	}
}

// TestEndedMeetingStaysEnded: an ended meeting says when it ended, refuses
// every change to its agenda, and only Reopen opens it again.
func TestEndedMeetingStaysEnded(t *testing.T) {
	ok := mustOK(t)
	m := ok(evening(t).Start(at(0)))
	m = ok(m.ToggleSkip(5)) // round 2 dropped
	for i := 1; !m.Ended(); i++ {
		m = ok(m.Next(at(10 * i)))
	}
	if end, isEnded := m.EndedAt(); !isEnded || !end.Equal(at(60)) {
		t.Fatalf("ended at %v %v, want 18:30", end, isEnded)
	}
	if s := m.Budget(at(70)).Standing; s != meeting.StandingEnded {
		t.Errorf("standing %s, want ended", s)
	}
	for name, change := range map[string]func() (meeting.Meeting, error){
		"bring back a dropped item": func() (meeting.Meeting, error) { return m.ToggleSkip(5) },
		"change minutes":            func() (meeting.Meeting, error) { return m.SetMinutes(6, 9) },
		"move":                      func() (meeting.Meeting, error) { return m.Move(5, 1) },
		"add": func() (meeting.Meeting, error) {
			return m.AddItem(meeting.AgendaItem{Kind: meeting.KindPlenum, Title: "Eventuelt", Minutes: 5}, 6)
		},
		"back": m.Back,
		"next": func() (meeting.Meeting, error) { return m.Next(at(80)) },
	} {
		after, err := change()
		if meeting.ErrorCode(err) != meeting.ECONFLICT || !after.Ended() {
			t.Errorf("%s on an ended meeting: %v, ended %v", name, err, after.Ended())
		}
	}
	var e *meeting.Error
	if _, err := m.ToggleSkip(5); !errors.As(err, &e) || e.Key != "err.MeetingEnded" {
		t.Errorf("the refusal is worded by the catalogue: %v", err)
	}
	r := ok(m.Reopen())
	if _, err := m.ChangeTimer(5, at(70), meeting.Timer.Toggle); meeting.ErrorCode(err) != meeting.ECONFLICT {
		t.Errorf("starting the timer of a dropped round: %v", err)
	}
	if _, err := m.ChangeTimer(3, at(70), meeting.Timer.Toggle); meeting.ErrorCode(err) != meeting.ECONFLICT {
		t.Errorf("starting the timer of a held round after the end: %v", err)
	}
	if r.Ended() || r.Current() != 6 || r.Items[6].Ended != nil {
		t.Errorf("reopen should run the evaluation again: current %d", r.Current())
	}
	if _, err := r.Reopen(); meeting.ErrorCode(err) != meeting.ECONFLICT {
		t.Errorf("reopening a running meeting: %v", err)
	}
}
