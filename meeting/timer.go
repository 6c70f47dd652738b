package meeting

import (
	"fmt"
	"time"
)

// TimerState is what a group-work round's timer shows at one instant.
type TimerState string

// The states of a round's timer. A started round is Running until its last
// two minutes, then LastMinutes, and Overrun from the moment nothing is left;
// Paused and Ended override those.
const (
	TimerNotStarted  TimerState = "not_started"
	TimerRunning     TimerState = "running"
	TimerPaused      TimerState = "paused"
	TimerLastMinutes TimerState = "last_minutes" // 2:00 or less left
	TimerOverrun     TimerState = "overrun"      // 0:00 or less left
	TimerEnded       TimerState = "ended"
)

// TimerStates lists every state, in the order a round passes through them.
func TimerStates() []TimerState {
	return []TimerState{TimerNotStarted, TimerRunning, TimerPaused, TimerLastMinutes, TimerOverrun, TimerEnded}
}

// LastMinutesWindow is how much time left turns the timer to
// TimerLastMinutes. Exactly this much left already counts.
const LastMinutesWindow = 2 * time.Minute

// MinRound is the shortest round a timer accepts.
const MinRound = time.Minute

// Timer times one group-work round from wall-clock instants only, so the
// value is its own stored state: keep a copy, and after a crash or restart
// the copy gives the same remaining time at the same wall time. Nothing
// ticks; ask Elapsed, Remaining and State with the current time.
//
// Operations return a new Timer and leave the receiver as it was; the
// pointers in a Timer are never written through, so copies may share them.
// Instants are stored without Go's monotonic clock reading, so a live timer
// and one restored from the store agree to the nanosecond, and time spent
// with the computer asleep counts as time that passed in the room.
type Timer struct {
	// Planned is the round's length including extensions.
	Planned time.Duration
	// Started is when the round started; nil before.
	Started *time.Time
	// PausedAt is when the current pause began; nil unless paused.
	PausedAt *time.Time
	// Paused is the total length of the finished pauses.
	Paused time.Duration
	// Ended is when the round was ended, early or after overrunning.
	Ended *time.Time
}

// NewTimer makes a timer for a round of the planned length. It is checked
// when the round starts, so a stored plan of 0 minutes can still be shown
// and corrected.
func NewTimer(planned time.Duration) Timer { return Timer{Planned: planned} }

// Validate checks what every stored timer must satisfy.
func (t Timer) Validate() error {
	switch {
	case t.Planned < MinRound:
		return Errork(EINVALID, "err.RoundOneMinute")
	case t.Paused < 0:
		return Errork(EINVALID, "err.RoundPausesNegative", t.Paused)
	case t.Started == nil && (t.PausedAt != nil || t.Ended != nil || t.Paused != 0):
		return Errork(EINVALID, "err.RoundNoStart")
	case t.PausedAt != nil && t.Ended != nil:
		return Errork(EINVALID, "err.RoundPausedAndEnded")
	case t.PausedAt != nil && t.PausedAt.Before(t.Started.Add(t.Paused)):
		return Errork(EINVALID, "err.RoundPauseBeforeRun", clockTime(*t.PausedAt))
	case t.Ended != nil && t.Ended.Before(t.Started.Add(t.Paused)):
		return Errork(EINVALID, "err.RoundEndBeforeRun", clockTime(*t.Ended))
	}
	return nil
}

// Start starts the round at the given time.
func (t Timer) Start(at time.Time) (Timer, error) {
	if t.Started != nil {
		return t, Errork(ECONFLICT, "err.RoundAlreadyStarted", clockTime(*t.Started))
	}
	if t.Planned < MinRound {
		return t, Errork(EINVALID, "err.RoundOneMinute")
	}
	at = at.Round(0)
	t.Started = &at
	return t, nil
}

// Pause stops the clock until Resume. An overrunning round can be paused
// too.
func (t Timer) Pause(at time.Time) (Timer, error) {
	if err := t.checkRunning("paused"); err != nil {
		return t, err
	}
	if err := t.checkNotBefore(at, "pause"); err != nil {
		return t, err
	}
	at = at.Round(0)
	t.PausedAt = &at
	return t, nil
}

// Resume restarts the clock after a pause; the pause does not count as
// round time.
func (t Timer) Resume(at time.Time) (Timer, error) {
	switch {
	case t.Ended != nil:
		return t, Errork(ECONFLICT, "err.RoundEndedNoResume", clockTime(*t.Ended))
	case t.PausedAt == nil:
		return t, Errork(ECONFLICT, "err.RoundNotPaused")
	}
	if err := t.checkNotBefore(at, "resume"); err != nil {
		return t, err
	}
	t.Paused += at.Sub(*t.PausedAt)
	t.PausedAt = nil
	return t, nil
}

