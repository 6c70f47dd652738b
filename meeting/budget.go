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
	// Left is the running item's planned time left; negative once it
	// overruns.
	Left time.Duration
	// Fits is false for a pending item that is expected to end after the
	// meeting's planned end.
	Fits bool
}

// Budget is the meeting's time budget at one instant: where it stands
// against the plan, and what no longer fits.
type Budget struct {
	Now          time.Time
	PlannedEnd   time.Time
	ProjectedEnd time.Time
	// Drift is ProjectedEnd - PlannedEnd: positive when the meeting is
	// behind, negative when ahead.
	Drift time.Duration
	Items []ItemBudget
	// Current is the index of the running item, or -1.
	Current int
	// Overrun is how far the running item is past its planned minutes;
	// zero when it is within them.
	Overrun time.Duration
	// DoNotFit lists the pending items expected to end after the planned
	// end, in agenda order.
	DoNotFit []int
}

// Budget computes the time budget at now. Done items count with their real
// length; the running item at least its planned length, longer once it
// overruns; pending items follow at their planned length from whichever is
// later, now or the end of what came before. Skipped items take no time.
func (m Meeting) Budget(now time.Time) Budget {
	b := Budget{Now: now, PlannedEnd: m.PlannedEnd, Current: -1, Items: make([]ItemBudget, len(m.Items))}
	planned := m.PlannedStart
	cursor := m.PlannedStart
	if !m.UnderWay() && now.After(cursor) {
		// Not started although it should have: everything shifts.
		cursor = now
	}
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
			ib.ProjectedEnd = laterOf(it.Started.Add(ib.Planned), now)
			ib.Left = ib.Planned - ib.Actual
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
			if ib.ProjectedEnd.After(m.PlannedEnd) {
				ib.Fits = false
				b.DoNotFit = append(b.DoNotFit, i)
			}
		}
		b.Items[i] = ib
	}
	b.ProjectedEnd = cursor
	b.Drift = b.ProjectedEnd.Sub(b.PlannedEnd)
	return b
}

func laterOf(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
