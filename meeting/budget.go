package meeting

import "time"

// ItemBudget is one item's time: planned, actual and projected.
type ItemBudget struct {
	Index  int
	Status ItemStatus
	// PlannedStart is where the item falls when the live agenda is laid
	// out from the meeting's planned start, skipped items taking no time.
	PlannedStart time.Time
	Planned      time.Duration
	// Actual is how long the item has run (0 before it starts).
	Actual time.Duration
	// ProjectedStart and ProjectedEnd are when the item started and ended,
	// or is expected to, given what has happened so far.
	ProjectedStart time.Time
	ProjectedEnd   time.Time
	// Left is the running item's planned time left (RunItem.Left); negative
	// once it overruns. For a group-work round it is what the round's
	// timer shows.
	Left time.Duration
	// Fits is false for a pending item that is expected to end at least a
	// whole minute after the meeting's planned end, counted as Drift is.
	Fits bool
}

// Standing is where a meeting stands against its plan, in the words the
// screens use; it is derived from Drift, so the word and the "no longer
// fits" warning can never contradict each other.
type Standing string

// The standings. NotStarted and Ended have no drift to speak of: before
// the start the plan is shown as planned, and after the end what counts is
// when it ended.
const (
	StandingNotStarted Standing = "not_started"
	StandingOnTime     Standing = "on_time"
	StandingAhead      Standing = "ahead"
	StandingBehind     Standing = "behind"
	StandingEnded      Standing = "ended"
)

// Budget is the meeting's time budget at one instant: where it stands
// against the plan, and what no longer fits. It is the one clock of a
// running meeting: the header, the agenda, the item screens and the round
// timer all read their time left, drift and projected end from it.
type Budget struct {
	Now          time.Time
	PlannedEnd   time.Time
	ProjectedEnd time.Time
	// Drift is how far the projected end is from the planned end, in whole
	// minutes (both rounded to the minute first, so a screen that shows
	// the two clock times shows them exactly Drift apart): positive when
	// the meeting is behind, negative when ahead.
	Drift time.Duration
	// Standing is Drift in words; StandingNotStarted before the start and
	// StandingEnded after the end.
	Standing Standing
	Items    []ItemBudget
	// Current is the index of the running item, or -1.
	Current int
	// Overrun is how far the running item is past its planned minutes;
	// zero when it is within them.
	Overrun time.Duration
	// DoNotFit lists the pending items expected to end after the planned
	// end, in agenda order. It is empty whenever Standing is on time or
	// ahead.
	DoNotFit []int
}

// ShownEnd is the projected end as the screens show it: the planned end
// moved by Drift, so "forventet slut" and "N min bagud" always agree.
func (b Budget) ShownEnd() time.Time { return b.PlannedEnd.Add(b.Drift) }

// Budget computes the time budget at now. Done items count with their real
// length; the running item with what it has left (RunItem.Left), or from
// now once it overruns; pending items follow at their planned length from
// whichever is later, now or the end of what came before. Skipped items
// take no time. Before the meeting starts the plan is laid out from the
// planned start, whatever the time: a meeting nobody has started is not
// "behind", it is waiting.
func (m Meeting) Budget(now time.Time) Budget {
	b := Budget{Now: now, PlannedEnd: m.PlannedEnd, Current: -1, Items: make([]ItemBudget, len(m.Items))}
	planned := m.PlannedStart
	cursor := m.PlannedStart
	for i, it := range m.Items {
		ib := ItemBudget{Index: i, Status: it.Status(), PlannedStart: planned, Actual: it.Elapsed(now), Fits: true}
		if ib.Status != StatusSkipped {
			ib.Planned = it.Planned()
			planned = planned.Add(ib.Planned)
		}
		switch ib.Status {
		case StatusDone:
			ib.ProjectedStart, ib.ProjectedEnd = *it.Started, *it.Ended
			cursor = laterOf(cursor, *it.Ended)
		case StatusRunning:
			b.Current = i
			ib.ProjectedStart = *it.Started
			ib.Left = it.Left(now)
			ib.ProjectedEnd = now.Add(max(0, ib.Left))
			b.Overrun = max(0, -ib.Left)
			cursor = ib.ProjectedEnd
		case StatusSkipped:
			ib.ProjectedStart, ib.ProjectedEnd = cursor, cursor
		case StatusPending:
			if m.UnderWay() {
				// Once the meeting runs, nothing still to come can start
				// before now.
				cursor = laterOf(cursor, now)
			}
			ib.ProjectedStart = cursor
			ib.ProjectedEnd = cursor.Add(ib.Planned)
			cursor = ib.ProjectedEnd
			if minuteDiff(ib.ProjectedEnd, m.PlannedEnd) > 0 {
				ib.Fits = false
				b.DoNotFit = append(b.DoNotFit, i)
			}
		}
		b.Items[i] = ib
	}
	b.ProjectedEnd = cursor
	b.Drift = minuteDiff(b.ProjectedEnd, b.PlannedEnd)
	switch {
	case !m.UnderWay():
		b.Standing = StandingNotStarted
	case m.Ended():
		b.Standing = StandingEnded
	case b.Drift > 0:
		b.Standing = StandingBehind
	case b.Drift < 0:
		b.Standing = StandingAhead
	default:
		b.Standing = StandingOnTime
	}
	return b
}

// minuteDiff is a - b with both rounded to the minute: what two clock
// times shown as hh:mm say.
func minuteDiff(a, b time.Time) time.Duration {
	return a.Round(time.Minute).Sub(b.Round(time.Minute))
}

// Left is the running item's planned time left at now; negative once it
// overruns. A group-work round's time is its timer's: the time before the
// round starts is not counted (the screen shows the full round until then),
// pauses are not counted, and once the round has ended the time after it
// counts, so a plenum in the same item uses up what the round left. Every
// other item counts from its start.
func (it RunItem) Left(now time.Time) time.Duration {
	if it.Kind != KindGroupwork {
		return it.Planned() - it.Elapsed(now)
	}
	t := it.RoundTimer()
	used := t.Elapsed(now)
	if t.Ended != nil && now.After(*t.Ended) {
		used += now.Sub(*t.Ended)
	}
	return it.Planned() - used
}

func laterOf(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
