package tui

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/klynge/klynge/meeting"
)

// clockDuration formats a duration as m:ss, or h:mm:ss from an hour up,
// always positive; callers add the sign or the word.
func clockDuration(d time.Duration) string {
	d = d.Abs().Round(time.Second)
	h := int(d / time.Hour)
	m := int(d % time.Hour / time.Minute)
	s := int(d % time.Minute / time.Second)
	if h > 0 {
		return fmt.Sprintf("%d:%02d:%02d", h, m, s)
	}
	return fmt.Sprintf("%d:%02d", m, s)
}

// wholeMinutes rounds a duration to whole minutes, half away from zero.
func wholeMinutes(d time.Duration) int {
	return int(math.Round(d.Minutes()))
}

// standing says where the meeting stands in words, from the budget alone,
// so every screen says the same: when it starts, how far behind or ahead
// it is (the drift is whole minutes already), or when it ended.
func (t Text) standing(mt meeting.Meeting, b meeting.Budget) string {
	switch b.Standing {
	case meeting.StandingNotStarted:
		return fmt.Sprintf(t.StartsAt, t.Clock(mt.PlannedStart.Local()))
	case meeting.StandingEnded:
		if at, ok := mt.EndedAt(); ok {
			return fmt.Sprintf(t.EndedAt, t.Clock(at.Local()))
		}
		return t.MeetingEnded
	case meeting.StandingBehind:
		return fmt.Sprintf(t.Behind, wholeMinutes(b.Drift))
	case meeting.StandingAhead:
		return fmt.Sprintf(t.Ahead, -wholeMinutes(b.Drift))
	}
	return t.OnTime
}

// leftText is a running item's or round's time left as the room sees it:
// whole seconds rounded up, so it reaches 0:00 exactly when the time is up
// and an overrun counts from 0:01. The header and the round's big digits
// both use it, so they never differ by a second.
func leftText(d time.Duration) string {
	ceil := func(d time.Duration) time.Duration { return (d + time.Second - 1).Truncate(time.Second) }
	if d < 0 {
		return clockDuration(ceil(-d))
	}
	return clockDuration(ceil(d))
}

// joinNames lists names as "a, b og c" / "a, b and c".
func (t Text) joinNames(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	var b strings.Builder
	for i, n := range names[:len(names)-1] {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(n)
	}
	b.WriteString(" " + t.And + " " + names[len(names)-1])
	return b.String()
}
