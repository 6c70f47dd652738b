package meeting

import (
	"maps"
	"strings"
	"time"
)

// The changes below are what single key presses do to a running meeting.
// Each returns a new Meeting and leaves the one it was called on as it
// was, so a queue of changes can each start from the state the one before
// it left.

// WithAttendance records a, replacing the member's earlier record; status
// StatusNotChecked removes it.
func (m Meeting) WithAttendance(a Attendance) Meeting {
	att := maps.Clone(m.Attendance)
	if att == nil {
		att = map[int64]Attendance{}
	}
	a.Reason = strings.TrimSpace(a.Reason)
	if a.Status == StatusNotChecked {
		delete(att, a.MemberID)
	} else {
		att[a.MemberID] = a
	}
	m.Attendance = att
	return m
}

// ToggleConsent withdraws practice ydernummer's consent to be shown by
// name if it has given it, and records it as given at at otherwise. given
// is the consent after the change.
func (m Meeting) ToggleConsent(ydernummer string, at time.Time) (changed Meeting, given bool) {
	c := maps.Clone(m.Consents)
	if c == nil {
		c = map[string]time.Time{}
	}
	if _, ok := c[ydernummer]; ok {
		delete(c, ydernummer)
	} else {
		c[ydernummer] = at
		given = true
	}
	m.Consents = c
	return m, given
}

// ChangeTimer applies change to the round timer of item i. A change of the
// round's length is a change of the item's planned minutes, so the agenda,
// the drift and the projected end move with the timer.
func (m Meeting) ChangeTimer(i int, at time.Time, change func(Timer, time.Time) (Timer, error)) (Meeting, error) {
	if err := m.checkIndex(i); err != nil {
		return m, err
	}
	before := m.Items[i].RoundTimer()
	t, err := change(before, at)
	if err != nil {
		return m, err
	}
	// A held or dropped round keeps its record: its length cannot change
	// and it cannot start now (ending a timer still running is allowed).
	if t.Planned != before.Planned || (before.Started == nil && t.Started != nil) {
		switch m.Items[i].Status() {
		case StatusDone:
			return m, Errork(ECONFLICT, "err.RoundHeld", m.Items[i].Title)
		case StatusSkipped:
			return m, Errork(ECONFLICT, "err.RoundDropped", m.Items[i].Title)
		}
	}
	m = m.cloneItems()
	m.Items[i].Timer = t
	if t.Planned != before.Planned {
		m.Items[i].Minutes = int((t.Planned + time.Minute - 1) / time.Minute)
	}
	return m, nil
}

// Toggle starts a round that has not started, pauses a running one and
// resumes a paused one: the one key for all three. An ended round stays
// ended (ECONFLICT).
func (t Timer) Toggle(at time.Time) (Timer, error) {
	switch t.State(at) {
	case TimerNotStarted:
		return t.Start(at)
	case TimerPaused:
		return t.Resume(at)
	}
	return t.Pause(at)
}

// WithNote sets the coordinator's note on group group's presentation at
// item i; an empty text removes it.
func (m Meeting) WithNote(i, group int, text string) (Meeting, error) {
	if err := m.checkIndex(i); err != nil {
		return m, err
	}
	if group < 1 || group > len(m.Groups) {
		return m, Errork(ENOTFOUND, "err.NoGroup", group)
	}
	m = m.cloneItems()
	notes := maps.Clone(m.Items[i].Notes)
	if notes == nil {
		notes = map[int]string{}
	}
	if text = strings.TrimSpace(text); text == "" {
		delete(notes, group)
	} else {
		notes[group] = text
	}
	m.Items[i].Notes = notes
	return m, nil
}