// Extend lengthens the round by d, or shortens it when d is negative (the
// coordinator's +1, -1 and +5 minutes). It works before the round starts,
// while it runs and while it is paused, never after it ended.
//
// The planned length never drops below 1 minute, but it may drop below the
// time already run: the round then shows as overrunning at once. Extend
// takes no time, so it cannot compare with the time run; and refusing -1
// at 0:40 left would only make the coordinator press End instead. Extend
// never touches the elapsed time, so no time is lost either way.
func (t Timer) Extend(d time.Duration) (Timer, error) {
	switch {
	case t.Ended != nil:
		return t, Errork(ECONFLICT, "err.RoundEndedFixed", clockTime(*t.Ended))
	case d == 0:
		return t, Errork(EINVALID, "err.RoundZeroChange")
	case t.Planned+d < MinRound:
		return t, Errork(EINVALID, "err.RoundOneMinutePlanned", minutesText(t.Planned))
	}
	t.Planned += d
	return t, nil
}

// End ends the round, early or after overrunning. A pause still open ends
// with it.
func (t Timer) End(at time.Time) (Timer, error) {
	switch {
	case t.Started == nil:
		return t, Errork(ECONFLICT, "err.RoundNotStartedEnd")
	case t.Ended != nil:
		return t, Errork(ECONFLICT, "err.RoundAlreadyEnded", clockTime(*t.Ended))
	}
	if err := t.checkNotBefore(at, "end"); err != nil {
		return t, err
	}
	at = at.Round(0)
	if t.PausedAt != nil {
		t.Paused += at.Sub(*t.PausedAt)
		t.PausedAt = nil
	}
	t.Ended = &at
	return t, nil
}

// Elapsed is how long the round has run at now, pauses excluded. It stops
// while paused and once ended, is 0 before the start, and never goes below
// 0 even if the computer's clock is set back.
func (t Timer) Elapsed(now time.Time) time.Duration {
	if t.Started == nil {
		return 0
	}
	stop := now
	if t.PausedAt != nil && t.PausedAt.Before(stop) {
		stop = *t.PausedAt
	}
	if t.Ended != nil && t.Ended.Before(stop) {
		stop = *t.Ended
	}
	return max(0, stop.Sub(*t.Started)-t.Paused)
}

// Remaining is the planned time left at now; negative past zero, where its
// absolute value is the overrun.
func (t Timer) Remaining(now time.Time) time.Duration {
	return t.Planned - t.Elapsed(now)
}

// State is what the timer shows at now. Exactly 2:00 left is already
// TimerLastMinutes and exactly 0:00 left is already TimerOverrun, so a
// display that rounds the time left up to whole seconds changes colour as
// it shows 2:00 and turns red (and rings) as it shows 0:00.
func (t Timer) State(now time.Time) TimerState {
	switch {
	case t.Ended != nil:
		return TimerEnded
	case t.Started == nil:
		return TimerNotStarted
	case t.PausedAt != nil:
		return TimerPaused
	}
	switch left := t.Remaining(now); {
	case left <= 0:
		return TimerOverrun
	case left <= LastMinutesWindow:
		return TimerLastMinutes
	}
	return TimerRunning
}

// checkRunning refuses an action, named by its past participle, unless the
// round is running (overrunning counts).
func (t Timer) checkRunning(done string) error {
	switch {
	case t.Started == nil:
		return Errork(ECONFLICT, "err.RoundNotStartedPause")
	case t.Ended != nil:
		return Errork(ECONFLICT, "err.RoundAlreadyEnded", clockTime(*t.Ended))
	case t.PausedAt != nil:
		return Errork(ECONFLICT, "err.RoundAlreadyPaused", clockTime(*t.PausedAt))
	}
	return nil
}

// checkNotBefore refuses an instant that would make time run backwards: a
// pause or end before the round had run at all, or a resume before the
// pause began.
func (t Timer) checkNotBefore(at time.Time, action string) error {
	last := t.Started.Add(t.Paused)
	if t.PausedAt != nil {
		last = *t.PausedAt
	}
	if at.Before(last) {
		return Errork(EINVALID, "err.RoundBackwards", Word("word."+action), clockTime(at), clockTime(last))
	}
	return nil
}

func clockTime(t time.Time) string { return t.Format("15:04:05") }

// minutesText shows a duration as whole minutes when it is one, e.g.
// "20 min", else as Go does, e.g. "1m30s".
func minutesText(d time.Duration) string {
	if d%time.Minute == 0 {
		return fmt.Sprintf("%d min", d/time.Minute)
	}
	return d.String()
}
